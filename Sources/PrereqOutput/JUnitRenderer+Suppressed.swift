import PrereqAnswers

/// Findings accepted by `# prereq-ignore` comments, as JUnit shows them: skipped test cases.
extension JUnitRenderer {
    /// One suite with a skipped test case per suppressed finding (the comment's reason as the
    /// message), so that CI dashboards count them as skipped; empty when there are none.
    func suppressedSuite(_ report: FindingsReport) -> String {
        guard !report.suppressed.isEmpty else { return "" }
        let n = report.suppressed.count
        let name = Self.attribute("prereq \(context.command) (suppressed inline)")
        var out = "  <testsuite name=\"\(name)\" tests=\"\(n)\" failures=\"0\" errors=\"0\" skipped=\"\(n)\">\n"
        for s in report.suppressed {
            out += "    <testcase name=\"\(Self.attribute(headline(s.finding)))\" classname=\"prereq.\(Self.attribute(context.command))\">\n"
            out += "      <skipped message=\"\(Self.attribute(s.justification))\">" + Self.text(details(s.finding)) + "</skipped>\n"
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }
}
