import Diagnostics

/// How much a failing requirement weighs (`severity:` on a map-form requirement).
public enum RequirementSeverity: String, Sendable, CaseIterable {
    /// It blocks (the default).
    case error
    /// It is only recommended: reported, never blocking.
    case warning
}

extension Requirement {
    /// The same requirement with every `severity: warning` part taken as required (what it
    /// recommends), so that a check of what can hold sees it.
    public var withoutSeverities: Requirement {
        switch self {
        case .feature: self
        case .allOf(let parts, let at): .allOf(parts.map(\.withoutSeverities), at: at)
        case .anyOf(let parts, let at): .anyOf(parts.map(\.withoutSeverities), at: at)
        case .not(let part, let at): .not(part.withoutSeverities, at: at)
        case .count(let parts, let min, let max, let at): .count(parts.map(\.withoutSeverities), min: min, max: max, at: at)
        case .when(let condition, let then, let at): .when(condition.withoutSeverities, then: then.withoutSeverities, at: at)
        case .recommended(let part, _): part.withoutSeverities
        }
    }

    /// A group's negation: fewer than `min` hold, or more than `max` (an any-of of the groups
    /// that can still say so; an empty any-of, which never holds, when neither can).
    public static func outside(_ parts: [Requirement], min: Int, max: Int?, at: SourceLocation) -> Requirement {
        var alternatives: [Requirement] = []
        if min > 0 { alternatives.append(.count(parts, min: 0, max: min - 1, at: at)) }
        if let max, max < parts.count { alternatives.append(.count(parts, min: max + 1, max: nil, at: at)) }
        return .anyOf(alternatives, at: at)
    }
}
