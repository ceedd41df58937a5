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

/// A value of a parsed JSON file together with its JSON path, for errors that say where.
struct JSONInput {
    let value: Any
    let path: String
    let file: String
    let words: Messages

    /// Parses `data` (JSON) of `file`.
    static func parse(_ data: Data, file: String, words: Messages) throws -> JSONInput {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONInput(value: value, path: "$", file: file, words: words)
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

    var isNull: Bool { value is NSNull }

    /// The object's members, in key order (JSON objects have none; sorting keeps output stable).
    func object() throws -> [(key: String, value: JSONInput)] {
        guard let o = value as? [String: Any] else { throw fail(words.expected(words.anObject, found: kind)) }
        return o.keys.sorted().map { k in (k, JSONInput(value: o[k] as Any, path: path + Self.member(k), file: file, words: words)) }
    }

    /// A member of an object: nil when absent or null.
    func field(_ key: String) throws -> JSONInput? {
        guard let o = value as? [String: Any] else { throw fail(words.expected(words.anObject, found: kind)) }
        guard let v = o[key], !(v is NSNull) else { return nil }
        return JSONInput(value: v, path: path + Self.member(key), file: file, words: words)
    }

    /// A member that must be there.
    func required(_ key: String) throws -> JSONInput {
        guard let v = try field(key) else { throw fail(words.missing(key)) }
        return v
    }

    func array() throws -> [JSONInput] {
        guard let a = value as? [Any] else { throw fail(words.expected(words.anArray, found: kind)) }
        return a.enumerated().map { JSONInput(value: $1, path: "\(path)[\($0)]", file: file, words: words) }
    }

    func string() throws -> String {
        guard let s = value as? String else { throw fail(words.expected(words.aString, found: kind)) }
        return s
    }

    func bool() throws -> Bool {
        guard let n = value as? NSNumber, isBoolean(n) else {
            throw fail(words.expected(words.aBoolean, found: kind))
        }
        return n.boolValue
    }

    /// A whole number (a variation index).
    func int() throws -> Int {
        guard let n = value as? NSNumber, !isBoolean(n), let i = Int(exactly: n.doubleValue) else {
            throw fail(words.expected(words.aWholeNumber, found: kind))
        }
        return i
    }

    /// The value as text, the way a variation is compared: `true`, `42`, `blue`, or compact
    /// JSON for an object or array.
    var text: String {
        switch value {
        case let s as String: return s
        case let n as NSNumber where isBoolean(n): return n.boolValue ? "true" : "false"
        case let n as NSNumber:
            if let i = Int(exactly: n.doubleValue) { return String(i) }
            return "\(n.doubleValue)"
        case is NSNull: return "null"
        default:
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
            return data.flatMap { String(data: $0, encoding: .utf8) } ?? "\(value)"
        }
    }

    /// JSONSerialization gives `true` and `false` as a boolean subclass of NSNumber (on
    /// Darwin and Linux alike); `1` is a plain NSNumber.
    private func isBoolean(_ n: NSNumber) -> Bool {
        String(describing: type(of: n)).contains("Boolean")
    }

    private var kind: String {
        switch value {
        case is String: return words.aString
        case let n as NSNumber: return isBoolean(n) ? words.aBoolean : words.aNumber
        case is [Any]: return words.anArray
        case is [String: Any]: return words.anObject
        default: return "null"
        }
    }

    /// `.key` for plain keys, `["key"]` for any other.
    static func member(_ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(key.first?.isNumber ?? true)
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
