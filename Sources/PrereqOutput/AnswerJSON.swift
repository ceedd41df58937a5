import Diagnostics
import PrereqAnswers
import PrereqEvaluation
import PrereqModel

/// The documented JSON answers (`why`, `plan`), with extra fields after the
/// contract's own. Each document starts with `formatVersion` (schemas/prereq-why-output and
/// prereq-plan-output describe them).
public enum AnswerJSON {

    public static func location(_ l: SourceLocation?) -> JSONValue {
        guard let l else { return .null }
        return .object([("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column))])
    }

    public static func evidence(_ e: Evidence) -> JSONValue {
        .object([("snapshot", location(e.snapshot)), ("rule", location(e.rule))])
    }

    public static func step(_ s: PlanStep) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("action", .string(s.action.rawValue)), ("subject", .string(s.subject)), ("subjectName", .string(s.subjectName)),
            ("message", .string(s.message)),
        ]
        for key in s.details.keys.sorted() {
            if let value = s.details[key] {
                switch key {
                case "channels": members.append((key, .array(value.split(separator: ",").map { .string(String($0)) })))
                // Parameter values not to choose: one sentence each.
                case "forbidden": members.append((key, .array(value.split(separator: "\n").map { .string(String($0)) })))
                default: members.append((key, .string(value)))
                }
            }
        }
        return .object(members + remarks(s.remarks))
    }

    /// `note`, `docs` and `settleSource`, each only when the pack gives it.
    public static func remarks(_ r: Remarks) -> [(String, JSONValue)] {
        [("note", r.note), ("docs", r.docs), ("settleSource", r.settleSource)].compactMap { key, value in value.map { (key, .string($0)) } }
    }

    public static func cause(_ n: ExplanationNode) -> JSONValue {
        .object([
            ("kind", .string((n.cause ?? .missingData).rawValue)), ("subject", .string(n.subject)),
            ("subjectName", .string(n.subjectName)), ("message", .string(n.message)), ("truth", .string(n.truth.rawValue)),
            ("evidence", evidence(n.evidence)),
        ] + (n.component.map { [("component", .string($0))] } ?? [])
            + (n.channels.isEmpty ? [] : [("channels", .array(n.channels.map(JSONValue.string)))]) + remarks(n.remarks))
    }

    /// `{"formatVersion", "verdict", "feature", "featureName", "snapshot", "language", "rootCauses", "plan", "notes", "verified",
    /// "explanation"}`, then `channels` (`[{"channel", "verdict"}]`) where the snapshot names channels.
    public static func why(_ a: FeatureAnswer) -> JSONValue {
        .object([
            JSONOutput.versionField, ("verdict", .string(a.verdict.rawValue)), ("feature", .string(a.featureId)), ("featureName", .string(a.featureName)),
            ("snapshot", .string(a.snapshotFile)), ("language", .string(a.language.tag)),
            ("rootCauses", .array(a.rootCauses.map(cause))), ("plan", .array(a.plan.steps.map(step))),
            ("notes", .array(a.plan.notes.map(JSONValue.string))), ("verified", verified(a.plan.verification)),
            ("explanation", tree(a.explanation)),
        ] + remarks(a.remarks) + (a.recommendations.isEmpty ? [] : [("recommendations", .array(a.recommendations.map(recommendation)))])
            + alternatives(a.plan) + (a.isPreview ? [("preview", .bool(true))] : []) + assumed(a.assumptions)
            + (a.channels.isEmpty ? [] : [("channels", .array(a.channels.map { .object([("channel", .string($0.channel)), ("verdict", .string($0.verdict.rawValue))]) }))]))
    }

    /// A recommendation that does not hold: `{"kind": "recommendation", "subject", "subjectName",
    /// "message", "truth", "evidence", "causes", "optionalSteps"}` (the subject is the feature
    /// that recommends it; its steps are not part of the plan).
    public static func recommendation(_ r: Recommendation) -> JSONValue {
        .object([
            ("kind", .string("recommendation")), ("subject", .string(r.feature)), ("subjectName", .string(r.featureName)),
            ("message", .string(r.message)), ("truth", .string(r.truth.rawValue)), ("evidence", evidence(r.evidence)),
            ("causes", .array(r.causes.map(cause))), ("optionalSteps", .array(r.steps.map(step))),
        ])
    }

    /// What performing the plan leads to: `{"reachesGoal", "outcome", "endVerdicts", "unmet",
    /// "cannotFix", "endTime"}`, and `takenOnTrust` (the ids of the manual steps the simulation
    /// took as done) when the plan has any; null for a plan that was not simulated.
    public static func verified(_ v: PlanVerification?) -> JSONValue {
        guard let v else { return .null }
        let trusted: [(String, JSONValue)] = v.takenOnTrust.isEmpty ? [] : [("takenOnTrust", .array(v.takenOnTrust.map { .string($0.subject) }))]
        return .object([
            ("reachesGoal", .bool(v.reachesGoal)), ("outcome", .string(v.outcome.rawValue)),
            ("endVerdicts", .array(v.endVerdicts.map { .object([("feature", .string($0.feature)), ("featureName", .string($0.featureName)), ("verdict", .string($0.verdict.rawValue))]) })),
            ("unmet", .array(v.unmet.map(cause))), ("cannotFix", .array(v.cannotFix.map(JSONValue.string))),
            ("endTime", v.endTime.map { .string($0.description) } ?? .null),
        ] + trusted)
    }

    /// `{"formatVersion", "steps": [...], "notes": [...], "verified": {...}, "features", "snapshot"}`,
    /// then `alternatives` when there are other valid plans.
    public static func plan(_ p: PlanBuilder.Plan, features: [String], snapshot: String, assumptions: [String] = []) -> JSONValue {
        .object([
            JSONOutput.versionField, ("steps", .array(p.steps.map(step))), ("notes", .array(p.notes.map(JSONValue.string))), ("verified", verified(p.verification)),
            ("features", .array(features.map(JSONValue.string))), ("snapshot", .string(snapshot)),
        ] + alternatives(p) + assumed(assumptions))
    }

    /// `assumptions`: the what-if facts an answer assumed, in words (none: no field).
    private static func assumed(_ items: [String]) -> [(String, JSONValue)] {
        items.isEmpty ? [] : [("assumptions", .array(items.map(JSONValue.string)))]
    }

    /// `[("alternatives", [{"steps", "verified"}])]` for a plan with other valid shapes; nothing otherwise.
    static func alternatives(_ p: PlanBuilder.Plan) -> [(String, JSONValue)] {
        guard !p.alternatives.isEmpty else { return [] }
        return [("alternatives", .array(p.alternatives.map { .object([("steps", .array($0.steps.map(step))), ("verified", verified($0.verification))]) }))]
    }

    /// The explanation DAG as a flat list of nodes with child indices (no nesting, so any depth
    /// serialises without recursion), root first.
    public static func tree(_ e: Explanation) -> JSONValue {
        var order: [Int] = []
        var number: [Int: Int] = [:]
        var stack = [e.root]
        while let n = stack.popLast() {
            guard number[n] == nil else { continue }
            number[n] = order.count
            order.append(n)
            stack += e.nodes[n].children.reversed()
        }
        let nodes: [JSONValue] = order.map { n in
            let node = e.nodes[n]
            return .object([
                ("id", .int(number[n] ?? 0)), ("truth", .string(node.truth.rawValue)),
                ("kind", node.cause.map { .string($0.rawValue) } ?? .null), ("subject", .string(node.subject)),
                ("message", .string(node.message)), ("evidence", evidence(node.evidence)),
                ("children", .array(node.children.compactMap { number[$0].map(JSONValue.int) })),
            ])
        }
        return .object([("root", .int(0)), ("nodes", .array(nodes))])
    }
}
