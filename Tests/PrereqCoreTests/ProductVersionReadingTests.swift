import Foundation
import PrereqBasics
import Testing

@testable import PrereqModel

/// Versions made of digits and dots are read byte by byte: over generated texts (digits, dots,
/// signs, white space of every kind, letters, long numbers, many parts) that reading gives
/// exactly what the general one gives, or leaves the text to it.
@Suite struct ProductVersionReadingTests {
    static func text(_ random: inout SeededRandom) -> String {
        let pieces = ["0", "7", "10", "38", "123456789", "1234567890", ".", ".", ".", "", "+", "-", " ", "\t", "\u{A0}", "a", "٣", "0x1"]
        return (0..<random.below(14)).map { _ in random.pick(pieces) }.joined()
    }

    @Test func theFastReadingAgreesWithTheGeneralOne() {
        var random = SeededRandom(seed: 0xBEEF)
        var read = 0
        for _ in 0..<20_000 {
            let text = Self.text(&random)
            let general = ProductVersion.numbers(text)
            if let fast = ProductVersion.plainNumbers(text) {
                #expect(fast == general, "\(text.debugDescription)")
                read += 1
            }
            #expect(ProductVersion(text)?.components == general, "\(text.debugDescription)")
        }
        #expect(read > 300, "the generated texts include plain versions")
    }

    @Test func plainVersionsAreRead() {
        #expect(ProductVersion("10.0.38")?.components == [10, 0, 38])
        #expect(ProductVersion("1.2.3.4.5.6")?.components == [1, 2, 3, 4, 5, 6])
        #expect(ProductVersion("1.2.3.4.5.6.7") == nil)
        #expect(ProductVersion("1234567890") == nil)
        #expect(ProductVersion(" 10.0 ")?.components == [10, 0])
        #expect(ProductVersion("10..0") == nil)
        #expect(ProductVersion("") == nil)
    }
}
