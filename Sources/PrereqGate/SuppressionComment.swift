import Foundation

/// One `# prereq-ignore CODE[, CODE…] -- reason` comment, read from a line of a rule pack or
/// snapshot. libyaml drops comments, so they are read from the source lines themselves.
public struct SuppressionComment: Sendable, Hashable {
    /// The finding codes the comment names.
    public var codes: [String]
    /// Why the findings are accepted (required; empty when the comment gives none).
    public var reason: String
    /// The 1-based column of the `#`.
    public var column: Int
    /// Whether the comment is alone on its line (then it also covers the line below it).
    public var standsAlone: Bool

    public init(codes: [String], reason: String, column: Int, standsAlone: Bool) {
        self.codes = codes
        self.reason = reason
        self.column = column
        self.standsAlone = standsAlone
    }

    /// The marker that starts a suppression comment.
    public static let marker = "prereq-ignore"

    /// The suppression comment on `line`, if it has one. A `#` starts a comment at the start of
    /// the line or after a space or tab, outside quotes, as in YAML.
    public static func parse(_ line: String) -> SuppressionComment? {
        // Most lines have no `#` at all (every shown finding's line is asked).
        guard line.utf8.contains(UInt8(ascii: "#")) else { return nil }
        let scalars = Array(line.unicodeScalars)
        var quote: Unicode.Scalar?
        var onlySpaceBefore = true
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            defer { i += 1 }
            if let q = quote {
                // `''` inside single quotes and `\x` inside double quotes are escapes.
                if q == "'" && scalar == "'" && i + 1 < scalars.count && scalars[i + 1] == "'" {
                    i += 1
                } else if q == "\"" && scalar == "\\" {
                    i += 1
                } else if scalar == q {
                    quote = nil
                }
                continue
            }
            switch scalar {
            case "\"", "'":
                // A quote starts a quoted scalar only at the start of a token.
                if i == 0 || [" ", "\t", "[", "{", ",", ":", "-"].contains(scalars[i - 1]) { quote = scalar }
            case "#" where i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t":
                let body = String(String.UnicodeScalarView(scalars[(i + 1)...]))
                return comment(body, column: i + 1, standsAlone: onlySpaceBefore)
            default:
                break
            }
            if scalar != " " && scalar != "\t" { onlySpaceBefore = false }
        }
        return nil
    }

    /// Reads the comment's text after `#`: the marker, the codes, then `--` and the reason.
    static func comment(_ body: String, column: Int, standsAlone: Bool) -> SuppressionComment? {
        let text = body.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix(marker) else { return nil }
        let rest = text.dropFirst(marker.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let codesPart: Substring
        let reason: String
        if let dashes = rest.range(of: "--") {
            codesPart = rest[..<dashes.lowerBound]
            reason = rest[dashes.upperBound...].trimmingCharacters(in: .whitespaces)
        } else {
            codesPart = rest
            reason = ""
        }
        let codes = codesPart.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        return SuppressionComment(codes: codes, reason: reason, column: column, standsAlone: standsAlone)
    }
}
