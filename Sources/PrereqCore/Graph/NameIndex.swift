import Foundation

/// Finds pack elements by any name a person or an exporter may use: id, display name in any
/// language, alias, or (jobs) code. Case and surrounding whitespace do not matter.
public struct NameIndex: Sendable {
    private var entries: [String: [Int]] = [:]
    /// Every name known, for "did you mean" suggestions.
    public private(set) var names: [String] = []

    /// An index with room for about `capacity` names.
    public init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
        names.reserveCapacity(capacity)
    }

    /// The normalised form names are compared in.
    public static func key(_ name: String) -> String {
        name.hasVisibleASCIIEnds ? name.lowercased() : name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
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

    /// The names that refer to more than one element, in the order they were first added, with
    /// the elements in the order they claimed the name.
    public var ambiguous: [(name: String, elements: [Int])] {
        names.compactMap { name in
            guard let elements = entries[Self.key(name)], elements.count > 1 else { return nil }
            return (name, elements)
        }
    }
}


extension String {
    /// Whether the text starts and ends with a visible ASCII character, so that trimming white
    /// space (of any kind) would leave it as it is: a check of two bytes that spares most names
    /// Foundation's `trimmingCharacters`, which costs about as much as parsing them.
    var hasVisibleASCIIEnds: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}
