import Foundation
import Testing

/// Answers from a pack or snapshot that cannot be used are refused with exit code 2 and the
/// reasons, as one JSON document where JSON was asked for; a pack without features is still a
/// pack for `check` and `faq`.
@Suite struct BrokenInputTests {
    /// A folder holding `files` (name → text), removed after `body`.
    func withFiles(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        try body(folder.path)
    }

    static let snapshot = """
        prereq: 1
        snapshot: {environment: e, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38}
        features: {a: off, b: on}
        jobs:
          sync: {lastSuccess: 2026-11-20T09:00:00Z, schedule: {recurring: true, every: 15m}}
        records:
          - {table: T, count: 0}
        """

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: [["why", "a"], ["plan", "a"], ["check"], ["faq"]])
    func aPackWithAnUnknownReferenceIsRefusedNotBlamedOnTheSnapshot(_ command: [String]) throws {
        try withFiles(["pack.yaml": "prereq: 1\nfeatures:\n  a: {requires: [bb]}\n  b: {}\n", "snap.yaml": Self.snapshot]) { dir in
            let snapshot = command == ["check"] ? ["\(dir)/snap.yaml"] : ["--snapshot", "\(dir)/snap.yaml"]
            let r = try PrereqBinary.run(command + ["--rules", "\(dir)/pack.yaml"] + snapshot, in: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains("unknown-reference"))
            #expect(r.stderr.contains("the rule pack cannot be used"))
            #expect(!r.stdout.contains("snapshot does not say"))
        }
    }

    @Test func aPackWithACycleIsRefused() throws {
        try withFiles(["pack.yaml": "prereq: 1\nfeatures:\n  a: {requires: [b]}\n  b: {requires: [a]}\n", "snap.yaml": Self.snapshot]) { dir in
            let r = try PrereqBinary.run(["why", "a", "--rules", "\(dir)/pack.yaml", "--snapshot", "\(dir)/snap.yaml"], in: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains("requires-cycle"))
        }
    }

    @Test(arguments: [["why", "a", "--format", "json"], ["plan", "a", "--format", "json"], ["check", "--format", "json"]])
    func jsonErrorsAreOneJSONDocument(_ command: [String]) throws {
        try withFiles(["pack.yaml": "prereq: 1\nfeatures:\n  a: {requires: [bb]}\n  b: {}\n", "snap.yaml": Self.snapshot]) { dir in
            let snapshot = command.first == "check" ? ["\(dir)/snap.yaml"] : ["--snapshot", "\(dir)/snap.yaml"]
            let r = try PrereqBinary.run(command + ["--rules", "\(dir)/pack.yaml"] + snapshot, in: dir)
            #expect(r.status == 2)
            let document = try json(r.stdout)
            #expect(document["error"] is String)
            let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.first?["code"] as? String == "unknown-reference")
        }
    }

    @Test func anUnknownFeatureAndAnUnreadableSnapshotAreJSONToo() throws {
        try withFiles(["pack.yaml": "prereq: 1\nfeatures:\n  a: {}\n", "snap.yaml": "prereq: 1\nfeatures: {a: on}\n"]) { dir in
            let unknown = try PrereqBinary.run(["why", "zz", "--rules", "\(dir)/pack.yaml", "--snapshot", "\(dir)/snap.yaml", "--format", "json"], in: dir)
            #expect(unknown.status == 2)
            #expect(try json(unknown.stdout)["diagnostics"] is [Any])
            let unreadable = try PrereqBinary.run(["plan", "a", "--rules", "\(dir)/pack.yaml", "--snapshot", "\(dir)/snap.yaml", "--format", "json"], in: dir)
            #expect(unreadable.status == 2)
            let diagnostics = try #require(try json(unreadable.stdout)["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.contains { $0["code"] as? String == "schema-missing" })
        }
    }

    @Test func aPackOfJobsRecordChecksAndQuestionsIsValidForCheckAndFAQ() throws {
        let pack = """
            prereq: 1
            jobs:
              sync: {name: Sync, schedule: {maxInterval: 1h}}
            records:
              none-left: {table: T, clearedBy: sync}
            questions:
              q:
                text: Is the sync keeping up?
                checks: [{records: none-left}]
            """
        try withFiles(["pack.yaml": pack, "snap.yaml": Self.snapshot.replacingOccurrences(of: "features: {a: off, b: on}\n", with: "")]) { dir in
            let check = try PrereqBinary.run(["check", "--rules", "\(dir)/pack.yaml", "\(dir)/snap.yaml"], in: dir)
            #expect(check.status == 0)
            let faq = try PrereqBinary.run(["faq", "--rules", "\(dir)/pack.yaml", "--snapshot", "\(dir)/snap.yaml"], in: dir)
            #expect(faq.status == 0)
            #expect(faq.stdout.contains("## Is the sync keeping up?"))
        }
    }
}
