/// Text written into YAML that Prereq generates (imported packs, snapshot templates).
public enum YAMLQuoting {
    /// `text` as a YAML double-quoted scalar: `"` and `\` escaped, and every control
    /// character, line or paragraph separator and byte order mark written as `\uXXXX`, so no
    /// text can change the document's structure.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                let v = s.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
