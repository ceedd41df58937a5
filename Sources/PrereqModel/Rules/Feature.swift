import Diagnostics

/// A setting a feature needs to hold: `setting` must equal `value`.
public struct SettingRequirement: Sendable, Hashable {
    public var setting: Located<String>
    public var value: SettingValue
    public var location: SourceLocation

    public init(setting: Located<String>, value: SettingValue, location: SourceLocation) {
        self.setting = setting
        self.value = value
        self.location = location
    }
}

/// What must happen after a feature is switched on before it takes effect.
public struct TakesEffect: Sendable, Hashable {
    /// Jobs that must succeed after the moment of enablement (per channel for channel jobs),
    /// in any order that meets their own `after` constraints.
    public var jobs: [Located<String>]
    /// How long caches may lag after the last of those jobs; a lagging effect before then is
    /// "settling", not a fault.
    public var settle: Located<TimeSpan>?
    /// Where the settle time comes from, for people reading the answer.
    public var settleSource: String?
    /// The record check whose newest counted row the settle time counts from (a cache that lags
    /// each new row), instead of the jobs or the switch.
    public var settleFrom: Located<String>? = nil
    /// Manual steps to do after the switch (`manual`), after the jobs; each must be done for
    /// the feature to be in effect.
    public var manual: [Located<String>] = []
    public var location: SourceLocation

    public init(
        jobs: [Located<String>],
        settle: Located<TimeSpan>? = nil,
        settleSource: String? = nil,
        location: SourceLocation
    ) {
        self.jobs = jobs
        self.settle = settle
        self.settleSource = settleSource
        self.location = location
    }
}

