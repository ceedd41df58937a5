/// A JSON value with object keys kept in the order they were given, so that every JSON answer
/// is byte-for-byte deterministic and its fields appear in a documented order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    /// An optional string as `.string` or `.null`.
    public static func string(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// Compact one-line JSON, or indented with two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        written(pretty: pretty, ending: "")
    }

    /// A whole JSON document as Prereq writes one: indented, ending in a newline (added in
    /// place: a big report is not copied to add it).
    public func serializedDocument() -> String {
        written(pretty: true, ending: "\n")
    }

    private func written(pretty: Bool, ending: String) -> String {
        var out = ""
        out.reserveCapacity(256)
        write(to: &out, pretty: pretty, indent: 0)
        out += ending
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                JSONValue.writeString(key, to: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: Int) {
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    /// Writes `s` as a JSON string literal, escaping quotes, backslashes and control characters,
    /// and writing invisible formatting characters (`TerminalText.isInvisible`: bidi overrides,
    /// zero-width spaces…) as `\uXXXX`, so that they are seen in the file yet read back the same.
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Most strings need no escape: copied whole. The lead bytes listed start every invisible
        // formatting character (U+00AD, U+061C, U+180E, U+200B…, U+FEFF…, U+E0000…).
        if !s.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE1 || $0 == 0xE2
                || $0 == 0xEF || $0 == 0xF3
        }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || TerminalText.isInvisible(scalar):
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// What every JSON document Prereq writes starts with.
public enum JSONOutput {
    /// The version of the JSON shapes Prereq writes (schemas/prereq-*-output.schema.json). It
    /// changes only when a field is removed or changes meaning; new fields may appear in any version.
    public static let formatVersion = 1

    /// `("formatVersion", 1)`, the first member of every output document.
    public static var versionField: (String, JSONValue) { ("formatVersion", .int(formatVersion)) }
}
