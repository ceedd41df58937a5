

/// "Did you mean" over many candidates (the ids or names of a big pack), asked many times (a
/// snapshot from a newer product may name a thousand features the pack does not know).
/// Measuring the edit distance to every candidate costs tens of milliseconds per question at
/// 100,000 candidates, so the candidates are prepared once: lowercased, and indexed by the
/// three-character pieces ("trigrams") they contain. A question measures only the candidates
/// that share the most trigrams with it (a typo changes few of them); small candidate lists are
/// simply scanned.
public struct SuggestionIndex: Sendable {
    /// Below this many candidates a scan is cheap enough.
    static let scanLimit = 2_000
    /// How many of the best-sharing candidates a question measures.
    static let shortlist = 64

    private let candidates: [String]
    private let lowered: [[Unicode.Scalar]]
    /// Each distinct trigram (three scalars packed in 63 bits) to its row in `postings`.
    private let trigramRows: [UInt64: Int32]
    /// Row `r`'s candidates are `postings[rowStarts[r]..<rowStarts[r + 1]]`, in increasing order.
    private let rowStarts: [Int32]
    private let postings: [Int32]

    public init<S: Sequence>(_ candidates: S) where S.Element == String {
        self.candidates = Array(candidates)
        lowered = self.candidates.map { Array($0.lowercased().unicodeScalars) }
        var rows: [UInt64: Int32] = [:]
        var rowOf: [Int32] = []  // per occurrence (candidate, distinct trigram), in candidate order
        var ownerOf: [Int32] = []
        if self.candidates.count >= Self.scanLimit {
            for (i, word) in lowered.enumerated() {
                for t in Self.trigrams(word) {
                    let row: Int32
                    if let r = rows[t] {
                        row = r
                    } else {
                        row = Int32(rows.count)
                        rows[t] = row
                    }
                    rowOf.append(row)
                    ownerOf.append(Int32(i))
                }
            }
        }
        // Counting sort of the occurrences by row: candidates stay in increasing order.
        var starts = [Int32](repeating: 0, count: rows.count + 1)
        for r in rowOf { starts[Int(r) + 1] += 1 }
        for r in 0..<rows.count { starts[r + 1] += starts[r] }
        var fill = starts
        var postings = [Int32](repeating: 0, count: rowOf.count)
        for (k, r) in rowOf.enumerated() {
            postings[Int(fill[Int(r)])] = ownerOf[k]
            fill[Int(r)] += 1
        }
        trigramRows = rows
        rowStarts = starts
        self.postings = postings
    }

    /// The candidate closest to `word`, if it is close enough to be a likely typo (the rules of
    /// `Suggestions.closest`).
    public func closest(to word: String) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard candidates.count >= Self.scanLimit else {
            return Suggestions.best(for: target, among: candidates.indices, lowered: lowered, names: candidates)
        }
        // How many trigrams each candidate shares with the word, and how many candidates
        // share each number, to find the shortlist without sorting them all.
        let pieces = Self.trigrams(target)
        var shared = [UInt16](repeating: 0, count: candidates.count)
        var touched: [Int32] = []
        for t in pieces {
            guard let row = trigramRows[t] else { continue }
            for k in Int(rowStarts[Int(row)])..<Int(rowStarts[Int(row) + 1]) {
                let c = postings[k]
                if shared[Int(c)] == 0 { touched.append(c) }
                shared[Int(c)] += 1
            }
        }
        var howMany = [Int](repeating: 0, count: pieces.count + 1)
        for c in touched { howMany[Int(shared[Int(c)])] += 1 }
        var threshold = pieces.count, taken = howMany[threshold]
        while threshold > 1 && taken < Self.shortlist {
            threshold -= 1
            taken += howMany[threshold]
        }
        touched.sort()
        var shortlist = touched.filter { Int(shared[Int($0)]) > threshold }.map { Int($0) }
        for c in touched where Int(shared[Int(c)]) == threshold && shortlist.count < Self.shortlist { shortlist.append(Int(c)) }
        return Suggestions.best(for: target, among: shortlist, lowered: lowered, names: candidates)
    }

    /// The distinct trigrams of a word, each packed in a number, with the word's ends marked
    /// so that short words have some.
    private static func trigrams(_ word: [Unicode.Scalar]) -> [UInt64] {
        let padded = [2] + word.map { UInt64($0.value) } + [3]
        guard padded.count >= 3 else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(padded.count - 2)
        for i in 0..<(padded.count - 2) { out.append(padded[i] << 42 | padded[i + 1] << 21 | padded[i + 2]) }
        out.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(out.count)
        for t in out where unique.last != t { unique.append(t) }
        return unique
    }
}
