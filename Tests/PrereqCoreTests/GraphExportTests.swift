import PrereqCore
import Testing

@Suite struct GraphExportTests {
    static let yaml = """
        prereq: 1
        features:
          a: {name: 'Say "hi" <b>', requires: [b, {anyOf: [c, d]}, {not: e}], conflicts: [x], takesEffect: {jobs: [j2]}}
          b: {}
          c: {}
          d: {}
          e: {}
          x: {}
          unrelated: {}
        jobs:
          j1: {code: "1"}
          j2: {code: "2", after: [j1]}
        """

    @Test func dotShowsEveryKindOfEdgeWithEscapedLabels() {
        let (p, _) = pack(Self.yaml)
        let graph = RuleGraph(p)
        let dot = GraphExport(graph: graph, language: .english).render(.dot, feature: graph.featureIndex["a"])
        #expect(dot.contains(#""a" [label="Say \"hi\" <b>"];"#))
        #expect(dot.contains(#""a" -> "b";"#))
        #expect(dot.contains(#""a" -> "c" [style=dashed, label="any of"];"#))
        #expect(dot.contains(#""a" -> "e" [arrowhead=tee, color=red, label="not"];"#))
        #expect(dot.contains(#""a" -> "x" [dir=none, color=red, label="conflicts"];"#))
        #expect(dot.contains(#""a" -> "j2" [style=dotted, label="then run"];"#))
        #expect(dot.contains(#""j2" -> "j1" [label="after"];"#))
        #expect(!dot.contains("unrelated"))
    }

    @Test func mermaidNumbersNodesAndEscapesLabels() {
        let (p, _) = pack(Self.yaml)
        let mermaid = GraphExport(graph: RuleGraph(p), language: .english).render(.mermaid)
        #expect(mermaid.hasPrefix("flowchart LR\n  n0[\"Say #quot;hi#quot; #lt;b#gt;\"]\n"))
        #expect(mermaid.contains("n0 -. any of .-> n2"))
        #expect(mermaid.contains("unrelated"))
        #expect(mermaid.contains("([\"2\"])"))
    }

    @Test func theShippedPackDrawsInPortuguese() {
        let rules = inPackageRoot { LoadedRules.load(paths: ["rules"]) }
        let out = GraphExport(graph: rules.graph, language: .brazilianPortuguese).render(.mermaid, feature: rules.graph.featureIndex["async-customer-editing"])
        Golden.check(out, "graph-async-customer-editing.pt-BR.mmd")
    }

    @Test func controlCharactersFromThePackNeverReachTheTerminal() {
        let (p, _) = pack("prereq: 1\nfeatures:\n  a: {name: \"evil\\e[2Jname\\u0007\"}\n")
        for format in GraphExport.Format.allCases {
            let out = GraphExport(graph: RuleGraph(p), language: .english).render(format)
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
            #expect(out.contains("u{1B}[2Jname"))
        }
    }
}
