import Diagnostics
import PrereqMessages

/// The outcome of `lint` or `check`: findings in output order, and whether some input could not
/// be read at all.
public struct FindingsReport: Sendable {
    public var findings: [Diagnostic]
    public var unreadable: Bool
    /// The files that were checked (JUnit shows a passing test case for each clean one).
    public var inputs: [String]
    /// Set when a baseline was applied: how many findings it suppressed, and how many of its
    /// entries no longer match a finding.
    public var baseline: BaselineOutcome?
    /// The language of the summary line (the findings are worded already).
    public var language: Language
    /// Findings accepted by inline `# prereq-ignore` comments (not in `findings`).
    public var suppressed: [SuppressedFinding] = []

    public init(
        findings: [Diagnostic], unreadable: Bool, inputs: [String] = [], baseline: BaselineOutcome? = nil,
        language: Language = .english
    ) {
        self.findings = Diagnostic.sortedForOutput(findings)
        self.unreadable = unreadable
        self.inputs = inputs
        self.baseline = baseline
        self.language = language
    }

    public var summary: DiagnosticSummary { DiagnosticSummary(findings) }

    /// `{"formatVersion": 1, "findings": [...], "summary": {"errors", "warnings", "notes", "baseline"?, …}}`
    /// (schemas/prereq-check-output.schema.json, for lint and check alike).
    public func json() -> JSONValue {
        guard case .object(var s) = summary.json else { return .null }
        if !suppressed.isEmpty { s.append(("suppressed", .int(suppressed.count))) }
        if let baseline { s.append(("baseline", baseline.json)) }
        return .object([JSONOutput.versionField, ("findings", .array(findings.map(\.json))), ("summary", .object(s))])
    }

    /// The documented exit code: 2 unreadable input, 1 findings at or above `failOn`, else 0.
    public func exitCode(failOn: Severity) -> Int32 {
        if unreadable { return 2 }
        return findings.contains { $0.severity >= failOn } ? 1 : 0
    }

    /// "2 errors, 1 warning, 0 notes" ("2 erros, 1 aviso, 0 notas"), then "(1 suppressed
    /// inline)" when comments accepted findings.
    public var summaryLine: String {
        let s = summary
        let messages = Messages(language)
        let line = messages.summary(errors: s.errors, warnings: s.warnings, notes: s.notes)
        return suppressed.isEmpty ? line : line + " (\(messages.suppressedInline(suppressed.count)))"
    }
}
