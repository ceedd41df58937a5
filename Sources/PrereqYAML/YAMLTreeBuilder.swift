import Diagnostics
import Foundation

/// Builds `YAMLDocument`s from libyaml events, without recursion: open collections sit on an
/// explicit stack and their children on a shared pending list. Checks what libyaml does not:
/// nesting depth, undefined and recursive aliases, duplicate and merge keys, tags.
struct YAMLTreeBuilder {
    let file: String
    let limits: YAMLLimits
    private(set) var documents: [YAMLDocument] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Set when a problem makes the rest of the stream meaningless (too deep).
    private(set) var stopped = false

    /// The nodes of the document being built, or of the section piece being built.
    private var tree = TreeState()
    /// Set while the entries of a section go to `sink` in pieces.
    private var section: Section?
    /// Whether a section of the current document went to `sink` (an alias then gives up).
    private var streamedInDocument = false
    /// Set when an alias met after a section was handed over: the file must be read again
    /// without the sink (see `YAMLSectionSink`).
    private(set) var abandoned = false
    private let sink: YAMLSectionSink?
    /// `sink`'s piece size, read once: `attach` asks for every entry of a section.
    private let entriesPerPiece: Int

    /// The flat arrays of one tree under construction.
    private struct TreeState {
        var records: [NodeRecord] = []
        var children: [Int32] = []
        var tags: [String] = []
        var tagIndex: [String: Int32] = [:]
        var anchors: [String] = []
        var anchorIndex: [String: Int32] = [:]
        /// Anchor name to the node that most recently defined it.
        var anchoredNode: [String: Int32] = [:]
        /// Open collections: record index and where their children start in `pending`.
        var open: [(record: Int32, pendingStart: Int)] = []
        var openNodes: Set<Int32> = []
        var pending: [Int32] = []
        var root: Int32 = -1
    }

    /// A section being handed over: the document's own tree waits while pieces are built.
    private struct Section {
        var key: String
        /// The section's mapping node in the document's tree.
        var record: Int32
        var document: TreeState
        var documentText: [UInt8]
        var pieces = 0
        /// The keys of the pieces so far, with where each was first written (duplicates span
        /// pieces).
        var seenKeys = SectionKeys()
    }

    init(file: String, limits: YAMLLimits, sink: YAMLSectionSink? = nil) {
        self.file = file
        self.limits = limits
        self.sink = sink
        entriesPerPiece = max(1, sink?.entriesPerPiece ?? 1)
    }

    mutating func handle(_ event: RawEvent, arena: inout [UInt8]) -> LibYAMLEventReader.Control {
        let (anchor, tag) = event.takeNames(from: &arena)
        switch event {
        case .documentStart:
            resetDocument()
        case .documentEnd:
            finishDocument(arena: &arena)
        case let .scalar(text, style, _, _, start, end):
            let index = add(
                NodeRecord(
                    kind: .scalar, style: style, flow: false, streamed: false, start: mark(start), end: mark(end),
                    tag: intern(tag), anchor: -1, payload: Int32(text.lowerBound), count: Int32(text.count)))
            define(anchor, index)
            if let tag { checkScalarTag(tag, index: index, arena: arena) }
            attach(index, arena: &arena)
        case let .sequenceStart(_, _, flow, start):
            return openCollection(.sequence, anchor: anchor, tag: tag, flow: flow, start: start)
        case let .mappingStart(_, _, flow, start):
            let key = section == nil ? sectionKey(arena: arena) : nil
            let control = openCollection(.mapping, anchor: anchor, tag: tag, flow: flow, start: start)
            if let key, control == .proceed { beginSection(key, arena: &arena) }
            return control
        case let .collectionEnd(end):
            if section != nil && tree.open.isEmpty {
                endSection(end: mark(end), arena: &arena)
            } else {
                closeCollection(end: mark(end), arena: &arena)
            }
        case let .alias(_, start, end):
            let name = anchor ?? ""
            if streamedInDocument {
                abandoned = true
                return .stop
            }
            let location = SourceLocation(
                file: file, line: start.line + 1, column: start.column + 1, endLine: end.line + 1,
                endColumn: end.column + 1)
            var target: Int32 = -1
            if let node = tree.anchoredNode[name] {
                if tree.openNodes.contains(node) {
                    diagnostics.append(
                        .error(
                            "yaml-recursive-alias", "alias *\(name) refers to a node that contains it",
                            at: location, related: [RelatedLocation(locationOf(node), "anchor &\(name) is defined here")],
                            help: "Prereq does not read recursive structures; repeat the data instead"))
                } else {
                    target = node
                }
            } else {
                diagnostics.append(
                    .error(
                        "yaml-undefined-alias", "alias *\(name) refers to no anchor defined before it", at: location,
                        help: "define the anchor with &\(name) on a node earlier in the same document"))
            }
            let index = add(
                NodeRecord(
                    kind: .alias, style: .plain, flow: false, streamed: false, start: mark(start), end: mark(end), tag: -1,
                    anchor: internAnchor(name), payload: max(target, 0), count: 0))
            if target < 0 {
                // Keep the tree well formed: an unresolved alias points at itself.
                tree.records[Int(index)].payload = index
            }
            attach(index, arena: &arena)
        }
        return stopped ? .stop : .proceed
    }

