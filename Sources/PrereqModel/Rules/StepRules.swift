import Diagnostics

/// A parameter of a job or manual step with a value that must not be chosen (`parameters`):
/// every plan step of that job or manual step says so, where `when` holds (always without it).
public struct ForbiddenParameter: Sendable, Hashable {
    /// The parameter as the product names it (`Delete existing configuration`).
    public var name: Located<String>
    /// The value that must not be chosen, as written.
    public var never: Located<String>
    /// Only where this condition holds (the one condition grammar); nil: everywhere.
    public var when: Requirement?
    /// Why, for people reading the step.
    public var note: LocalizedText?
    public var location: SourceLocation

    public init(name: Located<String>, never: Located<String>, when: Requirement? = nil, note: LocalizedText? = nil, location: SourceLocation) {
        self.name = name
        self.never = never
        self.when = when
        self.note = note
        self.location = location
    }
}

/// What a job or a manual step says about its own place and use in a plan: `last: true` (it is
/// the plan's final action) and the parameter values that must not be chosen.
public struct StepRules: Sendable, Hashable {
    /// `last: true`, where it is written; nil when the step may come anywhere.
    public var last: Located<Bool>?
    public var parameters: [ForbiddenParameter]

    public init(last: Located<Bool>? = nil, parameters: [ForbiddenParameter] = []) {
        self.last = last
        self.parameters = parameters
    }

    /// Whether the step must be the plan's final action.
    public var isLast: Bool { last?.value == true }

    /// Where `last: true` is written, for a step that must be final (the pack's order among such steps).
    public var lastPlace: SourceLocation? { isLast ? last?.location : nil }
}
