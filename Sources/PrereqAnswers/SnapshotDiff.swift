import Diagnostics
import PrereqEvaluation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// `prereq diff A B`: two environments (UAT and production, say) against one pack. Every
/// feature whose verdict differs, with the root causes that make the difference (those of the
/// side where it fares worse that the other side does not have), then the facts that differ
/// without changing any verdict.
public struct SnapshotDiff: Sendable {
    /// A feature answered differently in the two snapshots.
    public struct FeatureDifference: Sendable {
        public var featureId: String
        public var featureName: String
        public var verdicts: (a: Verdict, b: Verdict)
        /// Root causes only one side has, the worse side's first.
        public var causes: [Cause]

        /// Whether the feature fares worse in B than in A.
        public var worseInB: Bool { SnapshotDiff.rank(verdicts.b) > SnapshotDiff.rank(verdicts.a) }
    }

    /// A root cause one snapshot has and the other does not.
    public struct Cause: Sendable {
        /// 0: found in A; 1: in B.
        public var side: Int
        public var kind: CauseKind?
        public var subject: String?
        public var subjectName: String?
        public var message: String
        public var evidence: Evidence

        init(side: Int, _ n: ExplanationNode) {
            self.init(side: side, kind: n.cause, subject: n.subject, subjectName: n.subjectName, message: n.message, evidence: n.evidence)
        }

        init(side: Int, kind: CauseKind?, subject: String?, subjectName: String?, message: String, evidence: Evidence) {
            self.side = side
            self.kind = kind
            self.subject = subject
            self.subjectName = subjectName
            self.message = message
            self.evidence = evidence
        }
    }

    /// A fact the snapshots give differently (or only one gives), as text.
    public struct FactDifference: Sendable, Equatable {
        /// `feature`, `setting`, `version`, `component`, `attribute`, `schedule`, `records`.
        public var kind: String
        public var subject: String
        public var subjectName: String
        public var a: String?
        public var b: String?
    }

    public var files: (a: String, b: String)
    public var features: [FeatureDifference] = []
    /// Facts that differ, in the pack's order.
    public var facts: [FactDifference] = []
    /// The subjects some root cause of `features` is about.
    public var explaining = Set<String>()

    /// The facts that differ without changing any verdict: about nothing a root cause of a
    /// difference names, and not the state of a feature whose verdict differs.
    public var otherFacts: [FactDifference] {
        let differing = Set(features.map(\.featureId))
        return facts.filter { !explaining.contains($0.subject) && !($0.kind == "feature" && differing.contains($0.subject)) }
    }

    public static func compare(_ a: EnvironmentFacts, _ b: EnvironmentFacts, language: Language) -> SnapshotDiff {
        var diff = SnapshotDiff(files: (a.snapshot.file, b.snapshot.file))
        let graph = a.graph
        var ea = Evaluator(facts: a, language: language), eb = Evaluator(facts: b, language: language)
        ea.wordsConditionsThatHold = false
        eb.wordsConditionsThatHold = false
        for f in graph.pack.features.indices {
            let (va, ra) = ea.explainFeature(f)
            let (vb, rb) = eb.explainFeature(f)
            guard va != vb else { continue }
            let ca = ea.explanation(root: ra).rootCauses.map { ea.nodes[$0] }
            let cb = eb.explanation(root: rb).rootCauses.map { eb.nodes[$0] }
            let key = { (n: ExplanationNode) in "\(n.cause?.rawValue ?? "")|\(n.subject ?? "")|\(n.channels.joined(separator: ","))" }
            let inA = Set(ca.map(key)), inB = Set(cb.map(key))
            let onlyA = ca.filter { !inB.contains(key($0)) }
            let onlyB = cb.filter { !inA.contains(key($0)) }
            for n in onlyA + onlyB {
                // A version cause is about the product's version, or the component's (its subject is the instance).
                if n.cause == .version { diff.explaining.insert(n.component ?? "version") }
                if let s = n.subject { diff.explaining.insert(s) }
            }
            let worseIsB = rank(vb) > rank(va)
            let causesA = onlyA.map { Cause(side: 0, $0) }, causesB = onlyB.map { Cause(side: 1, $0) }
            var causes = worseIsB ? causesB + causesA : causesA + causesB
            // The feature's own switch, when that differs too (after the root causes).
            if let onA = a.isOn(f), let onB = b.isOn(f), onA != onB {
                let (side, facts) = onA ? (1, b) : (0, a)
                let entry = facts.feature(f)
                causes.append(
                    Cause(
                        side: side, kind: .featureOff, subject: graph.pack.features[f].id.value, subjectName: ea.featureName(f),
                        message: ea.messages.featureOn(ea.featureName(f), .violated), evidence: Evidence(snapshot: entry?.enabled?.location ?? entry?.name.location)))
            }
            diff.features.append(
                FeatureDifference(
                    featureId: graph.pack.features[f].id.value, featureName: ea.featureName(f), verdicts: (va, vb), causes: causes))
        }
        diff.facts = factDifferences(a, b, language: language)
        return diff
    }

