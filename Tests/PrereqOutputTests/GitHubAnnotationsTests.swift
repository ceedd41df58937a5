import Diagnostics
import Foundation
import PrereqCore
import Testing

@Suite struct GitHubAnnotationsTests {
    /// Strings built to end an annotation early and start workflow commands of their own.
    static let injections = [
        "x\n::error file=evil.yaml,line=1::injected",
        "x\r::set-output name=a::b",
        "x\r\n::add-mask::secret",
        "%0A::error::percent-encoded newline",
        "a::b,c:d,title=owned",
        "\n::stop-commands::token\n",
        "x\u{2028}::error::line separator\u{85}::error::nel",
        "::",
        "%",
        "\u{1B}]8;;http://x\u{7}link\u{1B}]8;;\u{7}",
    ]

    static func hostileReport() -> FindingsReport {
        var findings: [Diagnostic] = []
        for (i, s) in injections.enumerated() {
            findings.append(
                Diagnostic(
                    code: "unknown-reference", severity: Severity.allCases[i % 3], message: "message \(s)",
                    location: .init(file: "rules/\(s).yaml", line: i + 1, column: 2, endLine: i + 1, endColumn: 9),
                    related: [RelatedLocation(.init(file: "rules/\(s)", line: 3, column: 1), "note \(s)")], help: "help \(s)",
                    subject: "id \(s)", subjectName: "name \(s)"))
        }
        findings.append(.error("io-error", "no location \(injections[0])", at: nil))
        return FindingsReport(findings: findings, unreadable: false)
    }

    @Test func inputCannotStartAWorkflowCommand() {
        let report = Self.hostileReport()
        let output = GitHubAnnotationsRenderer(paths: fixedPaths).render(report)
        // Split the way the runner does (LF, CR), and on every other line terminator as well.
        let lines = output.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" || $0 == "\u{B}" || $0 == "\u{C}"
        }
        #expect(lines.last == "")
        let commands = lines.dropLast()
        #expect(commands.count == report.findings.count)
        #expect(commands.filter { $0.hasPrefix("::") }.count == report.findings.count)
        // Most severe first, in report order within a severity.
        let ordered = Severity.allCases.sorted(by: >).flatMap { s in report.findings.filter { $0.severity == s } }
        for (line, finding) in zip(commands, ordered) {
            let command = finding.severity == .note ? "notice" : finding.severity.rawValue
            #expect(line.hasPrefix("::\(command) "))
            // Exactly one `::` after the properties: the one the renderer wrote.
            let head = line.dropFirst(2)
            let separator = head.range(of: "::")
            #expect(separator != nil)
            if let separator {
                let properties = head[..<separator.lowerBound]
                #expect(!properties.dropFirst(command.count + 1).contains(":"))
            }
        }
    }

    @Test func valuesRoundTripThroughTheRunnersUnescaping() {
        for s in Self.injections where !s.contains(where: { $0.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" || $0.value == 0x85 || $0.value == 0x2028 } }) {
            #expect(unescape(GitHubAnnotationsRenderer.escapeData(s)) == s)
            #expect(unescape(GitHubAnnotationsRenderer.escapeProperty(s)) == s)
            #expect(!GitHubAnnotationsRenderer.escapeProperty(s).contains(","))
            #expect(!GitHubAnnotationsRenderer.escapeProperty(s).contains(":"))
        }
    }

    /// What the Actions runner does to values (`%0D`, `%0A`, `%3A`, `%2C`, then `%25`).
    func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }

    @Test func annotationCarriesFileLineColumnAndTitle() {
        let d = Diagnostic(
            code: "unknown-reference", severity: .error, message: "feature a refers to the unknown feature \"b\"",
            location: .init(file: "/repo/rules/pack.yaml", line: 7, column: 35, endLine: 7, endColumn: 51),
            help: "correct the id", subject: "a")
        #expect(
            GitHubAnnotationsRenderer(paths: fixedPaths).line(d)
                == "::error file=rules/pack.yaml,line=7,col=35,endLine=7,endColumn=50,title=prereq unknown-reference%3A a::feature a refers to the unknown feature \"b\"%0Ahelp: correct the id"
        )
    }
}

