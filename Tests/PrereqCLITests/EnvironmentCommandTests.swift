import Foundation
import Testing

/// `snapshot template`, `snapshot check` and `diff` as a user runs them on the shipped pack.
@Suite struct EnvironmentCommandTests {
    func prereq(_ arguments: String...) throws -> PrereqBinary.Result {
        try PrereqBinary.run(arguments, in: EvaluationCommandTests.root)
    }

    @Test func aTemplateIsWrittenForOneFeature() throws {
        let r = try prereq("snapshot", "template", "--rules", "rules", "Enable editing customers in asynchronous mode")
        #expect(r.status == 0)
        #expect(r.stdout.contains("  async-customer-editing:\n    enabled: ~  # on or off\n"))
        #expect(!r.stdout.contains("sync-customers"))
    }

    @Test func snapshotCheckExitsOneWhenFactsAreMissing() throws {
        let missing = try prereq("snapshot", "check", "examples/snapshots/data-missing.json", "--rules", "rules", "--format", "json")
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("\"fact\": \"the product version\""))
        let complete = try prereq("snapshot", "check", "examples/snapshots/healthy.yaml", "--rules", "rules")
        #expect(complete.status == 0)
        #expect(complete.stdout == "examples/snapshots/healthy.yaml gives every fact the rule pack needs\n")
        let unreadable = try prereq("snapshot", "check", "examples/snapshots/nope.yaml", "--rules", "rules")
        #expect(unreadable.status == 2)
    }

    @Test func diffExitsOneWhenAVerdictDiffers() throws {
        let r = try prereq("diff", "examples/snapshots/healthy.yaml", "examples/snapshots/blocked-version.yaml", "--rules", "rules")
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"Enable editing customers in asynchronous mode\": in effect in examples/snapshots/healthy.yaml, blocked in examples/snapshots/blocked-version.yaml"))
        let same = try prereq("diff", "examples/snapshots/healthy.yaml", "examples/snapshots/healthy.yaml", "--rules", "rules")
        #expect(same.status == 0)
    }
}
