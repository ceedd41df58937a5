import Diagnostics
import Testing

import PrereqCore
@testable import PrereqGraph

/// A long `requires` cycle is one finding, found in time linear in the pack.
@Suite struct LongCycleLintTests {
    @Test func aLongCycleIsOneFindingNamingEveryFeatureInOrder() {
        let n = 3_000
        var yaml = "prereq: 1\nfeatures:\n"
        for i in 0..<n { yaml += "  f\(i): {requires: [f\((i + 1) % n)]}\n" }
        let findings = lint(yaml)
        #expect(findings.map(\.code) == ["requires-cycle"])
        let cycle = findings[0]
        #expect(cycle.related.count == n - 1)
        #expect(cycle.message.contains("f0 → f1 → f2 → "))
        #expect(cycle.message.contains("f\(n - 1) → f0"))
        #expect(cycle.location?.line == n + 2)  // the reference in the last feature, back to f0
    }

    @Test func cycleMembershipFollowsCrossEdgesAndSelfLoops() {
        // 0→1, 0→2, 1→0, 2→1: all three on a cycle (2 only through the cross edge to 1);
        // 3→0 is behind the cycle; 4→4 is a cycle of its own; 5 is alone.
        let edges = Adjacency(rows: [[1, 2], [0], [1], [0], [4], []])
        #expect(CycleMembership.onCycle(nodeCount: 6, edges: edges) == [true, true, true, false, true, false])
    }
}
