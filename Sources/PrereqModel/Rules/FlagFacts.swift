import Diagnostics

/// What a flag platform says about a feature imported from it (`flag:` on a feature): the
/// platform, the values it can serve, and whether it is archived. `prereq import` writes it;
/// lint checks read it (a prerequisite on a variation the flag does not have, on an archived
/// flag, the platform's own limits on prerequisites).
public struct FlagFacts: Sendable, Hashable {
    /// The platform's id, lower case (`launchdarkly`, `unleash`, `growthbook`, or another).
    public var platform: Located<String>?
    /// Every value (variation, variant) the flag can serve; nil when not said.
    public var variations: [Located<SettingValue>]?
    /// The value it serves when off or when its prerequisites are not met.
    public var offVariation: Located<SettingValue>?
    /// The flag is archived on the platform.
    public var archived: Located<Bool>?
    public var location: SourceLocation

    public init(
        platform: Located<String>? = nil, variations: [Located<SettingValue>]? = nil,
        offVariation: Located<SettingValue>? = nil, archived: Located<Bool>? = nil, location: SourceLocation
    ) {
        self.platform = platform
        self.variations = variations
        self.offVariation = offVariation
        self.archived = archived
        self.location = location
    }

    /// The keys of `flag:`.
    public static let keys = ["platform", "variations", "offVariation", "archived"]

    /// Whether the flag can serve `value` (true when its variations are not said).
    public func canServe(_ value: SettingValue) -> Bool {
        guard let variations else { return true }
        return variations.contains { ValueCondition.Test.serving(value).holds(for: $0.value) }
    }

    /// The platforms whose limits `prereq lint` knows: at most one parent per flag, and no
    /// parent that has a parent of its own.
    public static let singleLevelPlatforms = ["unleash"]
}