    // MARK: - Documents

    private mutating func resetDocument() {
        tree = TreeState()
        section = nil
        streamedInDocument = false
    }

    private mutating func finishDocument(arena: inout [UInt8]) {
        defer { arena = [] }
        guard tree.root >= 0 else { return }
        // The arrays grew by doubling and are kept as they are: copying them to exact size
        // would hold both at once, while the spare capacity at their end, never written, takes
        // address space but no memory.
        documents.append(
            YAMLDocument(
                file: file, index: documents.count, records: tree.records, children: tree.children,
                text: arena, tags: tree.tags, anchors: tree.anchors, rootIndex: tree.root))
        resetDocument()
    }

    // MARK: - Sections in pieces

    /// The key of the root entry whose mapping value is about to open, when `sink` takes such
    /// sections.
    private func sectionKey(arena: [UInt8]) -> String? {
        guard let sink, tree.open.count == 1, let root = tree.open.first,
            tree.records[Int(root.record)].kind == .mapping, (tree.pending.count - root.pendingStart) % 2 == 1,
            let keyIndex = tree.pending.last
        else { return nil }
        let key = tree.records[Int(keyIndex)]
        guard key.kind == .scalar else { return nil }
        let text = String(decoding: arena[Int(key.payload)..<Int(key.payload + key.count)], as: UTF8.self)
        return sink.sectionKeys.contains(text) ? text : nil
    }

    /// The section's mapping was just opened: if the sink takes it, its entries are built into
    /// pieces from here on, with the document's tree and text set aside.
    private mutating func beginSection(_ key: String, arena: inout [UInt8]) {
        guard let sink, let root = tree.open.first, let record = tree.open.last?.record else { return }
        // The document so far: a root mapping of the entries before the section's key.
        var prefix = tree
        var rootRecord = prefix.records[Int(root.record)]
        rootRecord.payload = Int32(prefix.children.count)
        rootRecord.count = Int32((prefix.pending.count - 1 - root.pendingStart) / 2)
        prefix.children.append(contentsOf: prefix.pending[root.pendingStart..<(prefix.pending.count - 1)])
        prefix.records.append(rootRecord)
        let prefixDocument = YAMLDocument(
            file: file, index: documents.count, records: prefix.records, children: prefix.children, text: arena,
            tags: prefix.tags, anchors: prefix.anchors, rootIndex: Int32(prefix.records.count - 1))
        guard sink.sectionBegins(key, document: documents.count, prefix: prefixDocument) else { return }
        streamedInDocument = true
        section = Section(key: key, record: record, document: tree, documentText: arena)
        tree = TreeState()
        arena = []
    }

