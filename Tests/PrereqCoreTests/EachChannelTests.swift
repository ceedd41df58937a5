import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Requirements judged in each channel on its own (`eachChannel`, with `where`): which channels
/// are blocked and which are fine, the plan acting on the blocked ones only, `check` naming the
/// channels, and the lint's findings.
@Suite struct EachChannelTests {
    static let rules = """
        prereq: 1
        attributes:
          hosting: {scope: channel, name: Scale unit hosting, values: [cloud, self-hosted]}
        settings:
          offline-db: {name: Offline database, type: bool, scope: channel}
          sync-mode: {name: Customer sync mode, type: string, allowedValues: [Channel, Real time service], scope: channel}
        features:
          local-orders:
            name: Local order capture
            requires:
              - eachChannel: {setting: offline-db, equals: true}
                where: {attribute: hosting, equals: self-hosted}
          async-customers:
            name: Async customers
            requires:
              - eachChannel:
                  anyOf:
                    - {setting: sync-mode, equals: Channel}
                    - {attribute: hosting, equals: cloud}
          store-cache: {name: Store cache}
          offline-sync:
            name: Offline sync
            requires:
              - eachChannel: store-cache
                where: {attribute: hosting, equals: self-hosted}
        """

    static func snapshot(features: String, channelInfo: String = "", settings: String = "") -> String {
        """
        prereq: 1
        snapshot: {environment: uat, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}
        channels: [store-001, store-002, store-003]
        channelInfo:
          store-001: {hosting: cloud}
          store-002: {hosting: self-hosted}
        \(channelInfo)
        features: {\(features)}
        settings:
        \(settings)
        """
    }

    static let mixed = snapshot(
        features: "local-orders: off, async-customers: off, store-cache: off, offline-sync: off",
        channelInfo: "  store-003: {hosting: self-hosted}",
        settings: """
              offline-db:
                channels: {store-001: false, store-002: false, store-003: true}
              sync-mode:
                channels: {store-001: Real time service, store-002: Channel, store-003: Real time service}
            """)

    func verdicts(_ a: FeatureAnswer) -> [String] { a.channels.map { "\($0.channel): \($0.verdict.rawValue)" } }

    @Test func theFixturePackLintsClean() {
        #expect(lint(Self.rules).isEmpty)
    }