/// A feature switch of the product.
///
/// A copy retains each of its fields, so code that visits every feature of a pack reads the
/// fields it needs in place (`features[i].requires`) rather than copying each feature
/// (`for f in features`), and copies one only to word a finding about it. What most features
/// leave empty (other names, versions, texts beyond the name, lifecycle, flag facts) is kept in
/// one box (`FeatureDetails`), none at all while it is empty, so that a pack's features stay
/// small to store and copy.
public struct Feature: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText?
    @usableFromInline var storedDetails = OutOfLine<FeatureDetails>()
    /// Former names and other names a snapshot may use.
    @inlinable public var aliases: [Located<String>] {
        get { storedDetails.box?.value.aliases ?? [] }
        set { storedDetails.value.aliases = newValue }
    }
    /// The product version that first has this feature.
    @inlinable public var introducedIn: Located<ProductVersion>? {
        get { storedDetails.box?.value.introducedIn.value }
        set { storedDetails.value.introducedIn.value = newValue }
    }
    /// A minimum product version beyond `introducedIn` (e.g. a fix it depends on).
    @inlinable public var minVersion: Located<ProductVersion>? {
        get { storedDetails.box?.value.minVersion.value }
        set { storedDetails.value.minVersion.value = newValue }
    }
    /// The first product version that no longer has this feature (it was removed or made
    /// mandatory); it can be switched on only below it.
    @inlinable public var removedIn: Located<ProductVersion>? {
        get { storedDetails.box?.value.removedIn.value }
        set { storedDetails.value.removedIn.value = newValue }
    }
    @inlinable public var docs: String? {
        get { storedDetails.box?.value.docs }
        set { storedDetails.value.docs = newValue }
    }
    /// Where a person finds this fact for a snapshot (a workspace, a page, for a record check the
    /// query that counts its rows): shown in snapshot templates.
    @inlinable public var source: LocalizedText? {
        get { storedDetails.box?.value.source }
        set { storedDetails.value.source = newValue }
    }
    @inlinable public var note: LocalizedText? {
        get { storedDetails.box?.value.note }
        set { storedDetails.value.note = newValue }
    }
    /// All of these must hold before it can be switched on (`requires: [a, b]` is all of a, b).
    public var requires: Requirement?
    /// None of these may be on at the same time.
    public var conflicts: [Located<String>]
    /// Switched on together with it by the product.
    public var alsoEnables: [Located<String>]
    public var settings: [SettingRequirement]
    @usableFromInline var storedTakesEffect = OutOfLine<TakesEffect?>()
    @inlinable public var takesEffect: TakesEffect? {
        get { storedTakesEffect.value }
        set { storedTakesEffect.value = newValue }
    }
    /// What a snapshot that does not mention the feature means: nil is unknown.
    public var defaultEnabled: Bool?
    /// The other system it is switched in (an add-in, a flag platform), when it is not one of
    /// the product's own features; snapshots give its state under `externalFeatures`.
    @inlinable public var system: LocalizedText? {
        get { storedDetails.box?.value.system }
        set { storedDetails.value.system = newValue }
    }
    /// Mandatory or on by default from a version, preview, cannot be switched off.
    @inlinable public var lifecycle: Lifecycle {
        get { storedDetails.box?.value.lifecycle.value ?? Lifecycle() }
        set { storedDetails.value.lifecycle.value = newValue }
    }
    /// What the flag platform it is imported from says about it (`flag:`).
    @inlinable public var flag: FlagFacts? {
        get { storedDetails.box?.value.flag.value }
        set { storedDetails.value.flag.value = newValue }
    }

    /// The later of `introducedIn` and `minVersion` (`introducedIn` when they are equal): the
    /// lowest product version the feature says it needs.
    @inlinable public var declaredMinimum: Located<ProductVersion>? {
        switch (introducedIn, minVersion) {
        case let (introduced?, minimum?): minimum.value > introduced.value ? minimum : introduced
        case let (introduced, minimum): introduced ?? minimum
        }
    }

    /// The location of the feature's id key: where findings about the feature as a whole point.
    public var location: SourceLocation { id.location }

    /// The display name in `language`, or the id when it has none.
    @inlinable  // asked for every node an answer words: inlined, it reads the name without copying the feature
    public func displayName(in language: String) -> String {
        name?.text(in: language) ?? id.value
    }

    public init(
        id: Located<String>,
        name: LocalizedText? = nil,
        aliases: [Located<String>],
        introducedIn: Located<ProductVersion>? = nil,
        minVersion: Located<ProductVersion>? = nil,
        removedIn: Located<ProductVersion>? = nil,
        docs: String? = nil,
        note: LocalizedText? = nil,
        requires: Requirement? = nil,
        conflicts: [Located<String>],
        alsoEnables: [Located<String>],
        settings: [SettingRequirement],
        takesEffect: TakesEffect? = nil,
        defaultEnabled: Bool? = nil,
        system: LocalizedText? = nil
    ) {
        self.id = id
        self.name = name
        // Most features have none of these: their details are not built to be found empty.
        if !aliases.isEmpty || introducedIn != nil || minVersion != nil || removedIn != nil || docs != nil || note != nil
            || system != nil
        {
            storedDetails = OutOfLine(
                FeatureDetails(
                    aliases: aliases, introducedIn: OutOfLine(introducedIn), minVersion: OutOfLine(minVersion),
                    removedIn: OutOfLine(removedIn), docs: docs, note: note, system: system))
        }
        self.requires = requires
        self.conflicts = conflicts
        self.alsoEnables = alsoEnables
        self.settings = settings
        storedTakesEffect = OutOfLine(takesEffect)
        self.defaultEnabled = defaultEnabled
    }
}

/// What most features leave empty, kept together out of line (`Feature` offers each field).
/// The big, rare ones (versions, lifecycle, flag facts) have boxes of their own inside, so that
/// a feature with only a link to its documentation does not store them.
public struct FeatureDetails: Sendable, Hashable, EmptyInitializable {
    @usableFromInline var aliases: [Located<String>] = []
    @usableFromInline var introducedIn = OutOfLine<Located<ProductVersion>?>()
    @usableFromInline var minVersion = OutOfLine<Located<ProductVersion>?>()
    @usableFromInline var removedIn = OutOfLine<Located<ProductVersion>?>()
    @usableFromInline var docs: String? = nil
    @usableFromInline var source: LocalizedText? = nil
    @usableFromInline var note: LocalizedText? = nil
    @usableFromInline var system: LocalizedText? = nil
    @usableFromInline var lifecycle = OutOfLine<Lifecycle>()
    @usableFromInline var flag = OutOfLine<FlagFacts?>()

    public init() {}

    init(
        aliases: [Located<String>], introducedIn: OutOfLine<Located<ProductVersion>?>,
        minVersion: OutOfLine<Located<ProductVersion>?>, removedIn: OutOfLine<Located<ProductVersion>?>,
        docs: String?, note: LocalizedText?, system: LocalizedText?
    ) {
        self.aliases = aliases
        self.introducedIn = introducedIn
        self.minVersion = minVersion
        self.removedIn = removedIn
        self.docs = docs
        self.note = note
        self.system = system
    }
}
