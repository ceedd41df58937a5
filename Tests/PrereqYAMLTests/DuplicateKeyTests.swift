import Diagnostics
import PrereqBasics
@testable import PrereqYAML
import Testing

@Suite struct DuplicateKeyTests {
    @Test func duplicateKeyNamesBothLocations() throws {
        let file = YAMLLoader().load(bytes: Array("a: 1\nb: 2\na: 3\n".utf8), file: "dup.yaml")
        #expect(file.hasErrors)
        let d = try #require(file.diagnostics.first)
        #expect(d.code == "yaml-duplicate-key")
        #expect(d.location?.line == 3 && d.location?.column == 1)
        #expect(d.related.first?.location.line == 1)
        #expect(file.documents.isEmpty)
    }

    @Test func quotedAndPlainKeysWithTheSameTextAreDuplicates() {
        let file = YAMLLoader().load(bytes: Array("a: 1\n'a': 2\n".utf8), file: "dup.yaml")
        #expect(file.diagnostics.map(\.code) == ["yaml-duplicate-key"])
    }

    @Test func intAndStringKeysDiffer() {
        let file = YAMLLoader().load(bytes: Array("1: x\n'1': y\n".utf8), file: "keys.yaml")
        #expect(file.diagnostics.isEmpty)
        #expect(file.documents.count == 1)
    }
}

@Suite struct DuplicateKeyEquivalenceTests {
    @Test func keysEqualUnderTheCoreSchemaAreDuplicates() {
        // 0x1 and 1 are the same int; ~ and null are both null.
        #expect(loadYAML("1: a\n0x1: b\n").codes == ["yaml-duplicate-key"])
        #expect(loadYAML("~: a\nnull: b\n").codes == ["yaml-duplicate-key"])
        #expect(loadYAML("true: a\nTrue: b\n").codes == ["yaml-duplicate-key"])
    }

    @Test func duplicateKeysInFlowAndNestedMappingsAreFound() {
        let file = loadYAML("outer:\n  inner: {k: 1, k: 2}\n")
        #expect(file.codes == ["yaml-duplicate-key"])
        #expect(file.position(of: "yaml-duplicate-key") == "2:17")
    }

    @Test func sameKeyInSiblingMappingsIsNotADuplicate() {
        let file = loadYAML("a: {k: 1}\nb: {k: 2}\n")
        #expect(file.diagnostics.isEmpty)
    }

    @Test func emptyKeysAreDuplicates() {
        // yaml-test-suite 2JQS: two empty keys; valid at the event level, but the same key twice.
        let file = loadYAML(": a\n: b\n")
        #expect(file.hasErrors)
    }

    @Test func aliasKeyEqualToAnotherKeyIsADuplicate() {
        let file = loadYAML("&k key: 1\n*k : 2\n")
        #expect(file.codes == ["yaml-duplicate-key"])
        #expect(file.position(of: "yaml-duplicate-key") == "2:1")
    }

    @Test func everyExtraRepeatIsReported() {
        let file = loadYAML("a: 1\na: 2\na: 3\n")
        #expect(file.codes == ["yaml-duplicate-key", "yaml-duplicate-key"])
        #expect(file.diagnostics.allSatisfy { $0.related.first?.location.line == 1 })
    }
}

/// Mappings of keys drawn from a pool of look-alikes (plain words that read as nulls, bools and
/// numbers, the same text quoted and tagged, canonically equal text in two spellings, merge
/// keys), in block and flow style: a key is reported as a duplicate exactly when its value under
/// the core schema equals an earlier key's, and each merge key is reported.
@Suite struct DuplicateKeyPropertyTests {
    /// Keys as written, with the style and tag they are read with.
    static let pool: [(written: String, text: String, style: ScalarStyle, tag: String?)] = [
        ("name", "name", .plain, nil), ("Name", "Name", .plain, nil), ("requires", "requires", .plain, nil),
        ("a", "a", .plain, nil), ("'a'", "a", .singleQuoted, nil), ("\"a\"", "a", .doubleQuoted, nil),
        ("null", "null", .plain, nil), ("Null", "Null", .plain, nil), ("~", "~", .plain, nil), ("nul", "nul", .plain, nil),
        ("'null'", "null", .singleQuoted, nil), ("true", "true", .plain, nil), ("TRUE", "TRUE", .plain, nil),
        ("tru", "tru", .plain, nil), ("false", "false", .plain, nil), ("falsey", "falsey", .plain, nil),
        ("1", "1", .plain, nil), ("01", "01", .plain, nil), ("0x1", "0x1", .plain, nil), ("'1'", "1", .singleQuoted, nil),
        ("+1", "+1", .plain, nil), (".5", ".5", .plain, nil), ("0.5", "0.5", .plain, nil),
        ("!!str name", "name", .plain, YAMLScalarValue.corePrefix + "str"), ("!!str 1", "1", .plain, YAMLScalarValue.corePrefix + "str"),
        ("é", "é", .plain, nil), ("\"e\\u0301\"", "e\u{0301}", .doubleQuoted, nil), ("<<", "<<", .plain, nil),
        ("'<<'", "<<", .singleQuoted, nil),
    ]

    @Test func duplicatesAreReportedExactlyWhenTheValuesAreEqual() {
        var generator = SeededRandom(state: 7)
        var failures: [String] = []
        for _ in 0..<400 {
            let count = 1 + generator.below(9)
            let keys = (0..<count).map { _ in generator.pick(Self.pool) }
            var expectedDuplicates = 0
            var expectedMerges = 0
            var seen: [YAMLScalarValue] = []
            for key in keys {
                if key.written == "<<" {
                    expectedMerges += 1
                    continue
                }
                let value = YAMLScalarValue.resolve(key.text, style: key.style, tag: key.tag)
                if seen.contains(value) { expectedDuplicates += 1 } else { seen.append(value) }
            }
            let block = keys.enumerated().map { "\($0.element.written): \($0.offset)\n" }.joined()
            let flow = "m: {" + keys.enumerated().map { "\($0.element.written): \($0.offset)" }.joined(separator: ", ") + "}\n"
            for text in [block, flow] {
                let codes = loadYAML(text).codes
                let duplicates = codes.filter { $0 == "yaml-duplicate-key" }.count
                let merges = codes.filter { $0 == "yaml-merge-key" }.count
                if duplicates != expectedDuplicates || merges != expectedMerges {
                    failures.append("\(text.debugDescription): \(codes), expected \(expectedDuplicates) duplicates, \(expectedMerges) merge keys")
                }
            }
            if failures.count >= 3 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
