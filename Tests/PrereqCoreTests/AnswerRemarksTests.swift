import Diagnostics
import PrereqCore
import PrereqYAML
import Testing

/// `note`, `docs` and `settleSource` reach the person reading the answer, and what a snapshot
/// does not say is never read as "off".
@Suite struct AnswerRemarksTests {
    static let pack = """
        prereq: 1
        settings:
          mode: {type: string, note: Set per store, docs: https://example.com/mode}
        jobs:
          push: {name: Push, note: Runs from the batch queue, docs: https://example.com/push}
        features:
          base: {name: Base, note: Base note}
          top:
            name: Top
            note: Top note
            docs: https://example.com/top
            requires: [base]
            settings: {mode: Channel}
            takesEffect: {jobs: [push], settle: 30m, settleSource: the vendor's FAQ}
        """

    @Test func whyShowsTheFeaturesNoteAndDocsUnderTheVerdictAndEachCausesBelowIt() throws {
        let answer = why("top", pack: Self.pack, snapshot: header + "features: {top: off, base: off}\nsettings: {mode: Real time}\n")
        let text = ExplanationTextRenderer(language: .english).render(answer)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  Note: Top note")
        #expect(lines[2] == "  Docs: https://example.com/top")
        #expect(text.contains("Note: Base note"))
        #expect(text.contains("Note: Set per store"))
        #expect(text.contains("Docs: https://example.com/mode"))
        let json = AnswerJSON.why(answer).serialized(pretty: false)
        #expect(json.contains("\"note\":\"Top note\""))
        #expect(json.contains("\"docs\":\"https://example.com/mode\""))
    }

    @Test func theSettleSourceIsShownWithTheSettlingCauseAndTheWait() throws {
        let answer = why("top", pack: Self.pack, snapshot: header + """
            features:
              base: on
              top: {enabled: true, enabledAt: 2026-11-20T09:45:00Z}
            settings: {mode: Channel}
            jobs: {push: {lastSuccess: 2026-11-20T09:50:00Z}}
            """)
        #expect(answer.verdict == .notInEffect)
        let settling = try #require(answer.rootCauses.first { $0.cause == .settling })
        #expect(settling.remarks.settleSource == "the vendor's FAQ")
        #expect(settling.remarks.note == nil)
        let wait = try #require(answer.plan.steps.first { $0.action == .wait })
        #expect(wait.remarks.settleSource == "the vendor's FAQ")
        #expect(ExplanationTextRenderer(language: .english).render(answer).contains("Settle time from: the vendor's FAQ"))
    }

