import Diagnostics
import Foundation
import PrereqCore
import Testing

/// `--write-baseline` through `ReportGate`: the file is written whole, keeps the other
/// command's entries, and is left alone when some input could not be read.
@Suite struct BaselineWritingTests {
    func gate(_ command: String, root: String) -> ReportGate {
        ReportGate(
            config: ProjectConfig(workingDirectory: root), command: command, format: nil, failOn: nil, baseline: nil)
    }

    func finding(_ code: String, _ file: String) -> Diagnostic {
        .warning(code, "m", at: .init(file: file, line: 1, column: 1))
    }

    @Test func writingOneCommandsBaselineKeepsTheOthersEntries() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/baseline.json"
        _ = try gate("check", root: root).writeBaseline(
            for: FindingsReport(findings: [finding("job-not-run", "s.yaml")], unreadable: false), to: file)
        _ = try gate("lint", root: root).writeBaseline(
            for: FindingsReport(findings: [finding("unused-job", "p.yaml")], unreadable: false), to: file)
        let read = try Baseline.read(path: file)
        #expect(read.entries(for: "check").map(\.code) == ["job-not-run"])
        #expect(read.entries(for: "lint").map(\.code) == ["unused-job"])
        // Writing lint again replaces lint's entries only.
        _ = try gate("lint", root: root).writeBaseline(for: FindingsReport(findings: [], unreadable: false), to: file)
        let again = try Baseline.read(path: file)
        #expect(again.entries(for: "lint").isEmpty)
        #expect(again.entries(for: "check").count == 1)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["baseline.json"])
    }

    @Test func unreadableInputLeavesTheBaselineAsItWas() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/baseline.json"
        _ = try gate("lint", root: root).writeBaseline(
            for: FindingsReport(findings: [finding("unused-job", "p.yaml")], unreadable: false), to: file)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let broken = FindingsReport(findings: [.error("io-error", "no such file: p.yaml", at: .wholeFile("p.yaml"))], unreadable: true)
        #expect(throws: Diagnostic.self) { try gate("lint", root: root).writeBaseline(for: broken, to: file) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test func atomicWriteReplacesWholeOrNotAtAll() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/out.txt"
        try AtomicFile.write("first\n", to: file)
        try AtomicFile.write("second\n", to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "second\n")
        // A target that cannot be replaced (a folder) keeps it, and leaves no temporary file.
        try FileManager.default.createDirectory(atPath: root + "/folder/inner", withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: root + "/folder") }
        #expect(FileManager.default.fileExists(atPath: root + "/folder/inner"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["folder", "out.txt"])
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: root + "/missing/out.txt") }
    }
}
