import Diagnostics

/// A requirement on something other than a feature: a record check that must pass, a job that
/// must be on a recurring schedule, or a manual step that must have been done
/// (`{records: check-id}`, `{schedule: job-id, maxInterval: 1h}`, `{manual: step-id}`), or a
/// component's version (`{component: pos, atLeast: 10.0.38}`).
public enum Gate: Sendable, Hashable {
    /// The record check with this id must pass.
    case records(Located<String>, at: SourceLocation)
    /// The job with this id must be on a recurring schedule, at most `maxInterval` apart when given.
    case schedule(Located<String>, maxInterval: Located<TimeSpan>?, at: SourceLocation)
    /// The manual step with this id (`ManualStep`) must have been done.
    case manual(Located<String>, at: SourceLocation)
    /// Every instance of a component must run a version that passes the condition.
    case version(ComponentVersionCondition)
    /// A job succeeded after an event, or a feature was on before it (`EventCondition`).
    case event(EventCondition)

    /// Where the gate was written (its form key).
    public var location: SourceLocation {
        switch self {
        case .records(_, let at), .schedule(_, _, let at), .manual(_, let at): at
        case .version(let c): c.location
        case .event(let c): c.location
        }
    }

    /// The id the gate names: a record check's, a job's, a manual step's or a component's.
    public var reference: Located<String> {
        switch self {
        case .records(let id, _), .schedule(let id, _, _), .manual(let id, _): id
        case .version(let c): c.component
        case .event(let c): c.subject
        }
    }
}

extension Requirement {
    /// Every gate anywhere in the tree, in written order.
    public var gates: [Gate] {
        collect { node in
            guard case .gate(let g) = node else { return nil }
            return g
        }
    }
}
