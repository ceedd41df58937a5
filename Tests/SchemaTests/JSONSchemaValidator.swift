import Foundation

/// One place where a document does not match its schema.
struct SchemaViolation: Sendable, CustomStringConvertible {
    /// Where in the document, e.g. `features.async-customer-editing.requires[0]`.
    var path: String
    var line: Int
    var column: Int
    var message: String

    var description: String { "\(line):\(column) \(path.isEmpty ? "(document)" : path): \(message)" }
}

enum SchemaLoadError: Error, CustomStringConvertible {
    case unreadable(String, String)
    case notASchema(String)
    case unsupportedKeywords([String])
    case badReference(String)

    var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read schema \(path): \(reason)"
        case let .notASchema(path): "\(path) is not a JSON Schema object"
        case let .unsupportedKeywords(k): "the schema uses keywords this validator does not implement: \(k.joined(separator: ", "))"
        case let .badReference(r): "cannot resolve $ref \(r)"
        }
    }
}

/// A small JSON Schema validator (the subset of draft 2020-12 / draft-07 that Prereq's schemas
/// use): type, enum, const, pattern, properties, patternProperties, additionalProperties,
/// required, items, minItems, maxItems, minimum, maximum, oneOf, anyOf, allOf, not, and `$ref`
/// to `#/$defs/…` or `#/definitions/…`, in the schema or in a sibling file
/// (`common.schema.json#/$defs/…`). Annotations (description, title, …) are ignored. A schema
/// that uses any other keyword is refused when loaded, so the validator can never pass a
/// document by silently skipping a rule.
final class JSONSchemaValidator {
    static let assertions: Set<String> = [
        "type", "enum", "const", "pattern", "properties", "patternProperties", "additionalProperties", "required",
        "items", "minItems", "maxItems", "minimum", "maximum", "oneOf", "anyOf", "allOf", "not", "$ref",
    ]
    static let annotations: Set<String> = [
        "$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "markdownDescription", "default",
        "examples", "deprecated",
    ]

    let root: [String: Any]
    private var regexes: [String: NSRegularExpression] = [:]

    init(schema: Any) throws {
        guard let object = schema as? [String: Any] else { throw SchemaLoadError.notASchema("schema") }
        root = object
        var unsupported: Set<String> = []
        Self.collectUnsupported(object, into: &unsupported)
        if !unsupported.isEmpty { throw SchemaLoadError.unsupportedKeywords(unsupported.sorted()) }
        // Every $ref must resolve now, not at the first document that reaches it.
        var refs: [String] = []
        Self.collectRefs(object, into: &refs)
        for r in refs where resolve(r) == nil { throw SchemaLoadError.badReference(r) }
    }

