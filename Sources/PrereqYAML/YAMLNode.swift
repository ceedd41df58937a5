import Diagnostics

/// A view of one node of a `YAMLDocument`: cheap to copy (a reference and an index).
public struct YAMLNode: Sendable {
    public let document: YAMLDocument
    let index: Int32

    init(document: YAMLDocument, index: Int32) {
        self.document = document
        self.index = index
    }

    private var record: NodeRecord { document.records[Int(index)] }

    public var kind: YAMLNodeKind { record.kind }

    /// Where the node starts (and ends) in its file, 1-based.
    public var location: SourceLocation { location(of: record) }

    private func location(of r: NodeRecord) -> SourceLocation {
        SourceLocation(
            fileID: document.fileID, line: Int(r.start.line), column: Int(r.start.column),
            endLine: Int(r.end.line), endColumn: Int(r.end.column))
    }

    public var line: Int { Int(record.start.line) }
    public var column: Int { Int(record.start.column) }

    /// The explicit tag, fully resolved (`!!str` is `tag:yaml.org,2002:str`), or nil.
    public var tag: String? {
        let t = record.tag
        return t < 0 ? nil : document.tags[Int(t)]
    }

    /// The anchor this node defines (`&name`), or for an alias the anchor it refers to.
    public var anchor: String? {
        let a = record.anchor
        return a < 0 ? nil : document.anchors[Int(a)]
    }

    /// How a scalar was written; `.plain` for other kinds.
    public var scalarStyle: ScalarStyle { record.style }

    /// Whether a collection was written in flow style (`[a, b]`, `{a: b}`).
    public var isFlow: Bool { record.flow }

    /// Whether a mapping's entries were handed to a `YAMLSectionSink` in pieces while the file
    /// was read: the node itself holds none.
    public var isStreamed: Bool { record.streamed }

    /// A scalar's text exactly as libyaml unescaped it; nil for other kinds.
    public var scalarText: String? { scalarText { String(decoding: $0, as: UTF8.self) } }

    /// A scalar's text as `make` makes it from the UTF-8 bytes libyaml unescaped; nil for other
    /// kinds. A decoder that has seen the text before can find it by its bytes, making no string.
    public func scalarText(_ make: (UnsafeBufferPointer<UInt8>) -> String) -> String? {
        let r = record
        guard r.kind == .scalar else { return nil }
        return text(of: r, make)
    }

    /// A scalar (not an alias) read in one look at the node: its text as `make` makes it, with
    /// the node's place. With `textOnly`, only a scalar that cannot read as anything but text,
    /// null and boolean words being at most five bytes (`false`): untagged, and quoted or plain
    /// and longer. nil for every other node, to be read the general way.
    public func scalarTextAndPlace(textOnly: Bool = false, _ make: (UnsafeBufferPointer<UInt8>) -> String) -> (text: String, location: SourceLocation)? {
        let r = record
        guard r.kind == .scalar, !textOnly || (r.tag < 0 && (r.style != .plain || r.count > YAMLScalarValue.longestNullOrBoolWord)) else { return nil }
        return (text(of: r, make), location(of: r))
    }

    /// Not generic over what `make` returns: each use would otherwise pay for the generic call.
    private func text(of r: NodeRecord, _ make: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        let start = Int(r.payload)
        return document.text.withUnsafeBufferPointer { text in make(UnsafeBufferPointer(rebasing: text[start..<start + Int(r.count)])) }
    }

    /// For an alias, the anchored node it refers to; otherwise the node itself.
    public var resolved: YAMLNode {
        let r = record
        return r.kind == .alias ? YAMLNode(document: document, index: r.payload) : self
    }

    /// A sequence's elements in order; empty for other kinds.
    public var elements: [YAMLNode] {
        let r = record
        guard r.kind == .sequence else { return [] }
        let base = Int(r.payload)
        return (0..<Int(r.count)).map { YAMLNode(document: document, index: document.children[base + $0]) }
    }

    /// A mapping's entries, keys in source order; empty for other kinds.
    public var entries: [(key: YAMLNode, value: YAMLNode)] {
        let r = record
        guard r.kind == .mapping else { return [] }
        let base = Int(r.payload)
        return (0..<Int(r.count)).map {
            (
                YAMLNode(document: document, index: document.children[base + 2 * $0]),
                YAMLNode(document: document, index: document.children[base + 2 * $0 + 1])
            )
        }
    }

    /// A mapping's entry at `position` (0 ..< `count`), without building the list of all.
    public func entry(_ position: Int) -> (key: YAMLNode, value: YAMLNode) {
        let base = Int(record.payload) + 2 * position
        return (YAMLNode(document: document, index: document.children[base]), YAMLNode(document: document, index: document.children[base + 1]))
    }

    /// Number of elements (sequence) or entries (mapping); 0 otherwise.
    public var count: Int {
        let r = record
        return r.kind == .sequence || r.kind == .mapping ? Int(r.count) : 0
    }

    /// The scalar's value under YAML 1.2's core schema, honouring core tags.
    public var value: YAMLScalarValue? {
        let r = record
        guard r.kind == .scalar, let text = scalarText else { return nil }
        return YAMLScalarValue.resolve(text, style: r.style, tag: tag)
    }

    /// True for a null scalar (`~`, `null`, empty plain, `!!null`).
    public var isNull: Bool {
        let node = resolved
        let r = node.record
        guard r.kind == .scalar else { return false }
        // Untagged, the answer is in at most four plain bytes: no text need be made.
        if r.tag < 0 {
            guard r.style == .plain, r.count <= 4 else { return false }
            let start = Int(r.payload)
            return YAMLScalarValue.isNull(String(decoding: document.text[start..<start + Int(r.count)], as: UTF8.self))
        }
        if case .null = node.value { return true }
        return false
    }

    /// True for a scalar that reads as a boolean (`true`, `False`, `!!bool …`).
    public var isBool: Bool {
        let node = resolved
        let r = node.record
        guard r.kind == .scalar else { return false }
        // Untagged, only a plain `true`/`false` in some case is one.
        if r.tag < 0 && (r.style != .plain || r.count < 4 || r.count > 5) { return false }
        if case .bool = node.value { return true }
        return false
    }

    /// The same node seen through `handle`, a `sharedHandle()` of its document.
    public func seen(through handle: YAMLDocument) -> YAMLNode {
        YAMLNode(document: handle, index: index)
    }

    /// A stable identity of this node within its document (for sets of visited nodes).
    public var identity: Int { Int(index) }
}
