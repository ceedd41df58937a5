import Diagnostics
import Foundation

/// Where a setting applies: the whole environment, or each channel (store) separately.
public enum SettingScope: String, Sendable, Hashable, CaseIterable {
    case environment, channel
}

/// The type of a setting's value.
public enum SettingType: String, Sendable, Hashable, CaseIterable {
    case bool, int, string, list
}

/// A typed setting value.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)
    /// An ordered list of items (a list setting, e.g. the connectors of a channel).
    case list([SettingValue])

    public var description: String {
        switch self {
        case .bool(let b): b ? "on" : "off"
        case .int(let i): String(i)
        case .string(let s): s
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    public var type: SettingType {
        switch self {
        case .bool: .bool
        case .int: .int
        case .string: .string
        case .list: .list
        }
    }

    /// Equality as a setting compares: strings ignore case and surrounding whitespace, lists
    /// compare item by item.
    public func matches(_ other: SettingValue) -> Bool {
        switch (self, other) {
        case let (.string(a), .string(b)):
            a.trimmingCharacters(in: .whitespaces).lowercased() == b.trimmingCharacters(in: .whitespaces).lowercased()
        case let (.list(a), .list(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
        default: self == other
        }
    }

    /// The value as a setting of `type` means it, or nil when it does not fit: exports write
    /// `"true"` or `"on"` for a switch and `"15"` for a number, and a list may be given as one
    /// item. Text keeps whatever a scalar says.
    public func read(as type: SettingType) -> SettingValue? {
        switch (type, self) {
        case (.bool, .bool), (.int, .int), (.string, .string), (.string, .bool), (.list, .list): return self
        case (.bool, .string(let s)): return Self.switchWord(s).map(SettingValue.bool)
        case (.bool, .int(let i)): return i == 0 || i == 1 ? .bool(i == 1) : nil
        case (.int, .string(let s)): return Int(s.trimmingCharacters(in: .whitespaces)).map(SettingValue.int)
        case (.string, .int(let i)): return .string(String(i))
        case (.list, _): return .list([self])
        case (.bool, .list), (.int, .list), (.int, .bool), (.string, .list): return nil
        }
    }

    /// `true`/`on`/`yes`/`enabled` and their opposites, in any case, as a switch.
    static func switchWord(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "on", "yes", "enabled": true
        case "false", "off", "no", "disabled": false
        default: nil
        }
    }
}

/// A configuration value of the product that features may need.
public struct Setting: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText?
    /// Former and other names a snapshot may use.
    public var aliases: [Located<String>]
    /// Where a person finds it in the product (menu path), translated.
    public var whereToFind: LocalizedText?
    public var scope: SettingScope
    public var type: SettingType
    public var docs: String?
    /// A remark for people, shown with answers about the setting.
    public var note: LocalizedText? = nil
    /// The only values the setting takes (empty: any value of its type), as written.
    public var allowedValues: [Located<SettingValue>] = []
    /// What must happen after the value changes before features that read it take effect.
    public var takesEffect: TakesEffect? = nil

    public var location: SourceLocation { id.location }

    public func displayName(in language: String) -> String {
        name?.text(in: language) ?? id.value
    }

    public init(
        id: Located<String>,
        name: LocalizedText? = nil,
        aliases: [Located<String>],
        whereToFind: LocalizedText? = nil,
        scope: SettingScope,
        type: SettingType,
        docs: String? = nil,
        note: LocalizedText? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.whereToFind = whereToFind
        self.scope = scope
        self.type = type
        self.docs = docs
        self.note = note
    }
}

