import Diagnostics

/// An environment at one moment, as an exporter wrote it (snapshot format v1). Names are kept
/// as written; `EnvironmentFacts` binds them to a pack.
public struct Snapshot: Sendable {
    public var file: String
    public var environment: Located<String>?
    /// "Now" for every time rule.
    public var takenAt: Located<Timestamp>?
    public var version: Located<ProductVersion>?
    /// The channels (stores) of the environment; nil when the snapshot lists none.
    public var channels: [Located<String>]?
    public var features: [FeatureEntry] = []
    public var settings: [SettingEntry] = []
    public var jobs: [JobEntry] = []
    public var records: [RecordEntry] = []
    /// Where the snapshot document starts.
    public var location: SourceLocation

    public struct FeatureEntry: Sendable {
        public var name: Located<String>
        public var enabled: Located<Bool>?
        /// When it was switched on.
        public var enabledAt: Located<Timestamp>?
    }

    public struct SettingEntry: Sendable {
        public var name: Located<String>
        /// The environment-wide value.
        public var value: Located<SettingValue>?
        /// Values per channel.
        public var channels: [(channel: String, value: Located<SettingValue>)]
    }

    public struct Run: Sendable {
        public var lastSuccess: Located<Timestamp>?
        public var lastFailure: Located<Timestamp>?
    }

    public struct ScheduleState: Sendable {
        /// Whether the job is on a recurring schedule (`schedule: none` is false).
        public var recurring: Bool
        public var every: TimeSpan?
        public var location: SourceLocation
    }

    public struct JobEntry: Sendable {
        public var name: Located<String>
        public var run: Run
        public var schedule: ScheduleState?
        /// Runs per channel (download and upload jobs).
        public var channels: [(channel: String, run: Run, location: SourceLocation)]
    }

    public struct RecordEntry: Sendable {
        public var table: Located<String>
        public var condition: [(field: String, value: SettingValue)]
        public var count: Located<Int>?
        /// When the oldest counted row was written.
        public var oldest: Located<Timestamp>?
        public var location: SourceLocation
    }
}
