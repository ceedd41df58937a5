import Diagnostics

/// How a scalar was written.
public enum ScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var name: String {
        switch self {
        case .plain: "plain"
        case .singleQuoted: "single-quoted"
        case .doubleQuoted: "double-quoted"
        case .literal: "literal"
        case .folded: "folded"
        }
    }
}

/// What a node is.
public enum YAMLNodeKind: UInt8, Sendable {
    case scalar, sequence, mapping
    /// A reference to an anchored node, never expanded into a copy.
    case alias
}

/// A 1-based position in a document's file.
public struct YAMLMark: Sendable, Hashable {
    public var line: Int32
    public var column: Int32
}

/// The flat storage of one node. Children live in the document's `children` array.
struct NodeRecord: Sendable {
    var kind: YAMLNodeKind
    var style: ScalarStyle
    var flow: Bool
    /// A mapping whose entries went to a `YAMLSectionSink` instead of the tree.
    var streamed: Bool
    var start: YAMLMark
    var end: YAMLMark
    /// Index into `tags`, or -1.
    var tag: Int32
    /// Index into `anchors`, or -1.
    var anchor: Int32
    /// Scalar: byte offset in `text`; collection: offset in `children`; alias: target node index.
    var payload: Int32
    /// Scalar: byte count; sequence: element count; mapping: pair count.
    var count: Int32
}

/// One YAML document as the loader saw it: an immutable tree of nodes kept in flat arrays
/// (no object per node, no recursion to build, walk or free it), every node with its place.
public final class YAMLDocument: Sendable {
    /// The file the document came from, as given to the loader.
    public let file: String
    /// `file`, interned: what every node's location refers to.
    public let fileID: SourceFileID
    /// The document's position among the file's documents, from 0.
    public let index: Int
    let records: [NodeRecord]
    let children: [Int32]
    let text: [UInt8]
    let tags: [String]
    let anchors: [String]
    let rootIndex: Int32

    convenience init(
        file: String, index: Int, records: [NodeRecord], children: [Int32], text: [UInt8], tags: [String],
        anchors: [String], rootIndex: Int32
    ) {
        self.init(
            file: file, fileID: SourceFileID(file), index: index, records: records, children: children, text: text,
            tags: tags, anchors: anchors, rootIndex: rootIndex)
    }

    private init(
        file: String, fileID: SourceFileID, index: Int, records: [NodeRecord], children: [Int32], text: [UInt8],
        tags: [String], anchors: [String], rootIndex: Int32
    ) {
        self.file = file
        self.fileID = fileID
        self.index = index
        self.records = records
        self.children = children
        self.text = text
        self.tags = tags
        self.anchors = anchors
        self.rootIndex = rootIndex
    }

    /// A second handle on the same nodes (the arrays are shared, not copied). Node views hold
    /// their document, so threads that walk one document each through a handle of their own
    /// do not contend for one reference count.
    public func sharedHandle() -> YAMLDocument {
        YAMLDocument(
            file: file, fileID: fileID, index: index, records: records, children: children, text: text, tags: tags,
            anchors: anchors, rootIndex: rootIndex)
    }

    /// The top node of the document.
    public var root: YAMLNode { YAMLNode(document: self, index: rootIndex) }

    /// How many nodes the document holds (aliases count once each).
    public var nodeCount: Int { records.count }
}
