import Diagnostics
import PrereqEvaluation
import PrereqGraph
import PrereqMessages

/// `prereq graph`: the rule graph, or the part behind some features, as Graphviz DOT or
/// Mermaid (a `ConditionDiagram` drawn). Features are boxes and jobs ovals; all-of, any-of,
/// counts, `not`, `when`, recommendations and `eachChannel` small logic nodes; settings,
/// attributes, versions, record checks, manual steps, schedules and events condition nodes of
/// their own shapes, the test in the label. Choices are dashed arrows, a `not` a red tee,
/// conflicts red lines, jobs a feature runs dotted arrows, `after` between jobs labelled arrows.
/// With states (from a snapshot), nodes are filled by them and a legend explains the colours.
/// Both formats draw the same nodes and edges in the same order, with numbered ids.
public struct GraphExport {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    package let graph: RuleGraph
    let language: Language
    package let messages: Messages

    public init(graph: RuleGraph, language: Language) {
        self.graph = graph
        self.language = language
        messages = Messages(language)
    }

    /// Renders the whole pack, or only what `feature` (an index) depends on; coloured by the
    /// environment when `facts` are given.
    public func render(_ format: Format, feature: Int? = nil, facts: EnvironmentFacts? = nil) -> String {
        let diagram = ConditionDiagram(graph: graph, focus: feature.map { [$0] } ?? [])
        var evaluator = facts.map { Evaluator(facts: $0, language: language) }
        return render(diagram, states: evaluator?.states(of: diagram), format)
    }

    /// Renders `diagram`, filled by `states` (one per node, from `Evaluator.states(of:)`) with a
    /// legend when they are given.
    public func render(_ diagram: ConditionDiagram, states: [DiagramState?]?, _ format: Format) -> String {
        let labels = DiagramLabels(graph: graph, messages: messages)
        switch format {
        case .dot: return DOTWriter(labels: labels).write(diagram, states: states)
        case .mermaid: return MermaidWriter(labels: labels).write(diagram, states: states)
        }
    }
}

/// The colours of the states, shared by both formats (fill, line, text); unknown is white with a
/// dashed purple line, never green.
enum StateColours {
    static func of(_ state: DiagramState) -> (fill: String, line: String, text: String) {
        switch state {
        case .on: ("#c8e6c9", "#2e7d32", "#1b5e20")
        case .off: ("#eeeeee", "#9e9e9e", "#424242")
        case .blocking: ("#ffcdd2", "#c62828", "#b71c1c")
        case .unknown: ("#ffffff", "#6a1b9a", "#4a148c")
        case .notInEffect: ("#ffe0b2", "#e65100", "#bf360c")
        }
    }

    /// The states a legend lists, in its order.
    static let legendOrder: [DiagramState] = [.on, .notInEffect, .off, .blocking, .unknown]
}
