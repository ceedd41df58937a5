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
        for (line, finding) in zip(commands, report.findings) {
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
