import Diagnostics
import Foundation
import PrereqYAML
import Testing

/// Keeps what a loader hands over: the prefixes sections began with, and the pieces.
final class RecordingSink: YAMLSectionSink, @unchecked Sendable {
    let sectionKeys: Set<String>
    let entriesPerPiece: Int
    private let lock = NSLock()
    private var storedPrefixes: [(key: String, prefix: YAMLDocument)] = []
    private var storedPieces: [(key: String, number: Int, piece: YAMLDocument)] = []
    private var storedAbandoned = false

    init(_ keys: Set<String> = ["features", "settings"], entriesPerPiece: Int = 2) {
        sectionKeys = keys
        self.entriesPerPiece = entriesPerPiece
    }

    func sectionBegins(_ key: String, document: Int, prefix: YAMLDocument) -> Bool {
        lock.withLock { storedPrefixes.append((key, prefix)) }
        return true
    }

    func take(_ piece: YAMLDocument, section key: String, document: Int, number: Int) {
        lock.withLock { storedPieces.append((key, number, piece)) }
    }

    func abandon() {
        lock.withLock {
            storedAbandoned = true
            storedPieces = []
        }
    }

    var prefixes: [(key: String, prefix: YAMLDocument)] { lock.withLock { storedPrefixes } }
    var pieces: [(key: String, number: Int, piece: YAMLDocument)] { lock.withLock { storedPieces } }
    var abandoned: Bool { lock.withLock { storedAbandoned } }
}

@Suite struct SectionSinkTests {
    private func keys(_ node: YAMLNode) -> [String] { node.entries.compactMap { $0.key.scalarText } }

    @Test func aSectionComesInPiecesOfItsEntriesAndTheTreeKeepsAnEmptyNodeForIt() throws {
        let text = "prereq: 1\nfeatures:\n  a: {name: A}\n  b: [x]\n  c: 1\n  d: ~\n  e: {requires: [a]}\nsettings: {s: 1}\njobs: {j: 1}\n"
        let sink = RecordingSink()
        let file = YAMLLoader().load(bytes: Array(text.utf8), file: "p.yaml", sections: sink)
        #expect(file.diagnostics.isEmpty)
        let root = try #require(file.documents.first?.root)
        #expect(keys(root) == ["prereq", "features", "settings", "jobs"])
        let features = root.entries[1].value
        #expect(features.isStreamed && features.kind == .mapping && features.count == 0)
        #expect(features.line == 3 && features.column == 3)
        #expect(root.entries[2].value.isStreamed)
        #expect(!root.entries[3].value.isStreamed && root.entries[3].value.count == 1)
        #expect(sink.pieces.map(\.key) == ["features", "features", "features", "settings"])
        #expect(sink.pieces.map(\.number) == [0, 1, 2, 0])
        #expect(sink.pieces.map { keys($0.piece.root) } == [["a", "b"], ["c", "d"], ["e"], ["s"]])
        // Each piece's nodes keep their places in the file.
        let e = sink.pieces[2].piece.root.entries[0]
        #expect(e.key.line == 7 && e.key.column == 3)
        #expect(e.value.entries.first?.value.elements.first?.scalarText == "a")
        #expect(sink.prefixes.map(\.key) == ["features", "settings"])
        #expect(sink.prefixes.map { keys($0.prefix.root) } == [["prereq"], ["prereq", "features"]])
        #expect(!sink.abandoned)
    }

    @Test func onlyMappingsAtTheRootAreHandedOver() throws {
        let text = "prereq: 1\nfeatures: ~\nother:\n  features: {a: 1}\n---\n- features: {a: 1}\n"
        let sink = RecordingSink()
        let file = YAMLLoader().load(bytes: Array(text.utf8), file: "p.yaml", sections: sink)
        #expect(file.diagnostics.isEmpty && file.documents.count == 2)
        #expect(sink.pieces.isEmpty && sink.prefixes.isEmpty)
    }

