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
        var out: [UInt8] = []
        for d in diagnostics { render(d, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    public func render(_ d: Diagnostic) -> String {
        var out: [UInt8] = []
        render(d, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 of the rendering of `d` to `out`: a long report is written into one
    /// buffer of bytes, which takes a piece in a copy where a string appends it in many steps.
    public func render(_ d: Diagnostic, into out: inout [UInt8]) {
        paint(.bold, into: &out) { out in
            if let location = d.location {
                Self.write(location, into: &out)
                out.write(": ")
            } else {
                out.write("prereq: ")
            }
        }
        paint(severityAndCode: d, into: &out)
        paint(.bold, into: &out) { out in
            out.write(": ")
            out.write(TerminalText.escape(d.message))
        }
        out.write("\n")
        if let location = d.location { excerpt(location, into: &out) }
        for related in d.related {
            paint(.bold, into: &out) { out in
                Self.write(related.location, into: &out)
                out.write(": ")
            }
            paint(.cyan, into: &out) { $0.write("note") }
            out.write(": ")
            out.write(TerminalText.escape(related.message))
            out.write("\n")
            excerpt(related.location, into: &out)
        }
        if let help = d.help {
            out.write("  ")
            paint(.cyan, into: &out) { $0.write("help") }
            out.write(": ")
            out.write(TerminalText.escape(help))
            out.write("\n")
        }
    }

    /// The source line and a caret (with tildes to the end column when it is on the same line).
    private func excerpt(_ location: SourceLocation, into out: inout [UInt8]) {
        guard location.line > 0, let text = sourceLine(location.file, location.line) else { return }
        out.write(" ")
        let gutter = out.appendDecimal(location.line)
        var caretPad = 0
        out.write(" | ")
        if Self.isPrintableASCII(text) {
            // Printable ASCII (nearly every line) is shown as it is, one column a byte.
            out.write(text)
            caretPad = min(location.column - 1, text.utf8.count)
        } else {
            var column = 1
            for scalar in text.unicodeScalars {
                let piece = scalar == "\t" ? "    " : TerminalText.escape(String(scalar))
                out.write(piece)
                if column < location.column { caretPad += displayWidth(piece) }
                column += 1
            }
        }
        out.write("\n ")
        Self.append(UInt8(ascii: " "), gutter, to: &out)
        out.write(" | ")
        Self.append(UInt8(ascii: " "), caretPad, to: &out)
        var tildes = 0
        if let endLine = location.endLine, let endColumn = location.endColumn,
            endLine == location.line, endColumn > location.column + 1
        {
            tildes = min(endColumn - location.column - 1, 200)
        }
        begin(.green, into: &out)
        out.write("^")
        Self.append(UInt8(ascii: "~"), tildes, to: &out)
        end(into: &out)
        out.write("\n")
    }

    private func displayWidth(_ piece: String) -> Int { piece.unicodeScalars.count }

    /// `location.description` made safe for a terminal, written straight into `out`: only the
    /// file's name can hold what must be escaped, and the numbers take no string of their own.
    private static func write(_ location: SourceLocation, into out: inout [UInt8]) {
        out.write(TerminalText.escape(location.file))
        guard location.line > 0 else { return }
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(location.line)
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(location.column)
    }

    /// Whether every byte of `text` is printable ASCII (read in place for a native string).
    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        } ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// `count` (at least 0) copies of an ASCII byte.
    private static func append(_ byte: UInt8, _ count: Int, to out: inout [UInt8]) {
        guard count > 0 else { return }
        out.append(contentsOf: repeatElement(byte, count: count))
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

    /// What `body` appends, in `style` when colour is on.
    private func paint(_ style: Style, into out: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        begin(style, into: &out)
        body(&out)
        end(into: &out)
    }

    /// Starts `style` when colour is on.
    private func begin(_ style: Style, into out: inout [UInt8]) {
        guard colour else { return }
        out.write("\u{1B}[")
        out.write(style.rawValue)
        out.write("m")
    }

    /// Ends a style begun, when colour is on.
    private func end(into out: inout [UInt8]) {
        if colour { out.write("\u{1B}[0m") }
    }

    /// `severity[code]`, in the severity's colour.
    private func paint(severityAndCode d: Diagnostic, into out: inout [UInt8]) {
        begin(style(for: d.severity), into: &out)
        out.write(d.severity.rawValue)
        out.write("[")
        out.write(d.code)
        out.write("]")
        end(into: &out)
    }
}

extension [UInt8] {
    /// Appends `n` in decimal, as `String(n)` writes it; returns how many bytes that took.
    @discardableResult
    fileprivate mutating func appendDecimal(_ n: Int) -> Int {
        let start = count
        if n < 0 { append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        let firstDigit = count
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        self[firstDigit...].reverse()
        return count - start
    }

    /// Appends the UTF-8 of `text`, copied in one piece.
    fileprivate mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
