import Foundation
import Testing

/// `--write-baseline` and `--output` end to end: across languages, across commands, and when
/// input cannot be read.
@Suite struct GateBaselineCommandTests {
    /// A repository whose pack has findings (an unsatisfiable feature, an unused job: a pack
    /// that can still be evaluated) and whose snapshot has a check finding.
    func repository() throws -> String {
        let root = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot + "/rules", toPath: root + "/rules")
        try Data("prereq: 1\nfeatures:\n  a: {name: A, requires: [b], conflicts: [b]}\n  b: {name: B}\njobs:\n  orphan: {code: '9999', name: Orphan}\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/rules/extra.yaml"))
        try FileManager.default.copyItem(
            atPath: packageRoot + "/examples/snapshots/not-in-effect-one-channel.yaml", toPath: root + "/s.yaml")
        return root
    }

    @Test func baselineWrittenInPortugueseGatesTheEnglishRun() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        let english = try runProgram(prereq, ["lint", "rules"], in: root)
        #expect(english.status == 1)
        let write = try runProgram(prereq, ["lint", "--lang", "pt-BR", "--write-baseline", "b.json", "rules"], in: root)
        #expect(write.status == 0)
        let gated = try runProgram(prereq, ["lint", "--lang", "en", "--baseline", "b.json", "rules"], in: root)
        #expect(gated.status == 0)
        #expect(gated.stdout.hasPrefix("0 errors, 0 warnings, 0 notes"))
    }

    @Test func lintAndCheckShareOneBaselineFile() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        #expect(try runProgram(prereq, ["check", "--rules", "rules", "--write-baseline", "b.json", "s.yaml"], in: root).status == 0)
        #expect(try runProgram(prereq, ["lint", "--write-baseline", "b.json", "rules"], in: root).status == 0)
        // Writing lint's entries kept check's: both gate clean.
        #expect(try runProgram(prereq, ["check", "--rules", "rules", "--baseline", "b.json", "s.yaml"], in: root).status == 0)
        #expect(try runProgram(prereq, ["lint", "--baseline", "b.json", "rules"], in: root).status == 0)
    }

    @Test func unreadableInputKeepsTheOldBaselineAndExits2() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        #expect(try runProgram(prereq, ["lint", "--write-baseline", "b.json", "rules"], in: root).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: root + "/b.json"))
        try Data("prereq: 1\nfeatures: [unclosed\n".utf8).write(to: URL(fileURLWithPath: root + "/rules/broken.yaml"))
        let write = try runProgram(prereq, ["lint", "--write-baseline", "b.json", "rules"], in: root)
        #expect(write.status == 2)
        #expect(write.stderr.contains("the baseline b.json was not written"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/b.json")) == before)
    }

    @Test func outputFileIsReplacedWholeWithNothingLeftBeside() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        try Data("old".utf8).write(to: URL(fileURLWithPath: root + "/out.sarif"))
        #expect(try runProgram(prereq, ["lint", "--format", "sarif", "--output", "out.sarif", "rules"], in: root).status == 1)
        let text = try String(contentsOfFile: root + "/out.sarif", encoding: .utf8)
        #expect(text.hasPrefix("{") && text.hasSuffix("}\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".tmp") }.isEmpty)
        // A target that cannot be written is an error (exit 2).
        #expect(try runProgram(prereq, ["lint", "--output", "missing/out.txt", "rules"], in: root).status == 2)
    }
}
