import Foundation
import Testing

/// Runs the built `prereq` executable, found next to the test bundle in the build products
/// folder (the same folder under any `--scratch-path`), or at `$PREREQ_BINARY` when set.
enum PrereqBinary {
    static func url() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["PREREQ_BINARY"] { return URL(fileURLWithPath: path) }
        var folders: [URL] = []
        // macOS: the .xctest bundle sits in the products folder.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        // Linux: the test runner is the .xctest executable itself in the products folder.
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("prereq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw NotFound(searched: folders.map(\.path))
    }

    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "no prereq executable in \(searched); set PREREQ_BINARY" }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs prereq with `arguments`, in `directory` when given (else the test's own).
    static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        // Output goes to files, not pipes: nothing can block however much the child writes.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
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
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A scratch folder for input files, removed at the end of each test.
struct Scratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite struct InspectCommandTests {
    @Test func wellFormedFileExitsZeroAndPrintsTheTree() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("ok.yaml", "prereq: 1\nfeatures:\n  a: {name: A}\n")
        let result = try PrereqBinary.run(["inspect", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("document 1"))
        #expect(result.stdout.contains("3:6"))  // the flow mapping {name: A}
    }

    @Test func wellFormedFileAsJSONExitsZeroWithParseableOutput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("ok.yaml", "a: [1, 2]\n")
        let result = try PrereqBinary.run(["inspect", "--format", "json", path])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let files = try #require(json)
        #expect(files.count == 1)
        #expect((files[0]["documents"] as? [Any])?.count == 1)
        #expect((files[0]["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func emptyFileExitsZero() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("empty.yaml", "")
        let result = try PrereqBinary.run(["inspect", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("no documents"))
    }

    @Test func syntaxErrorExitsTwoWithFileLineColumn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("bad.yaml", "key: value\n  bad: indent\n")
        let result = try PrereqBinary.run(["inspect", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):2:6"))
        #expect(result.stderr.contains("yaml-syntax"))
    }

    @Test func encodingErrorExitsTwoWithFileLineColumn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("bin.yaml", Array("a: 1\nb: 2\nccc: ".utf8) + [0xFF, 0x0A])
        let result = try PrereqBinary.run(["inspect", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):3:6"))
        #expect(result.stderr.contains("yaml-encoding"))
    }

    @Test func duplicateKeyExitsTwo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("dup.yaml", "a: 1\na: 2\n")
        let result = try PrereqBinary.run(["inspect", "--format", "json", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):2:1"))
    }

    @Test func missingFileExitsTwoAndNamesIt() throws {
        let path = "/nonexistent/prereq-cli-test/missing.yaml"
        let result = try PrereqBinary.run(["inspect", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(path))
    }

    @Test func oneBadFileAmongGoodOnesExitsTwo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = try scratch.file("good.yaml", "a: 1\n")
        let bad = try scratch.file("bad.yaml", "a: [\n")
        let result = try PrereqBinary.run(["inspect", good, bad])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(bad):"))
        #expect(!result.stderr.contains("\(good):"))
    }

    @Test func unknownTagWarningAloneExitsZero() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.file("tag.yaml", "a: !custom 1\n")
        let result = try PrereqBinary.run(["inspect", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("yaml-unknown-tag"))
    }
}