/// GitHub's limit of 10 annotations per level and step: the most severe first up to a cap, one
/// notice for the rest, and the step summary with every finding.
@Suite struct GitHubAnnotationLimitTests {
    static func report(errors: Int, warnings: Int, notes: Int) -> FindingsReport {
        var findings: [Diagnostic] = []
        for (severity, count) in [(Severity.note, notes), (.warning, warnings), (.error, errors)] {
            for i in 0..<count {
                findings.append(
                    Diagnostic(
                        code: "unknown-reference", severity: severity, message: "\(severity.rawValue) \(i)",
                        location: .init(file: "rules/pack.yaml", line: i + 1, column: 1)))
            }
        }
        return FindingsReport(findings: findings, unreadable: false)
    }

    func lines(_ report: FindingsReport, limit: Int?) -> [Substring] {
        GitHubAnnotationsRenderer(paths: fixedPaths, limit: limit).render(report).split(separator: "\n")
    }

    @Test func atMostTheCapPerLevelMostSevereFirstThenOneNotice() {
        let out = lines(Self.report(errors: 12, warnings: 3, notes: 15), limit: 10)
        #expect(out.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(out.filter { $0.hasPrefix("::warning ") }.count == 3)
        // Nine notes and the notice about the rest: ten notices, all of which GitHub shows.
        #expect(out.filter { $0.hasPrefix("::notice ") }.count == 10)
        let firstWarning = out.firstIndex { $0.hasPrefix("::warning ") } ?? 0
        let lastError = out.lastIndex { $0.hasPrefix("::error ") } ?? 0
        #expect(lastError < firstWarning)
        #expect(out.last == "::notice title=prereq::8 more findings not shown as annotations (at most 10 per level); the step summary or another --format lists every finding")
        #expect(out.first?.hasSuffix("::error 0") == true)
    }

    @Test func nothingLeftOutMeansNoNotice() {
        let out = lines(Self.report(errors: 10, warnings: 10, notes: 10), limit: 10)
        #expect(out.count == 30)
        #expect(!out.contains { $0.contains("more finding") })
    }

    @Test func theCapIsConfigurableAndNilPrintsEverything() {
        let report = Self.report(errors: 4, warnings: 0, notes: 0)
        #expect(lines(report, limit: 2) .filter { $0.hasPrefix("::error ") }.count == 2)
        #expect(lines(report, limit: 2).last?.contains("2 more findings") == true)
        #expect(lines(Self.report(errors: 30, warnings: 0, notes: 0), limit: nil).count == 30)
    }

    @Test func configKeyAndFlagSetTheCap() throws {
        let config = ProjectConfig.parse("githubAnnotations: 3\n", file: ".prereq.yml", workingDirectory: "/repo")
        #expect(config.understood)
        #expect(ReportGate(config: config, command: "lint", format: .github, failOn: nil, baseline: nil).annotationLimit == 3)
        #expect(ReportGate(config: config, command: "lint", format: .github, failOn: nil, baseline: nil, annotationLimit: 5).annotationLimit == 5)
        #expect(ReportGate(config: ProjectConfig(workingDirectory: "/repo"), command: "lint", format: .github, failOn: nil, baseline: nil).annotationLimit == 10)
        #expect(!ProjectConfig.parse("githubAnnotations: -1\n", file: ".prereq.yml", workingDirectory: "/repo").understood)
    }

    @Test func stepSummaryIsAppendedWithEveryFindingEscaped() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        var pack = "prereq: 1\nfeatures:\n"
        for i in 0..<12 { pack += "  f\(i):\n    name: \"F \(i) [x](https://evil.example) @team\"\n    requires: [missing-\(i)]\n" }
        try Data(pack.utf8).write(to: URL(fileURLWithPath: root + "/rules/pack.yaml"))
        let summary = root + "/summary.md"
        try Data("earlier step\n".utf8).write(to: URL(fileURLWithPath: summary))
        let run = try runProgram(try prereqBinary(), ["lint", "--format", "github"], in: root, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(run.status == 1)
        let annotations = run.stdout.split(separator: "\n")
        #expect(annotations.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(annotations.last?.hasPrefix("::notice title=prereq::2 more findings") == true)
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n## Prereq lint: 12 errors"))
        #expect(text.components(separatedBy: "| error | unknown-reference |").count - 1 == 12)
        #expect(!text.contains("[x](https"))
        // Without GITHUB_STEP_SUMMARY, nothing is written anywhere but stdout.
        let plain = try runProgram(try prereqBinary(), ["lint", "--format", "github", "--max-annotations", "1"], in: root)
        #expect(plain.stdout.split(separator: "\n").count == 2)
    }
}
