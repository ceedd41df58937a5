import Diagnostics
import PrereqEvaluation
import PrereqGraph

/// A `ConditionDiagram` as Graphviz DOT: nodes `n0`, `n1`, … (pack ids never become DOT ids),
/// labels quoted with backslashes, quotes and line breaks escaped and control characters shown
/// as escapes, so input cannot end a string or reach a terminal.
struct DOTWriter {
    let labels: DiagramLabels

    func write(_ diagram: ConditionDiagram, states: [DiagramState?]?) -> String {
        var out = "digraph prereq {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for (i, node) in diagram.nodes.enumerated() {
            var attributes = ["label=\(Self.quoted(labels.node(node.kind)))"] + Self.shape(node.kind)
            if let state = states?[i] { attributes = Self.filled(attributes, state) }
            out += "  n\(i) [\(attributes.joined(separator: ", "))];\n"
        }
        for e in diagram.edges {
            var attributes = Self.style(e.kind)
            if let words = labels.edge(e) { attributes.append("label=\(Self.quoted(words))") }
            out += "  n\(e.from) -> n\(e.to)\(attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]");\n"
        }
        if states != nil {
            out += "  subgraph cluster_legend {\n    label=\(Self.quoted(labels.messages.legendTitle));\n    fontname=\"Helvetica\";\n"
            for state in StateColours.legendOrder {
                let attributes = Self.filled(["label=\(Self.quoted(labels.legend(state)))"], state)
                out += "    legend_\(state.rawValue) [\(attributes.joined(separator: ", "))];\n"
            }
            out += "  }\n"
        }
        return out + "}\n"
    }

    /// A DOT string: control characters as visible escapes, then backslashes, quotes and line
    /// breaks escaped.
    static func quoted(_ s: String) -> String {
        "\"" + TerminalText.escape(s, keepNewlines: true).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "") + "\""
    }

    static func shape(_ kind: ConditionDiagram.Kind) -> [String] {
        let small = ["fontsize=10", "width=0.3", "height=0.3", "margin=0.02"]
        switch kind {
        case .feature: return []
        case .job: return ["shape=ellipse"]
        case .undefined: return ["style=dashed"]
        case .logic(let logic):
            switch logic {
            case .allOf, .not: return ["shape=circle"] + small
            case .anyOf, .count: return ["shape=diamond"] + small
            case .when, .eachChannel: return ["shape=hexagon"] + small
            case .recommended: return ["shape=ellipse", "style=dashed"] + small
            }
        case .setting: return ["shape=note"]
        case .attribute: return ["shape=parallelogram"]
        case .productAtLeast, .productBelow, .componentVersion: return ["shape=component"]
        case .records: return ["shape=cylinder"]
        case .manual: return ["shape=house"]
        case .schedule, .event: return ["shape=ellipse", "style=dashed"]
        }
    }

    /// Node attributes with the state's fill (a dashed line kept, and added for unknown).
    static func filled(_ attributes: [String], _ state: DiagramState) -> [String] {
        let colours = StateColours.of(state)
        let dashed = attributes.contains("style=dashed") || state == .unknown
        return attributes.filter { $0 != "style=dashed" } + [
            dashed ? "style=\"filled,dashed\"" : "style=filled", "fillcolor=\"\(colours.fill)\"", "color=\"\(colours.line)\"",
            "fontcolor=\"\(colours.text)\"",
        ] + (state == .blocking ? ["penwidth=2"] : [])
    }

    static func style(_ kind: ConditionDiagram.EdgeKind) -> [String] {
        switch kind {
        case .requires, .then, .after, .afterState: return []
        case .alternative, .condition, .scope, .createdBy: return ["style=dashed"]
        case .negated: return ["arrowhead=tee", "color=red"]
        case .recommends, .takesEffect: return ["style=dotted"]
        case .conflicts: return ["dir=none", "color=red"]
        }
    }
}
