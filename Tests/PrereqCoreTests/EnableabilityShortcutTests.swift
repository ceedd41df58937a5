import Diagnostics
import PrereqBasics
import PrereqModel
import Testing

@testable import PrereqGraph

/// The enableability search takes a feature whose `requires` is feature references under
/// all-of alone from its row of mandatory edges: over generated packs (unknown ids, repeated
/// ids, empty groups, any-of and `not` mixed in) that answers what walking the tree does.
@Suite struct EnableabilityShortcutTests {
    static let here = SourceLocation(file: "pack.yaml", line: 1, column: 1)

    static func reference(_ random: inout SeededRandom, features n: Int) -> Requirement {
        .feature(Located(random.chance(10) ? "missing-\(random.below(3))" : "f\(random.below(n))", at: here))
    }

    /// A tree of depth at most `depth`; all-of groups only when `plain`.
    static func tree(_ random: inout SeededRandom, depth: Int, features n: Int, plain: Bool) -> Requirement {
        if depth == 0 || random.chance(40) { return reference(&random, features: n) }
        let parts = (0..<random.below(4)).map { _ in tree(&random, depth: depth - 1, features: n, plain: plain) }
        if plain { return .allOf(parts, at: here) }
        switch random.below(3) {
        case 0: return .allOf(parts, at: here)
        case 1: return .anyOf(parts, at: here)
        default: return .not(parts.first ?? reference(&random, features: n), at: here)
        }
    }

    @Test func aTreeOfAllOfAndFeaturesHoldsExactlyWhenItsMandatoryRowDoes() {
        var shortcuts = 0, walks = 0
        for seed in 0..<300 {
            var random = SeededRandom(seed: UInt64(seed))
            let n = 30
            var pack = RulePack()
            pack.features = (0..<n).map { i in
                var feature = Feature(id: Located("f\(i)", at: Self.here), aliases: [], conflicts: [], alsoEnables: [], settings: [])
                if random.chance(85) { feature.requires = Self.tree(&random, depth: 3, features: n, plain: random.chance(60)) }
                return feature
            }
            let graph = RuleGraph(pack)
            let possible = (0..<n).map { _ in random.chance(70) }
            for f in 0..<n {
                guard let requires = pack.features[f].requires else {
                    #expect(!graph.requiresOnlyMandatory[f])
                    continue
                }
                guard graph.requiresOnlyMandatory[f] else {
                    walks += 1
                    continue
                }
                shortcuts += 1
                #expect(
                    graph.mandatory[f].allSatisfy { possible[$0] } == EnableabilityCheck.holds(requires, graph, possible),
                    "seed \(seed), feature f\(f)")
            }
        }
        // Both kinds of tree were met often.
        #expect(shortcuts > 1_000 && walks > 1_000, "\(shortcuts) shortcuts, \(walks) walks")
    }

    /// The form one walk finds is what the tree's definition says, for trees with groups,
    /// conditions and recommendations mixed in.
    @Test func theFormAWalkFindsIsTheTreesForm() {
        func namesOnlyFeatures(_ r: Requirement) -> Bool {
            switch r {
            case .feature: true
            case .allOf(let parts, _), .anyOf(let parts, _): parts.allSatisfy(namesOnlyFeatures)
            case .not(let part, _): namesOnlyFeatures(part)
            default: false
            }
        }
        func isAllOfFeatures(_ r: Requirement) -> Bool {
            switch r {
            case .feature: true
            case .allOf(let parts, _): parts.allSatisfy(isAllOfFeatures)
            default: false
            }
        }
        func tree(_ random: inout SeededRandom, depth: Int) -> Requirement {
            if depth == 0 || random.chance(30) { return Self.reference(&random, features: 10) }
            let parts = (0..<random.below(4)).map { _ in tree(&random, depth: depth - 1) }
            let first = parts.first ?? Self.reference(&random, features: 10)
            switch random.below(7) {
            case 0, 1: return .allOf(parts, at: Self.here)
            case 2: return .anyOf(parts, at: Self.here)
            case 3: return .not(first, at: Self.here)
            case 4: return .count(parts, min: 1, max: 1, at: Self.here)
            case 5: return .recommended(first, at: Self.here)
            default: return .when(first, then: tree(&random, depth: depth - 1), at: Self.here)
            }
        }
        var random = SeededRandom(seed: 7)
        var forms = Set<[Bool]>()
        for _ in 0..<2_000 {
            let r = tree(&random, depth: 4)
            var visited: [String] = []
            let form = r.forEachFeature { id, _ in visited.append(id.value) }
            #expect(form.namesOnlyFeatures == namesOnlyFeatures(r) && form.isAllOfFeatures == isAllOfFeatures(r))
            // The same references, in the same order, as the general walker finds.
            #expect(visited == r.collect { part -> String? in if case .feature(let id) = part { id.value } else { nil } })
            forms.insert([form.namesOnlyFeatures, form.isAllOfFeatures])
        }
        // Every form there is was met (a tree of all-of alone names only features).
        #expect(forms == [[true, true], [true, false], [false, false]])
    }

    @Test func anyOfAndNotAreNeverTakenAsMandatory() {
        let a = Requirement.feature(Located("a", at: Self.here))
        #expect(Requirement.allOf([a, .allOf([a], at: Self.here)], at: Self.here).isAllOfFeatures)
        // An empty any-of can never hold: it is no list of mandatory features.
        #expect(!Requirement.allOf([a, .anyOf([], at: Self.here)], at: Self.here).isAllOfFeatures)
        #expect(!Requirement.allOf([.not(a, at: Self.here)], at: Self.here).isAllOfFeatures)
    }
}
