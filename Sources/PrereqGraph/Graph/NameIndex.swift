import Foundation
import PrereqBasics

/// Finds pack elements by any name a person or an exporter may use: id, display name in any
/// language, alias, or (jobs) code. Case and surrounding whitespace do not matter.
public struct NameIndex: Sendable {
    /// The first name with each key, in the order added: what a key is told by, and every name
    /// known, for "did you mean" suggestions.
    public private(set) var names: [String] = []
    /// Per name of `names`: what its key refers to, one element (`>= 0`) or several, kept in
    /// `shared[-element - 1]` (32-bit: one per name of a big pack).
    private var elements: [Int32] = []
    /// The names by their keys' hashes. Keys are not kept (a pack's display names would double
    /// in memory): a probe compares the key of the name found, after its hash.
    private var slots: HashSlots
    /// The elements of keys that refer to more than one, in the order each became ambiguous.
    private var shared: [(firstName: Int, elements: [Int])] = []
    /// The suggestion index over `names`, built on the first question after a change.
    private var suggestions = SuggestionCache()

    /// An index with room for about `capacity` names.
    public init(capacity: Int = 0) {
        names.reserveCapacity(capacity)
        elements.reserveCapacity(capacity)
        slots = HashSlots(capacity: capacity)
    }

    /// The normalised form names are compared in. A name that is already in that form (ASCII
    /// without capitals or surrounding white space, as ids usually are) is returned as it is.
    public static func key(_ name: String) -> String {
        if name.hasVisibleASCIIEnds {
            let isKeyByte = { (b: UInt8) in b < 0x80 && !(0x41...0x5A).contains(b) }
            // Over the bytes in place (a native string's are), which is several times faster.
            if name.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(isKeyByte) }) ?? name.utf8.allSatisfy(isKeyByte) {
                return name
            }
            return name.lowercased()
        }
        return name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public mutating func add(_ name: String, _ index: Int) {
        let k = Self.key(name)
        guard !k.isEmpty else { return }
        var probe = slots.probe(k.hashValue)
        guard let existing = entry(k, &probe) else {
            guard slots.add(at: probe) != nil else { return }
            names.append(name)
            elements.append(Int32(index))
            // A cache shared with a copy of this index stays the copy's (no lock on this path:
            // a cache of our own notices by the name count that it is out of date).
            if !isKnownUniquelyReferenced(&suggestions) { suggestions = SuggestionCache() }
            return
        }
        let element = Int(elements[existing])
        if element >= 0 {
            guard element != index else { return }
            shared.append((existing, [element, index]))
            elements[existing] = Int32(-shared.count)
        } else if !shared[-element - 1].elements.contains(index) {
            shared[-element - 1].elements.append(index)
        }
    }

    /// The name whose key is `key`, walking `probe` (left where a new name would go).
    private func entry(_ key: String, _ probe: inout HashSlots.Probe) -> Int? {
        while let n = slots.next(&probe) {
            if Self.key(names[n]) == key { return n }
        }
        return nil
    }

    /// The elements a name refers to: none, one, or several when it is ambiguous.
    public func lookup(_ name: String) -> [Int] {
        let k = Self.key(name)
        guard !k.isEmpty else { return [] }
        var probe = slots.probe(k.hashValue)
        guard let found = entry(k, &probe) else { return [] }
        let element = Int(elements[found])
        return element >= 0 ? [element] : shared[-element - 1].elements
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
