import Diagnostics

/// A fact about where the product runs that no one can change from the product (the region,
/// the deployment, a channel's SQL edition): declared in the pack's `attributes`, read from the
/// snapshot, compared as text. An environment attribute is a field of the snapshot's header
/// (`environment` — its name —, `region`, `deployment`, `kind`, `timeZone`, `legalEntities`); a channel attribute is the key
/// of its id in each channel's `channelInfo`.
public struct Attribute: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText?
    /// The values it can have, when declared (conditions naming another value are a finding).
    public var values: [Located<String>]
    public var scope: SettingScope
    public var location: SourceLocation
    /// Where a person finds this fact for a snapshot (a workspace, a page, for a record check the
    /// query that counts its rows): shown in snapshot templates.
    public var source: LocalizedText? = nil

    public init(id: Located<String>, name: LocalizedText? = nil, values: [Located<String>] = [], scope: SettingScope = .environment, location: SourceLocation) {
        self.id = id
        self.name = name
        self.values = values
        self.scope = scope
        self.location = location
    }

    /// The snapshot's environment attributes, as a pack names them (matched ignoring case).
    public static let environmentFields = ["environment", "region", "deployment", "kind", "timeZone", "legalEntities"]

    /// The environment field this attribute reads, spelled as the snapshot spells it; nil when
    /// the id is none of them.
    public static func environmentField(_ id: String) -> String? {
        environmentFields.first { $0.lowercased() == id.lowercased() }
    }
}

extension Attribute {
    public func displayName(in language: String) -> String {
        name?.text(in: language) ?? id.value
    }
}

extension SettingValue {
    /// The value as an attribute compares it: text (a list of texts for a list).
    public var asText: SettingValue {
        if case .list(let items) = self { return .list(items.map(\.asText)) }
        if case .string = self { return self }
        return .string(description)
    }
}

extension ValueCondition.Test {
    /// The test with its values as text, as an attribute is compared (`15` is `"15"`).
    public var asText: ValueCondition.Test {
        switch self {
        case .serving(let v): .serving(v.asText)
        case .equals(let v): .equals(v.asText)
        case .oneOf(let vs): .oneOf(vs.map(\.asText))
        case .noneOf(let vs): .noneOf(vs.map(\.asText))
        case .contains(let v): .contains(v.asText)
        case .order(let vs): .order(vs.map(\.asText))
        case .range: self
        }
    }
}
