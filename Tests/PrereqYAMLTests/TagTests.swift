import Diagnostics
import PrereqYAML
import Testing

@Suite struct TagTests {
    private func value(_ text: String) throws -> YAMLNode {
        let file = loadYAML(text)
        #expect(!file.hasErrors, "\(file.diagnostics)")
        return try #require(file.documents.first?.root.entries.first?.value)
    }

    @Test func untaggedPlainScalarsResolveUnderTheCoreSchema() throws {
        #expect(try value("k: 123\n").value == .int(123))
        #expect(try value("k: 0x1F\n").value == .int(31))
        #expect(try value("k: 0o17\n").value == .int(15))
        #expect(try value("k: 1.5\n").value == .float(1.5))
        #expect(try value("k: true\n").value == .bool(true))
        #expect(try value("k: ~\n").value == YAMLScalarValue.null)
        #expect(try value("k: '123'\n").value == .string("123"))
        #expect(try value("k: yes\n").value == .string("yes"))
    }

    @Test func malformedRadixIntegersAreStrings() throws {
        #expect(try value("k: 0x-1\n").value == .string("0x-1"))
        #expect(try value("k: 0o+7\n").value == .string("0o+7"))
        #expect(try value("k: 0x\n").value == .string("0x"))
    }

    @Test func strTagMakesDigitsAString() throws {
        let node = try value("k: !!str 123\n")
        #expect(node.value == .string("123"))
        #expect(node.tag == "tag:yaml.org,2002:str")
    }

    @Test func intTagMakesAQuotedNumberAnInt() throws {
        #expect(try value("k: !!int \"12\"\n").value == .int(12))
        #expect(try value("k: !!float '2'\n").value == .float(2))
        #expect(try value("k: !!bool \"false\"\n").value == .bool(false))
        #expect(try value("k: !!null ''\n").value == YAMLScalarValue.null)
    }

    @Test func verbatimCoreTagIsTheSameAsTheShorthand() throws {
        #expect(try value("k: !<tag:yaml.org,2002:int> '7'\n").value == .int(7))
    }

    @Test func nonSpecificTagMakesAPlainScalarAString() throws {
        let file = loadYAML("k: ! 12\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.documents.first?.root.entries.first?.value.value == .string("12"))
    }

    @Test func intTagOnNonNumberIsATagMismatch() throws {
        let file = loadYAML("a: 1\nb: !!int abc\n")
        #expect(file.codes == ["yaml-tag-mismatch"])
        #expect(file.position(of: "yaml-tag-mismatch") == "2:4")
        #expect(file.documents.isEmpty)
        #expect(try #require(file.diagnostics.first).message.contains("!!int"))
    }

    @Test func collectionTagOnTheWrongKindIsATagMismatch() {
        #expect(loadYAML("k: !!map [a]\n").codes == ["yaml-tag-mismatch"])
        #expect(loadYAML("k: !!str {a: b}\n").codes == ["yaml-tag-mismatch"])
        #expect(loadYAML("k: !!seq x\n").codes == ["yaml-tag-mismatch"])
        #expect(loadYAML("k: !!seq [a]\nm: !!map {a: b}\n").diagnostics.isEmpty)
    }

    @Test func customTagIsAWarningAndIgnored() throws {
        let file = loadYAML("a: !foo 12\nb: !foo [x]\n")
        #expect(file.codes == ["yaml-unknown-tag", "yaml-unknown-tag"])
        #expect(file.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(file.position(of: "yaml-unknown-tag") == "1:4")
        #expect(!file.hasErrors)
        let entries = try #require(file.documents.first).root.entries
        #expect(entries[0].value.tag == "!foo")
        // Not acted on: the scalar reads as if untagged.
        #expect(entries[0].value.value == .int(12))
        #expect(entries[1].value.kind == .sequence)
    }

    @Test func secondaryHandleRedefinedByATagDirectiveIsUnknown() throws {
        // yaml-test-suite P76L: `!!int` here means tag:example.com,2000:app/int, not YAML's int.
        let file = loadYAML("%TAG !! tag:example.com,2000:app/\n---\n!!int 1 - 3 # Interval, not integer\n")
        #expect(file.codes == ["yaml-unknown-tag"])
        #expect(file.diagnostics.first?.severity == .warning)
        #expect(file.position(of: "yaml-unknown-tag") == "3:1")
        let root = try #require(file.documents.first).root
        #expect(root.tag == "tag:example.com,2000:app/int")
        #expect(root.value == .string("1 - 3"))
    }

    @Test func unsupportedYAMLTagsAreUnknown() {
        let file = loadYAML("a: !!binary aGVsbG8=\nb: !!set {x}\n")
        #expect(file.codes == ["yaml-unknown-tag", "yaml-unknown-tag"])
        #expect(!file.hasErrors)
    }
}
