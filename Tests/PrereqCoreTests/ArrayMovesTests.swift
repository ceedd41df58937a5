import PrereqBasics
import Testing

/// `append(movingFrom:)` gives what `+=` gives, and leaves the source empty.
@Suite struct ArrayMovesTests {
    /// An element that holds references, as definitions do.
    struct Element: Equatable {
        var name: String
        var parts: [String]
    }

    static func elements(_ count: Int, _ tag: String, _ random: inout SeededRandom) -> [Element] {
        (0..<count).map { i in
            Element(name: "\(tag)-\(i)-" + String(repeating: "x", count: random.below(30)), parts: (0..<random.below(3)).map { "\($0)" })
        }
    }

    @Test func agreesWithAppendingACopy() {
        for seed in UInt64(1)...40 {
            var random = SeededRandom(seed: seed)
            var target = Self.elements(random.below(6), "a", &random)
            // Sometimes an empty target with room reserved, which must keep its room.
            if random.chance(25) { target = []; target.reserveCapacity(random.below(20)) }
            let before = target
            var source = Self.elements(random.below(9), "b", &random)
            let moved = source
            target.append(movingFrom: &source)
            #expect(target == before + moved, "seed \(seed)")
            #expect(source.isEmpty, "seed \(seed)")
        }
    }

    @Test func anEmptyTargetTakesTheSourceWhole() {
        var target: [Element] = []
        var source = [Element(name: "a", parts: ["1"]), Element(name: "b", parts: [])]
        target.append(movingFrom: &source)
        #expect(target.map(\.name) == ["a", "b"] && source.isEmpty)
    }
}
