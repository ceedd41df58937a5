import PrereqEvaluation
import PrereqGraph

/// The part of the rule graph behind an answer (what its features depend on), coloured by the
/// environment, for a picture beside the answer. A big part is cut down to the path that
/// blocks: the features asked about and, from them down, every node that stands in the way, is
/// unknown or is on but not in effect — at most `maxNodes` in all, nearest first.
public struct AnswerPicture: Sendable {
    public var diagram: ConditionDiagram
    /// One state per node of `diagram`.
    public var states: [DiagramState?]
    /// How many nodes the whole part had, when the picture was cut (nil: it was not).
    public var cutFrom: Int?

    /// The most nodes a picture draws: beyond, a rendered Mermaid picture stops being readable.
    public static let maxNodes = 60
}

extension Evaluator {
    /// The picture of what `features` depend on, coloured by this evaluator's facts.
    public mutating func picture(of features: [Int]) -> AnswerPicture {
        let diagram = ConditionDiagram(graph: graph, focus: features)
        let states = states(of: diagram)
        let total = diagram.nodes.count
        guard total > AnswerPicture.maxNodes else { return AnswerPicture(diagram: diagram, states: states, cutFrom: nil) }
        // From the features asked about, down every edge to a node with a problem (standing in
        // the way, unknown, on but not in effect), breadth first: the path that blocks, connected,
        // nearest first when even that is too long.
        var children: [[Int]] = Array(repeating: [], count: total)
        for e in diagram.edges {
            children[e.from].append(e.to)
            if e.kind == .conflicts { children[e.to].append(e.from) }  // a conflict has no direction
        }
        let problem: Set<DiagramState> = [.blocking, .unknown, .notInEffect]
        var order = diagram.nodes.indices.filter { n in
            if case .feature(let f) = diagram.nodes[n].kind { return diagram.focus.contains(f) }
            return false
        }
        var keep = Set(order)
        var next = 0
        while next < order.count, keep.count < AnswerPicture.maxNodes {
            for c in children[order[next]] where keep.count < AnswerPicture.maxNodes && states[c].map(problem.contains) == true && keep.insert(c).inserted {
                order.append(c)
            }
            next += 1
        }
        let (cut, old) = diagram.restricted(to: keep.contains)
        return AnswerPicture(diagram: cut, states: old.map { states[$0] }, cutFrom: total)
    }
}
