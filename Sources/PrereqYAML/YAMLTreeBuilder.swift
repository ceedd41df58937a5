import Diagnostics

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

    private var records: [NodeRecord] = []
    private var children: [Int32] = []
    private var tags: [String] = []
    private var tagIndex: [String: Int32] = [:]
    private var anchors: [String] = []
    private var anchorIndex: [String: Int32] = [:]
    /// Anchor name to the node that most recently defined it.
    private var anchoredNode: [String: Int32] = [:]
    /// Open collections: record index and where their children start in `pending`.
    private var open: [(record: Int32, pendingStart: Int)] = []
    private var openNodes: Set<Int32> = []
    private var pending: [Int32] = []
    private var root: Int32 = -1

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func handle(_ event: RawEvent, arena: inout [UInt8]) -> LibYAMLEventReader.Control {
        switch event {
        case .documentStart:
            resetDocument()
        case .documentEnd:
            finishDocument(arena: &arena)
        case let .scalar(text, style, anchor, tag, start, end):
            let index = add(
                NodeRecord(
                    kind: .scalar, style: style, flow: false, start: mark(start), end: mark(end), tag: intern(tag),
                    anchor: -1, payload: Int32(text.lowerBound), count: Int32(text.count)))
            define(anchor, index)
            if let tag { checkScalarTag(tag, index: index, arena: arena) }
            attach(index)
        case let .sequenceStart(anchor, tag, flow, start):
            return openCollection(.sequence, anchor: anchor, tag: tag, flow: flow, start: start)
        case let .mappingStart(anchor, tag, flow, start):
            return openCollection(.mapping, anchor: anchor, tag: tag, flow: flow, start: start)
        case let .collectionEnd(end):
            closeCollection(end: mark(end), arena: arena)
        case let .alias(name, start, end):
            let location = SourceLocation(
                file: file, line: start.line + 1, column: start.column + 1, endLine: end.line + 1,
                endColumn: end.column + 1)
            var target: Int32 = -1
            if let node = anchoredNode[name] {
                if openNodes.contains(node) {
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
                    kind: .alias, style: .plain, flow: false, start: mark(start), end: mark(end), tag: -1,
                    anchor: internAnchor(name), payload: max(target, 0), count: 0))
            if target < 0 {
                // Keep the tree well formed: an unresolved alias points at itself.
                records[Int(index)].payload = index
            }
            attach(index)
        }
        return stopped ? .stop : .proceed
    }

    // MARK: - Documents

    private mutating func resetDocument() {
        records = []
        children = []
        tags = []
        tagIndex = [:]
        anchors = []
        anchorIndex = [:]
        anchoredNode = [:]
        open = []
        openNodes = []
        pending = []
        root = -1
    }

    private mutating func finishDocument(arena: inout [UInt8]) {
        defer { arena = [] }
        guard root >= 0 else { return }
        // The arrays grew by doubling and are kept as they are: copying them to exact size
        // would hold both at once, while the spare capacity at their end, never written, takes
        // address space but no memory.
        documents.append(
            YAMLDocument(
                file: file, index: documents.count, records: records, children: children,
                text: arena, tags: tags, anchors: anchors, rootIndex: root))
        resetDocument()
    }

    // MARK: - Nodes

    private mutating func add(_ record: NodeRecord) -> Int32 {
        records.append(record)
        return Int32(records.count - 1)
    }

    private mutating func attach(_ index: Int32) {
        if open.isEmpty {
            root = index
        } else {
            pending.append(index)
        }
    }

    private mutating func openCollection(
        _ kind: YAMLNodeKind, anchor: String?, tag: String?, flow: Bool, start: RawMark
    ) -> LibYAMLEventReader.Control {
        let startMark = mark(start)
        if open.count >= limits.maxDepth {
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
                kind: kind, style: .plain, flow: flow, start: startMark, end: startMark, tag: intern(tag), anchor: -1,
                payload: 0, count: 0))
        define(anchor, index)
        if let tag { checkCollectionTag(tag, kind: kind, index: index) }
        open.append((index, pending.count))
        openNodes.insert(index)
        return .proceed
    }

    private mutating func closeCollection(end: YAMLMark, arena: [UInt8]) {
        guard let (index, pendingStart) = open.popLast() else { return }
        openNodes.remove(index)
        let itemCount = pending.count - pendingStart
        var record = records[Int(index)]
        record.end = end
        record.payload = Int32(children.count)
        record.count = Int32(record.kind == .mapping ? itemCount / 2 : itemCount)
        // No slice of `pending` may outlive this append: removing the tail while a slice still
        // shares the buffer copies all of `pending` (every open parent's children) on each
        // close, which made wide files quadratic.
        children.append(contentsOf: pending[pendingStart...])
        pending.removeLast(itemCount)
        records[Int(index)] = record
        if record.kind == .mapping { checkKeys(of: record, arena: arena) }
        attach(index)
    }

    private mutating func define(_ anchor: String?, _ index: Int32) {
        guard let anchor else { return }
        records[Int(index)].anchor = internAnchor(anchor)
        anchoredNode[anchor] = index
    }

    // MARK: - Checks

    private mutating func checkKeys(of mapping: NodeRecord, arena: [UInt8]) {
        // Small mappings (nearly all) are checked by a linear scan: cheaper than hashing.
        let small = mapping.count <= 12
        var seenList: [(value: YAMLScalarValue, node: Int32)] = []
        var seen: [YAMLScalarValue: Int32] = [:]
        if small { seenList.reserveCapacity(Int(mapping.count)) } else { seen.reserveCapacity(Int(mapping.count)) }
        let base = Int(mapping.payload)
        for pair in 0..<Int(mapping.count) {
            let keyIndex = children[base + 2 * pair]
            var key = records[Int(keyIndex)]
            if key.kind == .alias { key = records[Int(key.payload)] }
            guard key.kind == .scalar else { continue }
            let text = String(decoding: arena[Int(key.payload)..<Int(key.payload + key.count)], as: UTF8.self)
            let tag = key.tag < 0 ? nil : tags[Int(key.tag)]
            if text == "<<", key.style == .plain, tag == nil || tag == YAMLScalarValue.corePrefix + "merge" {
                diagnostics.append(
                    .error(
                        "yaml-merge-key", "merge keys (<<) are not supported", at: locationOf(keyIndex),
                        help: "write the keys out, or share a whole node with an anchor and an alias"))
                continue
            }
            let value = YAMLScalarValue.resolve(text, style: key.style, tag: tag)
            let earlier = small ? seenList.first(where: { $0.value == value })?.node : seen[value]
            if let first = earlier {
                diagnostics.append(
                    .error(
                        "yaml-duplicate-key", "duplicate key \"\(value.description)\" in this mapping",
                        at: locationOf(keyIndex), related: [RelatedLocation(locationOf(first), "first defined here")],
                        help: "remove one of the two entries, or merge them"))
            } else if small {
                seenList.append((value, keyIndex))
            } else {
                seen[value] = keyIndex
            }
        }
    }

    private mutating func checkScalarTag(_ tag: String, index: Int32, arena: [UInt8]) {
        guard checkKnownTag(tag, index: index) else { return }
        let r = records[Int(index)]
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
        let r = records[Int(index)]
        return SourceLocation(
            file: file, line: Int(r.start.line), column: Int(r.start.column), endLine: Int(r.end.line),
            endColumn: Int(r.end.column))
    }

    private mutating func intern(_ tag: String?) -> Int32 {
        guard let tag else { return -1 }
        if let i = tagIndex[tag] { return i }
        tags.append(tag)
        let i = Int32(tags.count - 1)
        tagIndex[tag] = i
        return i
    }

    private mutating func internAnchor(_ name: String) -> Int32 {
        if let i = anchorIndex[name] { return i }
        anchors.append(name)
        let i = Int32(anchors.count - 1)
        anchorIndex[name] = i
        return i
    }
}
