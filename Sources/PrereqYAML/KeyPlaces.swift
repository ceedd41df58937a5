import Foundation
import PrereqBasics

/// The keys met in a mapping and where each was first written, for finding duplicate keys.
protocol KeyPlaces {
    /// Where `value` was first written; nil when it is new, and then it is kept at `place`.
    mutating func firstPlace(of value: YAMLScalarValue, else place: (start: YAMLMark, end: YAMLMark)) -> (start: YAMLMark, end: YAMLMark)?
}

/// The keys met in a mapping, with where each was first written: a short list scanned while
/// few (nearly every mapping is small, and a scan is cheaper than hashing), a table past that.
struct SeenKeys: KeyPlaces {
    private static let listLimit = 12
    private var list: [(value: YAMLScalarValue, start: YAMLMark, end: YAMLMark)] = []
    private var table: [YAMLScalarValue: (start: YAMLMark, end: YAMLMark)] = [:]
    private var usesTable: Bool

    /// Keys for a mapping of `expected` entries (0 when not known: a section's pieces).
    init(expected: Int = 0) {
        usesTable = expected > Self.listLimit
        if usesTable { table.reserveCapacity(expected) }
    }

    /// Where `value` was first written; nil when it is new, and then it is kept at `place`.
    mutating func firstPlace(
        of value: YAMLScalarValue, else place: (start: YAMLMark, end: YAMLMark)
    ) -> (start: YAMLMark, end: YAMLMark)? {
        if !usesTable {
            if let earlier = list.first(where: { $0.value == value }) { return (earlier.start, earlier.end) }
            if list.count < Self.listLimit {
                list.append((value, place.start, place.end))
                return nil
            }
            usesTable = true
            for key in list { table[key.value] = (key.start, key.end) }
            list = []
        }
        if let earlier = table[value] { return earlier }
        table[value] = place
        return nil
    }
}

/// The keys of a section handed over in pieces: every key of a big mapping (a pack's features),
/// kept until the section ends. Text keys (nearly all) are kept as bytes in one buffer, found
/// through `HashSlots`, at about a third of the memory of a table of values; the others go to a
/// `SeenKeys`.
struct SectionKeys: KeyPlaces {
    private var others = SeenKeys()
    /// The UTF-8 of every text key, one after another; key `k` ends at `ends[k]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var places: [(start: YAMLMark, end: YAMLMark)] = []
    private var slots = HashSlots()

    mutating func firstPlace(
        of value: YAMLScalarValue, else place: (start: YAMLMark, end: YAMLMark)
    ) -> (start: YAMLMark, end: YAMLMark)? {
        guard case .string(var text) = value else { return others.firstPlace(of: value, else: place) }
        return text.withUTF8 { key in
            var probe = slots.probe(ByteHash.hash(UnsafeRawBufferPointer(key)))
            while let k = slots.next(&probe) {
                if equals(k, key) { return places[k] }
            }
            guard slots.add(at: probe) != nil else { return others.firstPlace(of: value, else: place) }
            bytes.append(contentsOf: key)
            ends.append(bytes.count)
            places.append(place)
            return nil
        }
    }

    private func equals(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = k == 0 ? 0 : ends[k - 1]
        guard ends[k] - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            guard let kept = all.baseAddress, let asked = key.baseAddress else { return key.isEmpty }
            return memcmp(kept + start, asked, key.count) == 0
        }
    }
}
