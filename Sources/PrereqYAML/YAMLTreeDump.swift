import Diagnostics

/// Renders a document's node tree as the loader saw it, for `prereq inspect`: every node with
/// its line and column. Output is streamed in chunks to `write`, so large files stay cheap.
public struct YAMLTreeDump {
    public enum Format: Sendable { case text, json }

    public let format: Format
    private let write: (String) -> Void
    private var buffer = ""
    private static let flushThreshold = 1 << 20

    public init(format: Format, write: @escaping (String) -> Void) {
        self.format = format
        self.write = write
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Writes all files: text as an indented outline per document; JSON as one array of
    /// `{"file", "documents": [node…], "diagnostics": […]}` objects.
    public mutating func dump(_ files: [YAMLFile]) {
        if format == .json { emit("[") }
        for (i, file) in files.enumerated() {
            switch format {
            case .text: dumpText(file)
            case .json:
                if i > 0 { emit(",") }
                dumpJSON(file)
            }
        }
        if format == .json { emit("]\n") }
        flush()
    }

    // MARK: - Text

    private mutating func dumpText(_ file: YAMLFile) {
        if file.documents.isEmpty && !file.hasErrors {
            emit("\(TerminalText.escape(file.path)): no documents\n")
        }
        for document in file.documents {
            emit("\(TerminalText.escape(file.path)): document \(document.index + 1)\n")
            YAMLWalker.walk(document.root) { event in
                guard case let .enter(node, role, depth) = event else { return }
                var line = "\(node.line):\(node.column)"
                line += String(repeating: " ", count: max(1, 10 - line.count) + 2 * depth)
                switch role {
                case .key: line += "key: "
                case .value: line += "value: "
                case .element: line += "- "
                case .root: break
                }
                line += describe(node)
                emit(line + "\n")
            }
        }
    }

    private func describe(_ node: YAMLNode) -> String {
        var parts: [String] = []
        switch node.kind {
        case .scalar:
            var text = ""
            JSONValue.writeString(node.scalarText ?? "", to: &text)
            parts.append("scalar \(node.scalarStyle.name) \(TerminalText.escape(text))")
        case .sequence: parts.append("sequence\(node.isFlow ? " (flow)" : "") of \(node.count)")
        case .mapping: parts.append("mapping\(node.isFlow ? " (flow)" : "") of \(node.count)")
        case .alias:
            let target = node.resolved
            parts.append("alias *\(node.anchor ?? "") -> \(target.line):\(target.column)")
        }
        if node.kind != .alias, let anchor = node.anchor { parts.append("&\(TerminalText.escape(anchor))") }
        if let tag = node.tag { parts.append("<\(TerminalText.escape(tag))>") }
        return parts.joined(separator: " ")
    }

    // MARK: - JSON

    private mutating func dumpJSON(_ file: YAMLFile) {
        emit("{\"file\":")
        var text = ""
        JSONValue.writeString(file.path, to: &text)
        emit(text + ",\"documents\":[")
        for (i, document) in file.documents.enumerated() {
            if i > 0 { emit(",") }
            dumpJSON(document.root)
        }
        emit("],\"diagnostics\":" + JSONValue.array(file.diagnostics.map(\.json)).serialized() + "}")
    }

    private mutating func dumpJSON(_ root: YAMLNode) {
        // Whether the next child at each depth is the first one (no comma before it).
        var firstChild: [Bool] = []
        YAMLWalker.walk(root) { event in
            switch event {
            case let .enter(node, role, _):
                var out = ""
                if role == .key || role == .element {
                    if firstChild[firstChild.count - 1] { firstChild[firstChild.count - 1] = false } else { out += "," }
                }
                if role == .key { out += "{\"key\":" }
                if role == .value { out += ",\"value\":" }
                out += "{\"kind\":\"\(kindName(node.kind))\",\"line\":\(node.line),\"column\":\(node.column)"
                if let tag = node.tag { out += ",\"tag\":"; JSONValue.writeString(tag, to: &out) }
                if let anchor = node.anchor {
                    out += node.kind == .alias ? ",\"alias\":" : ",\"anchor\":"
                    JSONValue.writeString(anchor, to: &out)
                }
                switch node.kind {
                case .scalar:
                    out += ",\"style\":\"\(node.scalarStyle.name)\",\"value\":"
                    JSONValue.writeString(node.scalarText ?? "", to: &out)
                    out += "}"
                case .alias:
                    let target = node.resolved
                    out += ",\"target\":{\"line\":\(target.line),\"column\":\(target.column)}}"
                case .sequence, .mapping:
                    out += ",\"flow\":\(node.isFlow),\"children\":["
                    firstChild.append(true)
                }
                emit(out)
            case let .leave(node, role, _):
                if node.kind == .sequence || node.kind == .mapping {
                    firstChild.removeLast()
                    emit("]}")
                }
                if role == .value { emit("}") }
            }
        }
    }

    private func kindName(_ kind: YAMLNodeKind) -> String {
        switch kind {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }

    // MARK: - Output

    private mutating func emit(_ s: String) {
        buffer += s
        if buffer.utf8.count >= Self.flushThreshold { flush() }
    }

    private mutating func flush() {
        if !buffer.isEmpty {
            write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
