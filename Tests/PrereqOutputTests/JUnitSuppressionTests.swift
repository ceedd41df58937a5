import Diagnostics
import Foundation
import PrereqCore
import Testing

extension JUnitTests {
    @Test func suppressedFindingsAreSkippedTestCasesWithTheirReason() throws {
        let d = Diagnostic.warning("unused-job", "job a is not used", at: .init(file: "rules/p.yaml", line: 2, column: 3))
        var report = FindingsReport(findings: [], unreadable: false, inputs: ["rules/p.yaml"])
        report.suppressed = [
            SuppressedFinding(finding: d, justification: "run by hand <during> migrations", comment: .init(file: "rules/p.yaml", line: 2, column: 9))
        ]
        let xml = junit(report)
        #expect(xml.contains("skipped=\"1\""))
        #expect(xml.contains("<skipped message=\"run by hand &lt;during&gt; migrations\">warning[unused-job] rules/p.yaml:2:3: job a is not used</skipped>"))
        let result = try validate(xml)
        #expect(result.ok, "\(result.message)")
        #expect(!junit(FindingsReport(findings: [], unreadable: false)).contains("<skipped"))
    }
}