    @Test func onlyTheChannelsWhereTheConditionHoldsAreBound() {
        let a = why("local-orders", pack: Self.rules, snapshot: Self.mixed)
        #expect(a.verdict == .blocked)
        // store-001 is cloud-hosted (not bound), store-003 has the database: only store-002 blocks.
        #expect(verdicts(a) == ["store-001: enableable", "store-002: blocked", "store-003: enableable"])
        #expect(a.rootCauses.map(\.message) == ["Offline database is off in store-002; \"Local order capture\" needs it to be on"])
        #expect(a.rootCauses.map(\.channels) == [["store-002"]])
        #expect(a.plan.steps.map(\.message) == ["Set Offline database to on in store-002", "Switch on \"Local order capture\""])
        #expect(a.plan.steps.first?.channels == ["store-002"])
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func eachChannelTakesItsOwnAlternative() {
        let a = why("async-customers", pack: Self.rules, snapshot: Self.mixed)
        #expect(a.verdict == .blocked)
        // store-001 meets it by hosting, store-002 by its setting; store-003 by neither.
        #expect(verdicts(a) == ["store-001: enableable", "store-002: enableable", "store-003: blocked"])
        #expect(a.plan.steps.map(\.message) == ["Set Customer sync mode to Channel in store-003", "Switch on \"Async customers\""])
        // Hosting is no alternative a person can take: the plan never mentions it.
        #expect(a.plan.notes.isEmpty)
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    /// A golden answer, read as a user reads it.
    @Test func theTextAnswerSaysWhichChannelsAreBlocked() {
        let snapshot = Self.snapshot(features: "local-orders: off, async-customers: off, store-cache: off, offline-sync: on")
        let text = ExplanationTextRenderer(language: .english).render(why("offline-sync", pack: Self.rules, snapshot: snapshot))
        #expect(
            text == """
                "Offline sync" is on but not in effect yet.
                  By channel: in effect in store-001; not in effect in store-002; not known in store-003

                Why:
                  └─ [1] A prerequisite of "Offline sync" does not hold
                     └─ [2] Needed in every channel where "Scale unit hosting" is self-hosted, each judged on its own
                           rule pack.yaml:24:9
                        ├─ [3] In channel store-002: not met
                        │     rule pack.yaml:24:9
                        │  └─ [4] Needed because "Scale unit hosting" is self-hosted
                        │        rule pack.yaml:24:9
                        │     └─ [5] "Store cache" is off
                        │           snapshot snap.yaml:8:66 · rule pack.yaml:24:22
                        └─ [6] ? In channel store-003: the snapshot does not say whether this is met
                              rule pack.yaml:24:9
                           └─ [7] ? Needed only when "Scale unit hosting" is self-hosted, which the snapshot does not say
                                 rule pack.yaml:24:9
                              ├─ [8] ? The snapshot does not give Scale unit hosting in store-003 (channelInfo.hosting); "Offline sync" needs it to be self-hosted
                              │     rule pack.yaml:25:16
                              └─ "Store cache" is off (see 5 above)

                What to do:
                  1. Add to the snapshot: Scale unit hosting in store-003 (channelInfo.hosting)
                  2. Switch on "Store cache"

                """)
        let pt = why("offline-sync", pack: Self.rules, snapshot: snapshot, language: .brazilianPortuguese)
        #expect(ExplanationTextRenderer(language: .brazilianPortuguese).render(pt).contains("  Por canal: em vigor em store-001; não está em vigor em store-002; não se sabe em store-003\n"))
    }

    @Test func theJSONAnswerCarriesTheVerdictPerChannel() throws {
        let a = why("local-orders", pack: Self.rules, snapshot: Self.mixed)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(AnswerJSON.why(a).serialized().utf8)) as? [String: Any])
        let channels = try #require(json["channels"] as? [[String: String]])
        #expect(channels == [["channel": "store-001", "verdict": "enableable"], ["channel": "store-002", "verdict": "blocked"], ["channel": "store-003", "verdict": "enableable"]])
        let causes = try #require(json["rootCauses"] as? [[String: Any]])
        #expect(causes.first?["channels"] as? [String] == ["store-002"])
    }

    @Test func checkNamesTheChannelsAFindingHoldsFor() {
        let snapshot = Self.snapshot(
            features: "local-orders: off, async-customers: off, store-cache: off, offline-sync: on", channelInfo: "  store-003: {hosting: cloud}")
        let f = facts(pack: Self.rules, snapshot: snapshot)
        let findings = CheckRun.check(f.snapshot, graph: f.graph, language: .english).filter { $0.severity == .error }
        #expect(findings.map(\.code) == ["prerequisite-off"])
        #expect(findings.first?.message == "\"Offline sync\": \"Store cache\" is off (in channel store-002)")
        #expect(findings.first?.channels == ["store-002"])
        #expect(findings.first?.json.serialized().contains("\"channels\":[\"store-002\"]") == true)
    }

    @Test func withoutChannelsTheRequirementIsJudgedForTheEnvironment() {
        let snapshot = """
            prereq: 1
            snapshot: {environment: uat, takenAt: 2026-11-20T10:00:00Z, version: 10.0.40}
            features: {local-orders: off}
            settings: {offline-db: true}
            """
        let a = why("local-orders", pack: Self.rules, snapshot: snapshot)
        // No channel says how it is hosted: whether the requirement applies is not known, but it holds anyway.
        #expect(a.verdict == .enableable)
        #expect(a.channels.isEmpty)
    }

    @Test func whenEveryChannelIsFineTheTextSaysNothingPerChannel() {
        let snapshot = Self.snapshot(
            features: "local-orders: off, async-customers: off, store-cache: off, offline-sync: off", channelInfo: "  store-003: {hosting: cloud}",
            settings: "  offline-db: {channels: {store-001: false, store-002: true, store-003: false}}")
        let a = why("local-orders", pack: Self.rules, snapshot: snapshot)
        #expect(a.verdict == .enableable)
        #expect(Set(a.channels.map(\.verdict)) == [.enableable])
        #expect(!ExplanationTextRenderer(language: .english).render(a).contains("By channel"))
    }

    @Test func lintFindsARequirementThatReadsNothingPerChannelAndAWhereThatNeverHolds() {
        let findings = lint(
            """
            prereq: 1
            settings:
              mode: {type: bool}
            features:
              a: {}
              b:
                requires:
                  - eachChannel: {setting: mode, equals: true}
              c:
                requires:
                  - eachChannel: a
                    where: {allOf: [a, {not: a}]}
            """)
        #expect(findings.map(\.code) == ["each-channel-unscoped", "each-channel-unscoped", "when-never-holds"])
        #expect(findings.last?.message == "a conditional requirement of \"c\" can never apply: its `where` condition contradicts itself")
    }

    @Test func whereWithoutEachChannelIsAnErrorAtItsLine() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {}
              b:
                requires:
                  - {where: a}
            """)
        #expect(findings.map(\.code) == ["schema-missing"])
        #expect(findings.first?.location?.line == 6)
    }
}
