import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// `prereq snapshot template` and `prereq snapshot check`: the facts a pack needs, as a
/// skeleton to fill in and as the list of what a snapshot lacks.
@Suite struct SnapshotTemplateTests {
    static var shipped: RuleGraph {
        RuleGraph(LoadedRules.load(paths: [packageRoot + "/rules"]).graph.pack)
    }

    @Test func theShippedPacksTemplateIsItsGolden() {
        let graph = Self.shipped
        let text = SnapshotTemplate(graph: graph, needs: SnapshotNeeds.of(graph), language: .english).text(about: [])
        Golden.check(text, "snapshot-template.en.yaml")
        let one = SnapshotNeeds.of(graph, features: [graph.featureIndex["async-customer-editing"] ?? -1])
        Golden.check(SnapshotTemplate(graph: graph, needs: one, language: .brazilianPortuguese).text(about: ["async-customer-editing"]), "snapshot-template-async-customer-editing.pt-BR.yaml")
    }

    /// The template is YAML, and filled in (every `~` and `<channel>` replaced) it is a snapshot
    /// that gives every fact the pack needs.
    @Test func aFilledTemplateLacksNothing() throws {
        let graph = Self.shipped
        let template = SnapshotTemplate(graph: graph, needs: SnapshotNeeds.of(graph), language: .english).text(about: [])
        let filled = template.split(separator: "\n").map { line -> String in
            var l = String(line)
            let key = l.split(separator: ":").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let value: String
            switch key {
            case "environment": value = "prod"
            case "version": value = "10.0.40"
            case "enabled": value = "on"
            case "count": value = "1"
            case "schedule": value = "{recurring: true, every: 1h}"
            default: value = "2026-11-20T09:00:00Z"
            }
            l = l.replacingOccurrences(of: "<channel>", with: "store-001")
            if let r = l.range(of: ": ~") { l.replaceSubrange(r, with: ": " + value) }
            return l.replacingOccurrences(of: "{lastSuccess: ~}", with: "{lastSuccess: 2026-11-20T09:30:00Z}")
        }.joined(separator: "\n").replacingOccurrences(of: "takenAt: 2026-11-20T09:00:00Z", with: "takenAt: 2026-11-20T10:00:00Z")
        let loaded = YAMLLoader().load(bytes: Array(filled.utf8), file: "filled.yaml")
        #expect(!loaded.hasErrors)
        let document = try #require(loaded.documents.first)
        let (snapshot, diagnostics) = SnapshotDecoder.decode(document)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))\n\(filled)")
        let facts = EnvironmentFacts(snapshot: snapshot, graph: graph)
        #expect(SnapshotGaps.find(facts, features: nil, language: .english).isEmpty)
    }

    @Test func aSnapshotsGapsAreListedOnceEach() {
        let f = facts(pack: Self.pack, snapshot: """
            prereq: 1
            snapshot: {environment: t, takenAt: 2026-11-20T10:00:00Z}
            channels: [s1, s2]
            features:
              f: {enabled: true}
            settings:
              mode: {channels: {s1: Batch}}
            jobs:
              cdx-1070: {channels: {s1: {lastSuccess: 2026-11-20T09:00:00Z}}}
            """)
        let gaps = SnapshotGaps.find(f, features: [f.graph.featureIndex["f"] ?? -1], language: .english)
        #expect(gaps.map(\.fact) == [
            "the product version",
            #"when "F" was switched on (enabledAt)"#,
            "the value of Mode in s2",
            "when 1070 (Channel configuration) last succeeded in s2 (lastSuccess)",
            "the count of rows in T1",
            "the version of \"Store Commerce\" (`components`)",
            "edition in s1 (channelInfo.edition)", "edition in s2 (channelInfo.edition)",
        ].sorted { order($0) < order($1) })
    }

    /// The gaps' order: the environment, then features, settings, jobs, records, attributes, components.
    private func order(_ fact: String) -> Int {
        ["product version", "switched on", "value of", "last succeeded", "count of", "edition", "version of"].firstIndex { fact.contains($0) } ?? 99
    }

    @Test func whatFollowsTheSwitchOfAFeatureThatIsOffIsNotNeededYet() {
        let f = facts(pack: Self.pack, snapshot: "prereq: 1\nsnapshot: {environment: t, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}\nfeatures: {f: off}\n")
        let facts = SnapshotGaps.find(f, features: [f.graph.featureIndex["f"] ?? -1], language: .english).map(\.fact)
        #expect(!facts.contains { $0.contains("1070") || $0.contains("enabledAt") })
        #expect(facts.contains("the count of rows in T1"))
    }

    static let pack = """
        prereq: 1
        settings:
          mode: {name: Mode, type: string, scope: channel, whereToFind: Commerce parameters}
        attributes:
          edition: {scope: channel, source: SQL Server properties of the channel database}
        records:
          rows: {table: T1, expect: {min: 1}, source: "SELECT COUNT(*) FROM T1"}
        components:
          pos: {name: Store Commerce}
        jobs:
          cdx-1070: {code: "1070", name: Channel configuration, kind: download, source: Download sessions}
        features:
          f:
            name: F
            minVersion: 10.0.30
            requires:
              - {setting: mode, equals: Batch}
              - {records: rows}
              - {attribute: edition, notIn: [Express]}
              - {component: pos, atLeast: 10.0.38}
            takesEffect: {jobs: [cdx-1070]}
        """

    @Test func sourcesAndKeysAreWrittenSafely() {
        let pack = Self.pack.replacingOccurrences(of: "source: Download sessions", with: "source: \"Download\\nsessions # not a key\"")
            .replacingOccurrences(of: "  f:\n", with: "  \"yes\":\n")
        let (p, _) = PrereqCoreTests.pack(pack)
        let graph = RuleGraph(p)
        let text = SnapshotTemplate(graph: graph, needs: SnapshotNeeds.of(graph), language: .english).text(about: [])
        #expect(text.contains("  # 1070 (Channel configuration). Where: Download sessions # not a key\n"))
        #expect(text.contains("  \"yes\":\n"))
        #expect(text.contains("  \"1070\":\n"))
        let loaded = YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        #expect(!loaded.hasErrors)
    }

    /// A pack reading the environment's name asks for it once, as the header's required field.
    @Test func theEnvironmentAttributeIsTheHeadersName() {
        let (p, _) = PrereqCoreTests.pack("""
            prereq: 1
            attributes: {environment: {values: [prod, uat]}}
            features:
              f: {requires: [{when: {attribute: environment, equals: prod}, then: g}]}
              g: {}
            """)
        let graph = RuleGraph(p)
        let text = SnapshotTemplate(graph: graph, needs: SnapshotNeeds.of(graph), language: .english).text(about: [])
        #expect(text.components(separatedBy: "  environment:").count == 2)
        #expect(!YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml").hasErrors)
    }
}

/// A job another job creates is not asked for while it cannot exist yet.
@Suite struct SnapshotGapsOfCreatedJobsTests {
    static let pack = """
        prereq: 1
        jobs:
          init: {name: Initialise, kind: batch}
          batch: {name: Processing batch, kind: batch, createdBy: init}
        features:
          f: {takesEffect: {jobs: [batch]}}
        """

    @Test func aJobNotCreatedYetIsNoGapButItsCreatorIs() {
        let f = facts(pack: Self.pack, snapshot: """
            prereq: 1
            snapshot: {environment: t, takenAt: 2026-11-20T10:00:00Z}
            features: {f: {enabled: true, enabledAt: 2026-11-20T09:00:00Z}}
            jobs:
              init: {lastFailure: 2026-11-20T09:10:00Z}
            """)
        let gaps = SnapshotGaps.find(f, features: nil, language: .english).map(\.fact)
        #expect(gaps == ["when Initialise last succeeded (lastSuccess)"])
    }
}
