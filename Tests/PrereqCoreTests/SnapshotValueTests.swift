import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// Snapshot values read as a user means them: by the setting's declared type, in every form
/// format v1 allows (environment-wide or per channel, `{value, changedAt}`, lists), and the
/// fields added to format v1 kept rather than rejected.
@Suite struct SnapshotValueTests {
    static let typedPack = """
        prereq: 1
        settings:
          async: {type: bool}
          retries: {type: int}
          connectors: {type: list, scope: channel}
        features:
          f:
            settings: {async: true, retries: 3}
          g:
            settings: {connectors: [Connector A, Connector B]}
        """

    func decode(_ yaml: String) -> (Snapshot, [Diagnostic]) {
        let loaded = YAMLLoader().load(bytes: Array(yaml.utf8), file: "snap.yaml")
        return SnapshotDecoder.decode(loaded.documents[0])
    }

    @Test func quotedSwitchWordsAndNumbersAsTextFitTheirDeclaredTypes() {
        let answer = why("f", pack: Self.typedPack, snapshot: header + """
            features: {f: off}
            settings:
              async: "on"
              retries: "3"
            """)
        #expect(answer.verdict == .enableable)
        #expect(answer.rootCauses.isEmpty)
    }

    @Test func aValueThatDoesNotFitItsTypeIsAFindingAtItsLineAndUnknown() throws {
        let f = facts(pack: Self.typedPack, snapshot: header + """
            features: {f: off}
            settings:
              async: maybe
              retries: 3
            """)
        let finding = try #require(f.diagnostics.first { $0.code == "snapshot-value" })
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 5)
        #expect(finding.subject == "async")
        var evaluator = Evaluator(facts: f, language: .english)
        let answer = evaluator.answer(feature: 0)
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.map(\.cause) == [.missingData])
    }

    @Test func lintReportsARequiredValueThatDoesNotFitTheSettingsType() throws {
        let findings = lint("""
            prereq: 1
            settings:
              retries: {type: int}
            features:
              f:
                settings: {retries: many}
            """)
        let finding = try #require(findings.first { $0.code == "setting-value-type" })
        #expect(finding.severity == .error)
        #expect(finding.location?.line == 6)
        #expect(finding.related.first?.location.line == 3)
    }

    @Test func perChannelValueAndChangedAtIsReadLikeTheEnvironmentWideForm() throws {
        let (snapshot, diagnostics) = decode(header + """
            channels: [s1, s2]
            settings:
              async: {value: true, changedAt: 2026-11-19T15:00:00Z}
              connectors:
                channels:
                  s1: {value: [Connector A, Connector B], changedAt: 2026-11-18T15:00:00Z}
                  s2: Connector A
            """)
        #expect(diagnostics.isEmpty)
        let async = try #require(snapshot.settings.first)
        #expect(async.value?.value == .bool(true))
        #expect(async.changedAt?.value == Timestamp.parse("2026-11-19T15:00:00Z")?.timestamp)
        let connectors = snapshot.settings[1]
        #expect(connectors.channels.map(\.value.value) == [.list([.string("Connector A"), .string("Connector B")]), .string("Connector A")])
        #expect(connectors.channelChangedAt.map(\.channel) == ["s1"])
    }

    @Test func aListSettingIsComparedItemByItemAndASingleItemIsAListOfOne() throws {
        let answer = why("g", pack: Self.typedPack, snapshot: header + """
            channels: [s1, s2]
            features: {g: off}
            settings:
              connectors:
                channels:
                  s1: {value: [Connector A, connector b]}
                  s2: Connector A
            """)
        #expect(answer.verdict == .blocked)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .setting)
        #expect(cause.message.contains("in s2"))
        #expect(!cause.message.contains("s1"))
    }

    @Test func anUnknownKeyInsideAValueMappingIsAWarningNotARejection() throws {
        let (snapshot, diagnostics) = decode(header + """
            channels: [s1]
            settings:
              async: {value: true, source: export}
              retries:
                channels:
                  s1: {value: 3, by: admin}
            """)
        #expect(diagnostics.map(\.code) == ["schema-unknown-key", "schema-unknown-key"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(snapshot.settings.map { $0.value?.value } == [.bool(true), nil])
        #expect(snapshot.settings[1].channels.map(\.value.value) == [.int(3)])
    }

    @Test func theFieldsAddedToFormatOneAreKeptWithTheirPlaces() throws {
        let (snapshot, diagnostics) = decode("""
            prereq: 1
            snapshot:
              environment: e
              takenAt: 2026-11-20T10:00:00Z
              version: 10.0.40
              region: United States
              deployment: IaaS
              kind: production
              timeZone: Europe/Berlin
              versionInstalledAt: 2026-11-15T22:00:00Z
              previousVersion: 10.0.39
            components:
              hq: 10.0.40
              pos: {store-001-reg-1: 10.0.38, store-001-reg-2: 10.0.40}
              extensions:
                contoso-csu-ext: {compiledAgainst: 10.0.40, target: csu-cloud-01}
            channelInfo:
              store-001: {functionalityProfile: FP-EAST, timeZone: America/Chicago}
            legalEntities: [USRT, USPI]
            features:
              Some feature: {enabled: false, scheduledFor: 2026-11-23}
              Some flag: {enabled: true, servedVariation: "true"}
            externalFeatures:
              OnHandReservation: on
            jobs:
              "1010": {lastSuccess: 2026-11-18T15:45:00Z, status: Applied, firstAppliedAt: 2026-11-18T13:40:00Z}
            records:
              - {table: T, where: {Store: store-001}, count: 1, oldest: 2026-11-20T09:59:25Z, newest: 2026-11-20T09:59:26Z}
            """)
        #expect(diagnostics.isEmpty)
        #expect(snapshot.region?.value == "United States")
        #expect(snapshot.deployment?.value == "IaaS")
        #expect(snapshot.kind?.value == "production")
        #expect(snapshot.timeZone?.value == "Europe/Berlin")
        #expect(snapshot.timeZone?.location.line == 9)
        #expect(snapshot.versionInstalledAt != nil)
        #expect(snapshot.previousVersion?.value == ProductVersion("10.0.39"))
        #expect(snapshot.components.map(\.name.value) == ["hq", "pos", "extensions"])
        #expect(snapshot.components[0].version?.value == "10.0.40")
        #expect(snapshot.components[1].instances.map { $0.version?.value } == ["10.0.38", "10.0.40"])
        #expect(snapshot.components[2].instances[0].fields.map(\.key) == ["compiledAgainst", "target"])
        #expect(snapshot.channelInfo.first?.attributes.map(\.key) == ["functionalityProfile", "timeZone"])
        #expect(snapshot.legalEntities?.map(\.value) == ["USRT", "USPI"])
        #expect(snapshot.features[0].scheduledFor?.value == Timestamp.parse("2026-11-23")?.timestamp)
        #expect(snapshot.features[1].servedVariation?.value == .string("true"))
        #expect(snapshot.externalFeatures.map { $0.enabled?.value } == [true])
        #expect(snapshot.jobs[0].status?.value == "Applied")
        #expect(snapshot.jobs[0].firstAppliedAt?.location.line == 26)
        #expect(snapshot.records[0].newest != nil)
    }

    @Test func lintOfAPackAndASnapshotReportsTheValueThatDoesNotFitAtItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-values-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.typedPack.utf8).write(to: folder.appendingPathComponent("pack.yaml"))
        try Data((header + "settings:\n  retries: three\n").utf8).write(to: folder.appendingPathComponent("snap.yaml"))
        let report = LintRun.run(paths: [folder.path])
        let finding = try #require(report.findings.first { $0.code == "snapshot-value" })
        #expect(finding.location?.file.hasSuffix("snap.yaml") == true)
        #expect(finding.location?.line == 4)
        #expect(finding.message.contains("not a whole number"))
    }
}
