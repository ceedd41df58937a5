import Foundation
import Testing

/// The validator itself, on small schemas: each keyword can fail.
@Suite struct ValidatorTests {
    func check(_ schemaJSON: String, _ yaml: String) throws -> [SchemaViolation] {
        let schema = try JSONSerialization.jsonObject(with: Data(schemaJSON.utf8))
        let (documents, errors) = instances(ofYAML: yaml)
        #expect(errors.isEmpty)
        return try JSONSchemaValidator(schema: schema).validate(try #require(documents.first))
    }

    @Test func typeDistinguishesIntegersNumbersAndBooleans() throws {
        let s = #"{"type": "integer"}"#
        #expect(try check(s, "3").isEmpty)
        #expect(try !check(s, "3.5").isEmpty)
        #expect(try !check(s, "true").isEmpty)
        #expect(try !check(s, "\"3\"").isEmpty)
        #expect(try check(#"{"type": "number"}"#, "3").isEmpty)
        #expect(try check(#"{"type": "boolean"}"#, "false").isEmpty)
        #expect(try !check(#"{"type": "boolean"}"#, "0").isEmpty)
    }

    @Test func enumAndConstCompareTypedValues() throws {
        #expect(try check(#"{"enum": [1, "a", true]}"#, "a").isEmpty)
        #expect(try !check(#"{"enum": [1, "a", true]}"#, "b").isEmpty)
        #expect(try !check(#"{"const": 1}"#, "true").isEmpty)
        #expect(try check(#"{"const": true}"#, "true").isEmpty)
    }

    @Test func oneOfNeedsExactlyOneMatch() throws {
        let s = #"{"oneOf": [{"type": "string"}, {"pattern": "^a"}]}"#
        #expect(try check(s, "3").count == 0)  // only the second: pattern ignores non-strings
        #expect(try !check(s, "abc").isEmpty)  // both match
    }

    @Test func anyOfNeedsOneMatch() throws {
        let s = #"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#
        #expect(try check(s, "~").isEmpty)
        #expect(try !check(s, "[]").isEmpty)
    }

    @Test func refsResolveIntoDefsAndDefinitions() throws {
        let s = ##"{"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/definitions/b"}}, "definitions": {"b": {"minimum": 2}}}"##
        #expect(try check(s, "2").isEmpty)
        #expect(try !check(s, "1").isEmpty)
    }

    @Test func unresolvableRefIsRefusedAtLoad() {
        #expect(throws: SchemaLoadError.self) {
            try JSONSchemaValidator(schema: ["$ref": "#/$defs/missing"])
        }
    }

    @Test func unsupportedKeywordIsRefusedAtLoad() {
        #expect(throws: SchemaLoadError.self) {
            try JSONSchemaValidator(schema: ["properties": ["a": ["multipleOf": 2]]])
        }
    }

    @Test func patternPropertiesAndAdditionalProperties() throws {
        let s = #"{"type": "object", "properties": {"a": {}}, "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}"#
        #expect(try check(s, "{a: 1, x-b: text}").isEmpty)
        #expect(try !check(s, "{x-b: 1}").isEmpty)
        let v = try check(s, "{a: 1, b: 2}")
        #expect(v.map(\.path) == ["b"])
    }

    @Test func additionalPropertiesAsSchema() throws {
        let s = #"{"additionalProperties": {"type": "integer"}}"#
        #expect(try check(s, "{a: 1}").isEmpty)
        #expect(try !check(s, "{a: x}").isEmpty)
    }

    @Test func itemsAndMinItems() throws {
        let s = #"{"type": "array", "minItems": 2, "items": {"type": "string"}}"#
        #expect(try check(s, "[a, b]").isEmpty)
        #expect(try !check(s, "[a]").isEmpty)
        let v = try check(s, "[a, 1]")
        #expect(v.map(\.path) == ["[1]"])
    }

    @Test func requiredAndMinimum() throws {
        let s = #"{"required": ["n"], "properties": {"n": {"minimum": 0}}}"#
        #expect(try check(s, "{n: 0}").isEmpty)
        #expect(try !check(s, "{n: -1}").isEmpty)
        #expect(try !check(s, "{m: 1}").isEmpty)
    }

    @Test func aliasesAreFollowed() throws {
        let s = #"{"properties": {"b": {"type": "array", "items": {"type": "string"}}}}"#
        #expect(try check(s, "a: &x [p, q]\nb: *x\n").isEmpty)
        #expect(try !check(s, "a: &x [1]\nb: *x\n").isEmpty)
    }
}
