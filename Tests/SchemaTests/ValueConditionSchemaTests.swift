import Foundation
import Testing

/// The rules schema takes conditions on values as the decoder does: one subject, one test
/// (`atLeast` with `atMost` is one range), and `allowedValues` on settings.
@Suite struct ValueConditionSchemaTests {
    func violations(_ requirement: String) throws -> [SchemaViolation] {
        let yaml = "prereq: 1\nfeatures:\n  a:\n    requires: [\(requirement)]\nsettings:\n  m: {type: string, allowedValues: [A, B]}\n"
        let (documents, errors) = instances(ofYAML: yaml)
        #expect(errors.isEmpty, "YAML errors: \(errors)")
        let document = try #require(documents.first)
        return try Schemas().rules.validate(document)
    }

    @Test func acceptsEveryForm() throws {
        for form in [
            "{feature: x, serving: \"true\"}", "{setting: m, equals: A}", "{setting: m, in: [A, B]}", "{setting: m, notIn: [A]}",
            "{setting: n, atLeast: 10}", "{setting: n, atMost: 5}", "{setting: n, atLeast: 1, atMost: 5}", "{setting: l, contains: X}",
            "{setting: l, order: [X, Y]}", "{anyOf: [{setting: m, equals: A}, b]}", "{not: {setting: m, equals: A}}",
        ] {
            #expect(try violations(form).isEmpty, "\(form)")
        }
    }

    @Test func rejectsWhatTheDecoderRejects() throws {
        for form in [
            "{setting: m}", "{setting: m, equals: A, in: [A]}", "{setting: n, atLeast: many}", "{setting: m, equals: A, atMost: 3}",
            "{feature: x, equals: A}", "{feature: x}", "{setting: m, in: []}", "{setting: m, equal: A}", "{setting: m, feature: x, equals: A}",
        ] {
            #expect(try !violations(form).isEmpty, "\(form)")
        }
    }
}
