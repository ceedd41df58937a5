import Foundation
import Testing

/// Inputs and outputs that must end with exit 2 and a message: never a trap, never a hang.
@Suite struct BadInputCommandTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    @Test func aFullStandardOutputIsExitTwoWithAMessage() throws {
        let process = Process()
        process.executableURL = try PrereqBinary.url()
        process.arguments = ["lint", "rules"]
        process.currentDirectoryURL = URL(fileURLWithPath: Self.root)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let scratch = try Scratch()
        defer { scratch.remove() }
        let errPath = try scratch.file("stderr", "")
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = full
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try err.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2)
        let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
        #expect(stderr.contains("cannot write to standard output"))
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOGivenAsARuleFileIsExitTwoWithoutBlocking() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fifo = scratch.folder.appendingPathComponent("rules.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try PrereqBinary.run(["lint", fifo])
        #expect(r.status == 2)
        #expect(r.stdout.contains("not a regular file"))
    }

    @Test(.timeLimit(.minutes(1)), arguments: ["--config", "--baseline"])
    func aFIFOGivenAsAConfigOrBaselineIsExitTwoWithoutBlocking(_ option: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fifo = scratch.folder.appendingPathComponent("input.yml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try PrereqBinary.run(["lint", option, fifo, Self.root + "/rules"])
        #expect(r.status == 2)
        #expect((r.stdout + r.stderr).contains("not a regular file"))
    }

    @Test(arguments: ["check", "why", "faq"]) func aHugeSettleTimeIsAPackErrorNotATrap(_ command: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let huge = String(repeating: "9", count: 9) + "w"
        let pack = try scratch.file(
            "pack.yaml",
            "prereq: 1\nfeatures:\n  a:\n    takesEffect: {jobs: [j], settle: \(huge)}\njobs:\n  j:\n    schedule: {recurring: true}\n"
                + "questions:\n  q: {text: Is a in effect?, about: a, checks: [inEffect: a]}\n")
        let snapshot = try scratch.file(
            "snap.yaml",
            "prereq: 1\nsnapshot: {environment: e, takenAt: 2026-11-20T10:00:00Z}\nfeatures:\n  a: {enabled: true, enabledAt: 2026-11-20T09:00:00Z}\n"
                + "jobs:\n  j: {lastSuccess: 2026-11-20T09:30:00Z, schedule: {recurring: true, every: \(huge)}}\n")
        let arguments: [String] =
            switch command {
            case "check": ["check", "--rules", pack, snapshot]
            case "why": ["why", "a", "--rules", pack, "--snapshot", snapshot]
            default: ["faq", "--rules", pack, "--snapshot", snapshot]
            }
        let r = try PrereqBinary.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains("pack.yaml:4:"))
        #expect(r.stderr.contains("longer than the longest duration"))
        let lint = try PrereqBinary.run(["lint", pack])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("pack.yaml:4:"))
    }
}
