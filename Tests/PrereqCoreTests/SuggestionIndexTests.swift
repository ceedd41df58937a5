import PrereqCore
import Testing

/// "Did you mean" over big candidate lists gives what a full scan gives.
@Suite struct SuggestionIndexTests {
    static let words = ["optimized", "batched", "deferred", "parallel", "incremental", "real-time", "asynchronous"]
    static let things = ["customer-creation", "price-calculation", "statement-posting", "return-processing", "gift-card-redemption"]

    /// 7 × 5 × 70 = 2,450 ids in the style of a big pack (above the scan limit).
    static let ids: [String] = words.flatMap { w in things.flatMap { t in (0..<70).map { "\(w)-\(t)-\($0 * 37)" } } }

    /// A deterministic typo: two neighbouring characters swapped, or one dropped.
    static func typo(_ id: String, _ n: Int) -> String {
        var chars = Array(id)
        let i = (n * 7919) % (chars.count - 1)
        if n % 2 == 0 { chars.swapAt(i, i + 1) } else { chars.remove(at: i) }
        return String(chars)
    }

    @Test func typosGetTheSameSuggestionAsAFullScan() {
        let index = SuggestionIndex(Self.ids)
        var agreed = 0
        for n in 0..<60 {
            let word = Self.typo(Self.ids[(n * 211) % Self.ids.count], n)
            let expected = Suggestions.closest(to: word, in: Self.ids)
            #expect(index.closest(to: word) == expected, "\(word)")
            if expected != nil { agreed += 1 }
        }
        #expect(agreed > 50)
    }

    @Test func wordsFarFromEveryCandidateGetNone() {
        let index = SuggestionIndex(Self.ids)
        #expect(index.closest(to: "zzzz-qqqq-wwww") == nil)
        #expect(index.closest(to: "") == nil)
        #expect(index.closest(to: "OPTIMIZED-CUSTOMER-CREATION-37") == "optimized-customer-creation-37")
    }

    @Test func smallListsAreScanned() {
        let index = SuggestionIndex(["enabled", "enabledAt"])
        #expect(index.closest(to: "enabeld") == "enabled")
        #expect(index.closest(to: "x") == nil)
    }
}
