import Foundation

/// Finds pack elements by any name a person or an exporter may use: id, display name in any
/// language, alias, or (jobs) code. Case and surrounding whitespace do not matter.
public struct NameIndex: Sendable {
    private var entries: [String: [Int]] = [:]
    /// Every name known, for "did you mean" suggestions.
    public private(set) var names: [String] = []

    public init() {}

    /// The normalised form names are compared in.
    public static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public mutating func add(_ name: String, _ index: Int) {
        let k = Self.key(name)
        guard !k.isEmpty else { return }
        if let existing = entries[k] {
            if !existing.contains(index) { entries[k] = existing + [index] }
        } else {
            entries[k] = [index]
            names.append(name)
        }
    }

    /// The elements a name refers to: none, one, or several when it is ambiguous.
    public func lookup(_ name: String) -> [Int] {
        entries[Self.key(name)] ?? []
    }
}

