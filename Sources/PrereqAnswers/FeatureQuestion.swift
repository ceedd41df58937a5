import Diagnostics
import PrereqEvaluation
import PrereqGraph
import PrereqLoading
import PrereqMessages
import PrereqModel

/// The answer to `prereq why FEATURE`: the verdict, the explanation down to root causes, and the
/// ordered plan.
public struct FeatureAnswer: Sendable {
    public var feature: Int
    public var featureId: String
    public var featureName: String
    public var verdict: Verdict
    public var explanation: Explanation
    public var plan: PlanBuilder.Plan
    public var snapshotFile: String
    public var language: Language
    /// The feature's own `note` and `docs`, shown under the verdict.
    public var remarks = Remarks()
    /// What is only recommended (`severity: warning`) and does not hold: never part of the
    /// verdict or the plan; its steps are optional.
    public var recommendations: [Recommendation] = []
    /// The verdict in each channel the snapshot names (empty when it names none); the
    /// environment's verdict is the worst of them.
    public var channels: [ChannelVerdict] = []
    /// Whether the feature is a preview (`preview: true`).
    public var isPreview = false
    /// What-if facts the answer assumed on top of the snapshot, in words (`--assume`).
    public var assumptions: [String] = []

    /// The root causes as nodes, in reading order.
    public var rootCauses: [ExplanationNode] { explanation.rootCauses.map { explanation.nodes[$0] } }
}

/// Finds a feature, job or setting by what a person typed: id, display name in any language,
/// or alias; an unknown or ambiguous name is an error with a suggestion.
public enum FeatureLookup {
    public static func find(_ name: String, in graph: RuleGraph, language: Language = .english) -> Result<Int, Diagnostic> {
        let messages = Messages(language)
        let matches = graph.featureNames.lookup(name)
        switch matches.count {
        case 1: return .success(matches[0])
        case 0:
            return .failure(
                .error(
                    "unknown-feature",
                    messages.noFeatureCalled(name, suggestion: graph.featureNames.suggestion(for: name)),
                    at: nil, help: messages.giveAFeatureName))
        default:
            let ids = matches.map { graph.pack.features[$0].id.value }
            return .failure(
                .error(
                    "ambiguous-name", messages.namesSeveralFeatures(name, ids), at: nil, help: messages.giveTheFeatureId))
        }
    }
}

extension Evaluator {
    /// Answers "why can't I enable f / why is it not working" with a plan that reaches the goal
    /// in simulation (or says that none was found).
    public mutating func answer(feature f: Int) -> FeatureAnswer {
        let (verdict, root) = explainFeature(f)
        let plan = verifiedPlan(goals: [(f, root)])
        var answer = FeatureAnswer(
            feature: f, featureId: pack.features[f].id.value, featureName: featureName(f), verdict: verdict,
            explanation: withRemarks(explanation(root: root)), plan: withRemarks(plan), snapshotFile: facts.snapshot.file,
            language: language)
        answer.remarks = remarks(ofFeature: f)
        answer.isPreview = pack.features[f].lifecycle.preview?.value == true
        answer.recommendations = recommendations(in: answer.explanation)
        let on = facts.isOn(f) == true
        answer.channels = answer.explanation.channelVerdicts(
            facts.channelNames, holding: on ? .inEffect : .enableable, failing: on ? .notInEffect : .blocked)
        return answer
    }

    /// One plan for several features: each one's fixes, merged, ordered and verified together.
    public mutating func plan(features: [Int]) -> PlanBuilder.Plan {
        var roots: [(Int, Int)] = []
        for f in features { roots.append((f, explainFeature(f).root)) }
        return withRemarks(verifiedPlan(goals: roots))
    }

