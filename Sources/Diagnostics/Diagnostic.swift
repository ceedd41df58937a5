/// How serious a finding is. Ordered: `note < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A second place that explains a finding ("first defined here").
public struct RelatedLocation: Sendable, Hashable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// One finding: produced by every stage (loader, lint, evaluation), rendered by every format.
/// No stage prints; renderers turn these values into text, JSON and the rest.
public struct Diagnostic: Sendable, Hashable, Error {
    /// A stable code, e.g. `yaml-syntax` or `unknown-reference`; `prereq explain CODE` describes it.
    public var code: String
    public var severity: Severity
    public var message: String
    /// The primary location; `nil` when the finding is about no file (e.g. a missing path).
    public var location: SourceLocation?
    public var related: [RelatedLocation]
    /// One line telling the reader what to do about it.
    public var help: String?
    /// The id of the pack or snapshot element the finding is about, when there is one.
    public var subject: String?
    /// The subject's display name in the output language.
    public var subjectName: String?
    /// The channels of the environment the finding holds for, when only some (empty otherwise).
    public var channels: [String] = []

    public init(
        code: String, severity: Severity, message: String, location: SourceLocation?,
        related: [RelatedLocation] = [], help: String? = nil, subject: String? = nil, subjectName: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.related = related
        self.help = help
        self.subject = subject
        self.subjectName = subjectName
    }

    public static func error(
        _ code: String, _ message: String, at location: SourceLocation?,
        related: [RelatedLocation] = [], help: String? = nil
    ) -> Diagnostic {
        Diagnostic(code: code, severity: .error, message: message, location: location, related: related, help: help)
    }

    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation?,
        related: [RelatedLocation] = [], help: String? = nil
    ) -> Diagnostic {
        Diagnostic(code: code, severity: .warning, message: message, location: location, related: related, help: help)
    }

    public static func note(
        _ code: String, _ message: String, at location: SourceLocation?,
        related: [RelatedLocation] = [], help: String? = nil
    ) -> Diagnostic {
        Diagnostic(code: code, severity: .note, message: message, location: location, related: related, help: help)
    }
}

extension Diagnostic {
    /// Deterministic order for output: by file, line, column, then code and message.
    public static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        // Positions are sorted, not copies: the findings of a big pack are megabytes. Fields are
        // read in place, so that a comparison copies no finding.
        let order = diagnostics.indices.sorted { i, j in
            switch (diagnostics[i].location, diagnostics[j].location) {
            case (nil, .some): return true
            case (.some, nil): return false
            case let (.some(x), .some(y)) where x != y:
                if x.fileID != y.fileID { return x.file < y.file }
                if x.line != y.line { return x.line < y.line }
                if x.column != y.column { return x.column < y.column }
            default: break
            }
            if diagnostics[i].code != diagnostics[j].code { return diagnostics[i].code < diagnostics[j].code }
            if diagnostics[i].message != diagnostics[j].message { return diagnostics[i].message < diagnostics[j].message }
            return i < j
        }
        return order.map { diagnostics[$0] }
    }
}
