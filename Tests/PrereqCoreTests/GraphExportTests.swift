import Foundation
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

    static let fixtures = packageRoot + "/Tests/PrereqCoreTests/Fixtures/graph/"

    /// The fixture pack with every kind of node, and (when given) a snapshot of it.
    static func fixture(snapshot: String? = nil) -> (RuleGraph, EnvironmentFacts?) {
        let rules = LoadedRules.load(paths: [fixtures + "pack.yaml"])
        let facts = snapshot.map { file -> EnvironmentFacts in
            let read = SnapshotReader(language: .english).read(path: fixtures + file)
            return EnvironmentFacts(snapshot: read.snapshots[0], graph: rules.graph)
        }
        return (rules.graph, facts)
    }

    @Test func dotDrawsLogicNodesAndEscapesLabels() {
        let (p, _) = pack(Self.yaml)
        let graph = RuleGraph(p)
        let dot = GraphExport(graph: graph, language: .english).render(.dot, feature: graph.featureIndex["a"])
        #expect(dot.contains(#"n0 [label="Say \"hi\" <b>"];"#))
        #expect(dot.contains("n0 -> n1;"))
        #expect(dot.contains(#"[label="any of", shape=diamond"#))
        #expect(dot.contains(#"[label="not", shape=circle"#))
        #expect(dot.contains(#"[arrowhead=tee, color=red];"#))
        #expect(dot.contains(#"[dir=none, color=red, label="conflicts"];"#))
        #expect(dot.contains(#"[style=dotted, label="then run"];"#))
        #expect(dot.contains(#"[label="after"];"#))
        #expect(!dot.contains("unrelated"))
        #expect(!dot.contains("Legend"), "no legend without a snapshot")
    }

    @Test func mermaidNumbersNodesAndEscapesLabels() {
        let (p, _) = pack(Self.yaml)
        let mermaid = GraphExport(graph: RuleGraph(p), language: .english).render(.mermaid)
        #expect(mermaid.hasPrefix("flowchart LR\n  n0[\"Say #quot;hi#quot; #lt;b#gt;\"]\n"))
        #expect(mermaid.contains("{{\"any of\"}}"))
        #expect(mermaid.contains("((\"not\"))"))
        #expect(mermaid.contains("unrelated"))
        #expect(mermaid.contains("([\"2\"])"))
        #expect(!mermaid.contains("classDef"), "no colours without a snapshot")
    }

    @Test func everyKindOfNodeAsDOTAndMermaid() {
        let (graph, _) = Self.fixture()
        let export = GraphExport(graph: graph, language: .english)
        Golden.check(export.render(.dot), "graph-kinds.dot")
        Golden.check(export.render(.mermaid), "graph-kinds.mmd")
    }

    @Test func theFixtureColouredByASnapshot() {
        let (graph, facts) = Self.fixture(snapshot: "blocked.yaml")
        let export = GraphExport(graph: graph, language: .english)
        let editing = graph.featureIndex["editing"]
        Golden.check(export.render(.mermaid, feature: editing, facts: facts), "graph-kinds-blocked.mmd")
        Golden.check(export.render(.dot, feature: editing, facts: facts), "graph-kinds-blocked.dot")
        Golden.check(GraphExport(graph: graph, language: .brazilianPortuguese).render(.mermaid, feature: editing, facts: facts), "graph-kinds-blocked.pt-BR.mmd")
    }

    @Test func statesComeFromTheEvaluator() throws {
        let (graph, facts) = Self.fixture(snapshot: "blocked.yaml")
        let diagram = ConditionDiagram(graph: graph, focus: [try #require(graph.featureIndex["editing"])])
        var evaluator = Evaluator(facts: try #require(facts), language: .english)
        let states = evaluator.states(of: diagram)
        func state(_ kind: ConditionDiagram.Kind) -> DiagramState?? { diagram.nodes.firstIndex { $0.kind == kind }.map { states[$0] } }
        func feature(_ id: String) -> DiagramState?? { graph.featureIndex[id].flatMap { state(.feature($0)) } }
        #expect(feature("base") == .blocking, "an off prerequisite stands in the way")
        #expect(feature("legacy") == .blocking, "a feature that must be off and is on stands in the way")
        #expect(feature("fast-path") == .on)
        #expect(feature("slow-path") == .off, "the alternative not taken does not stand in the way")
        #expect(feature("archiving") == .off, "a recommendation never blocks")
        #expect(state(.attribute("region", .noneOf([.string("China")]))) == .unknown)
        #expect(state(.setting("batch-size", .range(atLeast: 10, atMost: 500))) == .blocking)
        #expect(state(.records("pending")) == .on)
        #expect(state(.manual("register-app")) == .unknown, "a manual step no snapshot can show")
        #expect(state(.logic(.when)) == .blocking)
        #expect(feature("editing") == .off)
    }

    @Test func unknownNeverLooksLikeOn() throws {
        // A snapshot that says nothing: every feature and every condition is unknown, none on.
        let (graph, facts) = Self.fixture(snapshot: "empty.yaml")
        var evaluator = Evaluator(facts: try #require(facts), language: .english)
        let diagram = ConditionDiagram(graph: graph)
        let states = evaluator.states(of: diagram)
        for (i, node) in diagram.nodes.enumerated() {
            if case .job = node.kind { continue }
            #expect(states[i] != .on, "node \(i) (\(node.kind)) is on without data")
        }
        let mermaid = GraphExport(graph: graph, language: .english).render(diagram, states: states, .mermaid)
        #expect(!mermaid.contains("class n0 on") && !mermaid.contains(",n0 on"))
    }

    @Test func theShippedPackDraws() {
        let rules = inPackageRoot { LoadedRules.load(paths: ["rules"]) }
        let editing = rules.graph.featureIndex["async-customer-editing"]
        let out = GraphExport(graph: rules.graph, language: .brazilianPortuguese).render(.mermaid, feature: editing)
        Golden.check(out, "graph-async-customer-editing.pt-BR.mmd")
        Golden.check(GraphExport(graph: rules.graph, language: .english).render(.dot), "graph-commerce.dot")
        let read = inPackageRoot { SnapshotReader(language: .english).read(path: "examples/snapshots/blocked-prerequisite.yaml") }
        let facts = EnvironmentFacts(snapshot: read.snapshots[0], graph: rules.graph)
        Golden.check(GraphExport(graph: rules.graph, language: .english).render(.mermaid, feature: editing, facts: facts), "graph-async-customer-editing-blocked.mmd")
    }

    @Test func whyAsMarkdownDrawsWhatTheFeatureDependsOn() throws {
        let (graph, facts) = Self.fixture(snapshot: "blocked.yaml")
        let editing = try #require(graph.featureIndex["editing"])
        var evaluator = Evaluator(facts: try #require(facts), language: .english)
        let answer = evaluator.answer(feature: editing)
        let markdown = inPackageRoot { WhyMarkdownRenderer(language: .english).render(answer, picture: evaluator.picture(of: [editing])) }
        Golden.check(markdown.replacingOccurrences(of: packageRoot + "/", with: ""), "why-graph-fixture-blocked.en.md")
    }

    @Test func aBigPictureIsCutDownToWhatStandsInTheWay() throws {
        // A chain of 80 features, all off: each stands in the way of the one before; the
        // settings hold and are left out.
        var yaml = "prereq: 1\nfeatures:\n"
        for i in 0..<80 { yaml += "  f\(i): {requires: [\(i + 1 < 80 ? "f\(i + 1)" : "{setting: s, equals: true}"), {setting: s\(i % 40), equals: true}]}\n" }
        yaml += "settings:\n  s: {}\n" + (0..<40).map { "  s\($0): {}\n" }.joined()
        let snapshot = "prereq: 1\nsnapshot: {environment: e, takenAt: 2026-11-20T10:00:00Z}\nfeatures:\n" + (0..<80).map { "  f\($0): off\n" }.joined()
            + "settings:\n  s: true\n" + (0..<40).map { "  s\($0): true\n" }.joined()
        let f = facts(pack: yaml, snapshot: snapshot)
        var evaluator = Evaluator(facts: f, language: .english)
        let picture = evaluator.picture(of: [0])
        #expect(picture.cutFrom == 80 + 41)
        #expect(picture.diagram.nodes.map(\.kind) == (0..<AnswerPicture.maxNodes).map { .feature($0) }, "the nearest 60 of the chain")
        #expect(picture.states == [.off] + Array(repeating: .blocking, count: AnswerPicture.maxNodes - 1))
        #expect(picture.diagram.edges.count == AnswerPicture.maxNodes - 1, "connected: each feature to the next")
        let block = MermaidAnswerPicture(language: .english).block(picture)
        #expect(block.contains("Only what stands in the way is drawn: \(picture.diagram.nodes.count) of 121 conditions and features."))
        #expect(GraphPropertyTests.mermaidProblems(String(block.split(separator: "```")[1].dropFirst("mermaid\n".count))).isEmpty)
    }

    @Test func controlCharactersFromThePackNeverReachTheTerminal() {
        let (p, _) = pack("prereq: 1\nfeatures:\n  a: {name: \"evil\\e[2Jname\\u0007\"}\n")
        for format in GraphExport.Format.allCases {
            let out = GraphExport(graph: RuleGraph(p), language: .english).render(format)
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
            #expect(out.contains("u{1B}[2Jname"))
        }
    }

    @Test func anUndefinedReferenceIsDrawnAsSuch() {
        let (p, _) = pack("prereq: 1\nfeatures:\n  a: {requires: [ghost, {not: ghost}]}\n")
        let mermaid = GraphExport(graph: RuleGraph(p), language: .english).render(.mermaid)
        #expect(mermaid.contains("n1[\"ghost (undefined)\"]"))
        #expect(mermaid.components(separatedBy: "(undefined)").count == 2, "one node for both references")
    }
}