    @Test func planStepsCarryTheRemarksOfWhatTheyActOn() throws {
        let f = facts(pack: Self.pack, snapshot: header + """
            features:
              base: on
              top: {enabled: true, enabledAt: 2026-11-20T09:00:00Z}
            settings: {mode: Channel}
            jobs: {push: {lastSuccess: 2026-11-19T09:50:00Z}}
            """)
        var evaluator = Evaluator(facts: f, language: .english)
        let plan = evaluator.plan(features: [try #require(f.graph.featureIndex["top"])])
        let run = try #require(plan.steps.first { $0.action == .runJob })
        #expect(run.remarks == Remarks(note: "Runs from the batch queue", docs: "https://example.com/push"))
        #expect(ExplanationTextRenderer(language: .english).planText(plan).contains("     Note: Runs from the batch queue"))
        #expect(AnswerJSON.step(run).serialized(pretty: false).contains("\"docs\":\"https://example.com/push\""))
    }

    @Test func theFAQShowsTheQuestionsDocsAndTheCausesRemarksEscaped() throws {
        let f = facts(pack: Self.pack + """

            questions:
              q:
                text: Is Top ready?
                about: top
                docs: https://example.com/faq
                checks: [{canEnable: top}]
            """, snapshot: header + "features: {top: off, base: off}\nsettings: {mode: \"*Real* time\"}\n")
        var evaluator = Evaluator(facts: f, language: .english)
        let markdown = FAQMarkdownRenderer(language: .english).render(evaluator.answerQuestions())
        // A `docs` address is a link; other text from the pack never autolinks.
        #expect(markdown.contains("Docs: <https://example.com/faq>"))
        #expect(markdown.contains("   - Note: Base note\n"))
        #expect(markdown.contains("❌ There is a problem."))
        #expect(!markdown.contains("Yes, there is a problem"))
    }

    @Test func aDocsValueThatIsNotAPlainWebAddressStaysText() {
        #expect(MarkdownRenderer.link("https://example.com/a?b=1&c=(2)") == "<https://example.com/a?b=1&c=(2)>")
        #expect(MarkdownRenderer.link("https://example.com/a> <script>") == MarkdownRenderer.escape("https://example.com/a> <script>"))
        #expect(MarkdownRenderer.link("javascript:alert(1)") == "javascript:alert(1)")
        #expect(MarkdownRenderer.link("see the wiki") == "see the wiki")
    }

    @Test func aRemarkIsSaidOnceUnderTheFirstStepItBelongsTo() throws {
        let f = facts(pack: Self.pack, snapshot: header + "features: {top: off, base: off}\nsettings: {mode: \"*Real* time\"}\n")
        var evaluator = Evaluator(facts: f, language: .english)
        var plan = evaluator.plan(features: [try #require(f.graph.featureIndex["top"])])
        let remarks = Remarks(docs: "https://example.com/same")
        plan.steps = plan.steps.map { var s = $0; s.remarks = remarks; return s }
        let text = ExplanationTextRenderer(language: .english).planText(plan)
        #expect(plan.steps.count > 1)
        #expect(text.components(separatedBy: "Docs: https://example.com/same").count == 2)
    }

    @Test func aFeatureTheSnapshotDoesNotMentionIsUnknownNeverOff() throws {
        let answer = why("top", pack: Self.pack, snapshot: header + "features: {base: on}\nsettings: {mode: Channel}\n")
        #expect(answer.verdict == .unknown)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.subject == "top")
        #expect(cause.cause == .missingData)
        #expect(cause.message == "the snapshot does not say whether \"Top\" is on; its prerequisites hold")
        #expect(answer.plan.steps.first?.action == .provideData)
    }

    @Test func anUnknownSettingValueSaysWhatValueIsNeeded() throws {
        let answer = why("top", pack: Self.pack, snapshot: header + "features: {top: off, base: on}\n")
        let cause = try #require(answer.rootCauses.first { $0.subject == "mode" })
        #expect(cause.message.hasSuffix("\"Top\" needs it to be Channel"))
        let switchPack = "prereq: 1\nsettings: {s: {type: bool}}\nfeatures: {f: {settings: {s: true}}}\n"
        let message = why("f", pack: switchPack, snapshot: header + "features: {f: off}\n").rootCauses.first?.message ?? ""
        #expect(message.hasSuffix("needs it to be on"))
        #expect(!message.contains("needs on"))
    }

    @Test func recordChecksTakeANoteShownWithTheirCauses() throws {
        let packYAML = """
            prereq: 1
            records:
              left: {table: T, note: {en: Fix by hand, pt-BR: Corrija manualmente}, docs: https://example.com/left}
            questions:
              q: {text: Anything left?, checks: [{records: left}]}
            """
        let decoded = PrereqCoreTests.pack(packYAML)
        #expect(decoded.1.isEmpty)
        #expect(decoded.0.records.first?.note?.text(in: "pt-BR") == "Corrija manualmente")
        var evaluator = Evaluator(facts: facts(pack: packYAML, snapshot: header + "records:\n  - {table: T, count: 1}\n"), language: .english)
        let item = try #require(evaluator.answerQuestions().items.first)
        #expect(item.causes.first?.remarks == Remarks(note: "Fix by hand", docs: "https://example.com/left"))
    }
}