    /// Hands the entries built since the last piece to the sink as a document of their own.
    private mutating func takePiece(arena: inout [UInt8]) {
        // Taken out while the piece is made, so that its table of keys is not copied.
        guard let sink, !tree.pending.isEmpty, var current = section.take() else { return }
        defer { section = current }
        let entries = tree.pending
        let first = tree.records[Int(entries[0])], last = tree.records[Int(entries[entries.count - 1])]
        let rootRecord = NodeRecord(
            kind: .mapping, style: .plain, flow: false, streamed: false, start: first.start, end: last.end, tag: -1,
            anchor: -1, payload: Int32(tree.children.count), count: Int32(entries.count / 2))
        tree.children.append(contentsOf: entries)
        checkKeys(of: rootRecord, arena: arena, across: &current.seenKeys)
        let root = add(rootRecord)
        let piece = YAMLDocument(
            file: file, index: documents.count, records: tree.records, children: tree.children, text: arena,
            tags: tree.tags, anchors: tree.anchors, rootIndex: root)
        // The next piece is about the size of this one: room for it is made at once, so that
        // its arrays do not grow by doubling (a copy, and fresh pages to fault in, each time).
        let sizes = (records: tree.records.count, children: tree.children.count, text: arena.count)
        tree = TreeState()
        arena = []
        tree.records.reserveRoom(afterOneOf: sizes.records)
        tree.children.reserveRoom(afterOneOf: sizes.children)
        arena.reserveRoom(afterOneOf: sizes.text)
        sink.take(piece, section: current.key, document: documents.count, number: current.pieces)
        current.pieces += 1
    }

    /// The section's mapping closes: the last piece goes to the sink and the document's tree
    /// comes back, with the section's node empty and marked as handed over.
    private mutating func endSection(end: YAMLMark, arena: inout [UInt8]) {
        takePiece(arena: &arena)
        guard let finished = section else { return }
        section = nil
        tree = finished.document
        arena = finished.documentText
        tree.records[Int(finished.record)].streamed = true
        closeCollection(end: end, arena: &arena)
    }

    // MARK: - Nodes

    private mutating func add(_ record: NodeRecord) -> Int32 {
        tree.records.append(record)
        return Int32(tree.records.count - 1)
    }

    private mutating func attach(_ index: Int32, arena: inout [UInt8]) {
        if !tree.open.isEmpty {
            tree.pending.append(index)
        } else if section != nil {
            // A section's entry, key or value, at the top of its piece.
            tree.pending.append(index)
            if tree.pending.count >= 2 * entriesPerPiece && tree.pending.count % 2 == 0 { takePiece(arena: &arena) }
        } else {
            tree.root = index
        }
    }

    /// How deep the collections open are in the document (a piece's top is two levels down).
    private var depth: Int { tree.open.count + (section == nil ? 0 : 2) }

    private mutating func openCollection(
        _ kind: YAMLNodeKind, anchor: String?, tag: String?, flow: Bool, start: RawMark
    ) -> LibYAMLEventReader.Control {
        let startMark = mark(start)
        if depth >= limits.maxDepth {
            diagnostics.append(
                .error(
                    "yaml-too-deep",
                    "nesting is deeper than \(limits.maxDepth) levels; the rest of the file was not read",
                    at: SourceLocation(file: file, line: Int(startMark.line), column: Int(startMark.column)),
                    help: "Prereq files need only a few levels; flatten the structure"))
            stopped = true
            return .stop
        }
        let index = add(
            NodeRecord(
                kind: kind, style: .plain, flow: flow, streamed: false, start: startMark, end: startMark,
                tag: intern(tag), anchor: -1, payload: 0, count: 0))
        define(anchor, index)
        if let tag { checkCollectionTag(tag, kind: kind, index: index) }
        tree.open.append((index, tree.pending.count))
        tree.openNodes.insert(index)
        return .proceed
    }

