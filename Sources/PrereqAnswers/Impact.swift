import Diagnostics
import PrereqEvaluation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// `prereq impact X`: what depends on X, through every kind of condition, directly and
/// transitively (nearest first), and, per snapshot, what would stop working if X were switched
/// off, archived, or (a job) stopped: each environment evaluated as it is and as if the change
/// were made, compared as `prereq diff` compares two snapshots.
public struct Impact: Sendable {
    /// What is simulated in each snapshot.
    public enum Change: String, Sendable {
        /// A feature (a flag) switched off at the snapshot's moment.
        case switchOff = "switch-off"
        /// A flag archived: off, and serving nothing (it is removed from its platform).
        case archive
        /// A job stopped: no run after the snapshot's moment and on no schedule. What needs it
        /// on a schedule fails now; what needs a run after a later event (a switch, a setting's
        /// change, an update) would not take effect after that event.
        case stop
    }

    /// A feature whose verdict the change alters in one environment.
    public struct FeatureChange: Sendable {
        public var feature: Int
        public var featureId: String
        public var featureName: String
        public var before: Verdict
        public var after: Verdict
        /// Its distance from X in the pack's uses (nil when no chain of uses reaches it).
        public var distance: Int?
        /// The root causes of the changed state that the snapshot as it is does not have
        /// (for a change for the better, those it loses).
        public var causes: [SnapshotDiff.Cause]
    }

    /// A feature named with its verdict now (already affected, or at risk after the next event).
    public struct FeatureNow: Sendable {
        public var featureId: String
        public var featureName: String
        public var verdict: Verdict
    }

    /// One snapshot's answer.
    public struct EnvironmentImpact: Sendable {
        public var file: String
        public var environment: String?
        /// X's state now, as a sentence.
        public var state: String
        /// Why nothing changes when the product refuses the change (a feature that cannot be
        /// switched off), else nil.
        public var refused: String?
        /// Features whose verdict gets worse, root cause first (in dependency order from X).
        public var worse: [FeatureChange] = []
        /// Features whose verdict gets better (they need X off: `not`, `conflicts`, a `when`).
        public var better: [FeatureChange] = []
        /// Features that fail now with a root cause about X (X already off, not serving, not run).
        public var alreadyAffected: [FeatureNow] = []
        /// For a job stopped: features working now whose effect needs a run of it after an
        /// event (their switch, a setting's change, an update): they would not take effect
        /// again after the next one.
        public var atNextEvent: [FeatureNow] = []

        /// For a job stopped that the pack needs on a recurring schedule (its `schedule`): where
        /// the pack says so (`prereq check` would report the job).
        public var scheduleRequired: SourceLocation?

        /// Whether the change would make something stop working here.
        public var breaksSomething: Bool { !worse.isEmpty || !atNextEvent.isEmpty || scheduleRequired != nil }
    }

    public var subject: PackElement
    public var subjectId: String
    /// Its display name (for the product's version, the words for it).
    public var subjectName: String?
    public var change: Change?
    /// The features that use X, directly or through other elements, nearest first.
    public var dependents: [Dependent]
    /// The other elements that use X, directly or through others (jobs that run after it, a
    /// record check it clears, a manual step it confirms, a setting whose changes need it).
    public var others: [Dependent]
    /// The step rules (`parameters … when`) that name X.
    public var stepRules: [Dependency]
    public var environments: [EnvironmentImpact] = []

    /// Whether the answer says something would stop working: with snapshots, a verdict gets
    /// worse (or, for a job, would not take effect after the next event) in one of them;
    /// without, some feature depends on X in a way its change can break.
    public var breaksSomething: Bool {
        guard environments.isEmpty else { return environments.contains(where: \.breaksSomething) }
        return dependents.contains { $0.effect == .breaks || $0.effect == .mayBreak }
    }

    /// The change `--snapshot` simulates for `element`: switching off or archiving a feature,
    /// stopping a job; an error for the other kinds, or `archive` for anything but a feature.
    public static func change(for element: PackElement, archive: Bool, language: Language) -> Result<Change, Diagnostic> {
        let messages = Messages(language)
        switch element {
        case .feature: return .success(archive ? .archive : .switchOff)
        case .job where !archive: return .success(.stop)
        default:
            if archive { return .failure(.error("bad-argument", messages.impactArchiveOnlyFeatures, at: nil)) }
            return .failure(.error("bad-argument", messages.impactCannotSimulate(element.kind), at: nil))
        }
    }

    /// What depends on `element` in `index`'s pack (no snapshot).
    public init(of element: PackElement, in index: DependencyIndex, language: Language) {
        let pack = index.graph.pack
        subject = element
        subjectId = element.id(in: pack)
        subjectName = element.displayName(in: pack, language: language.tag)
        var sources = [element]
        // The product component's version is the product's version.
        if case .component(let c) = element, pack.components[c].isProduct { sources.append(.productVersion) }
        let reached = index.dependents(of: sources)
        dependents = reached.filter { if case .feature = $0.element { true } else { false } }
        others = reached.filter { if case .feature = $0.element { false } else { true } }
        stepRules = sources.flatMap { index.stepRuleUses(of: $0) }
    }

