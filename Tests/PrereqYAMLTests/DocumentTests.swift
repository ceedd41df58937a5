import Diagnostics
import PrereqYAML
import Testing

@Suite struct DocumentTests {
    @Test func emptyFileHasNoDocumentsAndNoDiagnostics() {
        let file = loadYAML("")
        #expect(file.documents.isEmpty)
        #expect(file.diagnostics.isEmpty)
        #expect(!file.hasErrors)
    }

    @Test func emptyFileOnDiskHasNoDocuments() throws {
        let tmp = try TemporaryFile(bytes: [])
        defer { tmp.remove() }
        let file = YAMLLoader().load(path: tmp.path)
        #expect(file.documents.isEmpty)
        #expect(file.diagnostics.isEmpty)
    }

    @Test func commentsOnlyFileHasNoDocuments() {
        let file = loadYAML("# just a comment\n\n   # another\n")
        #expect(file.documents.isEmpty)
        #expect(file.diagnostics.isEmpty)
    }

    @Test func everyDocumentIsLoadedWithItsIndex() throws {
        let file = loadYAML("a: 1\n---\nb: 2\n--- # third\n- c\n...\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.documents.count == 3)
        #expect(file.documents.map(\.index) == [0, 1, 2])
        #expect(file.documents[0].root.entries.first?.key.scalarText == "a")
        #expect(file.documents[1].root.entries.first?.key.scalarText == "b")
        #expect(file.documents[1].root.location.line == 3)
        #expect(file.documents[2].root.kind == .sequence)
        #expect(file.documents[2].root.elements.first?.scalarText == "c")
        #expect(file.documents.allSatisfy { $0.file == "test.yaml" })
    }

    @Test func sameKeyInTwoDocumentsIsNotADuplicate() {
        let file = loadYAML("a: 1\n---\na: 2\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.documents.count == 2)
    }

    @Test func loneDocumentMarkerIsOneNullDocument() throws {
        for text in ["---\n", "---"] {
            let file = loadYAML(text)
            #expect(file.diagnostics.isEmpty)
            #expect(file.documents.count == 1)
            let root = try #require(file.documents.first).root
            #expect(root.kind == .scalar)
            #expect(root.isNull)
            #expect(root.value == .null)
        }
    }

    @Test func scalarsInLaterDocumentsKeepTheirOwnText() throws {
        // Each document owns its text; offsets must not leak across documents.
        let file = loadYAML("--- first\n--- second\n--- [third, fourth]\n")
        #expect(file.documents.map { $0.root.scalarText } == ["first", "second", nil])
        #expect(file.documents[2].root.elements.map(\.scalarText) == ["third", "fourth"])
    }

    @Test func errorInALaterDocumentDropsAllDocuments() {
        let file = loadYAML("a: 1\n---\nb: [\n")
        #expect(file.hasErrors)
        #expect(file.documents.isEmpty)
    }
}
