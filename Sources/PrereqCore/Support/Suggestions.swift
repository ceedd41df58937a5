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
        let limit = max(2, target.count / 3)
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

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `; did you mean "x"?` or the empty string.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
