import Diagnostics

/// Where a feature stands in its product's lifecycle: mandatory or on by default from a
/// version, in preview, or impossible to switch off once on. Each key is optional; an empty
/// lifecycle is an ordinary feature.
public struct Lifecycle: Sendable, Hashable, EmptyInitializable {
    /// From this version on the feature is always on (whatever a snapshot says) and cannot be
    /// switched off.
    public var mandatorySince: Located<ProductVersion>?
    /// From this version on a snapshot that does not mention the feature means it is on.
    public var onByDefaultSince: Located<ProductVersion>?
    /// Once on, it cannot be switched off (`cannotSwitchOff: true`).
    public var cannotSwitchOff: Located<Bool>?
    /// The feature is a preview (`preview: true`): answers say so, and `check` notes it when it
    /// is on in production.
    public var preview: Located<Bool>?

    public init(
        mandatorySince: Located<ProductVersion>? = nil, onByDefaultSince: Located<ProductVersion>? = nil,
        cannotSwitchOff: Located<Bool>? = nil, preview: Located<Bool>? = nil
    ) {
        self.mandatorySince = mandatorySince
        self.onByDefaultSince = onByDefaultSince
        self.cannotSwitchOff = cannotSwitchOff
        self.preview = preview
    }

    /// An ordinary feature's lifecycle: no key given.
    public init() {}

    /// The keys of a feature that say its lifecycle.
    public static let keys = ["mandatorySince", "onByDefaultSince", "cannotSwitchOff", "preview"]

    /// Whether the feature is mandatory at `version` (nil: the version is not known).
    public func isMandatory(at version: ProductVersion?) -> Bool? {
        guard let since = mandatorySince?.value else { return false }
        return version.map { $0 >= since }
    }

    /// The version it is mandatory since, when it is mandatory at `version` (for sentences that
    /// say why it cannot be switched off; nil for a one-way switch).
    public func mandatoryVersion(at version: ProductVersion?) -> ProductVersion? {
        isMandatory(at: version) == true ? mandatorySince?.value : nil
    }

    /// Why the feature cannot be switched off at `version`, if it cannot: the rule line that says so.
    public func forbidsSwitchingOff(at version: ProductVersion?) -> SourceLocation? {
        if let c = cannotSwitchOff, c.value { return c.location }
        if isMandatory(at: version) == true { return mandatorySince?.location }
        return nil
    }
}
