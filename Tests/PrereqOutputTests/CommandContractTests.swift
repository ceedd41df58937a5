import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// The documented exit codes and the project config as every command reads it, end to end.
@Suite struct CommandContractTests {
    /// A repository with a one-feature pack in `packs/` (not the default `rules`), named by its
    /// config, and a snapshot in which the feature is off.
    func repository(config: String = "rules: [packs]\n") throws -> String {
        let root = try temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/packs", withIntermediateDirectories: true)
        try Data("prereq: 1\npack: {languages: [en, pt-BR]}\nfeatures:\n  a: {name: {en: Feature A, pt-BR: Recurso A}}\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/packs/pack.yaml"))
        try Data("prereq: 1\nsnapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z}\nfeatures:\n  a: off\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/env.yaml"))
        try Data(config.utf8).write(to: URL(fileURLWithPath: root + "/.prereq.yml"))
        return root
    }

    func run(_ arguments: [String], in root: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try runProgram(try prereqBinary(), arguments, in: root, environment: ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""])
    }

    @Test(arguments: [["lint", "--bogus"], ["check", "--jobs", "0", "env.yaml"], ["why"], ["explain"], ["lint", "--fail-on", "fatal"]])
    func usageErrorsExitTwoWithTheUsage(_ arguments: [String]) throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let r = try run(arguments, in: root)
        #expect(r.status == 2, "\(arguments): \(r.status)")
        #expect(r.stderr.contains("Usage: prereq \(arguments[0])"), "\(r.stderr)")
    }

    @Test func lintThatReadsNoRuleFileIsExitTwo() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/docs", withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: root + "/docs/notes.txt"))
        for path in ["empty", "docs", "pakcs"] {
            let r = try run(["lint", path], in: root)
            #expect(r.status == 2, "\(path)")
        }
        let empty = try run(["lint", "empty"], in: root)
        #expect(empty.stdout.contains("error[empty-folder]"))
        #expect(try run(["lint", "packs"], in: root).status == 0)
    }

    @Test func aConfigThatCannotBeUnderstoodIsExitTwoForEveryCommand() throws {
        let root = try repository(config: "rules: [packs]\nfailon: warning\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for arguments in [["lint"], ["check", "env.yaml"], ["why", "a", "--snapshot", "env.yaml"], ["plan", "a", "--snapshot", "env.yaml"],
                          ["faq", "--snapshot", "env.yaml"], ["graph"], ["explain", "io-error"], ["inspect", "env.yaml"]] {
            let r = try run(arguments, in: root)
            #expect(r.status == 2, "\(arguments)")
            #expect((r.stdout + r.stderr).contains("unknown key \"failon\""), "\(arguments)")
        }
        let badLanguage = try repository(config: "language: klingon-xx-yy-zz\n")
        defer { try? FileManager.default.removeItem(atPath: badLanguage) }
        #expect(try run(["explain", "io-error"], in: badLanguage).status == 2)
    }

    @Test func whyPlanFaqAndGraphReadTheConfigsRulesAndLanguage() throws {
        let root = try repository(config: "rules: [packs]\nlanguage: pt-BR\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let why = try run(["why", "a", "--snapshot", "env.yaml"], in: root)
        #expect(why.status == 0, "\(why.stderr)")
        #expect(why.stdout.contains("Recurso A"))
        let plan = try run(["plan", "a", "--snapshot", "env.yaml"], in: root)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("Ative o recurso \"Recurso A\""))
        #expect(try run(["faq", "--snapshot", "env.yaml"], in: root).status == 0)
        let graph = try run(["graph", "--format", "mermaid"], in: root)
        #expect(graph.status == 0)
        #expect(graph.stdout.contains("Recurso A"))
        // --lang wins over the config.
        #expect(try run(["why", "a", "--snapshot", "env.yaml", "--lang", "en"], in: root).stdout.contains("Feature A"))
    }

    @Test func everyCommandTakesConfig() throws {
        let root = try repository(config: "")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("rules: [packs]\nlanguage: pt-BR\n".utf8).write(to: URL(fileURLWithPath: root + "/ci.yml"))
        // Without it the default `rules` folder does not exist.
        #expect(try run(["graph"], in: root).status == 2)
        for arguments in [["lint"], ["check", "env.yaml"], ["why", "a", "--snapshot", "env.yaml"], ["plan", "a", "--snapshot", "env.yaml"],
                          ["faq", "--snapshot", "env.yaml"], ["graph"], ["explain", "io-error"], ["inspect", "env.yaml"]] {
            let r = try run(arguments + ["--config", "ci.yml"], in: root)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
        }
        #expect(try run(["explain", "io-error", "--config", "ci.yml"], in: root).stdout.contains("Não foi possível ler"))
        #expect(try run(["graph", "--config", "missing.yml"], in: root).status == 2)
    }
}

/// Other YAML kept beside a pack (a CI workflow) is skipped with one note.
@Suite struct ForeignYAMLTests {
    static let workflow = "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n      - run: make test\n"

    @Test func aWorkflowBesideThePackIsOneNoteNotSchemaErrors() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        try Data("prereq: 1\nfeatures:\n  a: {name: A}\n".utf8).write(to: URL(fileURLWithPath: root + "/rules/pack.yaml"))
        try Data(Self.workflow.utf8).write(to: URL(fileURLWithPath: root + "/rules/ci.yml"))
        let report = LintRun.run(paths: [root + "/rules"])
        #expect(report.findings.map(\.code) == ["not-prereq-file"])
        #expect(report.findings.first?.severity == .note)
        #expect(report.exitCode(failOn: .warning) == 0)
        // Only someone else's YAML: nothing was linted, so the gate cannot pass.
        let alone = LintRun.run(paths: [root + "/rules/ci.yml"]).requiringInput(files: [root + "/rules/ci.yml"])
        #expect(alone.exitCode(failOn: .error) == 2)
        #expect(alone.findings.first?.severity == .error)
    }

    @Test func aRuleFileWithoutItsVersionIsStillARuleFile() {
        let loaded = YAMLLoader().load(bytes: Array("features:\n  a: {name: A}\n".utf8), file: "rules/a.yaml")
        #expect(loaded.documents.first.map(DocumentKind.of) == .rules)
        let foreign = YAMLLoader().load(bytes: Array(Self.workflow.utf8), file: "ci.yml")
        #expect(foreign.documents.first.map(DocumentKind.of) == .other)
    }
}
