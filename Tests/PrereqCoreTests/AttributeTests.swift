import Diagnostics
import Foundation
import PrereqCore
import Testing

/// Environment attributes (`attributes`, `{attribute: region, notIn: [China]}`): read from the
/// snapshot's header or each channel's `channelInfo`, never changed by a plan; blocked, fine,
/// unknown, per channel, under a `when`, and the lint's findings.
@Suite struct AttributeTests {
    static let rules = """
        prereq: 1
        attributes:
          region:
            name: {en: Region, pt-BR: Região}
            values: [United States, Europe, China]
          deployment: {values: [IaaS, ServiceFabric]}
          kind: {values: [production, sandbox]}
          sqlEdition: {scope: channel, name: SQL edition}
        features:
          cloud-pos:
            name: Cloud POS
            requires:
              - {attribute: region, notIn: [China]}
              - {attribute: deployment, equals: IaaS}
          store-db:
            name: Store database
            requires:
              - {attribute: sqlEdition, notIn: [SQL Server Express]}
          audit:
            name: Audit trail
            requires:
              - {when: {attribute: kind, equals: production}, then: logging}
          logging: {name: Logging}
        """

    static func snapshot(_ header: String, _ rest: String = "") -> String {
        """
        prereq: 1
        snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38\(header)}
        features: {cloud-pos: off, store-db: off, audit: off, logging: off}
        \(rest)
        """
    }

    @Test func theFixturePackLintsClean() {
        #expect(lint(Self.rules).isEmpty)
    }

