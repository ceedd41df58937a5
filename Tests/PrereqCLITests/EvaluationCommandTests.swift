import Foundation
import Testing

/// `why`, `plan`, `check` and `faq` as a user runs them on the shipped pack and examples.
@Suite struct EvaluationCommandTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    func prereq(_ arguments: String...) throws -> PrereqBinary.Result {
        try PrereqBinary.run(arguments, in: Self.root)
    }

    @Test func whyAnswersInPortugueseWithPortugueseNames() throws {
        let r = try prereq(
            "why", "Habilitar edição de clientes no modo assíncrono", "--snapshot",
            "examples/snapshots/blocked-prerequisite.yaml", "--lang", "pt-BR")
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("O recurso \"Habilitar edição de clientes no modo assíncrono\" ainda não pode ser ativado."))
        #expect(r.stdout.contains("O recurso \"Habilitar criação assíncrona para endereços de cliente\" está desativado"))
        #expect(r.stderr.isEmpty)
    }

    @Test func whyExitsZeroWhenTheFeatureIsInEffect() throws {
        let r = try prereq("why", "async-customer-editing", "--snapshot", "examples/snapshots/healthy.yaml")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("\"Enable editing customers in asynchronous mode\" is on and in effect."))
    }

    @Test func anUnknownFeatureIsExitTwoWithASuggestion() throws {
        let r = try prereq("why", "async-customer-editting", "--snapshot", "examples/snapshots/healthy.yaml")
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean \"async-customer-editing\""))
    }

    @Test func aMissingSnapshotIsExitTwo() throws {
        let r = try prereq("why", "async-customer-editing", "--snapshot", "examples/snapshots/nope.yaml")
        #expect(r.status == 2)
        #expect(r.stderr.contains("no such file"))
    }

    /// A manual step no snapshot can show: `why` is unknown (exit 1), `plan --verify` says what
    /// it took on trust, and the JSON plan has the `manual` action with the step's text.
    @Test func aManualStepIsAStepOfThePlanTakenOnTrust() throws {
        let pack = "Tests/PrereqCoreTests/Fixtures/manual/pack.yaml", snapshot = "Tests/PrereqCoreTests/Fixtures/manual/fine.yaml"
        let why = try prereq("why", "store-sso", "--rules", pack, "--snapshot", snapshot)
        #expect(why.status == 1)
        #expect(why.stdout.hasPrefix("Prereq cannot tell about \"Single sign-on for Store Commerce\": the snapshot does not confirm the manual steps it needs."))
        let plan = try prereq("plan", "store-sso", "--rules", pack, "--snapshot", snapshot, "--verify")
        #expect(plan.stdout.contains("Taken on trust: \"Grant admin consent\" is done by hand and no snapshot can show it."))
        let json = try prereq("plan", "store-sso", "--rules", pack, "--snapshot", snapshot, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.map { $0["action"] as? String } == ["manual", "enable"])
        #expect(steps.first?["text"] as? String == "In the Azure portal, open the app's API permissions and select Grant admin consent.")
        #expect((object["verified"] as? [String: Any])?["takenOnTrust"] as? [String] == ["grant-consent"])
    }

    @Test func planAsJSONFollowsTheContract() throws {
        let r = try prereq("plan", "async-customer-editing", "--snapshot", "examples/snapshots/blocked-version.yaml", "--format", "json")
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let steps = try #require(json["steps"] as? [[String: Any]])
        #expect(steps.map { $0["action"] as? String } == ["upgrade", "enable", "run-job", "run-job", "run-job", "wait"])
        #expect(steps[1]["subject"] as? String == "async-customer-editing")
        #expect(steps[1]["subjectName"] as? String == "Enable editing customers in asynchronous mode")
    }

    @Test func planVerifyShowsTheSimulatedEndStateAndJSONCarriesIt() throws {
        let text = try prereq("plan", "async-customer-editing", "--snapshot", "examples/snapshots/blocked-version.yaml", "--verify")
        #expect(text.status == 0)
        #expect(text.stdout.contains("Simulated end state"))
        #expect(text.stdout.contains("\"Enable editing customers in asynchronous mode\": on and in effect"))
        #expect(text.stdout.contains("Verified: performing these steps in order reaches the goal."))

        for command in ["plan", "why"] {
            let r = try prereq(command, "async-customer-editing", "--snapshot", "examples/snapshots/blocked-version.yaml", "--format", "json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let verified = try #require(json["verified"] as? [String: Any])
            #expect(verified["reachesGoal"] as? Bool == true)
            #expect(verified["outcome"] as? String == "reaches-goal")
            #expect((verified["endVerdicts"] as? [[String: Any]])?.first?["verdict"] as? String == "in-effect")
            #expect((verified["unmet"] as? [Any])?.isEmpty == true)
        }

        let missing = try prereq("plan", "async-customer-editing", "--snapshot", "examples/snapshots/data-missing.json", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(missing.stdout.utf8)) as? [String: Any])
        let verified = try #require(json["verified"] as? [String: Any])
        #expect(verified["reachesGoal"] as? Bool == false)
        #expect(verified["outcome"] as? String == "needs-data")
    }

    @Test func checkWithoutArgumentsUsesTheProjectConfig() throws {
        let r = try PrereqBinary.run(["check", "--format", "json"], in: Self.root + "/examples/config-repo")
        #expect(r.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let codes = Set(findings.compactMap { $0["code"] as? String })
        #expect(codes.isSuperset(of: ["job-order", "job-not-run", "records-unprocessed", "settling", "missing-data"]))
        let jobOrder = try #require(findings.first { $0["code"] as? String == "job-order" })
        #expect(jobOrder["subject"] as? String == "sync-customers")
        #expect(jobOrder["subjectName"] as? String == "Synchronize customers and channel requests")
        let location = try #require(jobOrder["location"] as? [String: Any])
        #expect(location["line"] as? Int == 25)
    }

    @Test func faqRendersEveryQuestionInPortuguese() throws {
        let r = try prereq("faq", "--snapshot", "examples/snapshots/hq-missing-job-order.yaml", "--lang", "pt-BR")
        // One answer finds the synchronization job out of order: exit 1, as a CI gate wants.
        #expect(r.status == 1)
        #expect(r.stdout.components(separatedBy: "\n## ").count == 4)
        #expect(r.stdout.contains("## Por que o Commerce headquarters não mostra"))
    }

    @Test func faqWritesJSONOrAPageFileAndExitsZeroWhenNothingIsWrong() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let page = scratch.folder.appendingPathComponent("FAQ.md").path
        let healthy = try prereq("faq", "--snapshot", "examples/snapshots/healthy.yaml", "--output", page)
        #expect(healthy.status == 0)
        #expect(healthy.stdout.isEmpty)
        let text = try String(contentsOfFile: page, encoding: .utf8)
        #expect(text.hasPrefix("# Dynamics 365 Commerce"))
        #expect(!text.contains("\\("))
        let json = try prereq("faq", "--snapshot", "examples/snapshots/hq-missing-job-order.yaml", "--format", "json")
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary["problems"] == 1)
        let unwritable = try prereq("faq", "--snapshot", "examples/snapshots/healthy.yaml", "--output", scratch.folder.appendingPathComponent("no/such/dir/FAQ.md").path)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write"))
    }
}

/// The source line under a finding, whatever the file's line breaks.
@Suite struct SourceExcerptTests {
    @Test(arguments: ["\n", "\r\n", "\r"]) func theExcerptIsTheFindingsLine(_ lineBreak: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lines = ["prereq: 1", "features:", "  a: {name: A, requires: [b]}", "  c: {name: C, requires: [nope]}"]
        let pack = try scratch.file("pack.yaml", lines.joined(separator: lineBreak) + lineBreak)
        let r = try PrereqBinary.run(["lint", pack])
        #expect(r.status == 1)
        #expect(r.stdout.contains(" 3 |   a: {name: A, requires: [b]}\n"))
        #expect(r.stdout.contains(" 4 |   c: {name: C, requires: [nope]}\n"))
        #expect(!r.stdout.contains("\r"))
    }
}
