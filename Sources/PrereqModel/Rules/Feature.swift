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
/// (`for f in features`), and copies one only to word a finding about it.
public struct Feature: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText?
    /// Former names and other names a snapshot may use.
    public var aliases: [Located<String>]
    /// The product version that first has this feature.
    @usableFromInline var storedIntroducedIn = OutOfLine<Located<ProductVersion>?>(nil)
    @inlinable public var introducedIn: Located<ProductVersion>? {
        get { storedIntroducedIn.value }
        set { storedIntroducedIn.value = newValue }
    }
    /// A minimum product version beyond `introducedIn` (e.g. a fix it depends on).
    @usableFromInline var storedMinVersion = OutOfLine<Located<ProductVersion>?>(nil)
    @inlinable public var minVersion: Located<ProductVersion>? {
        get { storedMinVersion.value }
        set { storedMinVersion.value = newValue }
    }
    /// The first product version that no longer has this feature (it was removed or made
    /// mandatory); it can be switched on only below it.
    @usableFromInline var storedRemovedIn = OutOfLine<Located<ProductVersion>?>(nil)
    @inlinable public var removedIn: Located<ProductVersion>? {
        get { storedRemovedIn.value }
        set { storedRemovedIn.value = newValue }
    }
    public var docs: String?
    /// Where a person finds this fact for a snapshot (a workspace, a page, for a record check the
    /// query that counts its rows): shown in snapshot templates.
    public var source: LocalizedText? = nil
    public var note: LocalizedText?
    /// All of these must hold before it can be switched on (`requires: [a, b]` is all of a, b).
    public var requires: Requirement?
    /// None of these may be on at the same time.
    public var conflicts: [Located<String>]
    /// Switched on together with it by the product.
    public var alsoEnables: [Located<String>]
    public var settings: [SettingRequirement]
    @usableFromInline var storedTakesEffect = OutOfLine<TakesEffect?>(nil)
    @inlinable public var takesEffect: TakesEffect? {
        get { storedTakesEffect.value }
        set { storedTakesEffect.value = newValue }
    }
    /// What a snapshot that does not mention the feature means: nil is unknown.
    public var defaultEnabled: Bool?
    /// The other system it is switched in (an add-in, a flag platform), when it is not one of
    /// the product's own features; snapshots give its state under `externalFeatures`.
    public var system: LocalizedText? = nil
    /// Mandatory or on by default from a version, preview, cannot be switched off.
    @usableFromInline var storedLifecycle = OutOfLine<Lifecycle>(Lifecycle())
    @inlinable public var lifecycle: Lifecycle {
        get { storedLifecycle.value }
        set { storedLifecycle.value = newValue }
    }
    /// What the flag platform it is imported from says about it (`flag:`).
    @usableFromInline var storedFlag = OutOfLine<FlagFacts?>(nil)
    @inlinable public var flag: FlagFacts? {
        get { storedFlag.value }
        set { storedFlag.value = newValue }
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
        self.aliases = aliases
        storedIntroducedIn = OutOfLine(introducedIn)
        storedMinVersion = OutOfLine(minVersion)
        storedRemovedIn = OutOfLine(removedIn)
        self.docs = docs
        self.note = note
        self.requires = requires
        self.conflicts = conflicts
        self.alsoEnables = alsoEnables
        self.settings = settings
        storedTakesEffect = OutOfLine(takesEffect)
        self.defaultEnabled = defaultEnabled
        self.system = system
    }
}