    /// How far a verdict is from working: in effect or enableable, then unknown, then blocked or not in effect.
    static func rank(_ v: Verdict) -> Int {
        switch v {
        case .inEffect, .enableable: 0
        case .unknown: 1
        case .blocked, .notInEffect: 2
        }
    }

    /// Values where they apply, as text (`store-1: Batch, store-2: Live`); nil when none is given.
    private static func text(_ placed: [PlacedValue]) -> String? {
        guard placed.contains(where: { $0.value != nil }) else { return nil }
        return placed.map { ($0.channel.map { "\($0): " } ?? "") + ($0.value?.value.description ?? "?") }.joined(separator: ", ")
    }

    /// The facts the pack reads that the two snapshots give differently, in the pack's order.
    private static func factDifferences(_ a: EnvironmentFacts, _ b: EnvironmentFacts, language: Language) -> [FactDifference] {
        let graph = a.graph
        let pack = graph.pack
        let lang = language.tag
        var out: [FactDifference] = []
        func add(_ kind: String, _ subject: String, _ name: String, _ x: String?, _ y: String?) {
            if x != y { out.append(FactDifference(kind: kind, subject: subject, subjectName: name, a: x, b: y)) }
        }
        add("version", "version", Messages(language).theProductName, a.snapshot.version?.value.description, b.snapshot.version?.value.description)
        for (f, feature) in pack.features.enumerated() {
            // On or off, and the value it serves where the snapshot says (a flag's variation).
            let state = { (facts: EnvironmentFacts) in
                facts.isOn(f).map { ($0 ? "on" : "off") + (facts.feature(f)?.servedVariation.map { ", serving \($0.value)" } ?? "") }
            }
            add("feature", feature.id.value, feature.displayName(in: lang), state(a), state(b))
        }
        for (s, setting) in pack.settings.enumerated() {
            add("setting", setting.id.value, setting.displayName(in: lang), text(a.settingValues(s)), text(b.settingValues(s)))
        }
        for (c, component) in pack.components.enumerated() {
            let versions = { (facts: EnvironmentFacts) in
                facts.instances(of: c)?.map { "\($0.name): \($0.version?.value ?? "?")" }.joined(separator: ", ")
            }
            add("component", component.id.value, component.displayName(in: lang), versions(a), versions(b))
        }
        for (i, attribute) in pack.attributes.enumerated() {
            add("attribute", attribute.id.value, attribute.displayName(in: lang), text(a.attributeValues(i)), text(b.attributeValues(i)))
        }
        for (j, job) in pack.jobs.enumerated() {
            let schedule = { (facts: EnvironmentFacts) -> String? in
                facts.job(j)?.schedule.map { s in s.recurring ? "recurring" + (s.every.map { " every \($0)" } ?? "") : "none" }
            }
            add("schedule", job.id.value, job.displayName(in: lang), schedule(a), schedule(b))
        }
        for check in pack.records {
            let count = { (facts: EnvironmentFacts) -> String? in
                let groups = facts.recordGroups(for: check)
                let counts = groups.compactMap { $0.count(in: facts.snapshot) }
                return counts.isEmpty ? nil : String(counts.reduce(0) { $0.addingReportingOverflow($1).overflow ? Int.max : $0 + $1 })
            }
            add("records", check.id.value, check.displayName(in: lang), count(a), count(b))
        }
        return out
    }
}
