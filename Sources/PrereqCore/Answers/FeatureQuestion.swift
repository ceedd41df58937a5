import Diagnostics

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
    /// Answers "why can't I enable f / why is it not working" with a plan.
    public mutating func answer(feature f: Int) -> FeatureAnswer {
        let (verdict, root) = explainFeature(f)
        var builder = PlanBuilder(evaluator: self)
        builder.add(root: root)
        if facts.isOn(f) == true { builder.addSettleTime(of: f) } else { builder.addEnablement(of: f) }
        var answer = FeatureAnswer(
            feature: f, featureId: pack.features[f].id.value, featureName: featureName(f), verdict: verdict,
            explanation: withRemarks(explanation(root: root)), plan: withRemarks(builder.plan()), snapshotFile: facts.snapshot.file,
            language: language)
        answer.remarks = remarks(ofFeature: f)
        return answer
    }

    /// One plan for several features: each one's fixes, merged and ordered.
    public mutating func plan(features: [Int]) -> PlanBuilder.Plan {
        var roots: [(Int, Int)] = []
        for f in features { roots.append((f, explainFeature(f).root)) }
        var builder = PlanBuilder(evaluator: self)
        for (f, root) in roots {
            builder.add(root: root)
            if facts.isOn(f) == true { builder.addSettleTime(of: f) } else { builder.addEnablement(of: f) }
        }
        return withRemarks(builder.plan())
    }
}
