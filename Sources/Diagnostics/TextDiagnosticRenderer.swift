/// Renders diagnostics for people: `file:line:col: severity[code]: message`, the source line
/// with a caret under the column, related locations and the help line. ANSI colour only when
/// asked for (the CLI asks when stdout is a terminal and `NO_COLOR` is unset).
public struct TextDiagnosticRenderer {
    /// Returns the text of a 1-based line of a file, or nil when it cannot be read.
    public typealias SourceLineProvider = (_ file: String, _ line: Int) -> String?

    public var colour: Bool
    public var sourceLine: SourceLineProvider

    public init(colour: Bool, sourceLine: @escaping SourceLineProvider) {
        self.colour = colour
        self.sourceLine = sourceLine
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics { out += render(d) }
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let where_ = d.location.map { TerminalText.escape($0.description) + ": " } ?? "prereq: "
        out += paint(where_, .bold)
        out += paint("\(d.severity.rawValue)[\(d.code)]", style(for: d.severity))
        out += paint(": " + TerminalText.escape(d.message), .bold) + "\n"
        if let location = d.location { out += excerpt(location) }
        for related in d.related {
            out += paint(TerminalText.escape(related.location.description) + ": ", .bold)
            out += paint("note", .cyan) + ": " + TerminalText.escape(related.message) + "\n"
            out += excerpt(related.location)
        }
        if let help = d.help {
            out += "  " + paint("help", .cyan) + ": " + TerminalText.escape(help) + "\n"
        }
        return out
    }

    /// The source line and a caret (with tildes to the end column when it is on the same line).
    private func excerpt(_ location: SourceLocation) -> String {
        guard location.line > 0, let text = sourceLine(location.file, location.line) else { return "" }
        let number = String(location.line)
        let gutter = Self.repeated(" ", number.count)
        var shown = ""
        var caretPad = ""
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII (nearly every line) is shown as it is, one column a byte.
            shown = text
            caretPad = Self.repeated(" ", min(location.column - 1, text.utf8.count))
        } else {
            var column = 1
            for scalar in text.unicodeScalars {
                let piece = scalar == "\t" ? "    " : TerminalText.escape(String(scalar))
                shown += piece
                if column < location.column { caretPad += String(repeating: " ", count: displayWidth(piece)) }
                column += 1
            }
        }
        var marker = "^"
        if let endLine = location.endLine, let endColumn = location.endColumn,
            endLine == location.line, endColumn > location.column + 1
        {
            marker += Self.repeated("~", min(endColumn - location.column - 1, 200))
        }
        return " \(number) | \(shown)\n \(gutter) | \(caretPad)\(paint(marker, .green))\n"
    }

    private func displayWidth(_ piece: String) -> Int { piece.unicodeScalars.count }

    /// `count` copies of an ASCII character (`String(repeating:count:)` appends them one by one).
    private static func repeated(_ character: Unicode.Scalar, _ count: Int) -> String {
        String(decoding: [UInt8](repeating: UInt8(character.value), count: max(0, count)), as: UTF8.self)
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

    private func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
