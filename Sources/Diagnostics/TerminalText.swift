/// Makes text that came from input safe to print on a terminal: control characters (escape
/// sequences, carriage returns, bells, bidi overrides) are shown as `\u{…}` instead of acting.
public enum TerminalText {
    public static func escape(_ text: String, keepNewlines: Bool = false) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar, keepNewlines: keepNewlines) {
            needsWork = true
            break
        }
        if !needsWork { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepNewlines: keepNewlines) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a character must not reach a terminal, log or annotation as it is: C0 and C1
    /// controls (but tab, and line feed when `keepNewlines`), line and paragraph separators,
    /// and the bidirectional overrides that can disguise text.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        let v = scalar.value
        if v == 0x0A { return !keepNewlines }
        if v == 0x09 { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
    }
}
