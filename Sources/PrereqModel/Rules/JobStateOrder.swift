import Diagnostics

/// `after: [{job: A, reached: Applied}]`: a job's last success must be later than the moment
/// job A reached a state (for `Applied`, the first time it did).
public struct JobStateOrder: Sendable, Hashable {
    /// The job that must have reached the state.
    public var job: Located<String>
    public var state: Located<String>
    public var location: SourceLocation

    public init(job: Located<String>, state: Located<String>, location: SourceLocation) {
        self.job = job
        self.state = state
        self.location = location
    }

    /// The state the snapshot dates for good (`firstAppliedAt`): reaching it again does not move
    /// the moment.
    public static let applied = "Applied"

    /// Whether the state is `Applied` (any case): its moment is the first time it was reached.
    public var isApplied: Bool { state.value.caseInsensitiveCompare(Self.applied) == .orderedSame }
}
