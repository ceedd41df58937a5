import Diagnostics

/// A release of the product's release train (`releases`): a version, the name a snapshot may
/// write instead of it (`Autumn 2026`), and when it goes out of service. The train is declared
/// oldest first.
public struct Release: Sendable, Hashable {
    /// The key it is declared under: its name, or its version when it has no name.
    public var id: Located<String>
    public var version: Located<ProductVersion>
    /// The end of its service: from this moment an environment running it is out of service.
    public var endOfService: Located<Timestamp>?
    /// How long before `endOfService` a snapshot is warned (default `defaultWarnAhead`).
    public var warnAhead: Located<TimeSpan>?
    public var location: SourceLocation

    /// The warning time when a release does not give its own: 30 days.
    public static let defaultWarnAhead = TimeSpan(seconds: 30 * 86_400)

    public init(
        id: Located<String>, version: Located<ProductVersion>, endOfService: Located<Timestamp>? = nil,
        warnAhead: Located<TimeSpan>? = nil, location: SourceLocation
    ) {
        self.id = id
        self.version = version
        self.endOfService = endOfService
        self.warnAhead = warnAhead
        self.location = location
    }

    /// Whether it is declared by a name of its own (not by its version).
    public var isNamed: Bool { ProductVersion(id.value) == nil }

    /// Whether it covers `version`: the same version, or a build of it (`10.0.39` covers
    /// `10.0.39.12`).
    public func covers(_ version: ProductVersion) -> Bool {
        let own = self.version.value.components
        guard version.components.count >= own.count else { return self.version.value == version }
        return Array(version.components.prefix(own.count)) == own
    }

    /// The moment from which answers warn about its end of service.
    public var warnFrom: Timestamp? {
        endOfService.map { $0.value + TimeSpan(seconds: -(warnAhead?.value ?? Self.defaultWarnAhead).seconds) }
    }
}

/// A version as a pack writes it in a condition: dotted numbers, or the name of a release the
/// pack declares (`atLeast: Autumn 2026`).
public enum VersionReference: Sendable, Hashable, CustomStringConvertible {
    case version(ProductVersion)
    case release(String)

    /// Dotted numbers when the text is a version, otherwise a release name.
    public init(_ text: String) {
        self = ProductVersion(text).map { .version($0) } ?? .release(text.trimmingCharacters(in: .whitespaces))
    }

    public var description: String {
        switch self {
        case .version(let v): v.description
        case .release(let name): name
        }
    }
}
