import Diagnostics

/// What `prereq explain CODE` says about a finding code: what it means, why it matters, an
/// example that triggers it and how to fix it.
public struct FindingCode: Sendable {
    public var code: String
    public var severity: Severity
    /// One line, as SARIF's short description and the first line of `explain`.
    public var summary: String
    public var meaning: String
    public var whyItMatters: String
    public var example: String
    public var fix: String
}
