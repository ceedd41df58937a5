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

    /// The hash of `key(name)`; nil when the key is empty. Keys Swift counts as equal hash
    /// equal: a key that is ASCII, or canonically equivalent to ASCII text, is hashed by those
    /// bytes (for a name of visible ASCII, the usual case, without the key being built);
    /// any other by `Hasher`, which hashes the canonical form.
    static func keyHash(_ name: String) -> Int? {
        if name.hasVisibleASCIIEnds, let hash = foldedASCIIHash(name) { return hash }
        let key = key(name)
        guard !key.isEmpty else { return nil }
        // A key already ASCII (a name with surrounding space) is hashed as it is, not copied first.
        if let hash = foldedASCIIHash(key) ?? CanonicalASCII.equivalent(key).flatMap(foldedASCIIHash) { return hash }
        return key.hashValue
    }

    /// Whether two names have the same key; names of visible ASCII are compared by their bytes
    /// with capitals folded, without their keys being built.
    static func sameKey(_ a: String, _ b: String) -> Bool {
        if a.hasVisibleASCIIEnds, b.hasVisibleASCIIEnds, let equal = foldedASCIIEqual(a, b) { return equal }
        return key(a) == key(b)
    }

    /// The hash of an ASCII text with capitals folded; nil when it is not ASCII.
    private static func foldedASCIIHash(_ text: String) -> Int? {
        let hash = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { folded -> Int? in
                guard let from = bytes.baseAddress, let to = folded.baseAddress else { return nil }
                var i = 0
                while i + 8 <= bytes.count {
                    guard let word = foldedWord(from + i) else { return nil }
                    UnsafeMutableRawPointer(to + i).storeBytes(of: word, as: UInt64.self)
                    i += 8
                }
                while i < bytes.count {
                    guard from[i] < 0x80 else { return nil }
                    to[i] = fold(from[i])
                    i += 1
                }
                return ByteHash.hash(UnsafeRawBufferPointer(folded))
            }
        }
        return hash ?? nil
    }

    /// Whether two ASCII texts are equal with capitals folded; nil when either is not ASCII.
    private static func foldedASCIIEqual(_ a: String, _ b: String) -> Bool? {
        let equal = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool? in
                guard let p = x.baseAddress, let q = y.baseAddress else { return nil }
                // Texts of different lengths may still be equal if one is not ASCII.
                guard x.count == y.count else { return x.allSatisfy { $0 < 0x80 } && y.allSatisfy { $0 < 0x80 } ? false : nil }
                var equal = true
                var i = 0
                while i + 8 <= x.count {
                    guard let a = foldedWord(p + i), let b = foldedWord(q + i) else { return nil }
                    equal = equal && a == b
                    i += 8
                }
                while i < x.count {
                    guard p[i] < 0x80, q[i] < 0x80 else { return nil }
                    equal = equal && fold(p[i]) == fold(q[i])
                    i += 1
                }
                return equal
            }
        }
        return (equal ?? nil) ?? nil
    }

    /// The eight bytes at `at` with capitals folded; nil when one is not ASCII. A byte of ASCII
    /// is a capital when adding 0x3F carries into its top bit and adding 0x25 does not; its
    /// 0x20 bit is then set.
    @inline(__always) private static func foldedWord(_ at: UnsafePointer<UInt8>) -> UInt64? {
        let high: UInt64 = 0x8080_8080_8080_8080
        let word = UnsafeRawPointer(at).loadUnaligned(as: UInt64.self)
        guard word & high == 0 else { return nil }
        return word | ((word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & high) >> 2
    }

    /// An ASCII capital as its small letter; any other byte as it is.
    @inline(__always) private static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    public mutating func add(_ name: String, _ index: Int) {
        guard let hash = Self.keyHash(name) else { return }
        var probe = slots.probe(hash)
        guard let existing = entry(name, &probe) else {
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

    /// The name with the same key as `name`, walking `probe` (left where a new name would go).
    private func entry(_ name: String, _ probe: inout HashSlots.Probe) -> Int? {
        while let n = slots.next(&probe) {
            if Self.sameKey(names[n], name) { return n }
        }
        return nil
    }

    /// The elements a name refers to: none, one, or several when it is ambiguous.
    public func lookup(_ name: String) -> [Int] {
        guard let element = storedElement(name) else { return [] }
        return element >= 0 ? [Int(element)] : shared[Int(-element - 1)].elements
    }

    /// What `lookup` finds, without building a list.
    public func match(_ name: String) -> Match {
        guard let element = storedElement(name) else { return .none }
        return element >= 0 ? .one(Int(element)) : .several
    }

    /// What a name refers to.
    public enum Match: Sendable, Equatable {
        case none, one(Int), several
    }

    /// The entry of `elements` for the name with `name`'s key: an element, or minus one more
    /// than its place in `shared`.
    private func storedElement(_ name: String) -> Int32? {
        guard let hash = Self.keyHash(name) else { return nil }
        var probe = slots.probe(hash)
        return entry(name, &probe).map { elements[$0] }
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
