/// A scalar's typed value under YAML 1.2's core schema. Only the core tags (`!!str`, `!!int`,
/// `!!float`, `!!bool`, `!!null`) change how a scalar is read; any other tag is ignored here
/// (the loader reports it).
public enum YAMLScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    /// A core tag whose text does not fit it, e.g. `!!int abc`; carries the tag's short name.
    case invalid(tag: String, text: String)

    public static let corePrefix = "tag:yaml.org,2002:"

    /// The core tags Prereq understands.
    public static let coreTags: Set<String> = ["str", "int", "float", "bool", "null", "seq", "map"].reduce(
        into: []
    ) { $0.insert(corePrefix + $1) }

    static func resolve(_ text: String, style: ScalarStyle, tag: String?) -> YAMLScalarValue {
        if let tag, tag.hasPrefix(corePrefix) {
            let name = String(tag.dropFirst(corePrefix.count))
            switch name {
            case "str": return .string(text)
            case "null": return isNull(text) || text.isEmpty ? .null : .invalid(tag: "!!null", text: text)
            case "bool": return bool(text).map(YAMLScalarValue.bool) ?? .invalid(tag: "!!bool", text: text)
            case "int": return int(text).map(YAMLScalarValue.int) ?? .invalid(tag: "!!int", text: text)
            case "float":
                if let d = float(text) { return .float(d) }
                if let i = int(text) { return .float(Double(i)) }
                return .invalid(tag: "!!float", text: text)
            default: break
            }
        }
        if style != .plain || tag == "!" { return .string(text) }
        // Most plain scalars are words: only these first characters can start a null, bool,
        // int or float, so anything else is a string without trying each parser.
        guard let first = text.utf8.first else { return .null }
        if !mayBeOtherThanText(plainStartingWith: first) { return .string(text) }
        if isNull(text) { return .null }
        if let b = bool(text) { return .bool(b) }
        if let i = int(text) { return .int(i) }
        if let d = float(text) { return .float(d) }
        return .string(text)
    }

    /// Whether a plain scalar whose first byte is `first` may read as a null, bool, int or float:
    /// only these first characters can start one.
    static func mayBeOtherThanText(plainStartingWith first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            true
        default: false
        }
    }

    /// The plain words that read as a null or a bool (what else a plain scalar starting with
    /// `~`, `n`, `t` or `f` in any case can read as).
    /// As bytes: a `String`'s UTF-8 view would compare with a key's as a generic sequence.
    private static let nullAndBoolWords = ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"].map { Array($0.utf8) }

    /// The longest plain word that reads as a null or a bool (`false`): a longer plain scalar
    /// that starts with none of a number's characters is text.
    static let longestNullOrBoolWord = 5

    /// Whether the plain scalar `bytes` certainly reads as text, told from its bytes alone: false
    /// for a null or bool, and for what may be a number (a digit, sign or dot first).
    static func plainIsText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        guard mayBeOtherThanText(plainStartingWith: first) else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): return false
        default: return bytes.count > longestNullOrBoolWord || !nullAndBoolWords.contains { $0.count == bytes.count && $0.elementsEqual(bytes) }
        }
    }

    static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    static func int(_ text: String) -> Int? {
        let u = text.utf8
        guard let first = u.first else { return nil }
        if u.count > 2, first == UInt8(ascii: "0") {
            // 0o[0-7]+ and 0x[0-9a-fA-F]+ only: `Int(_:radix:)` alone would also take a sign (0x-1).
            let second = u[u.index(after: u.startIndex)]
            let rest = u.dropFirst(2)
            if second == UInt8(ascii: "o") {
                guard rest.allSatisfy({ $0 >= 48 && $0 <= 55 }) else { return nil }
                return Int(String(decoding: rest, as: UTF8.self), radix: 8)
            }
            if second == UInt8(ascii: "x") {
                guard rest.allSatisfy({ ($0 >= 48 && $0 <= 57) || (($0 | 0x20) >= 97 && ($0 | 0x20) <= 102) }) else {
                    return nil
                }
                return Int(String(decoding: rest, as: UTF8.self), radix: 16)
            }
        }
        var digits = u[...]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = u.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(first == UInt8(ascii: "+") ? String(decoding: digits, as: UTF8.self) : text)
    }

    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var i = text.utf8.startIndex
        let u = text.utf8
        func digits() -> Int {
            var n = 0
            while i < u.endIndex, u[i] >= 48, u[i] <= 57 { i = u.index(after: i); n += 1 }
            return n
        }
        if i < u.endIndex, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i = u.index(after: i) }
        let whole = digits()
        var fraction = 0
        if i < u.endIndex, u[i] == UInt8(ascii: ".") {
            i = u.index(after: i)
            fraction = digits()
            if whole == 0 && fraction == 0 { return nil }
        } else if whole == 0 {
            return nil
        }
        if i < u.endIndex, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i = u.index(after: i)
            if i < u.endIndex, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i = u.index(after: i) }
            if digits() == 0 { return nil }
        }
        guard i == u.endIndex else { return nil }
        return Double(text)
    }

    /// The value as plain text, e.g. for messages.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .int(let i): String(i)
        case .float(let d): String(d)
        case .string(let s): s
        case .invalid(_, let text): text
        }
    }
}
