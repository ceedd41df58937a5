/// Makes text that came from input safe to print on a terminal: control characters (escape
/// sequences, carriage returns, bells) and invisible formatting characters (bidi overrides and
/// isolates, zero-width spaces and joiners, byte order marks) are shown as `\u{…}` instead of
/// acting or hiding.
public enum TerminalText {
    public static func escape(_ text: String, keepNewlines: Bool = false) -> String {
        // Printable ASCII (nearly all text) is safe as it is: told from its bytes in one pass.
        let printable = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || (keepNewlines && $0 == 0x0A) }
        }
        if printable == true { return text }
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar, keepNewlines: keepNewlines) {
            needsWork = true
            break
        }
        if !needsWork { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepNewlines: keepNewlines) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// How an unsafe character is shown: `\u{202E}`.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }

    /// Whether a character must not reach a terminal, log, annotation or viewer as it is: C0 and
    /// C1 controls (but tab, and line feed when `keepNewlines`), and every invisible formatting
    /// character (`isInvisible`).
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        let v = scalar.value
        if v == 0x0A { return !keepNewlines }
        if v == 0x09 { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || isInvisible(scalar)
    }

    /// Characters that change how the text around them is shown, or take no space at all, so
    /// that a name can read as something it is not: the bidirectional embeddings, overrides,
    /// isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), zero-width
    /// spaces, joiners and word joiners (U+200B–U+200D, U+2060–U+2064), line and paragraph
    /// separators (U+2028/U+2029), the soft hyphen, the Mongolian vowel separator, the byte order
    /// mark (U+FEFF), interlinear annotation marks and the invisible tag characters (U+E0000–U+E007F).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0xAD { return false }
        return v == 0xAD || v == 0x061C || v == 0x180E || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
            || (0x2060...0x2064).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF || (0xFFF9...0xFFFB).contains(v)
            || (0xE0000...0xE007F).contains(v)
    }
}
