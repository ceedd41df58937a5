/// Renders diagnostics for people: `file:line:col: severity[code]: message`, the source line
/// with a caret under the column, related locations and the help line. ANSI colour only when
/// asked for (the CLI asks when stdout is a terminal and `NO_COLOR` is unset).
public struct TextDiagnosticRenderer: Sendable {
    /// Returns the text of a 1-based line of a file, or nil when it cannot be read. Called from
    /// several threads at once when a long report is rendered in parts.
    public typealias SourceLineProvider = @Sendable (_ file: String, _ line: Int) -> String?

    public var colour: Bool
    public var sourceLine: SourceLineProvider

    public init(colour: Bool, sourceLine: @escaping SourceLineProvider) {
        self.colour = colour
        self.sourceLine = sourceLine
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics { render(d, into: &out) }
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        render(d, into: &out)
        return out
    }

    /// Appends the rendering of `d` to `out` (a long report is written into one buffer, with
    /// no string made per piece).
    public func render(_ d: Diagnostic, into out: inout String) {
        if let location = d.location {
            paint(TerminalText.escape(location.description) + ": ", .bold, into: &out)
        } else {
            paint("prereq: ", .bold, into: &out)
        }
        paint(severityAndCode: d, into: &out)
        paint(": " + TerminalText.escape(d.message), .bold, into: &out)
        out += "\n"
        if let location = d.location { excerpt(location, into: &out) }
        for related in d.related {
            paint(TerminalText.escape(related.location.description) + ": ", .bold, into: &out)
            paint("note", .cyan, into: &out)
            out += ": "
            out += TerminalText.escape(related.message)
            out += "\n"
            excerpt(related.location, into: &out)
        }
        if let help = d.help {
            out += "  "
            paint("help", .cyan, into: &out)
            out += ": "
            out += TerminalText.escape(help)
            out += "\n"
        }
    }

    /// The source line and a caret (with tildes to the end column when it is on the same line).
    private func excerpt(_ location: SourceLocation, into out: inout String) {
        guard location.line > 0, let text = sourceLine(location.file, location.line) else { return }
        let number = String(location.line)
        let gutter = number.utf8.count
        var caretPad = 0
        out += " "
        out += number
        out += " | "
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII (nearly every line) is shown as it is, one column a byte.
            out += text
            caretPad = min(location.column - 1, text.utf8.count)
        } else {
            var column = 1
            for scalar in text.unicodeScalars {
                let piece = scalar == "\t" ? "    " : TerminalText.escape(String(scalar))
                out += piece
                if column < location.column { caretPad += displayWidth(piece) }
                column += 1
            }
        }
        out += "\n "
        Self.append(" ", gutter, to: &out)
        out += " | "
        Self.append(" ", caretPad, to: &out)
        var tildes = 0
        if let endLine = location.endLine, let endColumn = location.endColumn,
            endLine == location.line, endColumn > location.column + 1
        {
            tildes = min(endColumn - location.column - 1, 200)
        }
        if colour { out += "\u{1B}[\(Style.green.rawValue)m" }
        out += "^"
        Self.append("~", tildes, to: &out)
        if colour { out += "\u{1B}[0m" }
        out += "\n"
    }

    private func displayWidth(_ piece: String) -> Int { piece.unicodeScalars.count }

    /// `count` (at least 0) copies of an ASCII character.
    private static func append(_ character: Unicode.Scalar, _ count: Int, to out: inout String) {
        guard count > 0 else { return }
        out += String(decoding: [UInt8](repeating: UInt8(character.value), count: count), as: UTF8.self)
    }

    private enum Style: String {
        case bold = "1", red = "1;31", yellow = "1;33", cyan = "1;36", green = "1;32"
    }

    private func style(for severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    private func paint(_ text: String, _ style: Style, into out: inout String) {
        if colour { out += "\u{1B}[\(style.rawValue)m" }
        out += text
        if colour { out += "\u{1B}[0m" }
    }

    /// `severity[code]`, in the severity's colour.
    private func paint(severityAndCode d: Diagnostic, into out: inout String) {
        if colour { out += "\u{1B}[\(style(for: d.severity).rawValue)m" }
        out += d.severity.rawValue
        out += "["
        out += d.code
        out += "]"
        if colour { out += "\u{1B}[0m" }
    }
}
