import Foundation
import PrereqBasics

/// Synthetic rule packs and snapshots shaped like real ones: display names of 50 to 70
/// characters, about three requirements per feature pointing at earlier features (some
/// alternatives), conflicts with legacy features, jobs in `after` chains, and features that need
/// jobs to run after they are switched on. Beside those core forms, in the proportions of real
/// packs: conditions on setting values (8% of the features, a third of those settings per
/// channel), `settings` a feature needs (4%), `when` … `then` (4%), component versions (3%) and
/// lifecycle states (`mandatorySince`, `onByDefaultSince`, `cannotSwitchOff`, `preview`: 1% each).
struct PackGenerator {
    /// A feature as generated: what it needs, and the snapshot's state for it.
    struct FeatureSpec {
        var id: String
        var name: String
        var legacy: Bool
        var requires: [Int]
        var alternatives: [Int]
        var conflicts: [Int]
        var jobs: [Int]
        /// Conditions on settings: the setting's index and whether the test is a range (else
        /// `equals`); the snapshot's values meet them.
        var valueConditions: [(setting: Int, range: Bool)] = []
        /// Settings the feature's `settings` map needs at their good value.
        var neededSettings: [Int] = []
        /// `when: condition, then: requirement`, both earlier features.
        var when: (condition: Int, then: Int)?
        /// A `{component: pos, atLeast: …}` condition.
        var componentCondition = false
        var lifecycle: Lifecycle?
    }

    enum Lifecycle { case mandatory, onByDefault, oneWay, preview }

    /// A setting: every third per channel; types cycle through bool, string (with allowed
    /// values) and int.
    struct SettingSpec {
        var id: String
        var name: String
        var type: String
        var channel: Bool
    }

    struct JobSpec {
        var id: String
        var code: String
        var name: String
        var kind: String
        var after: Int?
        var scheduled: Bool
    }

    let features: [FeatureSpec]
    let jobs: [JobSpec]
    let settings: [SettingSpec]
    /// The snapshot's channels (settings per channel have a value in each).
    static let channels = ["store-001", "store-002", "store-003", "store-004", "store-005"]
    /// The good value of a setting of each type, which the snapshot gives.
    private static let goodValue = ["bool": "true", "string": "Channel", "int": "50"]

    private static let verbs = ["Enable", "Use", "Allow", "Turn on"]
    private static let adjectives = [
        "asynchronous", "enhanced", "batched", "incremental", "parallel", "optimized", "deferred", "real-time",
    ]
    private static let objects = [
        "customer creation", "customer address updates", "order fulfillment", "inventory reservation",
        "price calculation", "loyalty point posting", "gift card redemption", "statement posting",
        "tax calculation", "return processing", "customer affiliation sync",
    ]
    private static let scopes = [
        "in point of sale", "for e-commerce channels", "in Commerce headquarters", "for call center orders",
        "in the Commerce Scale Unit",
    ]
    private static let jobNames = [
        "Global configuration", "Customers", "Channel configuration", "Products", "Prices and discounts",
        "Inventory", "Loyalty programs", "Synchronize customers and channel requests", "Post statements",
    ]