    private mutating func closeCollection(end: YAMLMark, arena: inout [UInt8]) {
        guard let (index, pendingStart) = tree.open.popLast() else { return }
        tree.openNodes.remove(index)
        let itemCount = tree.pending.count - pendingStart
        var record = tree.records[Int(index)]
        record.end = end
        record.payload = Int32(tree.children.count)
        record.count = Int32(record.kind == .mapping ? itemCount / 2 : itemCount)
        // No slice of `pending` may outlive this append: removing the tail while a slice still
        // shares the buffer copies all of `pending` (every open parent's children) on each
        // close, which made wide files quadratic.
        tree.children.append(contentsOf: tree.pending[pendingStart...])
        tree.pending.removeLast(itemCount)
        tree.records[Int(index)] = record
        if record.kind == .mapping && !keysAreDistinctText(record, arena: arena) {
            var seen = SeenKeys(expected: Int(record.count))
            checkKeys(of: record, arena: arena, across: &seen)
        }
        attach(index, arena: &arena)
    }

    private mutating func define(_ anchor: String?, _ index: Int32) {
        guard let anchor else { return }
        tree.records[Int(index)].anchor = internAnchor(anchor)
        tree.anchoredNode[anchor] = index
    }

    // MARK: - Checks

    /// Reports merge keys and keys met before in `seen` (the mapping's own keys, or a whole
    /// section's across its pieces).
    private mutating func checkKeys(of mapping: NodeRecord, arena: [UInt8], across seen: inout some KeyPlaces) {
        let base = Int(mapping.payload)
        for pair in 0..<Int(mapping.count) {
            let keyIndex = tree.children[base + 2 * pair]
            var key = tree.records[Int(keyIndex)]
            if key.kind == .alias { key = tree.records[Int(key.payload)] }
            guard key.kind == .scalar else { continue }
            let text = String(decoding: arena[Int(key.payload)..<Int(key.payload + key.count)], as: UTF8.self)
            let tag = key.tag < 0 ? nil : tree.tags[Int(key.tag)]
            if text == "<<", key.style == .plain, tag == nil || tag == YAMLScalarValue.corePrefix + "merge" {
                diagnostics.append(
                    .error(
                        "yaml-merge-key", "merge keys (<<) are not supported", at: locationOf(keyIndex),
                        help: "write the keys out, or share a whole node with an anchor and an alias"))
                continue
            }
            let value = YAMLScalarValue.resolve(text, style: key.style, tag: tag)
            let written = tree.records[Int(keyIndex)]
            if let first = seen.firstPlace(of: value, else: (written.start, written.end)) {
                diagnostics.append(
                    .error(
                        "yaml-duplicate-key", "duplicate key \"\(value.description)\" in this mapping",
                        at: locationOf(keyIndex),
                        related: [RelatedLocation(location(first.start, first.end), "first defined here")],
                        help: "remove one of the two entries, or merge them"))
            }
        }
    }

    /// Whether the keys of a small `mapping` are certainly distinct text with no merge key, seen
    /// from their bytes alone: untagged ASCII scalars that read as themselves (quoted, or plain
    /// and no null, bool, number or `<<`), no two alike. Nearly every mapping is
    /// one; any other gets `checkKeys`, which finds and words what is wrong.
    private func keysAreDistinctText(_ mapping: NodeRecord, arena: [UInt8]) -> Bool {
        let count = Int(mapping.count), base = Int(mapping.payload)
        guard count <= 8 else { return false }
        return arena.withUnsafeBufferPointer { text -> Bool in
            guard let start = text.baseAddress else { return count == 0 }
            for pair in 0..<count {
                let key = tree.records[Int(tree.children[base + 2 * pair])]
                guard key.kind == .scalar, key.tag < 0 else { return false }
                let keyStart = start + Int(key.payload)
                let bytes = UnsafeBufferPointer(start: keyStart, count: Int(key.count))
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                if key.style == .plain {
                    guard YAMLScalarValue.plainIsText(bytes),
                        !(bytes.count == 2 && bytes[0] == UInt8(ascii: "<") && bytes[1] == UInt8(ascii: "<"))
                    else { return false }
                }
                for earlier in 0..<pair {
                    let other = tree.records[Int(tree.children[base + 2 * earlier])]
                    if other.count == key.count && memcmp(start + Int(other.payload), keyStart, bytes.count) == 0 {
                        return false
                    }
                }
            }
            return true
        }
    }

