import Foundation
import PrereqCore
import Testing

/// `--color`, `NO_COLOR`, `TERM=dumb`, `--quiet` and `--max-findings`.
@Suite struct TextOutputOptionsTests {
    @Test func colourFollowsTheChoiceTheTerminalNoColorAndTerm() {
        #expect(ColourChoice.auto.enabled(isTerminal: true, environment: [:]))
        #expect(!ColourChoice.auto.enabled(isTerminal: false, environment: [:]))
        #expect(!ColourChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        // An empty NO_COLOR counts as unset.
        #expect(ColourChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColourChoice.auto.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(ColourChoice.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1", "TERM": "dumb"]))
        #expect(!ColourChoice.never.enabled(isTerminal: true, environment: [:]))
    }

    func repository() throws -> String {
        let root = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        try Data("prereq: 1\nfeatures:\n  a: {name: A, requires: [b, c, d]}\n".utf8).write(to: URL(fileURLWithPath: root + "/rules/pack.yaml"))
        return root
    }

    @Test func quietPrintsTheSummaryAloneAndKeepsTheExitCode() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let r = try runProgram(try prereqBinary(), ["lint", "--quiet"], in: root)
        #expect(r.status == 1)
        #expect(r.stdout == "3 more findings not shown (--max-findings, --quiet)\n3 errors, 0 warnings, 0 notes\n")
    }

    @Test func maxFindingsCutsTheTextReportButNotMachineFormats() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        let r = try runProgram(prereq, ["lint", "--max-findings", "1"], in: root)
        #expect(r.stdout.components(separatedBy: "error[unknown-reference]").count - 1 == 1)
        #expect(r.stdout.hasSuffix("2 more findings not shown (--max-findings, --quiet)\n3 errors, 0 warnings, 0 notes\n"))
        let json = try runProgram(prereq, ["lint", "--max-findings", "1", "--format", "json"], in: root)
        #expect(json.stdout.components(separatedBy: "\"code\": \"unknown-reference\"").count - 1 == 3)
        #expect(try runProgram(prereq, ["lint", "--max-findings", "-1"], in: root).status == 2)
    }

    @Test func colourAlwaysColoursAPipeAndNeverDoesNot() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prereq = try prereqBinary()
        #expect(try runProgram(prereq, ["lint", "--color", "always"], in: root).stdout.contains("\u{1B}["))
        #expect(!(try runProgram(prereq, ["lint", "--color", "never"], in: root).stdout.contains("\u{1B}[")))
        #expect(!(try runProgram(prereq, ["lint"], in: root, environment: ["NO_COLOR": ""]).stdout.contains("\u{1B}[")))
    }
}

/// `-` for a snapshot on standard input, and a folder of snapshots for `check`.
@Suite struct SnapshotInputTests {
    @Test func aSnapshotOnStandardInput() throws {
        let snapshot = try String(contentsOfFile: packageRoot + "/examples/snapshots/blocked-prerequisite.yaml", encoding: .utf8)
        let prereq = try prereqBinary()
        let why = try runProgram(prereq, ["why", "async-customer-editing", "--snapshot", "-"], in: packageRoot, stdin: snapshot)
        #expect(why.status == 1)
        #expect(why.stdout.contains("\"Enable asynchronous creation for customer addresses\" is off"))
        let notInEffect = try String(contentsOfFile: packageRoot + "/examples/snapshots/not-in-effect-one-channel.yaml", encoding: .utf8)
        let check = try runProgram(prereq, ["check", "--rules", "rules", "-"], in: packageRoot, stdin: notInEffect)
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("-:"), "\(check.stdout)")
    }

    @Test func checkTakesAFolderOfSnapshots() throws {
        let folder = "examples/snapshots"
        let expanded = SnapshotArguments.expand([folder, "-", "x.yaml"], workingDirectory: packageRoot)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/" + folder)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
        #expect(expanded == shipped + ["-", "x.yaml"])
        let run = try runProgram(try prereqBinary(), ["check", "--rules", "rules", "--format", "json", folder], in: packageRoot)
        #expect(run.status == 1)
        #expect(run.stdout.contains("examples/snapshots/settling.yaml"))
        #expect(run.stdout.contains("examples/snapshots/hq-missing-job-order.yaml"))
    }
}
