import Diagnostics

/// A moment a condition measures against: the installation of the current product version
/// (`update`, the snapshot's `versionInstalledAt`) or the last change of a setting's value
/// (`{setting: id}`, its `changedAt`, per channel where the snapshot gives it).
public enum EventReference: Sendable, Hashable {
    case update(at: SourceLocation)
    case setting(Located<String>)
    /// A component's update (`{component: csu}`): the latest `installedAt` of its instances.
    case component(Located<String>)

    public var location: SourceLocation {
        switch self {
        case .update(let at): at
        case .setting(let s), .component(let s): s.location
        }
    }
}

/// "A job succeeded after an event" (`{job: j, succeededAfter: update}`) or "a feature was
/// switched on no later than an event" (`{feature: f, enabledBefore: update}`).
public struct EventCondition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case succeededAfter, enabledBefore
    }

    public var kind: Kind
    /// The job (`succeededAfter`) or the feature (`enabledBefore`) the condition names.
    public var subject: Located<String>
    public var event: EventReference
    /// Where the condition was written (its `succeededAfter`/`enabledBefore` key).
    public var location: SourceLocation

    public init(kind: Kind, subject: Located<String>, event: EventReference, location: SourceLocation) {
        self.kind = kind
        self.subject = subject
        self.event = event
        self.location = location
    }
}