    private mutating func checkScalarTag(_ tag: String, index: Int32, arena: [UInt8]) {
        guard checkKnownTag(tag, index: index) else { return }
        let r = tree.records[Int(index)]
        let text = String(decoding: arena[Int(r.payload)..<Int(r.payload + r.count)], as: UTF8.self)
        switch YAMLScalarValue.resolve(text, style: r.style, tag: tag) {
        case let .invalid(shortTag, _):
            diagnostics.append(
                .error(
                    "yaml-tag-mismatch", "\"\(text)\" is not a valid \(shortTag) value", at: locationOf(index),
                    help: "remove the tag or correct the value"))
        default:
            if tag.hasSuffix(":seq") || tag.hasSuffix(":map") {
                diagnostics.append(
                    .error("yaml-tag-mismatch", "a scalar cannot carry the tag \(shortName(tag))", at: locationOf(index)))
            }
        }
    }

    private mutating func checkCollectionTag(_ tag: String, kind: YAMLNodeKind, index: Int32) {
        guard checkKnownTag(tag, index: index) else { return }
        let expected = kind == .sequence ? "seq" : "map"
        if tag != "!" && tag != YAMLScalarValue.corePrefix + expected {
            diagnostics.append(
                .error(
                    "yaml-tag-mismatch", "a \(kind == .sequence ? "sequence" : "mapping") cannot carry the tag \(shortName(tag))",
                    at: locationOf(index)))
        }
    }

    /// Reports a tag outside YAML's core schema; returns whether the tag is a core one.
    private mutating func checkKnownTag(_ tag: String, index: Int32) -> Bool {
        if tag == "!" || YAMLScalarValue.coreTags.contains(tag) { return true }
        diagnostics.append(
            .warning(
                "yaml-unknown-tag", "the tag \(shortName(tag)) means nothing to Prereq and is ignored",
                at: locationOf(index), help: "only YAML's core tags (!!str, !!int, !!float, !!bool, !!null) are read"))
        return false
    }

    // MARK: - Helpers

    private func shortName(_ tag: String) -> String {
        tag.hasPrefix(YAMLScalarValue.corePrefix) ? "!!" + tag.dropFirst(YAMLScalarValue.corePrefix.count) : tag
    }

    private func mark(_ m: RawMark) -> YAMLMark {
        YAMLMark(line: Int32(clamping: m.line + 1), column: Int32(clamping: m.column + 1))
    }

    private func locationOf(_ index: Int32) -> SourceLocation {
        let r = tree.records[Int(index)]
        return location(r.start, r.end)
    }

    private func location(_ start: YAMLMark, _ end: YAMLMark) -> SourceLocation {
        SourceLocation(
            file: file, line: Int(start.line), column: Int(start.column), endLine: Int(end.line),
            endColumn: Int(end.column))
    }

    private mutating func intern(_ tag: String?) -> Int32 {
        guard let tag else { return -1 }
        if let i = tree.tagIndex[tag] { return i }
        tree.tags.append(tag)
        let i = Int32(tree.tags.count - 1)
        tree.tagIndex[tag] = i
        return i
    }

    private mutating func internAnchor(_ name: String) -> Int32 {
        if let i = tree.anchorIndex[name] { return i }
        tree.anchors.append(name)
        let i = Int32(tree.anchors.count - 1)
        tree.anchorIndex[name] = i
        return i
    }
}

extension Array {
    /// Room for about `count` elements and an eighth more: what the next piece or batch of a
    /// stream needs when the last one held `count`, made at once instead of by doubling.
    mutating func reserveRoom(afterOneOf count: Int) {
        reserveCapacity(count + count / 8)
    }
}
