import Foundation

/// A small JSON Schema validator for the SARIF 2.1.0 schema (draft-04): `$ref` to local
/// pointers, type, enum, pattern, properties, additionalProperties, required, items, minItems,
/// maxItems, minimum, maximum, uniqueItems, oneOf, anyOf, allOf, not, and `format` for `uri`,
/// `uri-reference` and `date-time`. Annotations (id, title, description, default, …) are
/// ignored; any other keyword makes loading fail, so no rule is ever skipped silently.
/// Schema and document are both what `JSONSerialization` returns.
struct JSONSchemaCheck {
    static let assertions: Set<String> = [
        "$ref", "type", "enum", "pattern", "properties", "additionalProperties", "required", "items", "minItems", "maxItems",
        "minimum", "maximum", "uniqueItems", "oneOf", "anyOf", "allOf", "not", "format",
    ]
    static let annotations: Set<String> = ["$schema", "id", "$id", "title", "description", "default", "definitions"]

    struct Unsupported: Error, CustomStringConvertible {
        var keywords: [String]
        var description: String { "schema keywords this validator does not implement: \(keywords.joined(separator: ", "))" }
    }

    let root: [String: Any]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Unsupported(keywords: ["(not an object)"])
        }
        root = object
        var unknown: Set<String> = []
        Self.collectUnknown(object, into: &unknown)
        if !unknown.isEmpty { throw Unsupported(keywords: unknown.sorted()) }
    }

    private static func collectUnknown(_ schema: Any, into out: inout Set<String>) {
        guard let s = schema as? [String: Any] else { return }
        for (key, value) in s {
            switch key {
            case "properties", "definitions":
                for sub in (value as? [String: Any] ?? [:]).values { collectUnknown(sub, into: &out) }
            case "items", "additionalProperties", "not":
                collectUnknown(value, into: &out)
            case "oneOf", "anyOf", "allOf":
                for sub in value as? [Any] ?? [] { collectUnknown(sub, into: &out) }
            default:
                if !assertions.contains(key) && !annotations.contains(key) { out.insert(key) }
            }
        }
    }

    /// Every violation as `path: message`; empty when the document matches.
    func validate(_ document: Any) -> [String] {
        var out: [String] = []
        validate(document, root, "$", &out)
        return out
    }

    private func resolve(_ ref: String) -> Any? {
        guard ref.hasPrefix("#") else { return nil }
        var node: Any = root
        for token in ref.dropFirst().split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(token)] else { return nil }
            node = next
        }
        return node
    }

    private func validate(_ value: Any, _ schemaAny: Any, _ path: String, _ out: inout [String]) {
        guard let s = schemaAny as? [String: Any] else { return }
        if let ref = s["$ref"] as? String {
            guard let target = resolve(ref) else {
                out.append("\(path): cannot resolve \(ref)")
                return
            }
            validate(value, target, path, &out)
        }
        if let t = s["type"] {
            let allowed = (t as? [String]) ?? [(t as? String) ?? ""]
            let actual = Self.typeName(value)
            if !allowed.contains(where: { $0 == actual || ($0 == "number" && actual == "integer") }) {
                out.append("\(path): expected \(allowed.joined(separator: "|")), found \(actual)")
                return
            }
        }
        if let options = s["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            out.append("\(path): \(value) is not one of \(options)")
        }
        if let text = value as? String {
            if let p = s["pattern"] as? String, text.range(of: p, options: .regularExpression) == nil {
                out.append("\(path): \"\(text)\" does not match \(p)")
            }
            if let f = s["format"] as? String, !Self.matchesFormat(text, f) {
                out.append("\(path): \"\(text)\" is not a valid \(f)")
            }
        }
        if let x = Self.number(value) {
            if let m = s["minimum"].flatMap(Self.number), x < m { out.append("\(path): \(x) < minimum \(m)") }
            if let m = s["maximum"].flatMap(Self.number), x > m { out.append("\(path): \(x) > maximum \(m)") }
        }
        if let items = value as? [Any] {
            if let m = s["minItems"].flatMap(Self.number), Double(items.count) < m { out.append("\(path): fewer than \(m) items") }
            if let m = s["maxItems"].flatMap(Self.number), Double(items.count) > m { out.append("\(path): more than \(m) items") }
            if Self.bool(s["uniqueItems"] ?? false) == true {
                for i in items.indices {
                    for j in items.indices where j > i && Self.equal(items[i], items[j]) {
                        out.append("\(path): items \(i) and \(j) are equal but must be unique")
                    }
                }
            }
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() { validate(item, itemSchema, "\(path)[\(i)]", &out) }
            }
        }
        if let object = value as? [String: Any] {
            let properties = s["properties"] as? [String: Any] ?? [:]
            for name in s["required"] as? [String] ?? [] where object[name] == nil {
                out.append("\(path): missing required \"\(name)\"")
            }
            for key in object.keys.sorted() {
                let child = object[key]!
                if let sub = properties[key] {
                    validate(child, sub, "\(path).\(key)", &out)
                } else if let additional = s["additionalProperties"] {
                    if Self.bool(additional) == false {
                        out.append("\(path): unknown property \"\(key)\"")
                    } else if additional is [String: Any] {
                        validate(child, additional, "\(path).\(key)", &out)
                    }
                }
            }
        }
        if let all = s["allOf"] as? [Any] {
            for sub in all { validate(value, sub, path, &out) }
        }
        if let any = s["anyOf"] as? [Any] {
            let passing = any.filter { sub in
                var e: [String] = []
                validate(value, sub, path, &e)
                return e.isEmpty
            }
            if passing.isEmpty { out.append("\(path): matches none of anyOf") }
        }
        if let one = s["oneOf"] as? [Any] {
            let passing = one.filter { sub in
                var e: [String] = []
                validate(value, sub, path, &e)
                return e.isEmpty
            }.count
            if passing != 1 { out.append("\(path): matches \(passing) of oneOf, exactly one required") }
        }
        if let not = s["not"] {
            var e: [String] = []
            validate(value, not, path, &e)
            if e.isEmpty { out.append("\(path): matches a forbidden form") }
        }
    }

    // MARK: - Values

    static func matchesFormat(_ text: String, _ format: String) -> Bool {
        switch format {
        case "uri":
            return text.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#, options: .regularExpression) != nil
        case "uri-reference":
            return text.range(of: #"^[^\s<>"{}|\\^`]*$"#, options: .regularExpression) != nil
                && text.range(of: #"%(?![0-9A-Fa-f]{2})"#, options: .regularExpression) == nil
        case "date-time":
            return text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
        default:
            return true
        }
    }

    static func bool(_ any: Any) -> Bool? {
        guard let n = any as? NSNumber else { return any as? Bool }
        let t = String(cString: n.objCType)
        return t == "c" || t == "B" ? n.boolValue : nil
    }

    static func number(_ any: Any) -> Double? {
        guard bool(any) == nil, let n = any as? NSNumber else { return nil }
        return n.doubleValue
    }

    static func typeName(_ any: Any) -> String {
        if any is NSNull { return "null" }
        if bool(any) != nil { return "boolean" }
        if let d = number(any) { return d.rounded() == d ? "integer" : "number" }
        if any is String { return "string" }
        if any is [Any] { return "array" }
        if any is [String: Any] { return "object" }
        return "unknown"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let x = bool(a) { return bool(b) == x }
        if let x = number(a) { return number(b) == x }
        if let x = a as? String { return (b as? String) == x }
        if let x = a as? [Any], let y = b as? [Any] { return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) } }
        if let x = a as? [String: Any], let y = b as? [String: Any] {
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { equal(v, $0) } ?? false }
        }
        return false
    }
}
