import Diagnostics

/// How much a failing requirement weighs (`severity:` on a map-form requirement).
public enum RequirementSeverity: String, Sendable, CaseIterable {
    /// It blocks (the default).
    case error
    /// It is only recommended: reported, never blocking.
    case warning
}

extension Requirement {
    /// Whether this is a recommendation (`severity: warning`), which counts as holding for what
    /// contains it (so a `not` over it never holds).
    public var isRecommendation: Bool {
        if case .recommended = self { return true }
        return false
    }

    /// Whether the requirement holds with features on as `on` says, value conditions as `value`
    /// says and gates as `gate` says (nil: undecided), as the evaluator judges it: a `not`
    /// pushed down, a recommendation always holding.
    public func holds(
        negated: Bool = false, value: (ValueCondition) -> Bool? = { _ in nil }, gate: (Gate) -> Bool? = { _ in nil }, _ on: (String) -> Bool?
    ) -> Bool? {
        switch self {
        case .feature(let id): return on(id.value).map { $0 != negated }
        case .allOf(let parts, _), .anyOf(let parts, _):
            var all = true
            if case .anyOf = self { all = false }
            if negated { all.toggle() }
            let values = parts.map { $0.holds(negated: negated, value: value, gate: gate, on) }
            if all { return values.contains(false) ? false : values.contains(nil) ? nil : true }
            return values.contains(true) ? true : values.contains(nil) ? nil : false
        case .not(let part, _): return part.holds(negated: !negated, value: value, gate: gate, on)
        case .count(let parts, let min, let max, let at):
            if negated { return Requirement.outside(parts, min: min, max: max, at: at).holds(value: value, gate: gate, on) }
            let values = parts.map { $0.holds(value: value, gate: gate, on) }
            let sure = values.filter { $0 == true }.count
            let open = values.filter { $0 == nil }.count
            let upper = max ?? parts.count
            if sure + open < min || sure > upper { return false }
            return sure >= min && sure + open <= upper ? true : nil
        case .when(let condition, let then, let at):
            if negated { return Requirement.allOf([condition, .not(then, at: at)], at: at).holds(value: value, gate: gate, on) }
            switch condition.holds(value: value, gate: gate, on) {
            case false?: return true
            case true?: return then.holds(value: value, gate: gate, on)
            case nil: return then.holds(value: value, gate: gate, on) == true ? true : nil
            }
        case .eachChannel(let part, let condition, let at):
            // Judged as for one channel: the values closures do not tell channels apart.
            return (condition.map { .when($0, then: part, at: at) } ?? part).holds(negated: negated, value: value, gate: gate, on)
        case .recommended: return !negated
        case .value(let c): return value(c).map { $0 != negated }
        case .gate(let g): return gate(g).map { $0 != negated }
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
