import Foundation
import PrereqBasics

/// Finds pack elements by any name a person or an exporter may use: id, display name in any
/// language, alias, or (jobs) code. Case and surrounding whitespace do not matter.
public struct NameIndex: Sendable {
    /// What a key refers to: one element (`element >= 0`), or several, kept in
    /// `shared[-element - 1]`; and where the first name with this key is in `names`.
    private struct Entry {
        var element: Int
        var firstName: Int
    }

    private var entries: [String: Entry] = [:]
    /// The elements of keys that refer to more than one, in the order each became ambiguous.
    private var shared: [(firstName: Int, elements: [Int])] = []
    /// Every name known, for "did you mean" suggestions.
    public private(set) var names: [String] = []
    /// The suggestion index over `names`, built on the first question after a change.
    private var suggestions = SuggestionCache()

    /// An index with room for about `capacity` names.
    public init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
        names.reserveCapacity(capacity)
    }

    /// The normalised form names are compared in. A name that is already in that form (ASCII
    /// without capitals or surrounding white space, as ids usually are) is returned as it is.
    public static func key(_ name: String) -> String {
        if name.hasVisibleASCIIEnds {
            if name.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return name }
            return name.lowercased()
        }
        return name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public mutating func add(_ name: String, _ index: Int) {
        let k = Self.key(name)
        guard !k.isEmpty else { return }
        guard let existing = entries[k] else {
            entries[k] = Entry(element: index, firstName: names.count)
            names.append(name)
            // A cache shared with a copy of this index stays the copy's (no lock on this path:
            // a cache of our own notices by the name count that it is out of date).
            if !isKnownUniquelyReferenced(&suggestions) { suggestions = SuggestionCache() }
            return
        }
        if existing.element >= 0 {
            guard existing.element != index else { return }
            shared.append((existing.firstName, [existing.element, index]))
            entries[k] = Entry(element: -shared.count, firstName: existing.firstName)
        } else if !shared[-existing.element - 1].elements.contains(index) {
            shared[-existing.element - 1].elements.append(index)
        }
    }

    /// The elements a name refers to: none, one, or several when it is ambiguous.
    public func lookup(_ name: String) -> [Int] {
        guard let entry = entries[Self.key(name)] else { return [] }
        return entry.element >= 0 ? [entry.element] : shared[-entry.element - 1].elements
    }

    /// The known name closest to `name`, if it is close enough to be a likely typo.
    public func suggestion(for name: String) -> String? {
        suggestions.index(for: names).closest(to: name)
    }

    /// The names that refer to more than one element, in the order they were first added, with
    /// the elements in the order they claimed the name.
    public var ambiguous: [(name: String, elements: [Int])] {
        shared.sorted { $0.firstName < $1.firstName }.map { (names[$0.firstName], $0.elements) }
    }
}

/// A `SuggestionIndex` built when first needed, and again once more names were added; shared by
/// copies of the name index (which may be asked from several threads).
private final class SuggestionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: (index: SuggestionIndex, nameCount: Int)?

    func index(for names: [String]) -> SuggestionIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built, built.nameCount == names.count { return built.index }
        let index = SuggestionIndex(names)
        built = (index, names.count)
        return index
    }
}