    /// The goal is every feature on and in effect. The explanation's own fixes are tried first;
    /// when their simulation misses the goal, a search over switch states finds the plan; when
    /// that fails too, the plan is empty and its verification says what cannot be fixed. A plan
    /// that asks for data first is kept, marked as not verifiable until the data is there.
    mutating func verifiedPlan(goals: [(feature: Int, root: Int)]) -> PlanBuilder.Plan {
        let features = goals.map(\.feature)
        var builder = PlanBuilder(evaluator: self)
        for (f, root) in goals {
            builder.add(root: root)
            if facts.isOn(f) == true { builder.addSettleTime(of: f) } else { builder.addEnablement(of: f) }
        }
        var (plan, first) = completed(builder, goals: features)
        if first.outcome != .fails {
            plan.verification = first
            plan.alternatives = waitingForSchedules(instead: plan, goals: features)
            return plan
        }
        var failed = first
        var search = PlanSearch(evaluator: self)
        switch search.search(goals: features) {
        case .success(let found):
            var searched = PlanBuilder(evaluator: self)
            searched.add(steps: found.steps)
            searched.add(steps: found.gateSteps, beforeSwitches: true)
            for (f, root) in goals where facts.isOn(f) == true {
                searched.add(root: root, only: [.runJob, .wait, .provideData, .manual])
                searched.addSettleTime(of: f)
            }
            var (alternative, second) = completed(searched, goals: features)
            if second.outcome != .fails {
                alternative.verification = second
                return alternative
            }
            failed = second
            failed.cannotFix = second.unmet.map(\.message)
        case .failure(let failure):
            failed.cannotFix = failure.reasons.isEmpty ? first.unmet.map(\.message) : failure.reasons
        }
        return PlanBuilder.Plan(steps: [], notes: [], verification: failed)
    }

    /// The other valid plan when the plan switches on features that are scheduled to be switched
    /// on: wait until the last of those dates instead, then the rest of the steps (kept only
    /// when its simulation does not fail).
    private func waitingForSchedules(instead plan: PlanBuilder.Plan, goals: [Int]) -> [PlanBuilder.Plan] {
        guard facts.snapshot.features.contains(where: { $0.scheduledFor != nil }) else { return [] }
        var scheduled: [(feature: Int, date: Timestamp)] = []
        for step in plan.steps where step.action == .enable {
            if let f = graph.featureIndex[step.subject ?? ""], let date = scheduledSwitch(f) { scheduled.append((f, date.value)) }
        }
        guard let until = scheduled.map(\.date).max() else { return [] }
        let ids = Set(scheduled.map { pack.features[$0.feature].id.value })
        let wait = withLocalTime(
            PlanStep(
                action: .wait, subject: scheduled.count == 1 ? pack.features[scheduled[0].feature].id.value : nil,
                subjectName: scheduled.count == 1 ? featureName(scheduled[0].feature) : nil,
                message: messages.stepWaitForSchedule(scheduled.map { featureName($0.feature) }, until: until), details: ["until": until.description]))
        // Runs placed in their windows are placed again after the wait.
        let rest = plan.steps.filter { !($0.action == .enable && ids.contains($0.subject ?? "")) && $0.details["runWindow"] == nil }
        let steps = placingRunsInWindows([wait] + rest)
        let verification = PlanSimulator.verify(steps, goals: goals, from: facts, language: language)
        guard verification.outcome != .fails else { return [] }
        return [PlanBuilder.Plan(steps: steps, notes: [], verification: verification)]
    }

    /// The builder's plan and its simulation. What the end state still lacks that only data,
    /// job runs or upgrades can give (a job the goal's jobs must follow, whose last success the
    /// snapshot does not give; headquarters, which an upgraded scale unit may not be newer than)
    /// is added and simulated again, a few rounds at most.
    private func completed(_ start: PlanBuilder, goals: [Int]) -> (PlanBuilder.Plan, PlanVerification) {
        var builder = start
        var plan = builder.plan()
        var verification = PlanSimulator.verify(plan.steps, goals: goals, from: facts, language: language)
        for _ in 0..<3 where verification.outcome == .fails {
            let missing = verification.unmet.flatMap(\.fix).filter { step in
                [.provideData, .runJob, .upgrade].contains(step.action) && !plan.steps.contains(step)
            }
            guard !missing.isEmpty else { break }
            // Runs a switch needs (a job after an event the plan itself brings about, an upgrade) come before the switches.
            let early = verification.unmet.filter(\.fixesBeforeSwitches).flatMap(\.fix)
            builder.add(steps: missing.filter { !early.contains($0) })
            builder.add(steps: missing.filter { early.contains($0) }, beforeSwitches: true)
            plan = builder.plan()
            verification = PlanSimulator.verify(plan.steps, goals: goals, from: facts, language: language)
        }
        return (plan, verification)
    }
}
