import Diagnostics
import PrereqGraph
import PrereqMessages
import PrereqYAML

/// `prereq graph`: the rule graph, or the part behind one feature, as Graphviz DOT or Mermaid.
/// Requirements are solid arrows (dashed for alternatives, with a cross for `not`), conflicts
/// red lines, jobs a feature needs dotted arrows, and `after` between jobs arrows of their own
/// (labelled with the state for `after` … `reached`; `createdBy` dashed).
public struct GraphExport {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    enum EdgeKind: Hashable { case requires, alternative, forbids, conflicts, takesEffect, after, afterState(String), createdBy }

    struct Edge: Hashable {
        var from: String
        var to: String
        var kind: EdgeKind
    }

    package let graph: RuleGraph
    let language: Language
    package let messages: Messages

    public init(graph: RuleGraph, language: Language) {
        self.graph = graph
        self.language = language
        messages = Messages(language)
    }

    /// Renders the whole pack, or only what `feature` (an index) depends on.
    public func render(_ format: Format, feature: Int? = nil) -> String {
        let pack = graph.pack
        var features: [Int] = []
        var jobs = Set<Int>()
        if let feature {
            var seen = Set([feature])
            var stack = [feature]
            while let f = stack.popLast() {
                features.append(f)
                for g in Array(graph.mentions[f]) + graph.conflicts[f] where seen.insert(g).inserted { stack.append(g) }
            }
            features.sort()
        } else {
            features = Array(pack.features.indices)
        }
        var edges: [Edge] = []
        var seenEdges = Set<Edge>()
        func add(_ e: Edge) { if seenEdges.insert(e).inserted { edges.append(e) } }
        let included = Set(features)
        for f in features {
            let feature = pack.features[f]
            let id = feature.id.value
            if let r = feature.requires {
                for ref in r.mandatoryFeatures { add(Edge(from: id, to: ref.value, kind: .requires)) }
                for ref in r.forbiddenFeatures { add(Edge(from: id, to: ref.value, kind: .forbids)) }
                let direct = Set(r.mandatoryFeatures.map(\.value) + r.forbiddenFeatures.map(\.value))
                for ref in r.featureReferences where !direct.contains(ref.value) { add(Edge(from: id, to: ref.value, kind: .alternative)) }
            }
            for g in graph.conflicts[f] where included.contains(g) && f < g {
                add(Edge(from: id, to: pack.features[g].id.value, kind: .conflicts))
            }
            for ref in feature.takesEffect?.jobs ?? [] {
                if let j = graph.jobIndex[ref.value] { jobs.insert(j) }
                add(Edge(from: id, to: ref.value, kind: .takesEffect))
            }
        }
        if feature == nil { jobs.formUnion(pack.jobs.indices) }
        var pending = Array(jobs)
        while let j = pending.popLast() {
            for k in graph.jobRunsAfter[j] where jobs.insert(k).inserted { pending.append(k) }
        }
        let sortedJobs = jobs.sorted()
        for j in sortedJobs {
            let id = pack.jobs[j].id.value
            for ref in pack.jobs[j].after { add(Edge(from: id, to: ref.value, kind: .after)) }
            for o in pack.jobs[j].afterReached { add(Edge(from: id, to: o.job.value, kind: .afterState(o.state.value))) }
            if let c = pack.jobs[j].createdBy { add(Edge(from: id, to: c.value, kind: .createdBy)) }
        }
        let nodes: [(id: String, label: String, isJob: Bool)] =
            features.map { (pack.features[$0].id.value, pack.features[$0].displayName(in: language.tag), false) }
            + sortedJobs.map { (pack.jobs[$0].id.value, pack.jobs[$0].displayName(in: language.tag), true) }
        switch format {
        case .dot: return dot(nodes, edges)
        case .mermaid: return mermaid(nodes, edges)
        }
    }

    private func dot(_ nodes: [(id: String, label: String, isJob: Bool)], _ edges: [Edge]) -> String {
        func q(_ s: String) -> String {
            "\"" + TerminalText.escape(s, keepNewlines: true).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "") + "\""
        }
        var out = "digraph prereq {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
        for n in nodes {
            out += "  \(q(n.id)) [label=\(q(n.label))\(n.isJob ? ", shape=ellipse" : "")];\n"
        }
        for e in edges {
            let style: String
            switch e.kind {
            case .requires: style = ""
            case .alternative: style = " [style=dashed, label=\(q(messages.edgeAnyOf))]"
            case .forbids: style = " [arrowhead=tee, color=red, label=\(q(messages.edgeNot))]"
            case .conflicts: style = " [dir=none, color=red, label=\(q(messages.edgeConflicts))]"
            case .takesEffect: style = " [style=dotted, label=\(q(messages.edgeThenRun))]"
            case .after: style = " [label=\(q(messages.edgeAfter))]"
            case .afterState(let state): style = " [label=\(q(messages.edgeAfterState(state)))]"
            case .createdBy: style = " [style=dashed, label=\(q(messages.edgeCreatedBy))]"
            }
            out += "  \(q(e.from)) -> \(q(e.to))\(style);\n"
        }
        return out + "}\n"
    }

    private func mermaid(_ nodes: [(id: String, label: String, isJob: Bool)], _ edges: [Edge]) -> String {
        // Mermaid ids must be plain: number the nodes; labels escape quotes and markup as entity
        // codes, `#` so that input cannot write codes of its own, `%` so that it cannot write a
        // `%%{init…}%%` directive (Mermaid finds those anywhere in the text), and backticks so
        // that it cannot start a Markdown label.
        var number: [String: Int] = [:]
        func label(_ s: String) -> String {
            var out = ""
            for ch in TerminalText.escape(s, keepNewlines: true) {
                switch ch {
                case "#": out += "#35;"
                case "%": out += "#37;"
                case "`": out += "#96;"
                case "\"": out += "#quot;"
                case "<": out += "#lt;"
                case ">": out += "#gt;"
                case "\n", "\r": out += " "
                default: out.append(ch)
                }
            }
            return out
        }
        var out = "flowchart LR\n"
        for (i, n) in nodes.enumerated() {
            number[n.id] = i
            out += n.isJob ? "  n\(i)([\"\(label(n.label))\"])\n" : "  n\(i)[\"\(label(n.label))\"]\n"
        }
        for e in edges {
            guard let a = number[e.from] else { continue }
            let b: Int
            if let known = number[e.to] {
                b = known
            } else {
                b = number.count
                number[e.to] = b
                out += "  n\(b)[\"\(label(e.to)) (undefined)\"]\n"
            }
            switch e.kind {
            case .requires: out += "  n\(a) --> n\(b)\n"
            case .alternative: out += "  n\(a) -. \(messages.edgeAnyOf) .-> n\(b)\n"
            case .forbids: out += "  n\(a) -- \(messages.edgeNot) --x n\(b)\n"
            case .conflicts: out += "  n\(a) x-- \(messages.edgeConflicts) --x n\(b)\n"
            case .takesEffect: out += "  n\(a) -. \(messages.edgeThenRun) .-> n\(b)\n"
            case .after: out += "  n\(a) -- \(messages.edgeAfter) --> n\(b)\n"
            case .afterState(let state): out += "  n\(a) -- \(label(messages.edgeAfterState(state))) --> n\(b)\n"
            case .createdBy: out += "  n\(a) -. \(messages.edgeCreatedBy) .-> n\(b)\n"
            }
        }
        return out
    }
}
