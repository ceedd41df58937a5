import Diagnostics

/// A requirement on something other than a feature: a record check that must pass, or a job
/// that must be on a recurring schedule (`{records: check-id}`, `{schedule: job-id, maxInterval: 1h}`).
public enum Gate: Sendable, Hashable {
    /// The record check with this id must pass.
    case records(Located<String>, at: SourceLocation)
    /// The job with this id must be on a recurring schedule, at most `maxInterval` apart when given.
    case schedule(Located<String>, maxInterval: Located<TimeSpan>?, at: SourceLocation)

    /// Where the gate was written (its form key).
    public var location: SourceLocation {
        switch self {
        case .records(_, let at), .schedule(_, _, let at): at
        }
    }

    /// The id the gate names: a record check's or a job's.
    public var reference: Located<String> {
        switch self {
        case .records(let id, _), .schedule(let id, _, _): id
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
