/// A place in a source file, as editors show it: 1-based line and column (columns count Unicode
/// code points, as libyaml does). `line == 0` means the file as a whole.
///
/// Every decoded value carries one, so positions are stored as 32-bit numbers (an end of -1 is
/// "unknown"): 32 bytes instead of 64 per location.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedEndLine: Int32
    private var storedEndColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Where the located text ends, when known (exclusive column).
    public var endLine: Int? {
        get { storedEndLine < 0 ? nil : Int(storedEndLine) }
        set { storedEndLine = newValue.map { Int32(clamping: $0) } ?? -1 }
    }

    public var endColumn: Int? {
        get { storedEndColumn < 0 ? nil : Int(storedEndColumn) }
        set { storedEndColumn = newValue.map { Int32(clamping: $0) } ?? -1 }
    }

    public init(file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        storedEndLine = endLine.map { Int32(clamping: $0) } ?? -1
        storedEndColumn = endColumn.map { Int32(clamping: $0) } ?? -1
    }

    /// The file as a whole, with no line.
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// `file:line:column`, or just `file` when there is no line.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
