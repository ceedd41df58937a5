

/// "Did you mean" suggestions: the closest candidate by edit distance, ignoring case.
public enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    /// (For many questions over the same big list, `SuggestionIndex` answers much faster.)
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let names = Array(candidates)
        return best(
            for: Array(word.lowercased().unicodeScalars), among: names.indices,
            lowered: names.map { Array($0.lowercased().unicodeScalars) }, names: names)
    }

    /// The closest of the candidates at `positions` (with their lowercased scalars in
    /// `lowered`): within a third of the word's length, and not a replacement of the whole word
    /// ("c" is no typo of "a"); ties go to the name first in alphabetical order.
    static func best<P: Sequence>(
        for target: [Unicode.Scalar], among positions: P, lowered: [[Unicode.Scalar]], names: [String]
    ) -> String? where P.Element == Int {
        let limit = min(max(2, target.count / 3), maxEdits)
        var best: (String, Int)?
        for i in positions {
            let c = lowered[i]
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c, limit: best.map { min($0.1, limit) } ?? limit)
            guard d <= limit, d < target.count else { continue }
            if let (name, score) = best, score < d || (score == d && name <= names[i]) { continue }
            best = (names[i], d)
        }
        return best?.0
    }

    /// The most edits a suggestion may be away from the word, whatever its length: a typo is a
    /// few edits, and the bound keeps the work per candidate linear in the word's length.
    static let maxEdits = 16

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    /// Only the cells within `limit` of the diagonal are computed (a path through any other
    /// cell costs more than `limit`), so the work is about `a.count × (2 × limit + 1)`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let outside = limit + 1
        var previous = (0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMin = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, outside)
                    rowMin = min(rowMin, current[j])
                }
            }
            if high < b.count { current[high + 1] = outside }
            if rowMin > limit { return outside }
            swap(&previous, &current)
        }
        return min(previous[b.count], outside)
    }

    /// `; did you mean "x"?` or the empty string.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
