import Diagnostics
import Foundation
import PrereqBasics
import PrereqCore
import Testing

/// Random small packs and snapshots (seeded, so every failure can be replayed by its seed):
/// every plan printed reaches the goal when performed and keeps its steps' own rules (`last`,
/// manual steps after a switch, runs made stale, forbidden values), no step is for what already holds, no
/// satisfied condition is a root cause, and a feature that can be switched on or is in effect
/// gets a plan with nothing to fix. `PREREQ_PROPERTY_CASES=10000 swift test --filter
/// PlanPropertyTests` runs more cases than the default.
@Suite struct PlanPropertyTests {
    static var cases: Int {
        ProcessInfo.processInfo.environment["PREREQ_PROPERTY_CASES"].flatMap(Int.init) ?? 300
    }

    @Test func everyPrintedPlanReachesItsGoal() {
        var failures: [String] = []
        for seed in 0..<UInt64(Self.cases) {
            failures += RandomCase(seed: seed).violations()
            if failures.count >= 5 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    /// The generated cases hold every kind of value condition and every gate (manual steps
    /// too), orders after a job's state, created jobs and every step rule, in packs that load
    /// without errors.
    @Test func theGeneratorCoversConditionsOnValues() {
        var keys = Set<String>()
        var gates = Set<String>()
        var negated = 0
        var attributes = 0
        var perKey = 0
        var stateOrders = 0
        var createdJobs = 0
        var stepRules: [String: Int] = [:]
        for seed in 0..<UInt64(200) {
            let c = RandomCase(seed: seed)
            let (p, diagnostics) = pack(c.pack)
            stateOrders += p.jobs.map(\.afterReached.count).reduce(0, +)
            createdJobs += p.jobs.filter { $0.createdBy != nil }.count
            stepRules["last job", default: 0] += p.jobs.filter(\.stepRules.isLast).count
            stepRules["parameters", default: 0] += p.jobs.filter { !$0.stepRules.parameters.isEmpty }.count
            stepRules["last manual step", default: 0] += p.manualSteps.filter(\.stepRules.isLast).count
            stepRules["manual after the switch", default: 0] += p.features.filter { $0.takesEffect?.manual.isEmpty == false }.count
            #expect(!diagnostics.contains { $0.severity == .error }, "seed \(seed): \(diagnostics.map(\.message))\n\(c.pack)")
            for f in p.features {
                for v in f.requires?.valueConditions ?? [] {
                    keys.insert(v.test.key)
                    if case .attribute = v.subject { attributes += 1 }
                }
                for g in f.requires?.gates ?? [] {
                    switch g {
                    case .records(let r, _):
                        gates.insert("records")
                        if ["r2", "r3"].contains(r.value) { perKey += 1 }
                    case .schedule: gates.insert("schedule")
                    case .manual: gates.insert("manual")
                    case .version: gates.insert("version")
                    case .event: gates.insert("event")
                    }
                }
                if case .allOf(let parts, _)? = f.requires, parts.contains(where: { if case .not(.value, _) = $0 { true } else { false } }) { negated += 1 }
            }
        }
        #expect(keys == ["serving", "equals", "in", "notIn", "atLeast", "atMost", "contains", "order"])
        #expect(negated > 0)
        #expect(attributes > 0)
        #expect(gates == ["records", "schedule", "manual", "version", "event"])
        #expect(perKey > 0)
        #expect(stateOrders > 0 && createdJobs > 0)
        #expect(stepRules.count == 4 && stepRules.values.allSatisfy { $0 > 0 }, "\(stepRules)")
    }

    /// Seeds the property test once found failing, kept as regressions.
    @Test(arguments: [UInt64]([180, 292, 295, 1308, 1675, 1782, 1934, 2187, 2240, 2437, 3402]))
    func regression(seed: UInt64) {
        #expect(RandomCase(seed: seed, structured: false).violations().isEmpty)
    }

    /// Seeds once found failing with lifecycles in the generator: a prerequisite an upgrade
    /// makes mandatory, and a scheduled switch that needs what every switch needs.
    @Test(arguments: [UInt64]([827, 1046, 3539]))
    func lifecycleRegression(seed: UInt64) {
        #expect(RandomCase(seed: seed).violations().isEmpty)
    }

    /// Seeds once found failing with step rules in the generator: a `last` job a schedule gate
    /// needs run before the switch; a manual step after the switch, confirmed by a setting,
    /// that a prerequisite's switch needs not done yet.
    @Test(arguments: [UInt64]([1060, 3026]))
    func stepRuleRegression(seed: UInt64) {
        #expect(RandomCase(seed: seed).violations().isEmpty)
    }

    /// Seeds once found failing with groups, conditions and severities in the generator.
    @Test(arguments: [UInt64]([820, 3526]))
    func structuredRegression(seed: UInt64) {
        #expect(RandomCase(seed: seed, attributes: false).violations().isEmpty)
    }
}

/// One generated pack and snapshot, and the properties checked on every feature's answer.
struct RandomCase {
    let seed: UInt64
    let pack: String
    let snapshot: String

    /// With `structured`, some requirement nodes become groups (`exactlyOne`, `atLeast`,
    /// `atMost`), conditional requirements (`when`) or recommendations (`severity: warning`),
    /// drawn from a second generator so that the first draws what it always drew (and the seeds
    /// kept as regressions, found before these forms, still make their own cases).
    /// With `attributes` (and `structured`), some features test attributes of the environment
    /// or a channel, drawn from a third generator.
    init(seed: UInt64, structured: Bool = true, attributes withAttributes: Bool = true) {
        self.seed = seed
        var r = SeededRandom(seed: seed)
        var structure: SeededRandom? = structured ? SeededRandom(seed: seed ^ 0x5EED_57C7) : nil
        let features = 2 + r.below(5)
        let jobs = r.below(4)
        let settings = r.below(3)
        let versions = ["10.0.30", "10.0.36", "10.0.38", "10.0.40", "10.0.42"]
        var lines: [[String]] = []
        var conflicts: [Set<Int>] = Array(repeating: [], count: features)
        var alsoEnables: [Int?] = Array(repeating: nil, count: features)
        for f in 0..<features {
            var parts: [String] = []
            if f + 1 < features, r.chance(70) {
                parts.append("requires: [\(Self.requirement(&r, &structure, from: f + 1, to: features, depth: 0))]")
            }
            if r.chance(25) {
                let z = r.below(features)
                if z != f {
                    parts.append("conflicts: [f\(z)]")
                    conflicts[f].insert(z)
                    conflicts[z].insert(f)
                }
            }
            if f + 1 < features, r.chance(15) { alsoEnables[f] = f + 1 + r.below(features - f - 1) }
            if r.chance(20) { parts.append("introducedIn: \(r.pick(versions))") }
            if r.chance(10) { parts.append("removedIn: \(r.pick(versions))") }
            if settings > 0, r.chance(35) {
                let s = r.below(settings)
                parts.append("settings: {s\(s): \(s % 2 == 0 ? r.pick(["true", "false"]) : r.pick(["Batch", "Live"]))}")
            }
            if r.chance(50) {
                var effect: [String] = []
                if jobs > 0 {
                    let listed = (0..<jobs).filter { _ in r.chance(50) }.map { "j\($0)" }
                    if !listed.isEmpty { effect.append("jobs: [\(listed.joined(separator: ", "))]") }
                }
                if r.chance(50) { effect.append("settle: \(r.pick(["10m", "30m", "2h"]))") }
                if !effect.isEmpty { parts.append("takesEffect: {\(effect.joined(separator: ", "))}") }
            }
            lines.append(parts)
        }
        // A feature that conflicts with what it also enables contradicts itself: left out.
        var p = "prereq: 1\nfeatures:\n"
        for (f, parts) in lines.enumerated() {
            var parts = parts
            if let g = alsoEnables[f], !conflicts[f].contains(g) { parts.insert("alsoEnables: [f\(g)]", at: min(parts.count, 1)) }
            p += "  f\(f): {\(parts.joined(separator: ", "))}\n"
        }
        if settings > 0 {
            p += "settings:\n"
            for s in 0..<settings {
                p += "  s\(s): {type: \(s % 2 == 0 ? "bool" : "string"), scope: \(r.pick(["environment", "channel"]))}\n"
            }
        }
        // Orders after a job's state and jobs another job creates, from a generator of their
        // own (so the regressions keep their cases); only after jobs declared earlier, so that
        // the pack's order is an order of runs.
        var js = SeededRandom(seed: seed ^ 0x57A7_E5ED)
        let jobStates = structured && js.chance(50)
        var created = Set<Int>()
        if jobs > 0 {
            p += "jobs:\n"
            for j in 0..<jobs {
                var after = j > 0 && r.chance(60) ? ["j\(r.below(j))"] : []
                var extra = ""
                if jobStates, j > 0 {
                    if js.chance(50) { after.append("{job: j\(js.below(j)), reached: \(js.pick(["Applied", "Applied", "Validated"]))}") }
                    if js.chance(35) {
                        extra = ", createdBy: j\(js.below(j))"
                        created.insert(j)
                    }
                }
                let list = after.isEmpty ? "" : ", after: [\(after.joined(separator: ", "))]"
                p += "  j\(j): {code: J\(j), kind: \(r.pick(["download", "batch"]))\(list)\(extra)}\n"
            }
        }
        // Conditions on values, from a generator of their own (so the rest of each seed's case
        // stays as it was): an int, an enumerated and a list setting, served values.
        var v = SeededRandom(seed: seed ^ 0x7A1E_5EED)
        let values = v.chance(60)
        if values {
            var conditions: [Int: String] = [:]
            // Some judged in each channel, from a generator of their own (so the regressions keep their cases).
            var w = SeededRandom(seed: seed ^ 0xEAC4_C4A1)
            for f in 0..<features where v.chance(45) {
                let condition = Self.valueCondition(&v, from: f + 1, to: features)
                conditions[f] = structured && w.chance(25) ? "{eachChannel: \(condition)}" : condition
            }
            p = Self.adding(conditions, to: p, features: features)
            let declared = "  n0: {type: int, scope: \(v.pick(["environment", "channel"]))}\n"
                + "  e0: {type: string, allowedValues: [A, B, C], scope: \(v.pick(["environment", "channel"]))}\n"
                + "  e1: {type: string}\n"
                + "  l0: {type: list, scope: \(v.pick(["environment", "channel"]))}\n"
            if let r = p.range(of: "settings:\n") { p.insert(contentsOf: declared, at: r.upperBound) } else { p += "settings:\n" + declared }
        }
        // Attributes, from a generator of their own (so that the regressions keep their cases):
        // a region, a channel's edition, sometimes as a `when`.
        var a = SeededRandom(seed: seed ^ 0xA77B_17E5)
        let attributes = structured && withAttributes && a.chance(40)
        if attributes {
            var conditions: [Int: String] = [:]
            for f in 0..<features where a.chance(35) {
                let c = a.pick(["{attribute: region, notIn: [China]}", "{attribute: region, in: [Europe, China]}", "{attribute: edition, notIn: [Express]}"])
                let later = f + 1 < features ? "f\(f + 1 + a.below(features - f - 1))" : nil
                if let later, a.chance(30) {
                    conditions[f] = "{when: \(c), then: \(later)}"
                } else if a.chance(35) {
                    // Judged in each channel: an edition, or a later feature where the edition is one.
                    let edition = a.chance(50) ? "{attribute: edition, equals: \(a.pick(["Express", "Standard"]))}" : "{attribute: edition, notIn: [Express]}"
                    conditions[f] = later.map { a.chance(50) ? "{eachChannel: \($0), where: \(edition)}" : "{eachChannel: [\(edition), \($0)]}" }
                        ?? "{eachChannel: \(edition)}"
                } else {
                    conditions[f] = c
                }
            }
            p = Self.adding(conditions, to: p, features: features)
            p += "\nattributes:\n  region: {values: [Europe, China, United States]}\n  edition: {scope: channel}\n"
        }
        // Gates (a job on a schedule, record checks), from a generator of their own, in the
        // structured cases only (so the regression seeds keep their cases).
        var g = SeededRandom(seed: seed ^ 0x6A7E_5EED)
        // Record checks with a limit per key, from a third generator (the gate cases keep theirs).
        var k = SeededRandom(seed: seed ^ 0x9E4_C0DE)
        let gates = structured && jobs > 0 && g.chance(50)
        if gates {
            var out = ""
            for line in p.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                guard let f = (0..<features).first(where: { line.hasPrefix("  f\($0): {") }), g.chance(40) else {
                    out += line + "\n"
                    continue
                }
                var c = g.pick([
                    "{schedule: j\(g.below(jobs)), maxInterval: \(g.pick(["30m", "1h", "2h"]))}", "{schedule: j\(g.below(jobs))}",
                    "{records: r0}", "{records: r1}",
                ])
                if k.chance(30) { c = k.pick(["{records: r2}", "{records: r3}"]) }
                // Not under `not` for a schedule: the simulator's clock makes a job overdue by
                // waiting (it never runs on its own), which no plan should rely on.
                switch g.below(5) {
                case 0 where f + 1 < features: c = "{anyOf: [\(c), f\(f + 1 + g.below(features - f - 1))]}"
                case 1 where c.hasPrefix("{records"): c = "{not: \(c)}"
                default: break
                }
                if let r = line.range(of: "requires: [") {
                    out += line.replacingCharacters(in: r, with: "requires: [\(c), ") + "\n"
                } else {
                    out += line.replacingOccurrences(of: "  f\(f): {", with: "  f\(f): {requires: [\(c)]" + (line.hasSuffix("{}") ? "" : ", ")) + "\n"
                }
            }
            p = String(out.dropLast()) + "records:\n  r0: {table: T0, where: {Done: 0}, clearedBy: j0}\n  r1: {table: T1, expect: {min: 1}}\n"
                + "  r2: {table: T2, where: {Open: 1}, expect: {max: 1, per: [Key, Group]}}\n  r3: {table: T3, expect: {min: 1, max: 2, per: [Key]}, clearedBy: j0}\n"
        }
        // Lifecycles, from a generator of their own (so the regressions keep their cases):
        // mandatory from a version, on by default from one, one-way switches; in the snapshot,
        // features only scheduled to be switched on.
        var l = SeededRandom(seed: seed ^ 0x11FE_C1C1)
        let lifecycles = structured && l.chance(35)
        if lifecycles {
            p = Self.changingLines(of: p) { line in
                guard line.hasPrefix("  f"), line.contains(": {"), l.chance(25) else { return nil }
                let key = l.pick(["mandatorySince: \(l.pick(versions))", "onByDefaultSince: \(l.pick(versions))", "cannotSwitchOff: true"])
                return line.replacingOccurrences(of: ": {", with: ": {\(key)" + (line.hasSuffix("{}") ? "" : ", "), options: [], range: line.range(of: ": {"))
            }
        }
        // Manual steps, from a generator of their own (so that the regressions keep their
        // cases), in the structured cases only: one no snapshot shows, one confirmed by a record
        // check's rows, one by a setting; sometimes in an alternative, a `when` or under `not`.
        var m = SeededRandom(seed: seed ^ 0x3A7D_A15E)
        let manual = structured && m.chance(40)
        if manual {
            var conditions: [Int: String] = [:]
            for f in 0..<features where m.chance(40) {
                var c = "{manual: m\(m.below(3))}"
                switch m.below(6) {
                case 0 where f + 1 < features: c = "{anyOf: [\(c), f\(f + 1 + m.below(features - f - 1))]}"
                case 1 where f + 1 < features: c = "{when: f\(f + 1 + m.below(features - f - 1)), then: \(c)}"
                case 2: c = "{not: \(c)}"
                default: break
                }
                conditions[f] = c
            }
            p = Self.adding(conditions, to: p, features: features)
            p += "\nmanualSteps:\n  m0: {name: Grant consent, text: Grant admin consent in the portal}\n"
                + "  m1: {text: Register the app, confirmedBy: {records: r4}}\n  m2: {text: Accept the terms, confirmedBy: {setting: ms, equals: true}}\n"
            for (section, item) in [("records", "  r4: {table: T4, expect: {min: 1}}\n"), ("settings", "  ms: {type: bool}\n")] {
                if let r = p.range(of: "\n\(section):\n") { p.insert(contentsOf: item, at: r.upperBound) } else { p += "\(section):\n" + item }
            }
        }
        // Component versions, from a generator of their own (so that the regressions keep their
        // cases), in the structured cases only: bounds on every register, a scale unit not newer
        // than headquarters, a release name, a release out of service; sometimes in an
        // alternative or under `not`.
        var cv = SeededRandom(seed: seed ^ 0xC0E9_0E27)
        let componentVersions = structured && cv.chance(35)
        if componentVersions {
            var conditions: [Int: String] = [:]
            for f in 0..<features where cv.chance(40) {
                var c = cv.pick([
                    "{component: pos, atLeast: \(cv.pick(versions + ["Spring"]))}", "{component: csu, notNewerThan: hq}",
                    "{component: pos, notNewerThan: csu}", "{component: csu, atMost: 10.0.42}", "{component: hq, atLeast: \(cv.pick(versions))}",
                ])
                switch cv.below(6) {
                case 0 where f + 1 < features: c = "{anyOf: [\(c), f\(f + 1 + cv.below(features - f - 1))]}"
                case 1: c = "{not: \(c)}"
                default: break
                }
                conditions[f] = c
            }
            p = Self.adding(conditions, to: p, features: features)
            p += "\ncomponents:\n  pos: {updatedAfter: [csu]}\n  hq: {productVersion: true}\n  csu: {updatedAfter: [hq]}\n"
                + "releases:\n  10.0.36: {endOfService: 2026-01-01}\n  Spring: {version: 10.0.38}\n  10.0.40: {endOfService: 2027-01-01}\n  10.0.42: {}\n"
        }
        // Conditions relative to the update, from a generator of their own (so that the
        // regressions keep their cases), in the structured cases only: a job that must have
        // succeeded after it, or a feature switched on before it, alone, as alternatives, under
        // a `when` or a `not`.
        var u = SeededRandom(seed: seed ^ 0x0FDA_7E5E)
        let events = structured && jobs > 0 && u.chance(40)
        if events {
            var conditions: [Int: String] = [:]
            for f in 0..<features where u.chance(40) {
                let job = "{job: j\(u.below(jobs)), succeededAfter: update}"
                let other = (0..<features).filter { $0 != f }
                let before = other.isEmpty ? nil : "{feature: f\(u.pick(other)), enabledBefore: update}"
                switch u.below(5) {
                case 0 where before != nil: conditions[f] = "{anyOf: [\(job), \(before ?? "")]}"
                case 1 where before != nil: conditions[f] = before
                // Not as a `when`'s condition: the plan's own runs can make it hold, which the
                // search, judging conditions before the runs, does not foresee.
                case 2 where f + 1 < features: conditions[f] = "{when: f\(f + 1 + u.below(features - f - 1)), then: \(job)}"
                case 3: conditions[f] = "{not: \(job)}"
                default: conditions[f] = job
                }
            }
            p = Self.adding(conditions, to: p, features: features)
        }
        // Settings whose change obliges jobs, from a generator of their own (so that the
        // regressions keep their cases).
        var c = SeededRandom(seed: seed ^ 0x5E77_C4A6)
        let changes = structured && jobs > 0 && settings > 0 && c.chance(40)
        if changes {
            p = Self.changingLines(of: p) { line in
                guard (0..<settings).contains(where: { line.hasPrefix("  s\($0): {type:") }), c.chance(60) else { return nil }
                let settle = c.chance(40) ? ", settle: \(c.pick(["10m", "1h"]))" : ""
                return String(line.dropLast()) + ", takesEffect: {jobs: [j\(c.below(jobs))]\(settle)}}"
            }
        }
        // Step rules, from a generator of their own (so that the regressions keep their cases),
        // in the structured cases only: a `last` job no other job must follow, forbidden
        // parameter values on a job, a `last` manual step, manual steps after a switch.
        var t = SeededRandom(seed: seed ^ 0x57E9_2A1E)
        if structured, jobs > 0, t.chance(50) {
            let free = (0..<jobs).filter { !p.contains("after: [j\($0)]") }
            let last = t.chance(60) ? free.isEmpty ? nil : t.pick(free) : nil
            let guarded = t.chance(50) ? t.below(jobs) : nil
            p = Self.changingLines(of: p) { line in
                var rules: [String] = []
                if let last, line.hasPrefix("  j\(last): {") { rules.append("last: true") }
                if let guarded, line.hasPrefix("  j\(guarded): {") { rules.append("parameters: {Mode: {never: All}}") }
                guard !rules.isEmpty, let brace = line.range(of: ": {") else { return nil }
                return line.replacingCharacters(in: brace, with: ": {\(rules.joined(separator: ", ")), ")
            }
        }
        if manual, t.chance(60) {
            if t.chance(50) {
                let m = t.below(3)
                p = p.replacingOccurrences(of: "  m\(m): {", with: "  m\(m): {last: true, ")
            }
            p = Self.changingLines(of: p) { line in
                guard let f = (0..<features).first(where: { line.hasPrefix("  f\($0): {") }), t.chance(35) else { return nil }
                let step = "m\(t.below(3))"
                if let r = line.range(of: "takesEffect: {") { return line.replacingCharacters(in: r, with: "takesEffect: {manual: [\(step)], ") }
                return line.replacingOccurrences(of: "  f\(f): {", with: "  f\(f): {takesEffect: {manual: [\(step)]}" + (line.hasSuffix("{}") ? "" : ", "))
            }
        }
        pack = p

        // The snapshot: now is 2026-11-20T10:00:00Z; times within the three days before.
        func time(_ r: inout SeededRandom) -> String {
            let minutes = r.below(3 * 24 * 60)
            let t = Timestamp(secondsSinceEpoch: 1_795_168_800 - minutes * 60)
            return t.description
        }
        let channels = r.chance(40)
        var s = "prereq: 1\nsnapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z"
        if r.chance(92) { s += ", version: \(r.pick(versions))" }
        s += "}\n"
        if channels { s += "channels: [c1, c2]\n" }
        s += "features:\n"
        for f in 0..<features where r.chance(95) {
            if r.chance(50) {
                s += "  f\(f): off\n"
            } else {
                s += "  f\(f): {enabled: true\(r.chance(90) ? ", enabledAt: \(time(&r))" : "")}\n"
            }
        }
        if settings > 0 {
            s += "settings:\n"
            for k in 0..<settings where r.chance(90) {
                let values = k % 2 == 0 ? ["true", "false"] : ["Batch", "Live"]
                if channels, r.chance(50) {
                    s += "  s\(k): {channels: {c1: \(r.pick(values)), c2: \(r.pick(values))}}\n"
                } else {
                    s += "  s\(k): \(r.pick(values))\n"
                }
            }
        }
        if jobs > 0 {
            s += "jobs:\n"
            for j in 0..<jobs {
                var fields: [String] = []
                if r.chance(90) { fields.append("lastSuccess: \(time(&r))") }
                if r.chance(20) { fields.append("lastFailure: \(time(&r))") }
                if r.chance(40) { fields.append("schedule: {recurring: true, every: \(r.pick(["15m", "1h"]))}") }
                if channels, r.chance(30) { fields.append("channels: {c1: {lastSuccess: \(time(&r))}}") }
                if jobStates {
                    // A created job the snapshot does not list (not created yet, or left out).
                    if created.contains(j), js.chance(30) { continue }
                    if js.chance(60) { fields.append("status: \(js.pick(["Applied", "Failed", "Validated"]))") }
                    if js.chance(50) { fields.append("firstAppliedAt: \(time(&js))") }
                }
                s += "  J\(j): {\(fields.joined(separator: ", "))}\n"
            }
        }
        if values {
            // Served values on some features, and values (per channel too) for the settings.
            var out = ""
            for line in s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                guard line.hasPrefix("  f"), v.chance(50) else {
                    out += line + "\n"
                    continue
                }
                let served = "servedVariation: \(v.pick(["v1", "v2", "\"true\""]))"
                if line.hasSuffix(": off") {
                    out += line.replacingOccurrences(of: ": off", with: ": {enabled: false, \(served)}") + "\n"
                } else if line.hasSuffix("}") {
                    out += String(line.dropLast()) + ", \(served)}\n"
                } else {
                    out += line + "\n"
                }
            }
            s = String(out.dropLast())
            func value(_ k: String, _ v: inout SeededRandom) -> String {
                switch k {
                case "n0": String(v.pick([0, 5, 10, 15, 20, 30]))
                case "e0": v.pick(["A", "B", "C"])
                case "e1": v.pick(["A", "B", "Z"])
                default: v.pick(["[]", "[X]", "[Y]", "[X, Y]", "[Y, X]", "[Z, X, Y]", "[Y, Z, X]"])
                }
            }
            var given = ""
            for k in ["n0", "e0", "e1", "l0"] where v.chance(85) {
                if channels, v.chance(50) {
                    given += "  \(k): {channels: {c1: \(value(k, &v)), c2: \(value(k, &v))}}\n"
                } else {
                    given += "  \(k): \(value(k, &v))\n"
                }
            }
            if let r = s.range(of: "settings:\n") { s.insert(contentsOf: given, at: r.upperBound) } else if !given.isEmpty { s += "settings:\n" + given }
        }
        if attributes {
            if a.chance(80) {
                s = s.replacingOccurrences(of: "takenAt: 2026-11-20T10:00:00Z", with: "takenAt: 2026-11-20T10:00:00Z, region: \(a.pick(["Europe", "China", "United States"]))")
            }
            if a.chance(80) {
                let editions = ["Express", "Standard"]
                s += "\nchannelInfo:\n  c1: {edition: \(a.pick(editions))}\n" + (channels && a.chance(80) ? "  c2: {edition: \(a.pick(editions))}\n" : "")
            }
        }
        if gates {
            // Schedules the snapshot gives or not, and row counts.
            var out = ""
            for line in s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("  J"), !line.contains("schedule"), g.chance(50) {
                    let schedule = g.pick(["{recurring: false}", "{recurring: true, every: 2h}", "{recurring: true, every: 30m}"])
                    out += (line.hasSuffix("{}") ? String(line.dropLast()) + "schedule: \(schedule)}" : String(line.dropLast()) + ", schedule: \(schedule)}") + "\n"
                } else {
                    out += line + "\n"
                }
            }
            s = String(out.dropLast())
            var records = ""
            if g.chance(80) { records += "  - {table: T0, where: {Done: 0}, count: \(g.pick([0, 0, 2]))\(g.chance(50) ? ", oldest: \(time(&g))" : "")}\n" }
            if g.chance(80) { records += "  - {table: T1, count: \(g.pick([0, 1, 3]))}\n" }
            // Keys of T2 and T3 (sometimes twice, to be summed), now and then an entry without a key.
            for _ in 0..<k.below(4) {
                let key = k.chance(12) ? "" : ", Key: \(k.pick(["a", "b", "A"]))"
                let group = k.chance(90) ? ", Group: \(k.pick(["g1", "g2"]))" : ""
                records += "  - {table: T2, where: {Open: \(k.pick([1, 1, 0]))\(key)\(group)}, count: \(k.pick([0, 1, 1, 2]))}\n"
            }
            for _ in 0..<k.below(3) {
                let key = k.chance(12) ? "" : "Key: \(k.pick(["a", "b"]))"
                records += "  - {table: T3, where: {\(key)}, count: \(k.pick([0, 1, 2, 3]))\(k.chance(50) ? ", oldest: \(time(&k))" : "")}\n"
            }
            if !records.isEmpty { s += (s.hasSuffix("\n") ? "" : "\n") + "records:\n" + records }
        }
        if lifecycles {
            s = Self.changingLines(of: s) { line in
                guard line.hasPrefix("  f"), line.hasSuffix(": off"), l.chance(30) else { return nil }
                return line.dropLast(3) + "{enabled: false, scheduledFor: 2026-11-2\(1 + l.below(8))T00:00:00Z}"
            }
        }
        if manual {
            // Whether the confirmed steps show as done: the rows, the setting, or neither.
            let rows = m.chance(75) ? [("records", "  - {table: T4, count: \(m.pick([0, 1]))}\n")] : []
            let value = m.chance(75) ? [("settings", "  ms: \(m.pick(["true", "false"]))\n")] : []
            for (section, item) in rows + value {
                if let r = s.range(of: "\n\(section):\n") { s.insert(contentsOf: item, at: r.upperBound) } else { s += (s.hasSuffix("\n") ? "" : "\n") + "\(section):\n" + item }
            }
        }
        if componentVersions, cv.chance(85) {
            // Registers and scale units by version or release name; headquarters only as the
            // product's version says (the two cannot disagree).
            let named = versions + ["Spring", "spring"]
            var given = "  csu: {csu-1: \(cv.pick(named))\(cv.chance(40) ? ", csu-2: \(cv.pick(named))" : "")}\n"
            if cv.chance(85) { given += "  pos: {reg-1: \(cv.pick(named)), reg-2: \(cv.pick(named))}\n" }
            if cv.chance(20), let version = s.firstMatch(of: /version: ([0-9.]+)/)?.1 { given += "  hq: \(version)\n" }
            s += (s.hasSuffix("\n") ? "" : "\n") + "components:\n" + given
        }
        if changes {
            // When the settings changed (per channel too; sometimes not said).
            s = Self.changingLines(of: s) { line in
                guard let k = (0..<settings).first(where: { line.hasPrefix("  s\($0): ") }) else { return nil }
                let value = String(line.dropFirst("  s\(k): ".count))
                if value.hasPrefix("{channels: {") {
                    var out = "  s\(k): {channels: {"
                    for (i, part) in value.dropFirst("{channels: {".count).dropLast(2).components(separatedBy: ", ").enumerated() {
                        let pieces = part.components(separatedBy: ": ")
                        guard pieces.count == 2 else { return nil }
                        let changed = c.chance(85) ? ", changedAt: \(time(&c))" : ""
                        out += (i == 0 ? "" : ", ") + "\(pieces[0]): {value: \(pieces[1])\(changed)}"
                    }
                    return out + "}}"
                }
                return c.chance(85) ? "  s\(k): {value: \(value), changedAt: \(time(&c))}" : nil
            }
        }
        if events, u.chance(85) {
            // When the current version was installed (sometimes not said).
            s = s.replacingOccurrences(of: "takenAt: 2026-11-20T10:00:00Z", with: "takenAt: 2026-11-20T10:00:00Z, versionInstalledAt: \(time(&u))")
        }
        snapshot = s
    }

    /// `text` with each line that `change` gives a replacement for replaced, in order.
    private static func changingLines(of text: String, _ change: (String) -> String?) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { change(String($0)) ?? String($0) }.joined(separator: "\n")
    }

    /// The pack with each condition put first in its feature's `requires`.
    private static func adding(_ conditions: [Int: String], to p: String, features: Int) -> String {
        var out = ""
        for line in p.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard let f = (0..<features).first(where: { line.hasPrefix("  f\($0): {") }), let c = conditions[f] else {
                out += line + "\n"
                continue
            }
            if let r = line.range(of: "requires: [") {
                out += line.replacingCharacters(in: r, with: "requires: [\(c), ") + "\n"
            } else {
                out += line.replacingOccurrences(of: "  f\(f): {", with: "  f\(f): {requires: [\(c)]" + (line.hasSuffix("{}") ? "" : ", ")) + "\n"
            }
        }
        return String(out.dropLast())
    }

    /// A condition on a value, over settings n0 (int), e0 (enumerated), e1 (text), l0 (list) and
    /// the served values of features f`from`..<f`to`; sometimes under `not` or beside a feature in `anyOf`.
    private static func valueCondition(_ r: inout SeededRandom, from: Int, to: Int) -> String {
        var forms = [
            "{setting: n0, atLeast: \(r.pick([5, 10, 20]))}", "{setting: n0, atMost: \(r.pick([5, 10, 20]))}", "{setting: n0, atLeast: 10, atMost: 20}",
            "{setting: e0, equals: \(r.pick(["A", "B"]))}", "{setting: e0, in: [A, B]}", "{setting: e0, notIn: [\(r.pick(["A", "C"]))]}",
            "{setting: e1, notIn: [Z]}", "{setting: e1, in: [A, B]}",
            "{setting: l0, contains: \(r.pick(["X", "Y"]))}", "{setting: l0, order: [X, Y]}",
        ]
        if from < to { forms.append("{feature: f\(from + r.below(to - from)), serving: \(r.pick(["v1", "\"true\""]))}") }
        let c = r.pick(forms)
        switch r.below(5) {
        case 0: return "{not: \(c)}"
        case 1 where from < to: return "{anyOf: [\(c), f\(from + r.below(to - from))]}"
        default: return c
        }
    }

    /// A requirement over features f`from`..<f`to` (so requirements never form cycles); `s`, when
    /// given, turns some nodes into the structured forms.
    private static func requirement(_ r: inout SeededRandom, _ s: inout SeededRandom?, from: Int, to: Int, depth: Int) -> String {
        let leaf = "f\(from + r.below(to - from))"
        guard depth < 3, r.chance(50) else { return leaf }
        let parts = (0..<(1 + r.below(3))).map { _ in requirement(&r, &s, from: from, to: to, depth: depth + 1) }
        let list = parts.joined(separator: ", ")
        let kind = r.below(3)
        if var t = s {
            defer { s = t }
            if t.chance(45) {
                switch t.below(5) {
                case 0: return "{exactlyOne: [\(list)]}"
                case 1: return "{atLeast: \(t.below(parts.count + 1)), of: [\(list)]}"
                case 2:
                    let low = t.below(parts.count + 1)
                    return t.chance(50) ? "{atMost: \(t.below(parts.count + 1)), of: [\(list)]}" : "{atLeast: \(low), atMost: \(low + t.below(parts.count + 1 - low)), of: [\(list)]}"
                case 3:
                    let c = { (t: inout SeededRandom) in "f\(from + t.below(to - from))" }
                    let condition: String
                    switch t.below(4) {
                    case 0: condition = c(&t)
                    case 1: condition = "{not: \(c(&t))}"
                    case 2: condition = "{anyOf: [\(c(&t)), \(c(&t))]}"
                    default: condition = "[\(c(&t)), \(c(&t))]"
                    }
                    return "{when: \(condition), then: [\(list)]}"
                default:
                    return "{\(kind == 0 ? "anyOf" : "allOf"): [\(list)], severity: \(t.pick(["warning", "error"]))}"
                }
            }
        }
        switch kind {
        case 0: return "{anyOf: [\(list)]}"
        case 1: return "{not: \(parts.count == 1 ? parts[0] : "[\(list)]")}"
        default: return "[\(list)]"
        }
    }

    /// Every property broken by some feature's answer, described with the seed and inputs.
    func violations() -> [String] {
        let f = facts(pack: pack, snapshot: snapshot)
        var out: [String] = []
        for (i, feature) in f.graph.pack.features.enumerated() {
            var evaluator = Evaluator(facts: f, language: .english)
            let a = evaluator.answer(feature: i)
            let id = feature.id.value
            func fail(_ what: String) {
                let steps = a.plan.steps.map(\.message).joined(separator: "; ")
                out.append("seed \(seed), feature \(id) (\(a.verdict.rawValue)): \(what)\nplan: \(steps)\npack:\n\(pack)snapshot:\n\(snapshot)")
            }
            guard let v = a.plan.verification else {
                fail("the plan was not verified")
                continue
            }
            if !a.plan.steps.isEmpty, v.outcome == .fails { fail("a plan was printed that does not reach the goal: \(v.unmet.map(\.message))") }
            let again = PlanSimulator.verify(a.plan.steps, goals: [i], from: f, language: .english)
            if !a.plan.steps.isEmpty, again.outcome != v.outcome { fail("performing the plan again ends differently: \(again.unmet.map(\.message))") }
            if a.plan.steps.isEmpty, v.outcome != .reachesGoal, v.cannotFix.isEmpty { fail("no plan and no reason") }
            if v.outcome == .fails, let found = bruteForcePlan(goal: i, facts: f) {
                fail("no plan was found, but this one reaches the goal: \(found.map(\.message))")
            }
            for cause in a.rootCauses where cause.truth == .satisfied { fail("a satisfied condition is a root cause: \(cause.message)") }
            // The plan keeps its steps' own rules: `last` steps final, no run made stale, manual
            // steps after the switch they follow; and every run of a guarded job says what not to choose.
            let defects = PlanStepRules.defects(of: a.plan.steps, evaluator: Evaluator(facts: f, language: .english))
            if !defects.isEmpty { fail("the plan breaks a step rule: \(defects.map(\.message))") }
            for step in a.plan.steps where step.action == .runJob && step.forbidden.isEmpty {
                if let j = f.graph.jobIndex[step.subject ?? ""], !f.graph.pack.jobs[j].stepRules.parameters.isEmpty { fail("a run of \(step.subject ?? "") does not say its forbidden value") }
            }
            // A manual step no snapshot can show is never taken as done outside a simulation.
            for node in a.explanation.nodes where node.cause == .manual && node.truth == .satisfied {
                if let m = f.graph.manualIndex[node.subject ?? ""], f.graph.pack.manualSteps[m].confirmedBy == nil { fail("an unchecked manual step holds: \(node.message)") }
            }
            for step in a.plan.steps {
                guard let subject = step.subject else { continue }
                switch step.action {
                case .enable:
                    if let g = f.graph.featureIndex[subject], f.isOn(g) == true { fail("a step switches on \(subject), which is on") }
                case .disable:
                    if let g = f.graph.featureIndex[subject], f.isOn(g) == false { fail("a step switches off \(subject), which is off") }
                case .set:
                    if let s = f.graph.settingIndex[subject], let entry = f.setting(s), entry.channels.isEmpty,
                        let have = entry.value?.value, have.description == step.details["value"]
                    {
                        fail("a step sets \(subject), which already has that value")
                    }
                default: break
                }
            }
            // The environment's verdict is the worst channel's.
            if !a.channels.isEmpty {
                func rank(_ v: Verdict) -> Int { v == .unknown ? 1 : v == .blocked || v == .notInEffect ? 2 : 0 }
                let worst = a.channels.map(\.verdict).max { rank($0) < rank($1) }
                if worst.map(rank) != rank(a.verdict) { fail("the verdicts per channel \(a.channels.map { "\($0.channel): \($0.verdict.rawValue)" }) do not come to \(a.verdict.rawValue)") }
            }
            switch a.verdict {
            case .inEffect:
                if a.plan.steps.contains(where: { $0.action != .wait }) { fail("in effect, but the plan does more than wait") }
            case .enableable:
                // Switching it on, its jobs, the settle time, and data that whether it then
                // takes effect depends on.
                let fixes = a.plan.steps.filter {
                    !($0.action == .enable && $0.subject == id) && ![.runJob, .wait, .provideData].contains($0.action) && $0.details["afterEnabling"] == nil
                }
                if !fixes.isEmpty { fail("can be switched on, but the plan fixes something: \(fixes.map(\.message))") }
            default: break
            }
        }
        return out
    }

    /// The steps with the `last: true` ones moved to the end, in the order the pack declares them.
    static func lastAtEnd(_ steps: [PlanStep], pack: RulePack) -> [PlanStep] {
        func place(_ step: PlanStep) -> Diagnostics.SourceLocation? {
            let rules = step.action == .runJob ? pack.jobs.first { $0.id.value == step.subject }?.stepRules
                : step.action == .manual ? pack.manualSteps.first { $0.id.value == step.subject }?.stepRules : nil
            return rules?.lastPlace
        }
        let last = steps.compactMap { s in place(s).map { (s, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
        return steps.filter { place($0) == nil } + last
    }

    /// A plan found by trying every state of the features (up to five), every version the
    /// pack names, and every value the pack requires of each setting: switches off, the
    /// upgrade, the settings, no manual step or all of them, switches on (what a feature needs
    /// first), every job in `after` order (to the state an order names), then a day's wait. Nil when none reaches the goal.
    func bruteForcePlan(goal: Int, facts f: EnvironmentFacts) -> [PlanStep]? {
        let pack = f.graph.pack
        guard pack.features.count <= 5 else { return nil }
        // An upgrade is a new update: a plan never upgrades only so that a condition relative to
        // the update holds (a feature on before it, a job not run since), so with such
        // conditions the upgrades are not tried.
        let relativeToUpdate = pack.features.contains { feature in
            feature.requires?.gates.contains { if case .event(let c) = $0, case .update = c.event { true } else { false } } ?? false
        }
        let versions: [ProductVersion?] = [nil] + Set(pack.features.flatMap { [$0.introducedIn?.value, $0.minVersion?.value, $0.removedIn?.value] }.compactMap { $0 })
            .filter { v in !relativeToUpdate && (f.snapshot.version.map { v > $0.value } ?? true) }.sorted().map { $0 }
        let settingChoices: [[SettingRequirement?]] = pack.settings.indices.map { s in
            var seen: [SettingValue] = []
            var out: [SettingRequirement?] = [nil]
            for r in pack.features.flatMap(\.settings) where f.graph.settingIndex[r.setting.value] == s && !seen.contains(r.value) {
                seen.append(r.value)
                out.append(r)
            }
            return out
        }
        var settingCombos: [[SettingRequirement?]] = [[]]
        for choices in settingChoices { settingCombos = settingCombos.flatMap { combo in choices.map { combo + [$0] } } }
        // Plans that switch a feature off only for one of their switches to turn it back on
        // (through `alsoEnables`) are not looked for.
        func turnsBackOn(_ mask: Int) -> Bool {
            var pending = pack.features.indices.filter { mask & (1 << $0) != 0 && f.isOn($0) != true }
            var reached = Set(pending)
            while let x = pending.popLast() {
                for ref in pack.features[x].alsoEnables {
                    guard let g = f.graph.featureIndex[ref.value], reached.insert(g).inserted else { continue }
                    if f.isOn(g) == true, mask & (1 << g) == 0 { return true }
                    pending.append(g)
                }
            }
            return false
        }
        // A plan never changes what a `when` names to get around its requirement: those
        // features keep their state here (but for the goal).
        var conditionFeatures = Set<Int>()
        func collect(_ r: Requirement, inCondition: Bool) {
            switch r {
            case .feature(let id): if inCondition, let g = f.graph.featureIndex[id.value], g != goal { conditionFeatures.insert(g) }
            case .allOf(let parts, _), .anyOf(let parts, _), .count(let parts, _, _, _): for p in parts { collect(p, inCondition: inCondition) }
            case .not(let p, _), .recommended(let p, _): collect(p, inCondition: inCondition)
            case .when(let c, let t, _):
                collect(c, inCondition: true)
                collect(t, inCondition: inCondition)
            case .value(let c): if case .feature(let id) = c.subject { collect(.feature(id), inCondition: inCondition) }
            case .eachChannel(let p, let c, _):
                if let c { collect(c, inCondition: true) }
                collect(p, inCondition: inCondition)
            case .gate: break
            }
        }
        for feature in pack.features { if let r = feature.requires { collect(r, inCondition: false) } }
        // No manual step, or every one (done by hand, on trust).
        let evaluator = Evaluator(facts: f, language: .english)
        let manualChoices: [[PlanStep]] = pack.manualSteps.isEmpty ? [[]] : [[], pack.manualSteps.indices.map { evaluator.manualStep($0) }]
        let conditionMask = conditionFeatures.reduce(0) { $0 | (1 << $1) }
        let currentMask = pack.features.indices.filter { f.isOn($0) == true }.reduce(0) { $0 | (1 << $1) }
        for mask in 0..<(1 << pack.features.count) where !turnsBackOn(mask) && mask & conditionMask == currentMask & conditionMask {
            var switches: [PlanStep] = []
            for g in pack.features.indices.reversed() {
                let on = mask & (1 << g) != 0
                let id = pack.features[g].id.value
                if on, f.isOn(g) != true { switches.append(PlanStep(action: .enable, subject: id, subjectName: id, message: "Switch on \(id)")) }
                if !on, f.isOn(g) == true { switches.insert(PlanStep(action: .disable, subject: id, subjectName: id, message: "Switch off \(id)"), at: 0) }
            }
            // A job whose state an order names is run until it reaches that state.
            let jobs = pack.jobs.map { job in
                let state = pack.jobs.lazy.flatMap(\.afterReached).first { $0.job.value == job.id.value }?.state.value
                return PlanStep(action: .runJob, subject: job.id.value, subjectName: job.id.value, message: "Run \(job.id.value)", details: state.map { ["state": $0] } ?? [:])
            }
            let wait = PlanStep(action: .wait, subject: nil, subjectName: nil, message: "Wait 1 day", details: ["settle": "1d"])
            for version in versions {
                let upgrade = version.map { [PlanStep(action: .upgrade, subject: nil, subjectName: nil, message: "Upgrade to \($0)", details: ["version": $0.description])] } ?? []
                for combo in settingCombos {
                    let sets = combo.compactMap { $0 }.map { r in
                        PlanStep(action: .set, subject: r.setting.value, subjectName: r.setting.value, message: "Set \(r.setting.value) to \(r.value)", details: ["value": r.value.description])
                    }
                    let disables = switches.filter { $0.action == .disable }
                    let enables = switches.filter { $0.action == .enable }
                    for manual in manualChoices {
                        let steps = Self.lastAtEnd(disables + upgrade + sets + manual + enables + jobs, pack: pack) + [wait]
                        if PlanSimulator.verify(steps, goals: [goal], from: f, language: .english).outcome == .reachesGoal { return steps }
                    }
                }
            }
        }
        return nil
    }
}
