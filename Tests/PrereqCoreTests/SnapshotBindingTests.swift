import Diagnostics
import PrereqCore
import Testing

/// A snapshot's names bound to the pack's features: by id or display name, with unknown,
/// ambiguous and repeated names reported in the order written. A big snapshot's names are
/// looked up on two threads; the answer is the one a single thread gives.
@Suite struct SnapshotBindingTests {
    @Test func aBigSnapshotsNamesBindInWrittenOrder() {
        let n = 24_000
        var pack = "prereq: 1\nfeatures:\n"
        for i in 0..<n {
            // Every thousandth pair of features shares a display name: that name is ambiguous.
            let name = i % 1000 == 7 || i % 1000 == 8 ? "Shared \(i / 1000)" : "Feature \(i)"
            pack += "  f\(i): {name: \(name)}\n"
        }
        var snapshot = header + "features:\n"
        var expectedFindings: [String] = []
        var expectedBound = Set<Int>()
        for i in 0..<n {
            if i % 500 == 3 {
                snapshot += "  nothing-\(i): on\n"
                expectedFindings.append("unknown-name nothing-\(i)")
            } else if i % 1000 == 7 {
                snapshot += "  Shared \(i / 1000): on\n"
                expectedFindings.append("ambiguous-name Shared \(i / 1000)")
            } else if i % 1000 == 8 {
                continue
            } else if i % 700 == 5 {
                // The same feature by id and by name: the second is a repeat.
                snapshot += "  f\(i): on\n  Feature \(i): off\n"
                expectedFindings.append("duplicate-entry f\(i)")
                expectedBound.insert(i)
            } else {
                snapshot += i.isMultiple(of: 2) ? "  f\(i): on\n" : "  Feature \(i): on\n"
                expectedBound.insert(i)
            }
        }
        let f = facts(pack: pack, snapshot: snapshot)
        let found = f.diagnostics.map { "\($0.code) \($0.subject ?? "")" }
        #expect(found == expectedFindings)
        let bound = Set((0..<n).filter { f.feature($0) != nil })
        #expect(bound == expectedBound)
        // Each bound feature is the entry that names it first (by id or by name).
        let wrong = (0..<n).filter { i in
            guard let entry = f.feature(i) else { return false }
            return entry.name.value != "f\(i)" && entry.name.value != "Feature \(i)" || (i % 700 == 5 && entry.name.value != "f\(i)")
        }
        #expect(wrong.isEmpty, "features bound to another entry: \(wrong.prefix(10))")
    }
}
