import Testing

import PrereqCore
@testable import PrereqBasics

/// "Did you mean" does bounded work per candidate, however long the names.
@Suite struct SuggestionBoundsTests {
    @Test func theBandedDistanceAgreesWithTheFullOneWithinTheLimit() {
        let pairs = [("kitten", "sitting", 3), ("flaw", "lawn", 2), ("abc", "abc", 0), ("", "ab", 2), ("abcdef", "azcdyf", 2)]
        for (a, b, d) in pairs {
            #expect(Suggestions.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 5) == d)
            #expect(Suggestions.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: d) == d)
            if d > 0 { #expect(Suggestions.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: d - 1) == d) }
        }
    }

    @Test(.timeLimit(.minutes(1))) func aVeryLongUnknownNameGetsAnAnswerQuickly() {
        let long = String(repeating: "feature-name-", count: 80_000)  // about 1 MiB
        var typo = long
        typo.removeLast()
        let candidates = [long, long.uppercased() + "x", String(long.reversed()), "short"]
        #expect(Suggestions.closest(to: typo, in: candidates) == long)
        #expect(Suggestions.closest(to: String(long.shuffled()), in: candidates) == nil)
    }

    @Test func aLongNameAllowsAtMostTheBoundedNumberOfEdits() {
        let name = String(repeating: "a", count: 300)
        let within = String(repeating: "a", count: 300 - Suggestions.maxEdits)
        let beyond = String(repeating: "a", count: 300 - Suggestions.maxEdits - 1)
        #expect(Suggestions.closest(to: within, in: [name]) == name)
        #expect(Suggestions.closest(to: beyond, in: [name]) == nil)
    }
}
