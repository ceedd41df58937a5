import Foundation
import Testing

/// `graph --snapshot` and the pictures of `why --format markdown`, as a user runs them.
@Suite struct GraphCommandTests {
    func prereq(_ arguments: String...) throws -> PrereqBinary.Result {
        try PrereqBinary.run(arguments, in: EvaluationCommandTests.root)
    }

    static let pack = "Tests/PrereqCoreTests/Fixtures/graph/pack.yaml", blocked = "Tests/PrereqCoreTests/Fixtures/graph/blocked.yaml"

    @Test func graphColoursByTheSnapshotWithALegend() throws {
        let r = try prereq("graph", "editing", "--rules", Self.pack, "--snapshot", Self.blocked, "--format", "mermaid")
        #expect(r.status == 0)
        #expect(r.stdout.contains("  n1[\"Base\"]\n"))
        #expect(r.stdout.contains("  class n1,"), "Base, off and required, stands in the way")
        #expect(r.stdout.contains(" blocking\n"))
        #expect(r.stdout.contains("subgraph legend[\"Legend\"]"))
        let dot = try prereq("graph", "--rules", Self.pack, "--snapshot", Self.blocked)
        #expect(dot.status == 0)
        #expect(dot.stdout.contains("n1 [label=\"Base\", style=filled, fillcolor=\"#ffcdd2\""))
        #expect(dot.stdout.contains("subgraph cluster_legend"))
    }

    @Test func graphWithoutASnapshotHasNoColours() throws {
        let r = try prereq("graph", "--rules", Self.pack, "--format", "mermaid")
        #expect(r.status == 0)
        #expect(!r.stdout.contains("classDef") && !r.stdout.contains("legend"))
    }

    @Test func anUnreadableSnapshotIsExitTwo() throws {
        let r = try prereq("graph", "--snapshot", "examples/snapshots/nope.yaml")
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
    }

    @Test func whyAsMarkdownEmbedsTheBlockingPath() throws {
        let r = try prereq("why", "async-customer-editing", "--snapshot", "examples/snapshots/blocked-prerequisite.yaml", "--format", "markdown")
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("## \"Enable editing customers in asynchronous mode\" cannot be switched on yet.\n"))
        let block = try #require(r.stdout.components(separatedBy: "```mermaid\n").last?.components(separatedBy: "```\n").first)
        #expect(block.hasPrefix("flowchart LR\n"))
        #expect(block.contains("  n3[\"Enable asynchronous creation for customer addresses\"]\n"))
        #expect(block.contains("  class n3 blocking\n"), "the prerequisite that is off is coloured as standing in the way")
        #expect(block.contains("  class n0 off\n"))
    }

    @Test func whyAsMarkdownInPortuguese() throws {
        let r = try prereq("why", "editing", "--rules", Self.pack, "--snapshot", Self.blocked, "--format", "markdown", "--lang", "pt-BR")
        #expect(r.status == 1)
        #expect(r.stdout.contains("```mermaid\nflowchart LR\n"))
        #expect(r.stdout.contains("subgraph legend[\"Legenda\"]"))
        #expect(r.stdout.contains("**O que fazer:**"))
    }
}
