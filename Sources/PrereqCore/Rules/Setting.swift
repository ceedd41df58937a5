import Foundation
import Diagnostics

/// Where a setting applies: the whole environment, or each channel (store) separately.
public enum SettingScope: String, Sendable, Hashable, CaseIterable {
    case environment, channel
}

/// The type of a setting's value.
public enum SettingType: String, Sendable, Hashable, CaseIterable {
    case bool, int, string
}

/// A typed setting value.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)

    public var description: String {
        switch self {
        case .bool(let b): b ? "on" : "off"
        case .int(let i): String(i)
        case .string(let s): s
        }
    }

    public var type: SettingType {
        switch self {
        case .bool: .bool
        case .int: .int
        case .string: .string
        }
    }

    /// Equality as a setting compares: strings ignore case and surrounding whitespace.
    public func matches(_ other: SettingValue) -> Bool {
        switch (self, other) {
        case let (.string(a), .string(b)):
            a.trimmingCharacters(in: .whitespaces).lowercased() == b.trimmingCharacters(in: .whitespaces).lowercased()
        default: self == other
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

    public var location: SourceLocation { id.location }

    public func displayName(in language: String) -> String {
        name?.text(in: language) ?? id.value
    }
}

