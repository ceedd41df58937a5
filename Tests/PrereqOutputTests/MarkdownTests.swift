import Diagnostics
import PrereqCore
import Testing

@Suite struct MarkdownTests {
    func markdown(_ report: FindingsReport) -> String {
        MarkdownRenderer(paths: fixedPaths, command: "lint").render(report)
    }

    @Test func brokenPackSummaryMatchesItsGoldenFile() throws {
        try expectGolden(markdown(lintFixture("broken")), "broken.md")
    }

    @Test func hostilePackSummaryMatchesItsGoldenFile() throws {
        try expectGolden(markdown(lintFixture("hostile")), "hostile.md")
    }

    @Test func inputCannotFormMarkupOrBreakTheTable() {
        let nasty = "<img src=x onerror=alert(1)> | `code` **bold** _em_ [link](http://x) @team #1 ~~s~~ \\ \n## heading\r\u{1B}[2J"
        let report = FindingsReport(
            findings: [
                Diagnostic(
                    code: "unknown-reference", severity: .error, message: nasty,
                    location: .init(file: "rules/<b>|x.yaml", line: 1, column: 1), help: nasty)
            ], unreadable: false)
        let text = markdown(report)
        #expect(!text.contains("<img"))
        #expect(!text.contains("<b>"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("@team"))
        #expect(!text.contains("](http"))
        #expect(!text.contains("\n## heading"))
        let row = text.split(separator: "\n").first { $0.hasPrefix("| error |") }
        // The row keeps its four cells: every `|` from input is escaped.
        let unescapedBars = row.map { r in
            var count = 0
            var previous: Character = " "
            for c in r {
                if c == "|" && previous != "\\" { count += 1 }
                previous = c
            }
            return count
        }
        #expect(unescapedBars == 5)
    }

    @Test func emptyReportSaysSo() {
        let text = markdown(FindingsReport(findings: [], unreadable: false))
        #expect(text.hasPrefix("## Prereq lint: no findings\n"))
    }
}

extension MarkdownTests {
    @Test func summaryCountsFindingsSuppressedInline() {
        let d = Diagnostic.warning("unused-job", "job a", at: .init(file: "p.yaml", line: 1, column: 1))
        var report = FindingsReport(findings: [], unreadable: false)
        report.suppressed = [SuppressedFinding(finding: d, justification: "why", comment: .init(file: "p.yaml", line: 1, column: 9))]
        #expect(markdown(report).contains("\nSuppressed inline: 1 finding accepted by `# prereq-ignore` comments.\n"))
        #expect(!markdown(FindingsReport(findings: [], unreadable: false)).contains("Suppressed"))
    }
}