    /// `count` features (every 100th a legacy feature nothing needs) and `count / 100` jobs
    /// (at least 20) in chains of ten.
    /// `v2: false` generates the core forms only (the same packs as before the v2 constructs).
    init(count: Int, seed: UInt64 = 42, v2: Bool = true) {
        var random = SeededRandom(state: seed)
        let jobCount = max(20, count / 100)
        var jobs: [JobSpec] = []
        for k in 0..<jobCount {
            let name = "\(Self.jobNames[k % Self.jobNames.count]) (\(k / Self.jobNames.count + 1))"
            jobs.append(
                JobSpec(
                    id: "job-\(k)", code: String(1000 + k), name: name,
                    kind: ["download", "upload", "batch"][k % 3], after: k % 10 == 0 ? nil : k - 1,
                    scheduled: k % 50 == 7))
        }
        let settings = (v2 ? 0..<max(10, count / 200) : 0..<0).map { k in
            SettingSpec(
                id: "setting-\(k)", name: "Functionality profile option \(k) of the channel setup",
                type: ["bool", "string", "int"][k % 3], channel: k % 3 == 1)
        }
        var features: [FeatureSpec] = []
        features.reserveCapacity(count)
        var candidates: [Int] = []  // non-legacy features, which others may require
        var legacies: [Int] = []
        for i in 0..<count {
            let adjective = Self.adjectives[random.below(Self.adjectives.count)]
            let object = Self.objects[random.below(Self.objects.count)]
            let name =
                "\(Self.verbs[random.below(Self.verbs.count)]) \(adjective) \(object) \(Self.scopes[random.below(Self.scopes.count)]) (\(i))"
            let slug = "\(adjective)-\(object.replacingOccurrences(of: " ", with: "-"))-\(i)"
            let legacy = i % 100 == 50
            var spec = FeatureSpec(
                id: legacy ? "legacy-\(slug)" : slug, name: legacy ? "\(name) (legacy)" : name, legacy: legacy, requires: [],
                alternatives: [], conflicts: [], jobs: [])
            // Every 25th feature stands alone: packs have many independent switches.
            if !legacy && !candidates.isEmpty && i % 25 != 0 {
                // Mostly near neighbours (features build on recent ones), sometimes far back.
                func pick() -> Int {
                    let back = random.chance(80) ? 1 + random.below(min(candidates.count, 150)) : 1 + random.below(candidates.count)
                    return candidates[candidates.count - back]
                }
                var chosen = Set<Int>()
                for _ in 0..<3 {
                    let c = pick()
                    if chosen.insert(c).inserted { spec.requires.append(c) }
                }
                if random.chance(15), candidates.count > 4 {
                    let a = pick(), b = pick()
                    if a != b, !chosen.contains(a), !chosen.contains(b) { spec.alternatives = [a, b] }
                }
                if random.chance(5), !legacies.isEmpty { spec.conflicts = [legacies[random.below(legacies.count)]] }
                if random.chance(20) {
                    let j = random.below(jobCount)
                    spec.jobs = [j, (j + 1) % jobCount]
                }
                if v2 && random.chance(8) {
                    let k = random.below(settings.count)
                    spec.valueConditions = [(k, settings[k].type == "int")]
                }
                if v2 && random.chance(4) {
                    spec.neededSettings = [random.below(settings.count)]
                }
                if v2 && random.chance(4) {
                    let c = pick(), t = pick()
                    if c != t, !chosen.contains(t) { spec.when = (c, t) }
                }
                spec.componentCondition = v2 && random.chance(3)
            }
            if v2 && !legacy && i % 25 == 0 {
                // Stand-alone features carry the lifecycle states.
                switch i / 25 % 25 {
                case 1: spec.lifecycle = .mandatory
                case 2: spec.lifecycle = .onByDefault
                case 3: spec.lifecycle = .oneWay
                case 4: spec.lifecycle = .preview
                default: break
                }
            }
            features.append(spec)
            if legacy { legacies.append(i) } else { candidates.append(i) }
        }
        self.features = features
        self.jobs = jobs
        self.settings = settings
    }

    /// The rule file: one, or for big packs one per `perFile` features (as a folder of files
    /// that merge into one pack), the jobs in the last.
    func packFiles(perFile: Int = 100_000) -> [String] {
        stride(from: 0, to: features.count, by: perFile).map { start in
            let end = min(start + perFile, features.count)
            return packYAML(features: start..<end, jobs: end == features.count)
        }
    }

    /// The whole pack as one rule file.
    func packYAML() -> String { packYAML(features: features.indices, jobs: true) }

