import Diagnostics
import Foundation
import PrereqMessages

/// A file given to `prereq import` that is not the platform's format: the file, where in it
/// (a JSON path such as `$.flags["a"].variations`), and what is wrong.
public struct ImportError: Error, Sendable, Hashable {
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }
}

/// A parsed JSON value as Swift values, converted once: reading a member of Foundation's
/// `Any` tree casts (and on Linux bridges) the whole object again at every access.
indirect enum JSONTree {
    case object([String: JSONTree]), array([JSONTree]), string(String), bool(Bool), number(Double), null

    init(_ any: Any) {
        // Containers first: casting a Swift dictionary to a class (NSNumber) bridges it whole.
        switch any {
        case let o as [String: Any]: self = .object(o.mapValues(JSONTree.init))
        case let a as [Any]: self = .array(a.map(JSONTree.init))
        case let s as String: self = .string(s)
        case let n as NSNumber: self = Self.isBoolean(n) ? .bool(n.boolValue) : .number(n.doubleValue)
        default: self = .null
        }
    }

    /// JSONSerialization gives `true` and `false` as a boolean subclass of NSNumber (on
    /// Darwin and Linux alike); `1` is a plain NSNumber.
    private static func isBoolean(_ n: NSNumber) -> Bool {
        String(describing: type(of: n)).contains("Boolean")
    }

    /// Compact JSON with sorted keys (numbers that are whole written as such).
    var compact: String { json.serialized() }

    private var json: JSONValue {
        switch self {
        case .object(let o): .object(o.keys.sorted().map { ($0, o[$0]?.json ?? .null) })
        case .array(let a): .array(a.map(\.json))
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .number(let d): Int(exactly: d).map(JSONValue.int) ?? .double(d)
        case .null: .null
        }
    }
}

/// A value of a parsed JSON file together with its JSON path, for errors that say where.
struct JSONInput {
    let value: JSONTree
    let path: String
    let file: String
    let words: Messages

    /// Parses `data` (JSON) of `file`.
    static func parse(_ data: Data, file: String, words: Messages) throws -> JSONInput {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONInput(value: JSONTree(value), path: "$", file: file, words: words)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw ImportError(file: file, path: detail.flatMap { position($0, in: data) } ?? "$", message: words.notJSON(detail))
        }
    }

    /// `line:column` (from 1) of the byte offset a JSONSerialization error names ("around
    /// character 26"), or nil when it names none.
    static func position(_ detail: String, in data: Data) -> String? {
        guard let range = detail.range(of: "character "),
            let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }), offset <= data.count
        else { return nil }
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "\(line):\(column)"
    }

    func fail(_ message: String) -> ImportError { ImportError(file: file, path: path, message: message) }

    var isNull: Bool { if case .null = value { true } else { false } }

    /// The object's members, in key order (JSON objects have none; sorting keeps output stable).
    func object() throws -> [(key: String, value: JSONInput)] {
        guard case .object(let o) = value else { throw fail(words.expected(words.anObject, found: kind)) }
        return o.keys.sorted().map { k in (k, JSONInput(value: o[k] ?? .null, path: path + Self.member(k), file: file, words: words)) }
    }

    /// A member of an object: nil when absent or null.
    func field(_ key: String) throws -> JSONInput? {
        guard case .object(let o) = value else { throw fail(words.expected(words.anObject, found: kind)) }
        guard let v = o[key] else { return nil }
        if case .null = v { return nil }
        return JSONInput(value: v, path: path + Self.member(key), file: file, words: words)
    }

    /// A member that must be there.
    func required(_ key: String) throws -> JSONInput {
        guard let v = try field(key) else { throw fail(words.missing(key)) }
        return v
    }

    func array() throws -> [JSONInput] {
        guard case .array(let a) = value else { throw fail(words.expected(words.anArray, found: kind)) }
        return a.enumerated().map { JSONInput(value: $1, path: "\(path)[\($0)]", file: file, words: words) }
    }

    func string() throws -> String {
        guard case .string(let s) = value else { throw fail(words.expected(words.aString, found: kind)) }
        return s
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw fail(words.expected(words.aBoolean, found: kind)) }
        return b
    }

    /// A whole number (a variation index).
    func int() throws -> Int {
        guard case .number(let d) = value, let i = Int(exactly: d) else { throw fail(words.expected(words.aWholeNumber, found: kind)) }
        return i
    }

    /// The value as text, the way a variation is compared: `true`, `42`, `blue`, or compact
    /// JSON for an object or array.
    var text: String {
        if case .string(let s) = value { return s }
        return value.compact
    }

    private var kind: String {
        switch value {
        case .string: words.aString
        case .bool: words.aBoolean
        case .number: words.aNumber
        case .array: words.anArray
        case .object: words.anObject
        case .null: "null"
        }
    }


    /// `.key` for plain keys, `["key"]` for any other.
    static func member(_ key: String) -> String {
        // Byte by byte: every member read builds its path.
        var plain = !key.isEmpty
        for (i, b) in key.utf8.enumerated() {
            let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95, digit = b >= 48 && b <= 57
            if !(letter || digit) || (i == 0 && digit) {
                plain = false
                break
            }
        }
        if plain { return "." + key }
        let escaped = key.unicodeScalars.map { s -> String in
            switch s {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            default: return s.value < 0x20 || (0x7F...0x9F).contains(s.value) ? String(format: "\\u%04X", s.value) : String(s)
            }
        }.joined()
        return "[\"\(escaped)\"]"
    }
}