    convenience init(path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SchemaLoadError.unreadable(path, "\(error)")
        }
        let json = try Self.json(data, path: path)
        let directory = (path as NSString).deletingLastPathComponent
        try self.init(schema: Self.bundled(json, directory: directory))
    }

    private static func json(_ data: Data, path: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SchemaLoadError.unreadable(path, "not JSON: \(error)")
        }
    }

    /// The schema with every `$ref` to a sibling file (`common.schema.json#/$defs/name`) made
    /// local: the sibling's `$defs` are copied into this schema's (a name defined differently in
    /// both is an error), so its own local references resolve here too.
    private static func bundled(_ schema: Any, directory: String) throws -> Any {
        guard var root = schema as? [String: Any] else { return schema }
        var refs: [String] = []
        collectRefs(root, into: &refs)
        let files = Set(refs.compactMap { r -> String? in
            guard let hash = r.firstIndex(of: "#"), hash != r.startIndex else { return nil }
            return String(r[..<hash])
        })
        guard !files.isEmpty else { return root }
        var defs = root["$defs"] as? [String: Any] ?? [:]
        for file in files.sorted() {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { throw SchemaLoadError.unreadable(path, "no such file") }
            guard let other = try json(data, path: path) as? [String: Any] else { throw SchemaLoadError.notASchema(path) }
            for (name, def) in other["$defs"] as? [String: Any] ?? [:] {
                if let mine = defs[name], !equal(mine, def) { throw SchemaLoadError.badReference("\(file)#/$defs/\(name) (defined differently here)") }
                defs[name] = def
            }
        }
        root["$defs"] = defs
        return localised(root, files: files)
    }

    private static func localised(_ schema: Any, files: Set<String>) -> Any {
        if var s = schema as? [String: Any] {
            for (key, value) in s {
                if key == "$ref", let r = value as? String, let hash = r.firstIndex(of: "#"), files.contains(String(r[..<hash])) {
                    s[key] = String(r[hash...])
                } else {
                    s[key] = localised(value, files: files)
                }
            }
            return s
        }
        if let a = schema as? [Any] { return a.map { localised($0, files: files) } }
        return schema
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }

    /// Every place where `instance` breaks the schema; empty when it matches.
    func validate(_ instance: JSONInstance) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        validate(instance, against: root, path: "", into: &out)
        return out
    }

    // MARK: - Schema walking

    private static func collectUnsupported(_ schema: Any, into out: inout Set<String>) {
        guard let s = schema as? [String: Any] else { return }
        for (key, value) in s {
            switch key {
            case "properties", "patternProperties", "$defs", "definitions":
                for sub in (value as? [String: Any] ?? [:]).values { collectUnsupported(sub, into: &out) }
            case "items", "additionalProperties", "not":
                collectUnsupported(value, into: &out)
            case "oneOf", "anyOf", "allOf":
                for sub in value as? [Any] ?? [] { collectUnsupported(sub, into: &out) }
            default:
                if !assertions.contains(key) && !annotations.contains(key) { out.insert(key) }
            }
        }
    }

    private static func collectRefs(_ schema: Any, into out: inout [String]) {
        if let s = schema as? [String: Any] {
            for (key, value) in s {
                if key == "$ref", let r = value as? String { out.append(r) } else { collectRefs(value, into: &out) }
            }
        } else if let a = schema as? [Any] {
            for v in a { collectRefs(v, into: &out) }
        }
    }

    /// A local JSON pointer (`#/$defs/name`).
    private func resolve(_ ref: String) -> Any? {
        guard ref.hasPrefix("#") else { return nil }
        var node: Any = root
        for raw in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = node as? [String: Any], let next = object[token] else { return nil }
            node = next
        }
        return node
    }

    // MARK: - Validation

    private func validate(_ instance: JSONInstance, against schema: Any, path: String, into out: inout [SchemaViolation]) {
        func fail(_ message: String, at i: JSONInstance = instance, path p: String = path) {
            out.append(SchemaViolation(path: p, line: i.line, column: i.column, message: message))
        }
        if let b = Self.bool(schema) {
            if !b { fail("no value is allowed here") }
            return
        }
        guard let s = schema as? [String: Any] else { return }

        if let ref = s["$ref"] as? String, let target = resolve(ref) {
            validate(instance, against: target, path: path, into: &out)
        }
        if let t = s["type"] {
            let allowed = (t as? [String]) ?? [(t as? String) ?? ""]
            let actual = instance.typeName
            if !allowed.contains(where: { $0 == actual || ($0 == "number" && actual == "integer") }) {
                fail("expected \(allowed.joined(separator: " or ")), found \(actual) \(instance.summary)")
                return
            }
        }
        if let options = s["enum"] as? [Any], !options.contains(where: { Self.equal(instance, $0) }) {
            fail("\(instance.summary) is not one of \(options.map(Self.render).joined(separator: ", "))")
        }
        if let c = s["const"], !Self.equal(instance, c) {
            fail("expected \(Self.render(c)), found \(instance.summary)")
        }
        switch instance.value {
        case .string(let text):
            if let p = s["pattern"] as? String, !matches(text, p) {
                fail("\(instance.summary) does not match the pattern \(p)")
            }
        case .int, .number:
            let x = Self.number(instance) ?? 0
            if let m = s["minimum"].flatMap(Self.double), x < m { fail("\(instance.summary) is less than the minimum \(Self.render(m))") }
            if let m = s["maximum"].flatMap(Self.double), x > m { fail("\(instance.summary) is more than the maximum \(Self.render(m))") }
        case .array(let items):
            if let m = s["minItems"].flatMap(Self.double), Double(items.count) < m {
                fail("needs at least \(Int(m)) item\(m == 1 ? "" : "s"), found \(items.count)")
            }
            if let m = s["maxItems"].flatMap(Self.double), Double(items.count) > m {
                fail("allows at most \(Int(m)) items, found \(items.count)")
            }
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() { validate(item, against: itemSchema, path: "\(path)[\(i)]", into: &out) }
            }
        case .object(let entries):
            let properties = s["properties"] as? [String: Any] ?? [:]
            let patterns = s["patternProperties"] as? [String: Any] ?? [:]
            for name in s["required"] as? [String] ?? [] where !entries.contains(where: { $0.key == name }) {
                fail("missing required key \"\(name)\"")
            }
            for entry in entries {
                let childPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
                var matched = false
                if let sub = properties[entry.key] {
                    matched = true
                    validate(entry.value, against: sub, path: childPath, into: &out)
                }
                for (pattern, sub) in patterns where matches(entry.key, pattern) {
                    matched = true
                    validate(entry.value, against: sub, path: childPath, into: &out)
                }
                if !matched, let additional = s["additionalProperties"] {
                    if Self.bool(additional) == false {
                        let known = properties.keys.sorted()
                        let hint = known.isEmpty ? "" : "; allowed keys: \(known.joined(separator: ", "))"
                        out.append(
                            SchemaViolation(
                                path: childPath, line: entry.keyLine, column: entry.keyColumn,
                                message: "unknown key \"\(entry.key)\"\(hint)"))
                    } else {
                        validate(entry.value, against: additional, path: childPath, into: &out)
                    }
                }
            }
        default:
            break
        }
        if let all = s["allOf"] as? [Any] {
            for sub in all { validate(instance, against: sub, path: path, into: &out) }
        }
        if let any = s["anyOf"] as? [Any] {
            let results = any.map { sub -> [SchemaViolation] in
                var e: [SchemaViolation] = []
                validate(instance, against: sub, path: path, into: &e)
                return e
            }
            if !results.contains(where: \.isEmpty) { out += closest(results, instance, path, "any of") }
        }
        if let one = s["oneOf"] as? [Any] {
            let results = one.map { sub -> [SchemaViolation] in
                var e: [SchemaViolation] = []
                validate(instance, against: sub, path: path, into: &e)
                return e
            }
            let passing = results.filter(\.isEmpty).count
            if passing == 0 {
                out += closest(results, instance, path, "one of")
            } else if passing > 1 {
                fail("matches \(passing) of the alternatives; exactly one is allowed")
            }
        }
        if let not = s["not"] {
            var e: [SchemaViolation] = []
            validate(instance, against: not, path: path, into: &e)
            if e.isEmpty { fail("matches a form that is not allowed here") }
        }
    }

    /// When no alternative matches: the errors of the alternative that came closest (fewest
    /// errors, deepest path), so the message says what to fix rather than "no match".
    private func closest(_ results: [[SchemaViolation]], _ instance: JSONInstance, _ path: String, _ what: String) -> [SchemaViolation] {
        let best = results.min { a, b in
            let da = a.map { $0.path.count }.max() ?? 0
            let db = b.map { $0.path.count }.max() ?? 0
            return da != db ? da > db : a.count < b.count
        }
        // If the nearest alternative only complains about the value's type, a plain summary is clearer.
        if let best, best.contains(where: { $0.path != path || !$0.message.hasPrefix("expected ") }) { return best }
        return [
            SchemaViolation(
                path: path, line: instance.line, column: instance.column,
                message: "\(instance.summary) matches none of the allowed forms (\(what) \(results.count))")
        ]
    }

    private func matches(_ text: String, _ pattern: String) -> Bool {
        let regex: NSRegularExpression
        if let r = regexes[pattern] {
            regex = r
        } else {
            guard let r = try? NSRegularExpression(pattern: pattern) else { return false }
            regexes[pattern] = r
            regex = r
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    // MARK: - Values from JSONSerialization

    /// A JSON boolean (JSONSerialization gives NSNumber; its objCType tells booleans apart).
    static func bool(_ any: Any) -> Bool? {
        guard let n = any as? NSNumber, String(cString: n.objCType) == "c" || String(cString: n.objCType) == "B" else {
            return nil
        }
        return n.boolValue
    }

    static func double(_ any: Any) -> Double? {
        guard bool(any) == nil, let n = any as? NSNumber else { return nil }
        return n.doubleValue
    }

    static func number(_ instance: JSONInstance) -> Double? {
        switch instance.value {
        case .int(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    static func equal(_ instance: JSONInstance, _ any: Any) -> Bool {
        switch instance.value {
        case .null: return any is NSNull
        case .bool(let b): return bool(any) == b
        case .int, .number: return double(any).map { $0 == number(instance) } ?? false
        case .string(let s): return (any as? String) == s
        case .array(let items):
            guard let other = any as? [Any], other.count == items.count else { return false }
            return zip(items, other).allSatisfy { equal($0, $1) }
        case .object(let entries):
            guard let other = any as? [String: Any], other.count == entries.count else { return false }
            return entries.allSatisfy { e in other[e.key].map { equal(e.value, $0) } ?? false }
        }
    }

    static func render(_ any: Any) -> String {
        if any is NSNull { return "null" }
        if let b = bool(any) { return String(b) }
        if let d = double(any) { return d.rounded() == d ? String(Int(d)) : String(d) }
        if let s = any as? String { return "\"\(s)\"" }
        return "\(any)"
    }
}
