import Diagnostics

/// One check that answers a FAQ question.
public enum QuestionCheck: Sendable, Hashable {
    /// Can the feature be switched on now?
    case canEnable(Located<String>)
    /// Is the (switched-on) feature in effect?
    case inEffect(Located<String>)
    /// Did these jobs succeed in this order?
    case jobsInOrder([Located<String>], at: SourceLocation)
    /// Does the record check pass?
    case records(Located<String>)

    public var location: SourceLocation {
        switch self {
        case .canEnable(let r), .inEffect(let r), .records(let r): r.location
        case .jobsInOrder(_, let at): at
        }
    }
}

/// A question of the FAQ, with the ordered checks that answer it for an environment.
public struct Question: Sendable, Hashable {
    public var id: Located<String>
    public var text: LocalizedText
    /// The feature the question is about, if any.
    public var about: Located<String>?
    public var checks: [QuestionCheck]
    public var docs: String?

    public var location: SourceLocation { id.location }

    public init(
        id: Located<String>,
        text: LocalizedText,
        about: Located<String>? = nil,
        checks: [QuestionCheck],
        docs: String? = nil
    ) {
        self.id = id
        self.text = text
        self.about = about
        self.checks = checks
        self.docs = docs
    }
}
