import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// The package root, found from this file's path (Tests/PrereqOutputTests/…).
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

let fixturesFolder = packageRoot + "/Tests/PrereqOutputTests/Fixtures"
/// Output-format schemas kept in the repository (Tests/Data/schemas, see its README).
let schemaFolder = packageRoot + "/Tests/Data/schemas"

/// Paths as a repository at `/repo` sees them: reports in tests carry paths relative to the
/// package root, so golden files do not depend on where the package is checked out.
let fixedPaths = RepositoryPaths(root: "/repo", workingDirectory: "/repo")

/// `prereq lint` of a fixture pack folder (under Fixtures/packs), with paths made relative to
/// the package root.
func lintFixture(_ name: String) -> FindingsReport {
    let folder = "Tests/PrereqOutputTests/Fixtures/packs/\(name)"
    return relativized(LintRun.run(paths: [packageRoot + "/" + folder]), inputs: RulePackLoader.files(in: [packageRoot + "/" + folder]))
}

/// `prereq lint` of the shipped rule pack.
func lintShippedRules() -> FindingsReport {
    relativized(LintRun.run(paths: [packageRoot + "/rules"]), inputs: RulePackLoader.files(in: [packageRoot + "/rules"]))
}

/// Lint findings of a pack given as text (one file).
func lintText(_ yaml: String, file: String = "rules/pack.yaml") -> FindingsReport {
    let loaded = YAMLLoader().load(bytes: Array(yaml.utf8), file: file)
    let (pack, diagnostics) = RulePackLoader.decode(loaded.documents)
    return FindingsReport(findings: loaded.diagnostics + diagnostics + Linter.lint(RuleGraph(pack)), unreadable: loaded.hasErrors)
}

func relativized(_ report: FindingsReport, inputs: [String]) -> FindingsReport {
    func strip(_ file: String) -> String {
        file.hasPrefix(packageRoot + "/") ? String(file.dropFirst(packageRoot.count + 1)) : file
    }
    func fix(_ l: Diagnostics.SourceLocation) -> Diagnostics.SourceLocation {
        var l = l
        l.file = strip(l.file)
        return l
    }
    let findings = report.findings.map { d -> Diagnostic in
        var d = d
        d.location = d.location.map(fix)
        d.related = d.related.map { RelatedLocation(fix($0.location), $0.message) }
        return d
    }
    return FindingsReport(findings: findings, unreadable: report.unreadable, inputs: inputs.map(strip))
}

/// Compares `actual` with the golden file byte for byte. A missing golden file is recorded (and
/// the test fails, so that someone reads it); `PREREQ_RECORD=1` re-records every golden file.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation_ = #_sourceLocation) throws {
    let path = fixturesFolder + "/golden/" + name
    let record = ProcessInfo.processInfo.environment["PREREQ_RECORD"] == "1"
    if record || !FileManager.default.fileExists(atPath: path) {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record("recorded golden file \(name); read it, then run the tests again", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(actual == expected, "output differs from golden file \(name)", sourceLocation: sourceLocation)
}

typealias SourceLocation_ = Testing.SourceLocation

/// The first executable called `name` on PATH (and the usual system folders).
func executableOnPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
        let candidate = folder + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Runs a program to completion; output goes to files so nothing can block. `environment`
/// entries are set on top of this process's (an empty value removes the variable), and `stdin`
/// is the program's standard input (else none).
func runProgram(
    _ executable: String, _ arguments: [String], in directory: String? = nil, environment overrides: [String: String] = [:],
    stdin: String? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["GITHUB_STEP_SUMMARY"] = nil
    for (key, value) in overrides { environment[key] = value.isEmpty ? nil : value }
    process.environment = environment
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let inURL = folder.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
    let input = try FileHandle(forReadingFrom: inURL)
    defer { try? input.close() }
    process.standardInput = input
    let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return (
        process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    )
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// The built `prereq` executable: beside the test runner in the products folder, or at
/// `$PREREQ_BINARY`.
func prereqBinary() throws -> String {
    if let path = ProcessInfo.processInfo.environment["PREREQ_BINARY"] { return path }
    var folders: [URL] = []
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    for folder in folders {
        let candidate = folder.appendingPathComponent("prereq").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    struct NotFound: Error {}
    throw NotFound()
}