    private func packYAML(features range: Range<Int>, jobs withJobs: Bool) -> String {
        var out = "# Synthetic rule pack for prereq-bench: features \(range.lowerBound)..<\(range.upperBound).\nprereq: 1\n"
        if withJobs && !settings.isEmpty { out += componentsAndSettingsYAML() }
        out += "features:\n"
        out.reserveCapacity(range.count * 200)
        for f in features[range] {
            out += "  \(f.id):\n    name: \(f.name)\n"
            switch f.lifecycle {
            case .mandatory?: out += "    mandatorySince: 10.0.28\n"
            case .onByDefault?: out += "    onByDefaultSince: 10.0.30\n"
            case .oneWay?: out += "    cannotSwitchOff: true\n"
            case .preview?: out += "    preview: true\n"
            case nil: break
            }
            var items = f.requires.map { features[$0].id }
            if !f.alternatives.isEmpty {
                items.append("anyOf: [\(f.alternatives.map { features[$0].id }.joined(separator: ", "))]")
            }
            for (k, range) in f.valueConditions {
                let s = settings[k]
                items.append(
                    range
                        ? "{setting: \(s.id), atLeast: 10, atMost: 500}"
                        : "{setting: \(s.id), equals: \(Self.goodValue[s.type] ?? "true")}")
            }
            if let (c, t) = f.when { items.append("{when: \(features[c].id), then: \(features[t].id)}") }
            if f.componentCondition { items.append("{component: pos, atLeast: 10.0.38}") }
            if !items.isEmpty {
                out += "    requires:\n"
                for item in items { out += "      - \(item)\n" }
            }
            if !f.neededSettings.isEmpty {
                out += "    settings:\n"
                for k in f.neededSettings { out += "      \(settings[k].id): \(Self.goodValue[settings[k].type] ?? "true")\n" }
            }
            if !f.conflicts.isEmpty { out += "    conflicts: [\(f.conflicts.map { features[$0].id }.joined(separator: ", "))]\n" }
            if !f.jobs.isEmpty {
                out += "    takesEffect: {jobs: [\(f.jobs.map { jobs[$0].id }.joined(separator: ", "))], settle: 30m}\n"
            }
        }
        guard withJobs else { return out }
        out += "jobs:\n"
        for j in jobs {
            out += "  \(j.id): {code: \"\(j.code)\", name: \(j.name), kind: \(j.kind)"
            if let a = j.after { out += ", after: [\(jobs[a].id)]" }
            if j.scheduled { out += ", schedule: {maxInterval: 1d}" }
            out += "}\n"
        }
        return out
    }

    /// The pack's components (headquarters, scale units, registers) and settings.
    private func componentsAndSettingsYAML() -> String {
        var out = """
            components:
              hq: {name: Headquarters, productVersion: true}
              csu: {name: Commerce Scale Unit, updatedAfter: [hq]}
              pos: {name: Store Commerce, updatedAfter: [csu]}
            settings:

            """
        for s in settings {
            out += "  \(s.id):\n    name: \(s.name)\n    type: \(s.type)\n"
            if s.type == "string" { out += "    allowedValues: [Channel, Real time service, Batch]\n" }
            if s.channel { out += "    scope: channel\n" }
            out += "    whereToFind: Retail and Commerce > Channel setup > Functionality profiles\n"
        }
        return out
    }

