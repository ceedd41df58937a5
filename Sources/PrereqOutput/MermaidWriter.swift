import Diagnostics
import PrereqEvaluation
import PrereqGraph

/// A `ConditionDiagram` as a Mermaid flowchart: nodes `n0`, `n1`, … with quoted labels, edge
/// labels quoted between bars, colours as `classDef` classes.
struct MermaidWriter {
    let labels: DiagramLabels

    func write(_ diagram: ConditionDiagram, states: [DiagramState?]?) -> String {
        var out = "flowchart LR\n"
        for (i, node) in diagram.nodes.enumerated() {
            let (open, close) = Self.shape(node.kind)
            out += "  n\(i)\(open)\"\(Self.label(labels.node(node.kind)))\"\(close)\n"
        }
        for e in diagram.edges {
            let words = labels.edge(e).map { "|\"\(Self.label($0))\"|" } ?? ""
            out += "  n\(e.from) \(Self.arrow(e.kind))\(words) n\(e.to)\n"
        }
        guard let states else { return out }
        out += "  subgraph legend[\"\(Self.label(labels.messages.legendTitle))\"]\n"
        for (i, state) in StateColours.legendOrder.enumerated() {
            out += "    legend\(i)[\"\(Self.label(labels.legend(state)))\"]:::\(state.rawValue)\n"
        }
        out += "  end\n"
        for state in StateColours.legendOrder {
            let c = StateColours.of(state)
            let line = state == .blocking ? ",stroke-width:3px" : state == .unknown ? ",stroke-dasharray:5 3" : ""
            out += "  classDef \(state.rawValue) fill:\(c.fill),stroke:\(c.line),color:\(c.text)\(line)\n"
        }
        for state in StateColours.legendOrder {
            let members = states.indices.filter { states[$0] == state }
            if !members.isEmpty { out += "  class \(members.map { "n\($0)" }.joined(separator: ",")) \(state.rawValue)\n" }
        }
        return out
    }

    /// Label text for inside double quotes. Mermaid ids must be plain, so nodes are numbered;
    /// labels escape quotes and markup as entity codes, `#` so that input cannot write codes of
    /// its own, `%` so that it cannot write a `%%{init…}%%` directive (Mermaid finds those
    /// anywhere in the text), backticks so that it cannot start a Markdown label, and `|` so
    /// that it cannot end an edge label; line breaks become spaces.
    static func label(_ s: String) -> String {
        var out = ""
        for ch in TerminalText.escape(s, keepNewlines: true) {
            switch ch {
            case "#": out += "#35;"
            case "%": out += "#37;"
            case "`": out += "#96;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "|": out += "#124;"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static func shape(_ kind: ConditionDiagram.Kind) -> (String, String) {
        switch kind {
        case .feature, .undefined: return ("[", "]")
        case .job, .schedule, .event: return ("([", "])")
        case .logic(let logic):
            switch logic {
            case .allOf, .not, .recommended: return ("((", "))")
            case .anyOf, .count, .when, .eachChannel: return ("{{", "}}")
            }
        case .setting: return ("[/", "/]")
        case .attribute: return ("[\\", "\\]")
        case .productAtLeast, .productBelow, .componentVersion: return ("[[", "]]")
        case .records: return ("[(", ")]")
        case .manual: return (">", "]")
        }
    }

    static func arrow(_ kind: ConditionDiagram.EdgeKind) -> String {
        switch kind {
        case .requires, .then, .after, .afterState: return "-->"
        case .alternative, .condition, .scope, .createdBy, .recommends, .takesEffect: return "-.->"
        case .negated: return "--x"
        case .conflicts: return "x--x"
        }
    }
}
