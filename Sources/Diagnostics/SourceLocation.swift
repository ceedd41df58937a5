/// A place in a source file, as editors show it: 1-based line and column (columns count Unicode
/// code points, as libyaml does). `line == 0` means the file as a whole.
///
/// Every decoded value carries one, so it is plain numbers: the file as an interned
/// `SourceFileID` and positions as 32-bit numbers (an end of -1 is "unknown").
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var fileID: SourceFileID
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedEndLine: Int32
    private var storedEndColumn: Int32

    /// The file's name as given to the loader.
    public var file: String {
        get { fileID.name }
        set { fileID = SourceFileID(newValue) }
    }

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
        self.init(fileID: SourceFileID(file), line: line, column: column, endLine: endLine, endColumn: endColumn)
    }

    /// A location in a file already interned (what loaders use for every node).
    public init(fileID: SourceFileID, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.fileID = fileID
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
        guard line > 0 else { return file }
        var text = file
        text += ":"
        text += String(line)
        text += ":"
        text += String(column)
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
        return (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
