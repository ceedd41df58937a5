import Diagnostics

/// A part of the product with a version of its own (headquarters, a scale unit, the registers'
/// app, an extension), declared in the pack's `components`; a snapshot gives its version, or
/// the versions of its instances, under `components`.
public struct Component: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText?
    /// The snapshot's product `version` is this component's version when `components` does not
    /// give it (headquarters, for most products).
    public var isProduct: Bool
    /// Components to update before this one, in the documented update order.
    public var updatedAfter: [Located<String>]
    public var location: SourceLocation
    /// Where a person finds this fact for a snapshot (a workspace, a page, for a record check the
    /// query that counts its rows): shown in snapshot templates.
    public var source: LocalizedText? = nil

    public init(id: Located<String>, name: LocalizedText? = nil, isProduct: Bool = false, updatedAfter: [Located<String>] = [], location: SourceLocation) {
        self.id = id
        self.name = name
        self.isProduct = isProduct
        self.updatedAfter = updatedAfter
        self.location = location
    }

    public func displayName(in language: String) -> String {
        name?.text(in: language) ?? id.value
    }
}

/// A condition on every instance of a component's version (`{component: pos, atLeast: 10.0.38}`):
/// within bounds, and not newer than another component (`notNewerThan: hq`). An instance that
/// names its own `target` (an extension and the scale unit it runs on) is compared with that
/// instance; otherwise with every instance of the other component.
public struct ComponentVersionCondition: Sendable, Hashable {
    public var component: Located<String>
    public var atLeast: Located<VersionReference>?
    public var atMost: Located<VersionReference>?
    public var notNewerThan: Located<String>?
    public var location: SourceLocation

    public init(
        component: Located<String>, atLeast: Located<VersionReference>? = nil, atMost: Located<VersionReference>? = nil,
        notNewerThan: Located<String>? = nil, location: SourceLocation
    ) {
        self.component = component
        self.atLeast = atLeast
        self.atMost = atMost
        self.notNewerThan = notNewerThan
        self.location = location
    }
}