    /// Adds the answer for one snapshot: `facts` evaluated as they are and as if `change` were made.
    public mutating func add(_ facts: EnvironmentFacts, change: Change, language: Language) {
        self.change = change
        let graph = facts.graph
        let messages = Messages(language)
        let tag = language.tag
        var answer = EnvironmentImpact(file: facts.snapshot.file, environment: facts.snapshot.environment?.value, state: "")
        let now = facts.snapshot.takenAt?.value ?? Timestamp(secondsSinceEpoch: 0)
        var simulator = PlanSimulator(facts: facts, language: language)
        simulator.checksSwitches = false
        var own: Int?
        switch subject {
        case .feature(let x):
            own = x
            let name = graph.pack.features[x].displayName(in: tag)
            answer.state = messages.impactFeatureState(name, on: facts.isOn(x), serving: facts.feature(x)?.servedVariation?.value.description)
            if change == .archive, graph.pack.features[x].flag?.archived?.value == true { answer.state += " " + messages.impactAlreadyArchived(name) }
            simulator.perform(PlanStep(action: .disable, subject: subjectId, subjectName: name, message: ""), at: now)
            if let refusal = simulator.blocked.first {
                answer.refused = messages.impactRefused(refusal.message)
            } else {
                let flag = graph.pack.features[x].flag
                if change == .archive { simulator.setServed(x, nil) } else if let off = flag?.offVariation { simulator.setServed(x, off.value) }
                servingOffVariations(&simulator, language: language)
            }
        case .job(let j):
            let job = facts.job(j)
            let name = graph.pack.jobs[j].displayName(in: tag)
            answer.state = messages.impactJobState(name, lastSuccess: job?.run.lastSuccess?.value, recurring: job?.schedule?.recurring)
            if let required = graph.pack.jobs[j].schedule, job?.schedule?.recurring != false { answer.scheduleRequired = required.location }
            simulator.unschedule(j)
        default:
            answer.state = ""
        }
        // Each change was made at the snapshot's moment and the clock put back: "now" is the snapshot's.
        let diff = SnapshotDiff.compare(facts, simulator.end, language: language)
        let distance = Dictionary(dependents.compactMap { d -> (Int, Int)? in
            if case .feature(let f) = d.element { return (f, d.distance) }
            return nil
        }, uniquingKeysWith: min)
        for d in diff.features {
            guard let f = graph.featureIndex[d.featureId], f != own else { continue }
            let worse = d.worseInB
            let causes = d.causes.filter { $0.side == (worse ? 1 : 0) }
            let item = FeatureChange(feature: f, featureId: d.featureId, featureName: d.featureName, before: d.verdicts.a, after: d.verdicts.b, distance: distance[f], causes: causes)
            if worse { answer.worse.append(item) } else { answer.better.append(item) }
        }
        let order = { (a: FeatureChange, b: FeatureChange) in (a.distance ?? .max, a.feature) < (b.distance ?? .max, b.feature) }
        answer.worse.sort(by: order)
        answer.better.sort(by: order)
        let changedIds = Set((answer.worse + answer.better).map(\.featureId))
        (answer.alreadyAffected, answer.atNextEvent) = affectedNow(facts, changed: changedIds, own: own, language: language)
        environments.append(answer)
    }

    /// A flag platform serves a flag's off variation while it is on and its prerequisites do
    /// not hold (what it serves is unknown when they are unknown): after X's change, the flags
    /// that depend on it serve as the platform would, each pass going one flag further, until
    /// nothing changes. Only features with `flag` facts (imported from a platform) take part.
    private func servingOffVariations(_ simulator: inout PlanSimulator, language: Language) {
        let flags = dependents.compactMap { d -> Int? in
            guard case .feature(let f) = d.element, simulator.facts.graph.pack.features[f].flag != nil, simulator.facts.graph.pack.features[f].requires != nil else { return nil }
            return f
        }
        guard !flags.isEmpty else { return }
        for _ in 0...flags.count {
            let end = simulator.end
            var evaluator = Evaluator(facts: end, language: language)
            evaluator.wordsConditionsThatHold = false
            var moved = false
            for f in flags where end.isOn(f) == true {
                let feature = end.graph.pack.features[f]
                guard let r = feature.requires else { continue }
                let truth = evaluator.nodes[evaluator.requirementNode(r, owner: f)].truth
                guard truth != .satisfied else { continue }
                let target = truth == .violated ? feature.flag?.offVariation?.value : nil
                let current = end.feature(f)?.servedVariation?.value
                let same: Bool
                switch (current, target) {
                case (nil, nil): same = true
                case let (c?, t?): same = ValueCondition.Test.serving(t).holds(for: c)
                default: same = false
                }
                if same { continue }
                simulator.setServed(f, target)
                moved = true
            }
            if !moved { return }
        }
    }

    /// The features that fail now with a root cause about X, and (a job stopped) those working
    /// now whose effect needs a run of X after an event; neither among `changed`.
    private func affectedNow(_ facts: EnvironmentFacts, changed: Set<String>, own: Int?, language: Language) -> ([FeatureNow], [FeatureNow]) {
        var evaluator = Evaluator(facts: facts, language: language)
        evaluator.wordsConditionsThatHold = false
        let pack = facts.graph.pack
        var affected: [FeatureNow] = []
        var atRisk: [FeatureNow] = []
        let runForms: Set<Dependency.Form> = [.takesEffect, .succeededAfter, .settingTakesEffect, .after, .createdBy, .clearedBy]
        for d in dependents {
            guard case .feature(let f) = d.element, f != own, !changed.contains(pack.features[f].id.value) else { continue }
            let (verdict, root) = evaluator.explainFeature(f)
            let item = FeatureNow(featureId: pack.features[f].id.value, featureName: evaluator.featureName(f), verdict: verdict)
            if verdict == .inEffect || verdict == .enableable {
                if case .job = subject, let first = d.path.first, runForms.contains(first.form), d.effect == .breaks || d.effect == .mayBreak { atRisk.append(item) }
            } else if evaluator.explanation(root: root).rootCauses.contains(where: { evaluator.nodes[$0].subject == subjectId }) {
                affected.append(item)
            }
        }
        return (affected, atRisk)
    }
}