    @Test func anAliasAfterASectionReadsTheFileAgainWithWholeTrees() throws {
        let text = "prereq: 1\nfeatures:\n  a: &shared {name: A}\n  b: *shared\n  c: 1\n"
        let sink = RecordingSink()
        let file = YAMLLoader().load(bytes: Array(text.utf8), file: "p.yaml", sections: sink)
        let plain = YAMLLoader().load(bytes: Array(text.utf8), file: "p.yaml")
        #expect(sink.abandoned && sink.pieces.isEmpty)
        let features = try #require(file.documents.first?.root.entries[1].value)
        #expect(!features.isStreamed && features.count == 3)
        #expect(features.entries[1].value.resolved.entries.first?.value.scalarText == "A")
        #expect(file.documents.map(\.nodeCount) == plain.documents.map(\.nodeCount))
    }

    /// Whatever the text, the loader finds the same problems with and without a sink.
    @Test(arguments: [
        "features:\n  a: 1\n  b: 2\n  c: 3\n  a: 4\n",  // a duplicate key two pieces apart
        "features:\n  a: 1\n  'a': 2\n",  // in one piece
        "features:\n  a: 1\n  <<: {b: 2}\n",
        "features:\n  a: !!int x\n  b: !custom 1\n  c: !!seq y\n",
        "features:\n  a: {b: {c: {d: [[[[1]]]]}}}\n",  // too deep inside a piece
        "features:\n  a: 1\n  b: 2\n  c: [\n",  // a syntax error after a piece was handed over
        "features: {a: 1, b: 2, c: 3}\n",
        "features: {}\n",
        "features:\n  a: 1\n---\nfeatures:\n  a: 1\n  b: 2\n  b: 3\n",
        "a: &x 1\nfeatures:\n  a: *x\n",
        "features:\n  a: 1\nfeatures:\n  b: 2\n",
        "features:\n  ? [a, b]\n  : 1\n  c: 2\n",
    ])
    func theSameProblemsAreFoundWithAndWithoutASink(_ text: String) {
        let limits = YAMLLimits(maxFileBytes: YAMLLimits.default.maxFileBytes, maxDepth: 6)
        let plain = YAMLLoader(limits: limits).load(bytes: Array(text.utf8), file: "p.yaml")
        let streamed = YAMLLoader(limits: limits).load(bytes: Array(text.utf8), file: "p.yaml", sections: RecordingSink())
        #expect(
            Diagnostic.sortedForOutput(streamed.diagnostics) == Diagnostic.sortedForOutput(plain.diagnostics),
            "\(streamed.diagnostics) vs \(plain.diagnostics)")
        #expect(streamed.documents.count == plain.documents.count)
    }

    @Test func aDuplicateKeyInALaterPieceNamesWhereTheFirstWasWritten() throws {
        let text = "features:\n  a: 1\n  b: 2\n  c: 3\n  a: 4\n"
        let file = YAMLLoader().load(bytes: Array(text.utf8), file: "p.yaml", sections: RecordingSink())
        let d = try #require(file.diagnostics.first)
        #expect(d.code == "yaml-duplicate-key" && d.location?.line == 5)
        #expect(d.related.first?.location.line == 2)
        #expect(file.documents.isEmpty)
    }

    /// A section's keys of every kind, many met again pieces later: text keys are kept apart
    /// from the others, and a number is not the same key as its text.
    @Test func duplicatesAmongManyKeysOfEveryKindAreTheSameWithAndWithoutASink() {
        var vocabulary = ["\"\"", "''", "null", "~", "true", "True", "false", "17", "0x11", "'17'", "\"17\"", "1.0", "1.00", ".nan", ".inf"]
        vocabulary += ["clé-ü", "\"clé-ü\"", "'a b'", "a b", "\"\\u00e9\"", "é"]
        vocabulary += (0..<380).map { "feature-with-a-long-identifier-\($0)" }
        let text = "features:\n" + (0..<900).map { "  \(vocabulary[$0 * 7919 % vocabulary.count]): \($0)\n" }.joined()
        let plain = YAMLLoader().load(bytes: Array(text.utf8), file: "p.yaml")
        let streamed = YAMLLoader().load(bytes: Array(text.utf8), file: "p.yaml", sections: RecordingSink(entriesPerPiece: 7))
        let found = Diagnostic.sortedForOutput(plain.diagnostics)
        #expect(found.count > 400 && found.allSatisfy { $0.code == "yaml-duplicate-key" })
        #expect(Diagnostic.sortedForOutput(streamed.diagnostics) == found)
        #expect(streamed.diagnostics.map(\.related) == plain.diagnostics.map(\.related))
    }
}