    /// A snapshot stating `stated` features (all when nil) by display name, each on or off, and
    /// every job. About half of the features (more, with what they need) are switched on, with everything they need (the
    /// first alternative of an any-of) and no conflicting feature; one on in 200 has a
    /// prerequisite left off, so that the check has something to report. Features whose needs
    /// are not all stated stay off.
    func snapshotYAML(stated: Range<Int>? = nil, seed: UInt64 = 7, environment: String = "bench") -> String {
        var random = SeededRandom(state: seed)
        let range = stated ?? 0..<features.count
        var on = [Bool](repeating: false, count: features.count)
        var needed = [Bool](repeating: false, count: features.count)
        // Whether everything a feature needs, down to the bottom, is stated.
        var possible = [Bool](repeating: false, count: features.count)
        for i in range where !features[i].legacy {
            let f = features[i]
            possible[i] =
                needs(f).allSatisfy { range.contains($0) && possible[$0] } && f.conflicts.allSatisfy(range.contains)
        }
        for i in range.reversed() where possible[i] {
            on[i] = features[i].lifecycle == .mandatory || (needed[i] ? !random.chance(1) : random.chance(50))
            if on[i] { for n in needs(features[i]) { needed[n] = true } }
        }
        var out = """
            prereq: 1
            snapshot:
              environment: \(environment)
              takenAt: 2026-11-20T10:00:00Z
              version: 10.0.40
            \(settings.isEmpty ? "" : "channels: [\(Self.channels.joined(separator: ", "))]\n")features:

            """
        out.reserveCapacity(range.count * 110)
        for i in range {
            if on[i] {
                let day = 1 + random.below(14)
                out += "  \(features[i].name): {enabled: true, enabledAt: 2026-11-\(day < 10 ? "0" : "")\(day)T09:00:00Z}\n"
            } else {
                out += "  \(features[i].name): off\n"
            }
        }
        if !settings.isEmpty { out += settingsAndComponentsSnapshotYAML() }
        out += "jobs:\n"
        for (k, j) in jobs.enumerated() {
            let minute = k % 60, hour = k / 60 % 9
            out += "  \"\(j.code)\": {lastSuccess: 2026-11-20T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00Z"
            if j.scheduled { out += ", schedule: {recurring: true, every: 1h}" }
            out += "}\n"
        }
        return out
    }

    /// The features a snapshot switches on with a feature: its requirements, the first
    /// alternative of an any-of, and what a `when` asks for.
    private func needs(_ f: FeatureSpec) -> [Int] {
        f.requires + f.alternatives.prefix(1) + (f.when.map { [$0.then] } ?? [])
    }

    /// Every setting's value (per channel for channel settings: one channel of one setting
    /// has another value, for the check to report) and every component's version.
    private func settingsAndComponentsSnapshotYAML() -> String {
        var out = "settings:\n"
        for (k, s) in settings.enumerated() {
            let good = Self.goodValue[s.type] ?? "true"
            guard s.channel else {
                out += "  \(s.id): \(good)\n"
                continue
            }
            let values = Self.channels.map { "\($0): \(k == 1 && $0 == "store-003" ? "Batch" : good)" }
            out += "  \(s.id): {channels: {\(values.joined(separator: ", "))}}\n"
        }
        out += "components:\n  hq: 10.0.40\n  csu: {csu-cloud-01: 10.0.40}\n  pos: {"
        out += Self.channels.map { "\($0)-reg-1: 10.0.40" }.joined(separator: ", ") + "}\n"
        return out
    }

    /// A chain `c0 ← c1 ← … ← c(depth-1)` (each requires the one before), all off: `why` on the
    /// top must walk the whole chain.
    static func chainPack(depth: Int) -> (pack: String, snapshot: String, top: String) {
        var pack = "prereq: 1\nfeatures:\n"
        var snapshot = "prereq: 1\nsnapshot: {environment: chain, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}\nfeatures:\n"
        for i in 0..<depth {
            pack += "  chain-\(i):\n    name: Enable step \(i) of the deep prerequisite chain for bench purposes\n"
            if i > 0 { pack += "    requires: [chain-\(i - 1)]\n" }
            snapshot += "  chain-\(i): off\n"
        }
        return (pack, snapshot, "chain-\(depth - 1)")
    }

    /// A wide diamond: the top requires `width` features, each of which requires the same
    /// `base`, all off: the shared part must be explained once, not once per path.
    static func diamondPack(width: Int) -> (pack: String, snapshot: String, top: String) {
        var pack = "prereq: 1\nfeatures:\n  base:\n    name: Enable the shared base feature of the wide diamond\n"
        var snapshot = "prereq: 1\nsnapshot: {environment: diamond, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}\nfeatures:\n  base: off\n"
        var top = "  top:\n    name: Enable the top feature of the wide diamond for bench purposes\n    requires:\n"
        for i in 0..<width {
            pack += "  middle-\(i):\n    name: Enable middle feature \(i) of the wide diamond (needs base)\n    requires: [base]\n"
            top += "      - middle-\(i)\n"
            snapshot += "  middle-\(i): off\n"
        }
        snapshot += "  top: off\n"
        return (pack + top, snapshot, "top")
    }
}
