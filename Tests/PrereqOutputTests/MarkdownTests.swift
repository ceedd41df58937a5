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
        // The bracket is escaped, so `](` cannot close a link, and the address cannot autolink.
        #expect(text.contains("\\[link](http\\://x)"))
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

    @Test func escapesOnlyWhatWouldActSoTheTextReadsWellUnrendered() {
        let e = MarkdownRenderer.escape
        #expect(e("Performance improvements (preview) for {orders}! See v10.0.38 - or not.") == "Performance improvements (preview) for {orders}! See v10.0.38 - or not.")
        #expect(e("cdx_1070 and C# & B") == "cdx_1070 and C# & B")
        #expect(e("_em_ *b* `c` [l] ~s~ $x$ a|b") == "\\_em\\_ \\*b\\* \\`c\\` \\[l] \\~s\\~ \\$x\\$ a\\|b")
        // At the start of a line: headings, quotes, list items, thematic breaks, ordered lists.
        #expect(e("# h") == "\\# h")
        #expect(e("> q") == "&gt; q")
        #expect(e("- item") == "\\- item")
        #expect(e("+ item") == "\\+ item")
        #expect(e("===") == "\\===")
        #expect(e("12. item") == "12\\. item")
        #expect(e("3) item") == "3\\) item")
        #expect(e("10.0.38 is the version") == "10.0.38 is the version")
        // A heading's closing sequence, entities, mentions, escapes and hard breaks.
        #expect(e("Is it C #") == "Is it C \\#")
        #expect(e("&amp; &#64; a & b &") == "&amp;amp; &amp;#64; a & b &amp;")
        #expect(e("@team a @ b x@y") == "&#64;team a @ b x&#64;y")
        #expect(e("C:\\dir \\* end\\") == "C:\\dir \\\\\\* end\\\\")
        #expect(e("https://x www.y") == "https\\://x www\\.y")
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
