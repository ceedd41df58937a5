import Diagnostics

/// A finding an inline `# prereq-ignore` comment accepted: not reported, but counted in the
/// summary, shown as suppressed in SARIF and as skipped in JUnit.
public struct SuppressedFinding: Sendable, Hashable {
    public var finding: Diagnostic
    /// The comment's reason.
    public var justification: String
    /// Where the comment is.
    public var comment: SourceLocation

    public init(finding: Diagnostic, justification: String, comment: SourceLocation) {
        self.finding = finding
        self.justification = justification
        self.comment = comment
    }
}
