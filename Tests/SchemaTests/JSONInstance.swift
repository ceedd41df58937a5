import PrereqYAML

/// A YAML node seen as the JSON value a JSON Schema validates, with the line and column it was
/// written at (so a schema error points into the YAML file).
struct JSONInstance: Sendable {
    indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case number(Double)
        case string(String)
        case array([JSONInstance])
        /// Entries in written order; each key keeps its own position.
        case object([(key: String, keyLine: Int, keyColumn: Int, value: JSONInstance)])
    }

    var value: Value
    var line: Int
    var column: Int

    init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The node's value under YAML 1.2's core schema (as Prereq's loader reads it). Aliases are
    /// followed: the loader rejects recursive ones, so this terminates.
    init(_ node: YAMLNode) {
        let n = node.resolved
        line = node.line
        column = node.column
        switch n.kind {
        case .scalar:
            switch n.value {
            case .null?, nil: value = .null
            case .bool(let b)?: value = .bool(b)
            case .int(let i)?: value = .int(i)
            case .float(let d)?: value = .number(d)
            case .string(let s)?: value = .string(s)
            case .invalid(_, let text)?: value = .string(text)
            }
        case .sequence:
            value = .array(n.elements.map(JSONInstance.init))
        case .mapping:
            value = .object(
                n.entries.map { entry in
                    let key = entry.key.resolved
                    return (key.scalarText ?? "<\(key.kind) key>", entry.key.line, entry.key.column, JSONInstance(entry.value))
                })
        case .alias:
            // An alias whose anchor was undefined (the loader reported it).
            value = .null
        }
    }

    /// The JSON type name of the value (`integer` for whole numbers).
    var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .number(let d): d.rounded() == d && d.isFinite ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// A short rendering for messages.
    var summary: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .number(let d): return String(d)
        case .string(let s): return "\"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array(let a): return "a list of \(a.count)"
        case .object(let o): return "a mapping of \(o.count)"
        }
    }
}
