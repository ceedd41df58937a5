import Diagnostics
import PrereqAnswers
import PrereqMessages
import PrereqModel

/// `prereq test` as a test runner prints it: text (`PASS name` / `FAIL name` with what differed,
/// then the summary line), JSON (schemas/prereq-test-output.schema.json) and JUnit XML (one
/// test suite per case file, one test case per case).
public struct PackTestRenderer {
    public let language: Language
    private let m: Messages

    public init(language: Language) {
        self.language = language
        m = Messages(language)
    }

    // MARK: - Words

    /// The part of the answer a difference is about, in words.
    public func fieldText(_ field: PackTestReport.Mismatch.Field) -> String {
        switch field {
        case .verdict(let f): m.verdictField(f)
        case .rootCauses(let f): m.rootCausesField(f)
        case .whyPlan(let f): m.whyPlanField(f)
        case .channels(let f): m.channelsField(f)
        case .planSteps(let fs): m.planStepsField(fs)
        case .findings: m.findingsField
        }
    }

    /// `blocked`, `[job-not-run cdx-1070 (store-002), wait]`, `{store-001: in-effect}`: the
    /// forms a case file writes them in.
    public func valueText(_ v: PackTestReport.Mismatch.Value) -> String {
        switch v {
        case .verdict(let verdict): verdict.rawValue
        case .items(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .channels(let channels): "{" + channels.map { "\($0.channel): \($0.verdict.rawValue)" }.joined(separator: ", ") + "}"
        }
    }

    /// One difference as a sentence: `verdict of "x": expected blocked, got in-effect`.
    public func sentence(_ mismatch: PackTestReport.Mismatch) -> String {
        let field = fieldText(mismatch.field), expected = valueText(mismatch.expected), got = valueText(mismatch.actual)
        return mismatch.contains ? m.expectedToContain(field, expected: expected, got: got) : m.expectedGot(field, expected: expected, got: got)
    }

    /// `file:line:column: sentence`, the place being the expectation's in the case file.
    public func line(_ mismatch: PackTestReport.Mismatch) -> String {
        mismatch.location.description + ": " + sentence(mismatch)
    }

    // MARK: - Text

    /// `PASS name` per case; under `FAIL` each difference, under `ERROR` why the case could
    /// not run (through `diagnostics`, which shows source lines in the CLI); then the summary.
    public func text(
        _ report: PackTestReport, colour: Bool = false,
        diagnostics: TextDiagnosticRenderer = TextDiagnosticRenderer(colour: false) { _, _ in nil }
    ) -> String {
        var out = ""
        for c in report.cases {
            let name = TerminalText.escape(c.name)
            switch c.outcome {
            case .passed:
                out += paint("PASS", "1;32", colour) + " " + name + "\n"
            case .failed(let mismatches):
                out += paint("FAIL", "1;31", colour) + " " + name + "\n"
                for mismatch in mismatches { out += "  " + TerminalText.escape(line(mismatch)) + "\n" }
            case .error(let problems):
                out += paint("ERROR", "1;31", colour) + " " + name + "\n"
                // Indented under the case, as a failure's differences are.
                for line in diagnostics.render(problems).split(separator: "\n") { out += "  " + line + "\n" }
            }
        }
        return out + "\n" + report.summaryLine + "\n"
    }

    private func paint(_ s: String, _ style: String, _ colour: Bool) -> String {
        colour ? "\u{1B}[\(style)m\(s)\u{1B}[0m" : s
    }

    // MARK: - JSON

    /// `{"formatVersion", "cases": [{"name", "location", "status", "failures"?, "diagnostics"?}],
    /// "summary": {"cases", "passed", "failed", "errors"}}`.
    public func json(_ report: PackTestReport) -> String {
        let cases: [JSONValue] = report.cases.map { c in
            var members: [(String, JSONValue)] = [("name", .string(c.name)), ("location", AnswerJSON.location(c.location))]
            switch c.outcome {
            case .passed: members.append(("status", .string("passed")))
            case .failed(let mismatches):
                members += [("status", .string("failed")), ("failures", .array(mismatches.map(json)))]
            case .error(let problems):
                members += [("status", .string("error")), ("diagnostics", .array(problems.map(\.json)))]
            }
            return .object(members)
        }
        let summary: JSONValue = .object([
            ("cases", .int(report.cases.count)), ("passed", .int(report.passed)), ("failed", .int(report.failed)), ("errors", .int(report.errors)),
        ])
        return JSONValue.object([JSONOutput.versionField, ("cases", .array(cases)), ("summary", summary)]).serializedDocument()
    }

    /// A difference: which answer (`why`, `plan`, `check`), about what, which field, how it was
    /// matched, what was expected and what the answer gave, and the sentence the text shows.
    func json(_ mismatch: PackTestReport.Mismatch) -> JSONValue {
        let (answer, about, field): (String, (String, JSONValue)?, String) =
            switch mismatch.field {
            case .verdict(let f): ("why", ("feature", .string(f)), "verdict")
            case .rootCauses(let f): ("why", ("feature", .string(f)), "rootCauses")
            case .whyPlan(let f): ("why", ("feature", .string(f)), "plan")
            case .channels(let f): ("why", ("feature", .string(f)), "channels")
            case .planSteps(let fs): ("plan", ("features", .array(fs.map(JSONValue.string))), "steps")
            case .findings: ("check", nil, "findings")
            }
        let head: String =
            switch mismatch.field {
            case .rootCauses: "kind"
            case .whyPlan, .planSteps: "action"
            default: "code"
            }
        return .object(
            [("answer", .string(answer))] + (about.map { [$0] } ?? []) + [
                ("field", .string(field)), ("match", .string(mismatch.contains ? "contains" : "exact")),
                ("expected", json(mismatch.expected, head: head)), ("actual", json(mismatch.actual, head: head)),
                ("location", AnswerJSON.location(mismatch.location)), ("message", .string(sentence(mismatch))),
            ])
    }

    /// A verdict as its string; items as the JSON answers name their fields; channels as
    /// `[{"channel", "verdict"}]`.
    func json(_ v: PackTestReport.Mismatch.Value, head: String) -> JSONValue {
        switch v {
        case .verdict(let verdict): return .string(verdict.rawValue)
        case .channels(let channels):
            return .array(channels.map { .object([("channel", .string($0.channel)), ("verdict", .string($0.verdict.rawValue))]) })
        case .items(let items):
            return .array(items.map { item in
                var members: [(String, JSONValue)] = [(head, .string(item.head)), ("subject", .string(item.subject))]
                if let channels = item.channels, !channels.isEmpty { members.append(("channels", .array(channels.map(JSONValue.string)))) }
                if let severity = item.severity { members.append(("severity", .string(severity.rawValue))) }
                return .object(members)
            })
        }
    }

    // MARK: - JUnit

    /// JUnit XML: a `testsuite` per case file (paths shown by `paths`), a `testcase` per case, a
    /// `failure` with every difference, an `error` for a case that could not run.
    public func junit(_ report: PackTestReport, paths: RepositoryPaths) -> String {
        var order: [String] = []
        var byFile: [String: [PackTestReport.CaseResult]] = [:]
        for c in report.cases {
            if byFile[c.location.file] == nil { order.append(c.location.file) }
            byFile[c.location.file, default: []].append(c)
        }
        let a = JUnitRenderer.attribute, t = JUnitRenderer.text
        var suites = ""
        for file in order {
            let cases = byFile[file] ?? []
            let shown = paths.display(file)
            let failures = cases.filter { if case .failed = $0.outcome { true } else { false } }.count
            let errors = cases.filter { if case .error = $0.outcome { true } else { false } }.count
            suites += "  <testsuite name=\"\(a(shown))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\" file=\"\(a(shown))\">\n"
            for c in cases {
                let open = "    <testcase name=\"\(a(c.name))\" classname=\"prereq.test\""
                switch c.outcome {
                case .passed:
                    suites += open + "/>\n"
                case .failed(let mismatches):
                    let lines = mismatches.map { displayed($0.location, paths) + ": " + sentence($0) }
                    suites += open + ">\n      <failure type=\"pack-test\" message=\"\(a(lines.first ?? ""))\">\(t(lines.joined(separator: "\n")))</failure>\n    </testcase>\n"
                case .error(let problems):
                    let lines = problems.map { d in (d.location.map { displayed($0, paths) + ": " } ?? "") + "\(d.severity.rawValue)[\(d.code)]: \(d.message)" }
                    suites += open + ">\n      <error type=\"\(a(problems.first?.code ?? "error"))\" message=\"\(a(lines.first ?? m.caseCouldNotRun))\">\(t(lines.joined(separator: "\n")))</error>\n    </testcase>\n"
                }
            }
            suites += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"prereq test\" tests=\"\(report.cases.count)\" failures=\"\(report.failed)\" errors=\"\(report.errors)\">\n"
        return out + suites + "</testsuites>\n"
    }

    /// `file:line:column` with the file as `paths` shows it.
    private func displayed(_ l: SourceLocation, _ paths: RepositoryPaths) -> String {
        let file = paths.display(l.file)
        return l.line > 0 ? "\(file):\(l.line):\(l.column)" : file
    }
}
