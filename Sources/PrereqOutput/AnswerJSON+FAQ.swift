import Diagnostics
import PrereqAnswers
import PrereqEvaluation
import PrereqModel

extension AnswerJSON {
    /// `prereq faq --format json`: `{"formatVersion", "title", "snapshot", "environment",
    /// "language", "questions": [...], "summary": {"questions", "problems", "unknown"}}`. Each
    /// question is `{"id", "question", "answer", "lead", "causes", "checked", "plan", "notes",
    /// "verified"}` plus its `note` and `docs`; `answer` is `ok` (nothing wrong), `problem` or
    /// `unknown` (data missing), `causes` the root causes (empty when nothing is wrong) and
    /// `checked` what was found in order.
    public static func faq(_ faq: FAQAnswer) -> JSONValue {
        let questions: [JSONValue] = faq.items.map { item in
            .object([
                ("id", .string(item.questionId)), ("question", .string(item.question)), ("answer", .string(answer(item.truth))),
                ("lead", item.lead.map(JSONValue.string) ?? .null),
                ("causes", .array(item.truth == .satisfied ? [] : item.causes.map(cause))),
                ("checked", .array(item.checked.map(checked))),
                ("plan", .array(item.truth == .satisfied ? [] : item.plan.steps.map(step))),
                ("notes", .array(item.truth == .satisfied ? [] : item.plan.notes.map(JSONValue.string))),
                ("verified", item.truth == .satisfied ? .null : verified(item.plan.verification)),
            ] + remarks(item.remarks))
        }
        let count = { (truth: Truth) in faq.items.filter { $0.truth == truth }.count }
        return .object([
            JSONOutput.versionField, ("title", .string(faq.title)), ("snapshot", .string(faq.snapshotFile)),
            ("environment", faq.environment.map(JSONValue.string) ?? .null), ("language", .string(faq.language.tag)),
            ("questions", .array(questions)),
            ("summary", .object([("questions", .int(faq.items.count)), ("problems", .int(count(.violated))), ("unknown", .int(count(.unknown)))])),
        ])
    }

    /// A fact the answer looked at: `{"truth", "kind", "subject", "subjectName", "message",
    /// "evidence"}`, `kind` null for a group of conditions.
    private static func checked(_ n: ExplanationNode) -> JSONValue {
        .object([
            ("truth", .string(n.truth.rawValue)), ("kind", n.cause.map { .string($0.rawValue) } ?? .null),
            ("subject", .string(n.subject)), ("subjectName", .string(n.subjectName)), ("message", .string(n.message)),
            ("evidence", evidence(n.evidence)),
        ])
    }

    private static func answer(_ truth: Truth) -> String {
        switch truth {
        case .satisfied: "ok"
        case .violated: "problem"
        case .unknown: "unknown"
        }
    }
}
