import Foundation
import Testing

@testable import PrereqYAML

/// Big files are mapped rather than read, and the pages the parse has passed are let go; a page
/// let go and looked at again (the spec checks look back, an error's place is counted after the
/// parse) is read again from the file. These tests map every file and let go of pages as soon
/// as possible, and hold the results to those of the same bytes loaded from memory.
@Suite struct MappedReadingTests {
    static func mappedAndInMemory(_ bytes: [UInt8]) throws -> (mapped: String, inMemory: String) {
        let file = try TemporaryFile(bytes: bytes)
        defer { file.remove() }
        var mapping = YAMLLoader()
        mapping.mappingThreshold = 1
        mapping.releaseDistance = 1
        var inMemory = YAMLLoader()
        inMemory.pipelineThreshold = mapping.pipelineThreshold
        return (
            PipelinedReaderTests.observable(mapping.load(path: file.path)),
            PipelinedReaderTests.observable(inMemory.load(bytes: bytes, file: file.path))
        )
    }

    @Test func everySuiteCaseLoadsTheSameMapped() throws {
        let cases = try YAMLTestSuiteTests.cases()
        try #require(cases.count == 402)
        for c in cases {
            let (mapped, inMemory) = try Self.mappedAndInMemory(try [UInt8](Data(contentsOf: URL(fileURLWithPath: c.path))))
            #expect(mapped == inMemory, "\(c.id) differs")
        }
    }

    /// Several pages of text in more than one byte per code point, then a problem at the end.
    static func bigText(ending: String) -> [UInt8] {
        var text = "# ação 😀\n"
        for i in 0..<3_000 { text += "clé-\(i): {name: \"Fonctionnalité \(i) — ✓\", list: [a, 'b']}\n" }
        return Array((text + ending).utf8)
    }

    @Test func problemsFoundLateInABigMappedFileAreTheSame() throws {
        for (ending, problem) in [("late: \"value\"# not a comment\n", true), ("late: [unclosed\n", true), ("ok: true\n", false)] {
            let (mapped, inMemory) = try Self.mappedAndInMemory(Self.bigText(ending: ending))
            #expect(mapped == inMemory, "ending \(ending)")
            #expect(mapped.contains("error yaml-syntax") == problem, "ending \(ending)")
            #expect(!problem || mapped.contains(".yaml:3002:") || mapped.contains(".yaml:3003:"), "ending \(ending)")
        }
    }

    @Test func anEncodingErrorLateInABigMappedFileIsPlacedTheSame() throws {
        let bytes = Self.bigText(ending: "bad: ") + [0xFF, 0x0A]
        let (mapped, inMemory) = try Self.mappedAndInMemory(bytes)
        #expect(mapped == inMemory)
        #expect(mapped.contains("error yaml-encoding") && mapped.contains(".yaml:3002:6"))
    }

    @Test func aByteOrderMarkBeforeABigMappedFileIsTheSame() throws {
        let (mapped, inMemory) = try Self.mappedAndInMemory([0xEF, 0xBB, 0xBF] + Self.bigText(ending: "x: \"v\"# c\n"))
        #expect(mapped == inMemory)
        #expect(mapped.contains("error yaml-syntax") && mapped.contains(".yaml:3002:7"))
    }

    /// A byte order mark is not counted in marks: a check at the very first mark looks past it.
    @Test(arguments: ["|#c\n  text\n", "\"a\"# c\n", "[a]# c\n"])
    func aProblemAtTheFirstMarkIsFoundAfterAByteOrderMark(_ text: String) throws {
        let plain = PipelinedReaderTests.observable(YAMLLoader().load(bytes: Array(text.utf8), file: "f.yaml"))
        let marked = PipelinedReaderTests.observable(YAMLLoader().load(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "f.yaml"))
        #expect(plain.contains("error yaml-syntax"))
        #expect(marked == plain)
    }
}
