import Testing

/// The JSON Prereq writes, checked against its schema in `schemas/prereq-NAME-output.schema.json`.
/// A test produces a real output (through the library or the built command), then calls
/// `expectValid(json, against: "why")`; every violation becomes a test failure naming its place.
enum OutputSchemas {
    static func path(_ name: String) -> String { Package.path("schemas/prereq-\(name)-output.schema.json") }

    /// The violations of `json` under the named output schema (empty when it is valid).
    static func violations(_ json: String, against name: String) throws -> [SchemaViolation] {
        let (documents, errors) = instances(ofYAML: json, file: "\(name)-output.json")
        guard errors.isEmpty, let document = documents.first else {
            return [SchemaViolation(path: "", line: 0, column: 0, message: "not JSON: \(errors.joined(separator: "; "))")]
        }
        return try JSONSchemaValidator(path: path(name)).validate(document)
    }

    /// Records a test failure for each violation, with the output's start for context.
    static func expectValid(_ json: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try violations(json, against: name)
        #expect(found.isEmpty, "\(name) output breaks its schema:\n\(found.map(\.description).joined(separator: "\n"))\n\(json.prefix(600))", sourceLocation: sourceLocation)
    }
}