    @Test func aForbiddenRegionBlocksAndNoPlanOffersToChangeIt() {
        let a = why("cloud-pos", pack: Self.rules, snapshot: Self.snapshot(", region: china, deployment: IaaS"))
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.cause) == [.attribute])
        #expect(a.rootCauses.first?.subject == "region")
        #expect(a.rootCauses.first?.message == "\"Cloud POS\" is not available where Region is china")
        #expect(a.rootCauses.first?.fix.isEmpty == true)
        #expect(a.plan.steps.isEmpty)
        #expect(a.plan.verification?.reachesGoal == false)
        #expect(a.plan.verification?.cannotFix == ["\"Cloud POS\" is not available where Region is china"])
        let pt = why("cloud-pos", pack: Self.rules, snapshot: Self.snapshot(", region: China, deployment: IaaS"), language: .brazilianPortuguese)
        #expect(pt.rootCauses.first?.message == "o recurso \"Cloud POS\" não está disponível onde Região é China")
    }

    @Test func theHeadlineNeverSaysYetWhenNoPlanReachesTheGoal() {
        let blocked = why("cloud-pos", pack: Self.rules, snapshot: Self.snapshot(", region: china, deployment: IaaS"))
        let text = ExplanationTextRenderer(language: .english).render(blocked)
        #expect(text.hasPrefix("\"Cloud POS\" cannot be switched on in this environment.\n"))
        let pt = why("cloud-pos", pack: Self.rules, snapshot: Self.snapshot(", region: china, deployment: IaaS"), language: .brazilianPortuguese)
        #expect(ExplanationTextRenderer(language: .brazilianPortuguese).render(pt).hasPrefix("O recurso \"Cloud POS\" não pode ser ativado neste ambiente.\n"))
    }

    @Test func allowedAttributesHold() {
        let a = why("cloud-pos", pack: Self.rules, snapshot: Self.snapshot(", region: Europe, deployment: iaas"))
        #expect(a.verdict == .enableable)
        #expect(a.plan.steps.map(\.action) == [.enable])
        #expect(a.plan.verification?.outcome == .reachesGoal)
    }

    @Test func anAttributeTheSnapshotDoesNotGiveIsUnknownAndNamed() {
        let a = why("cloud-pos", pack: Self.rules, snapshot: Self.snapshot(", deployment: IaaS"))
        #expect(a.verdict == .unknown)
        #expect(a.rootCauses.map(\.message) == ["the snapshot does not give Region (snapshot.region); \"Cloud POS\" needs it not to be China"])
        #expect(a.plan.steps.first?.action == .provideData)
        #expect(a.plan.steps.first?.message == "Add to the snapshot: Region (snapshot.region)")
        #expect(a.plan.verification?.outcome == .needsData)
    }

    @Test func aChannelAttributeIsJudgedInEachChannel() {
        let info = """
            channels: [s1, s2]
            channelInfo:
              s1: {SQLEdition: SQL Server Express}
              s2: {sqlEdition: SQL Server Standard}
            """
        let a = why("store-db", pack: Self.rules, snapshot: Self.snapshot("", info))
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.message) == ["\"Store database\" is not available where SQL edition is SQL Server Express in s1"])
        #expect(a.plan.verification?.reachesGoal == false)
        let fine = why("store-db", pack: Self.rules, snapshot: Self.snapshot("", info.replacingOccurrences(of: "SQL Server Express", with: "SQL Server Web")))
        #expect(fine.verdict == .enableable)
        let missing = why("store-db", pack: Self.rules, snapshot: Self.snapshot("", "channels: [s1, s2]\nchannelInfo:\n  s2: {sqlEdition: Web}\n"))
        #expect(missing.verdict == .unknown)
        #expect(missing.plan.steps.first?.message == "Add to the snapshot: SQL edition in s1 (channelInfo.sqlEdition)")
    }

    @Test func aWhenOnAnAttributeAppliesOnlyWhereItHolds() {
        let sandbox = why("audit", pack: Self.rules, snapshot: Self.snapshot(", kind: sandbox"))
        #expect(sandbox.verdict == .enableable)
        #expect(sandbox.plan.steps.map(\.subject) == ["audit"])
        let production = why("audit", pack: Self.rules, snapshot: Self.snapshot(", kind: Production"))
        #expect(production.verdict == .blocked)
        #expect(production.rootCauses.map(\.cause) == [.featureOff])
        #expect(production.plan.steps.map(\.subject) == ["logging", "audit"])
        #expect(production.plan.verification?.outcome == .reachesGoal)
        let unknown = why("audit", pack: Self.rules, snapshot: Self.snapshot(""))
        #expect(unknown.verdict == .unknown)
    }

    @Test func aListAttributeIsTestedWithContains() {
        let pack = """
            prereq: 1
            attributes: {LegalEntities: {}}
            features:
              f: {requires: [{attribute: LegalEntities, contains: USMF}]}
            """
        #expect(lint(pack).isEmpty)
        #expect(why("f", pack: pack, snapshot: header + "features: {f: off}\nlegalEntities: [DEMF, usmf]\n").verdict == .enableable)
        #expect(why("f", pack: pack, snapshot: header + "features: {f: off}\nlegalEntities: [DEMF]\n").rootCauses.map(\.cause) == [.attribute])
    }

    @Test func lintFindsUnknownAttributesValuesOutsideTheirSetAndTestsThatDoNotFitText() {
        let pack = """
            prereq: 1
            attributes:
              region: {values: [Europe, China]}
            features:
              a: {requires: [{attribute: regoin, equals: Europe}]}
              b: {requires: [{attribute: region, in: [Europe, Mars]}]}
              c: {requires: [{attribute: region, atLeast: 3}]}
            """
        let findings = lint(pack)
        #expect(findings.map(\.code) == ["unknown-reference", "value-not-allowed", "value-test-type"])
        #expect(findings[0].message.contains("did you mean \"region\"?"))
        #expect(findings[0].location?.line == 5)
        #expect(findings[1].message.contains("Mars"))
        #expect(findings[2].location?.line == 7)
    }

    /// `environment` reads the snapshot's own name: a rule for one environment only.
    @Test func theEnvironmentsNameIsAnAttribute() {
        let pack = """
            prereq: 1
            attributes:
              environment: {values: [contoso-prod, contoso-uat]}
            features:
              audit:
                requires: [{when: {attribute: environment, equals: contoso-prod}, then: logging}]
              logging: {}
            """
        #expect(lint(pack).isEmpty)
        let snapshot = { (name: String) in
            "prereq: 1\nsnapshot: {environment: \(name), takenAt: 2026-11-20T10:00:00Z}\nfeatures: {audit: off, logging: off}\n"
        }
        let prod = why("audit", pack: pack, snapshot: snapshot("contoso-prod"))
        #expect(prod.verdict == .blocked)
        #expect(prod.rootCauses.map(\.subject) == ["logging"])
        #expect(why("audit", pack: pack, snapshot: snapshot("contoso-uat")).verdict == .enableable)
    }

    @Test func anEnvironmentAttributeTheSnapshotCannotGiveIsADecodingError() {
        let (_, diagnostics) = PrereqCoreTests.pack("prereq: 1\nattributes:\n  country: {values: [BR]}\n")
        #expect(diagnostics.map(\.code) == ["schema-value"])
        #expect(diagnostics.first?.location?.line == 3)
        #expect(diagnostics.first?.message == "the snapshot has no environment attribute country (it gives environment, region, deployment, kind, timeZone, legalEntities)")
        // Per channel, any key of channelInfo may be read.
        #expect(PrereqCoreTests.pack("prereq: 1\nattributes:\n  country: {scope: channel}\n").1.isEmpty)
    }

    @Test func notTurnsTheTestAroundAndEachValueIsNamedWithItsChannels() {
        let pack = """
            prereq: 1
            attributes: {region: {}, edition: {scope: channel}}
            features:
              f: {name: F, requires: [{not: {attribute: region, equals: China}}]}
              g: {name: G, requires: [{attribute: edition, equals: Standard}]}
            """
        #expect(why("f", pack: pack, snapshot: header + "features: {f: off}\n").verdict == .unknown)
        let china = why("f", pack: pack, snapshot: header.replacingOccurrences(of: "version: 10.0.38", with: "version: 10.0.38, region: China") + "features: {f: off}\n")
        #expect(china.rootCauses.map(\.message) == ["\"F\" is not available where region is China"])
        let info = "features: {g: off}\nchannelInfo:\n  s1: {edition: Express}\n  s2: {edition: Web}\n  s3: {edition: Express}\n"
        let g = why("g", pack: pack, snapshot: header + info)
        #expect(g.rootCauses.map(\.message) == ["\"G\" is not available where edition is Express in s1, s3; \"G\" is not available where edition is Web in s2"])
        #expect(g.plan.steps.isEmpty)
    }

    @Test func anAttributeDeclaredTwiceIsADuplicate() {
        let (_, diagnostics) = PrereqCoreTests.pack(files: [("a.yaml", "prereq: 1\nattributes: {region: {}}\n"), ("b.yaml", "prereq: 1\nattributes: {region: {}}\n")])
        #expect(diagnostics.map(\.code) == ["duplicate-id"])
    }

    @Test func checkReportsAnAttributeAsNotAvailable() {
        let f = facts(pack: Self.rules, snapshot: Self.snapshot(", region: China, deployment: IaaS").replacingOccurrences(of: "cloud-pos: off", with: "cloud-pos: on"))
        let findings = CheckRun.check(f.snapshot, graph: f.graph, language: .english)
        #expect(findings.contains { $0.code == "not-available" && $0.subject == "region" })
    }
}
