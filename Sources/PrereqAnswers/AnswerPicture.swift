import PrereqEvaluation
import PrereqGraph

/// The part of the rule graph behind an answer (what its features depend on), coloured by the
/// environment, for a picture beside the answer. A big part is cut down to what stands in the
/// way: the features asked about, every node that stands in the way, is unknown or is on but
/// not in effect, and the nodes on the way to them — at most `maxNodes` in all.
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
        var parents: [[Int]] = Array(repeating: [], count: total)
        for e in diagram.edges { parents[e.to].append(e.from) }
        let asked = diagram.nodes.indices.filter { n in
            if case .feature(let f) = diagram.nodes[n].kind { return features.contains(f) }
            return false
        }
        let wanted = asked + diagram.nodes.indices.filter { n in
            !asked.contains(n) && (states[n] == .blocking || states[n] == .unknown || states[n] == .notInEffect)
        }
        // The problems and everything above them (every node of the part lies below a feature
        // asked about); when even that is too big, the features asked about and the first problems.
        var keep = Set<Int>()
        var stack = wanted
        while let n = stack.popLast() {
            guard keep.insert(n).inserted else { continue }
            stack += parents[n]
        }
        if keep.count > AnswerPicture.maxNodes { keep = Set(wanted.prefix(AnswerPicture.maxNodes)) }
        let (cut, old) = diagram.restricted(to: keep.contains)
        return AnswerPicture(diagram: cut, states: old.map { states[$0] }, cutFrom: total)
    }
}
