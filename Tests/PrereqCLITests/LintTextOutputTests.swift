import Foundation
import Testing

/// What `prereq lint` prints as text: each finding with its source line, and each related place
/// with its own line, read from the files as they are (also with a baseline and inline ignores).
@Suite struct LintTextOutputTests {
    static let pack = """
        prereq: 1
        features:
          a:
            requires:
              - b
              - c
          b:
            requires: [c]
          c: {}
        """

    @Test func aRelatedPlaceIsShownWithItsLineThoughNoFindingIsOnIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let pack = try scratch.file("p.yaml", Self.pack)
        let r = try PrereqBinary.run(["lint", "--fail-on", "error", pack])
        #expect(r.status == 0)
        let expected = """
            \(pack):6:9: note[redundant-requirement]: feature a requires c, which b already requires
             6 |       - c
               |         ^
            \(pack):5:9: note: b is required here
             5 |       - b
               |         ^
              help: you may drop the direct requirement; keep it only if you want it stated

            0 errors, 0 warnings, 1 note

            """
        #expect(r.stdout == expected)
    }

    @Test func withABaselineAndInlineIgnoresEveryLineShownIsTheFilesOwn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Two unused jobs: one accepted by a comment, one recorded in the baseline, one new.
        let text = """
            prereq: 1
            features:
              a: {}
            jobs:
              # prereq-ignore unused-job -- run by hand
              j1: {code: '1'}
              j2: {code: '2'}
              j3: {code: '3'}
            """
        let pack = try scratch.file("p.yaml", text)
        let baseline = try scratch.file("baseline.json", "")
        let write = try PrereqBinary.run(["lint", "--fail-on", "note", "--write-baseline", baseline, pack])
        #expect(write.status == 0)
        try Data((text + "\n  j4: {code: '4'}\n").utf8).write(to: URL(fileURLWithPath: pack))
        let r = try PrereqBinary.run(["lint", "--fail-on", "note", "--baseline", baseline, pack])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(pack):9:3: "))
        #expect(r.stdout.contains(" 9 |   j4: {code: '4'}\n"))
        #expect(!r.stdout.contains("j2"), "recorded in the baseline")
        #expect(!r.stdout.contains("j1"), "accepted inline")
    }
}
