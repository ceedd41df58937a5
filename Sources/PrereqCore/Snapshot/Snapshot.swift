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
    /// Where its `snapshot:` header is: facts about the environment as a whole point there.
    public var header: SourceLocation?

    // Fields added to format v1: read and kept with their places; a reader that ignores them
    // stays correct.

    /// Environment attributes of the header (`region`, `deployment`, `kind`, `timeZone`).
    public var region: Located<String>?
    public var deployment: Located<String>?
    public var kind: Located<String>?
    /// An IANA time zone name.
    public var timeZone: Located<String>?
    /// When the current product version was applied.
    public var versionInstalledAt: Located<Timestamp>?
    public var previousVersion: Located<ProductVersion>?
    /// Versions per component (headquarters, scale units, registers, extensions).
    public var components: [ComponentEntry] = []
    /// Static facts per channel (functionality profile, database edition, time zone).
    public var channelInfo: [ChannelInfoEntry] = []
    public var legalEntities: [Located<String>]?
    /// Switches of another system (an add-in, a flag platform), in the same forms as `features`.
    public var externalFeatures: [FeatureEntry] = []

    public struct FeatureEntry: Sendable {
        public var name: Located<String>
        public var enabled: Located<Bool>?
        /// When it was switched on.
        public var enabledAt: Located<Timestamp>?
        /// The enable date Feature management has scheduled (in the future).
        public var scheduledFor: Located<Timestamp>? = nil
        /// The value or variation a flag currently serves.
        public var servedVariation: Located<SettingValue>? = nil
    }

    public struct SettingEntry: Sendable {
        public var name: Located<String>
        /// The environment-wide value.
        public var value: Located<SettingValue>?
        /// Values per channel.
        public var channels: [(channel: String, value: Located<SettingValue>)]
        /// When the environment-wide value last changed.
        public var changedAt: Located<Timestamp>? = nil
        /// When the value last changed, per channel (for the channels that say).
        public var channelChangedAt: [(channel: String, changedAt: Located<Timestamp>)] = []
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
        /// The state of its last run where a product has more than success (e.g. `Applied`).
        public var status: Located<String>? = nil
        /// When it first reached the applied state.
        public var firstAppliedAt: Located<Timestamp>? = nil
    }

    public struct RecordEntry: Sendable {
        public var table: Located<String>
        public var condition: [(field: String, value: SettingValue)]
        public var count: Located<Int>?
        /// When the oldest counted row was written.
        public var oldest: Located<Timestamp>?
        public var location: SourceLocation
        /// When the newest counted row was written.
        public var newest: Located<Timestamp>? = nil
    }

    /// One component's version, or its instances' versions (`pos: {register-1: 10.0.38}`).
    public struct ComponentEntry: Sendable {
        public var name: Located<String>
        /// The version (or release name) when the component is given as one value.
        public var version: Located<String>?
        public var instances: [ComponentInstance]
    }

    /// An instance of a component: its version, or, for an extension, fields such as
    /// `compiledAgainst` and `target`.
    public struct ComponentInstance: Sendable {
        public var name: Located<String>
        public var version: Located<String>?
        public var fields: [(key: String, value: Located<String>)]
    }

    /// The static facts of one channel.
    public struct ChannelInfoEntry: Sendable {
        public var channel: Located<String>
        public var attributes: [(key: String, value: Located<SettingValue>)]
    }
}
