import Foundation

/// A small deterministic random source (SplitMix64), so every run generates the same files.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Synthetic rule packs and snapshots in the core forms of the brief, shaped like real ones:
/// display names of 50 to 70 characters, about three requirements per feature pointing at
/// earlier features (some alternatives), conflicts with legacy features, jobs in `after` chains,
/// and features that need jobs to run after they are switched on.
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
    init(count: Int, seed: UInt64 = 42) {
        var random = SeededRandom(seed: seed)
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
            }
            features.append(spec)
            if legacy { legacies.append(i) } else { candidates.append(i) }
        }
        self.features = features
        self.jobs = jobs
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
        var out = "# Synthetic rule pack for prereq-bench: features \(range.lowerBound)..<\(range.upperBound).\nprereq: 1\nfeatures:\n"
        out.reserveCapacity(range.count * 200)
        for f in features[range] {
            out += "  \(f.id):\n    name: \(f.name)\n"
            if !f.requires.isEmpty || !f.alternatives.isEmpty {
                var items = f.requires.map { features[$0].id }
                if !f.alternatives.isEmpty {
                    items.append("anyOf: [\(f.alternatives.map { features[$0].id }.joined(separator: ", "))]")
                }
                out += "    requires:\n"
                for item in items { out += "      - \(item)\n" }
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

    /// A snapshot stating `stated` features (all when nil) by display name, each on or off, and
    /// every job. About half of the features (more, with what they need) are switched on, with everything they need (the
    /// first alternative of an any-of) and no conflicting feature; one on in 200 has a
    /// prerequisite left off, so that the check has something to report. Features whose needs
    /// are not all stated stay off.
    func snapshotYAML(stated: Range<Int>? = nil, seed: UInt64 = 7, environment: String = "bench") -> String {
        var random = SeededRandom(seed: seed)
        let range = stated ?? 0..<features.count
        var on = [Bool](repeating: false, count: features.count)
        var needed = [Bool](repeating: false, count: features.count)
        // Whether everything a feature needs, down to the bottom, is stated.
        var possible = [Bool](repeating: false, count: features.count)
        for i in range where !features[i].legacy {
            let f = features[i]
            possible[i] =
                (f.requires + f.alternatives.prefix(1)).allSatisfy { range.contains($0) && possible[$0] }
                && f.conflicts.allSatisfy(range.contains)
        }
        for i in range.reversed() where possible[i] {
            let needs = features[i].requires + features[i].alternatives.prefix(1)
            on[i] = needed[i] ? !random.chance(1) : random.chance(50)
            if on[i] { for n in needs { needed[n] = true } }
        }
        var out = """
            prereq: 1
            snapshot:
              environment: \(environment)
              takenAt: 2026-11-20T10:00:00Z
              version: 10.0.40
            features:

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
        out += "jobs:\n"
        for (k, j) in jobs.enumerated() {
            let minute = k % 60, hour = k / 60 % 9
            out += "  \"\(j.code)\": {lastSuccess: 2026-11-20T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00Z"
            if j.scheduled { out += ", schedule: {recurring: true, every: 1h}" }
            out += "}\n"
        }
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
