import Foundation
import Testing

/// `prereq lint` end to end: exit codes, --output, config and baselines.
@Suite struct GateCommandTests {
    /// A repository whose pack has one warning (an unused job) and nothing worse.
    func warningRepository() throws -> String {
        let root = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        try Data("prereq: 1\nfeatures:\n  a: {name: A}\njobs:\n  orphan: {code: '9999', name: Orphan}\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/rules/pack.yaml"))
        return root
    }

    @Test func exitCodesFollowFailOn() throws {
        let root = try warningRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        #expect(try runProgram(prereq, ["lint"], in: root).status == 0)
        #expect(try runProgram(prereq, ["lint", "--fail-on", "error"], in: root).status == 0)
        #expect(try runProgram(prereq, ["lint", "--fail-on", "warning"], in: root).status == 1)
        #expect(try runProgram(prereq, ["lint", "--fail-on", "note"], in: root).status == 1)
        #expect(try runProgram(prereq, ["lint", "missing-folder"], in: root).status == 2)
        // The config's failOn applies unless the option overrides it.
        try Data("failOn: warning\n".utf8).write(to: URL(fileURLWithPath: root + "/.prereq.yml"))
        #expect(try runProgram(prereq, ["lint"], in: root).status == 1)
        #expect(try runProgram(prereq, ["lint", "--fail-on", "error"], in: root).status == 0)
        // An unknown key in the config is an error finding, and a config not understood is exit 2.
        try Data("failOn: warning\nbaselin: x.json\n".utf8).write(to: URL(fileURLWithPath: root + "/.prereq.yml"))
        let run = try runProgram(prereq, ["lint", "--fail-on", "error"], in: root)
        #expect(run.status == 2)
        #expect(run.stdout.contains(".prereq.yml:2:1: error[schema-unknown-key]: unknown key \"baselin\" in the project config (did you mean \"baseline\"?)"))
    }

    @Test func outputGoesToTheFileAndIsTheSameEveryRun() throws {
        let root = try warningRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        for format in ["text", "json", "sarif", "junit", "github", "markdown"] {
            let first = try runProgram(prereq, ["lint", "--format", format, "--output", "out.\(format)"], in: root)
            #expect(first.status == 0)
            #expect(first.stdout.isEmpty)
            let a = try Data(contentsOf: URL(fileURLWithPath: root + "/out.\(format)"))
            _ = try runProgram(prereq, ["lint", "--format", format, "--output", "out.\(format)"], in: root)
            let b = try Data(contentsOf: URL(fileURLWithPath: root + "/out.\(format)"))
            #expect(!a.isEmpty && a == b, "\(format)")
        }
        let github = try String(contentsOfFile: root + "/out.github", encoding: .utf8)
        #expect(github.hasPrefix("::warning file=rules/pack.yaml,line=5,col=3,"))
    }

    @Test func writeBaselineThenGateOnlyNewFindings() throws {
        let root = try warningRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        let write = try runProgram(prereq, ["lint", "--fail-on", "warning", "--write-baseline", "baseline.json"], in: root)
        #expect(write.status == 0)
        #expect(write.stderr.contains("wrote 1 finding to the baseline baseline.json"))
        let gated = try runProgram(prereq, ["lint", "--fail-on", "warning", "--baseline", "baseline.json"], in: root)
        #expect(gated.status == 0)
        #expect(gated.stderr.contains("baseline baseline.json: 1 finding suppressed, 0 entries no longer match"))
        let json = try runProgram(prereq, ["lint", "--format", "json", "--baseline", "baseline.json"], in: root)
        #expect(json.stdout.contains("\"baseline\": {\n      \"file\": \"baseline.json\",\n      \"suppressed\": 1,\n      \"unmatched\": 0\n    }"))
        // Lines move and a new problem appears: only the new one fails the run.
        try Data("# moved\n\nprereq: 1\njobs:\n  orphan: {code: '9999', name: Orphan}\n  other: {code: '1', name: Other}\nfeatures:\n  a: {name: A}\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/rules/pack.yaml"))
        let after = try runProgram(prereq, ["lint", "--fail-on", "warning", "--baseline", "baseline.json"], in: root)
        #expect(after.status == 1)
        #expect(after.stdout.contains("job other"))
        #expect(!after.stdout.contains("job orphan"))
        // The config can name the baseline.
        try Data("baseline: baseline.json\n".utf8).write(to: URL(fileURLWithPath: root + "/.prereq.yml"))
        let viaConfig = try runProgram(prereq, ["lint", "--format", "github"], in: root)
        #expect(viaConfig.stdout.split(separator: "\n").count == 1)
        #expect(try runProgram(prereq, ["lint", "--baseline", "nope.json"], in: root).status == 2)
    }
}
