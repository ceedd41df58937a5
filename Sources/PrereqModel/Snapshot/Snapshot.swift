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
        // The two fields few entries give are kept out of line, so that the entries of a big
        // snapshot stay small.
        @usableFromInline var storedScheduledFor = OutOfLine<Located<Timestamp>?>()
        @usableFromInline var storedServedVariation = OutOfLine<Located<SettingValue>?>()
        /// The enable date Feature management has scheduled (in the future).
        @inlinable public var scheduledFor: Located<Timestamp>? {
            get { storedScheduledFor.value }
            set { storedScheduledFor.value = newValue }
        }
        /// The value or variation a flag currently serves.
        @inlinable public var servedVariation: Located<SettingValue>? {
            get { storedServedVariation.value }
            set { storedServedVariation.value = newValue }
        }

        public init(
            name: Located<String>,
            enabled: Located<Bool>? = nil,
            enabledAt: Located<Timestamp>? = nil,
            scheduledFor: Located<Timestamp>? = nil,
            servedVariation: Located<SettingValue>? = nil
        ) {
            self.name = name
            self.enabled = enabled
            self.enabledAt = enabledAt
            storedScheduledFor = OutOfLine(scheduledFor)
            storedServedVariation = OutOfLine(servedVariation)
        }
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

        public init(
            name: Located<String>,
            value: Located<SettingValue>? = nil,
            channels: [(channel: String, value: Located<SettingValue>)],
            changedAt: Located<Timestamp>? = nil,
            channelChangedAt: [(channel: String, changedAt: Located<Timestamp>)] = []
        ) {
            self.name = name
            self.value = value
            self.channels = channels
            self.changedAt = changedAt
            self.channelChangedAt = channelChangedAt
        }
    }

    public struct Run: Sendable {
        public var lastSuccess: Located<Timestamp>?
        public var lastFailure: Located<Timestamp>?
        /// The success before `lastSuccess`, when known. Snapshots do not state it; a run that a
        /// plan's simulation or a what-if performs keeps the one it replaces, so that a run after
        /// a switch whose previous success came before it is known to be the first after it.
        public var previousSuccess: Timestamp?

        public init(lastSuccess: Located<Timestamp>? = nil, lastFailure: Located<Timestamp>? = nil, previousSuccess: Timestamp? = nil) {
            self.lastSuccess = lastSuccess
            self.lastFailure = lastFailure
            self.previousSuccess = previousSuccess
        }
    }

    public struct ScheduleState: Sendable {
        /// Whether the job is on a recurring schedule (`schedule: none` is false).
        public var recurring: Bool
        public var every: TimeSpan?
        public var location: SourceLocation

        public init(recurring: Bool, every: TimeSpan? = nil, location: SourceLocation) {
            self.recurring = recurring
            self.every = every
            self.location = location
        }
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

        public init(
            name: Located<String>,
            run: Run,
            schedule: ScheduleState? = nil,
            channels: [(channel: String, run: Run, location: SourceLocation)],
            status: Located<String>? = nil,
            firstAppliedAt: Located<Timestamp>? = nil
        ) {
            self.name = name
            self.run = run
            self.schedule = schedule
            self.channels = channels
            self.status = status
            self.firstAppliedAt = firstAppliedAt
        }
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

        public init(
            table: Located<String>,
            condition: [(field: String, value: SettingValue)],
            count: Located<Int>? = nil,
            oldest: Located<Timestamp>? = nil,
            location: SourceLocation,
            newest: Located<Timestamp>? = nil
        ) {
            self.table = table
            self.condition = condition
            self.count = count
            self.oldest = oldest
            self.location = location
            self.newest = newest
        }
    }

    /// One component's version, or its instances' versions (`pos: {register-1: 10.0.38}`).
    public struct ComponentEntry: Sendable {
        public var name: Located<String>
        /// The version (or release name) when the component is given as one value.
        public var version: Located<String>?
        public var instances: [ComponentInstance]

        public init(name: Located<String>, version: Located<String>? = nil, instances: [ComponentInstance]) {
            self.name = name
            self.version = version
            self.instances = instances
        }
    }

    /// An instance of a component: its version, or, for an extension, fields such as
    /// `compiledAgainst` and `target`.
    public struct ComponentInstance: Sendable {
        public var name: Located<String>
        public var version: Located<String>?
        public var fields: [(key: String, value: Located<String>)]

        public init(
            name: Located<String>,
            version: Located<String>? = nil,
            fields: [(key: String, value: Located<String>)]
        ) {
            self.name = name
            self.version = version
            self.fields = fields
        }
    }

    /// The static facts of one channel.
    public struct ChannelInfoEntry: Sendable {
        public var channel: Located<String>
        public var attributes: [(key: String, value: Located<SettingValue>)]

        public init(channel: Located<String>, attributes: [(key: String, value: Located<SettingValue>)]) {
            self.channel = channel
            self.attributes = attributes
        }
    }

    public init(
        file: String,
        environment: Located<String>? = nil,
        takenAt: Located<Timestamp>? = nil,
        version: Located<ProductVersion>? = nil,
        channels: [Located<String>]? = nil,
        features: [FeatureEntry] = [],
        settings: [SettingEntry] = [],
        jobs: [JobEntry] = [],
        records: [RecordEntry] = [],
        location: SourceLocation,
        header: SourceLocation? = nil,
        region: Located<String>? = nil,
        deployment: Located<String>? = nil,
        kind: Located<String>? = nil,
        timeZone: Located<String>? = nil,
        versionInstalledAt: Located<Timestamp>? = nil,
        previousVersion: Located<ProductVersion>? = nil,
        components: [ComponentEntry] = [],
        channelInfo: [ChannelInfoEntry] = [],
        legalEntities: [Located<String>]? = nil,
        externalFeatures: [FeatureEntry] = []
    ) {
        self.file = file
        self.environment = environment
        self.takenAt = takenAt
        self.version = version
        self.channels = channels
        self.features = features
        self.settings = settings
        self.jobs = jobs
        self.records = records
        self.location = location
        self.header = header
        self.region = region
        self.deployment = deployment
        self.kind = kind
        self.timeZone = timeZone
        self.versionInstalledAt = versionInstalledAt
        self.previousVersion = previousVersion
        self.components = components
        self.channelInfo = channelInfo
        self.legalEntities = legalEntities
        self.externalFeatures = externalFeatures
    }
}
