import PrereqCore
import Testing

/// The FAQ's plans are held to the promise `why` keeps: performed on the snapshot, they get the
/// features the question asks about on and in effect, or the answer says what cannot be fixed.
@Suite struct FAQPlanVerificationTests {
    static let questions = """

        questions:
          q:
            text: Why can't I enable F?
            about: f
            checks: [{canEnable: f}]
        """

    func answer(_ pack: String, _ features: String) -> FAQAnswer {
        var evaluator = Evaluator(facts: facts(pack: pack + Self.questions, snapshot: header + features), language: .english)
        return evaluator.answerQuestions()
    }

    @Test func aPlanThatWouldNotReachTheGoalIsReplacedByOneThatDoes() throws {
        let pack = """
            prereq: 1
            features:
              a: {name: A}
              b: {name: B}
              f:
                name: F
                requires: [anyOf: [a, b], not: a]
            """
        let item = try #require(answer(pack, "features: {a: on, b: off, f: off}\n").items.first)
        let steps = item.plan.steps.map { "\($0.action.rawValue) \($0.subject ?? "")" }
        #expect(steps == ["disable a", "enable b", "enable f"])
        #expect(item.plan.verification?.reachesGoal == true)
    }

    @Test func aGoalThatCannotBeReachedSaysSoInsteadOfListingSteps() throws {
        let pack = """
            prereq: 1
            features:
              a: {name: A}
              f:
                name: F
                requires: [a, not: a]
            """
        let faq = answer(pack, "features: {a: off, f: off}\n")
        let item = try #require(faq.items.first)
        #expect(item.plan.steps.isEmpty)
        #expect(item.plan.verification?.outcome == .fails)
        let markdown = FAQMarkdownRenderer(language: .english).render(faq)
        #expect(markdown.contains("No plan found that reaches the goal"))
        #expect(!markdown.contains("Nothing to do"))
    }
}
