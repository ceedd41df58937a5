import Testing

/// The snapshot schema accepts the format v1 contract of DESIGN.md as written and rejects
/// documents that break it.
@Suite struct SnapshotSchemaTests {
    func violations(_ yaml: String) throws -> [SchemaViolation] {
        let (documents, errors) = instances(ofYAML: yaml)
        #expect(errors.isEmpty, "YAML errors: \(errors)")
        let document = try #require(documents.first)
        return try Schemas().snapshot.validate(document)
    }

    /// The documented snapshot example (the snapshot contract), verbatim.
    static let contract = """
        prereq: 1                                   # format version, required
        snapshot:
          environment: contoso-prod                 # required
          takenAt: 2026-11-20T10:00:00Z             # required; "now" for every time rule
          version: 10.0.38                          # product version, dotted numbers
        channels: [store-001, store-002]            # optional
        features:                                   # key: feature id, display name (any language) or alias
          Enable editing customers in asynchronous mode: off        # on | off | true | false
          Enable enhanced asynchronous customer creation:
            enabled: true
            enabledAt: 2026-11-01T09:00:00Z         # when it was switched on
        settings:                                   # key: setting id or display name
          create-customer-async: true               # environment-wide value, or per channel:
          other-setting:
            channels: {store-001: true, store-002: false}
        jobs:                                       # key: job id, code (e.g. 1110, P) or display name
          "1110":
            lastSuccess: 2026-11-02T00:00:00Z
            lastFailure: 2026-11-01T23:00:00Z       # optional
            schedule: {recurring: true, every: 1h}  # or: schedule: none
            channels:                               # optional, per channel (download/upload jobs)
              store-001: {lastSuccess: 2026-11-02T00:05:00Z}
        records:                                    # counts that a query of the product's tables gave
          - table: RETAILASYNCCUSTOMERV2
            where: {OnlineOperationCompleted: 0}
            count: 12
            oldest: 2026-11-19T08:00:00Z            # when the oldest counted row was written
        """

    @Test func acceptsTheContractExample() throws {
        let v = try violations(Self.contract)
        #expect(v.isEmpty, "\(v)")
    }

    /// The fields added to snapshot format v1, as exporters write them.
    static let addedFields = """
        prereq: 1
        snapshot:
          environment: contoso-prod
          takenAt: 2026-11-20T10:00:00Z
          region: United States
          deployment: IaaS
          kind: production
          timeZone: Europe/Berlin
          versionInstalledAt: 2026-11-15T22:00:00Z
          previousVersion: 10.0.39
        components:
          hq: 10.0.40
          csu: {csu-cloud-01: 10.0.39}
          pos: {store-001-reg-1: 10.0.38, store-001-reg-2: 10.0.40}
          extensions:
            contoso-csu-ext: {compiledAgainst: 10.0.40, target: csu-cloud-01}
        channelInfo:
          store-001: {functionalityProfile: FP-EAST, sqlEdition: SQL Server 2019 Express, timeZone: America/Chicago}
        legalEntities: [USRT, USPI]
        features:
          Some feature:
            enabled: false
            scheduledFor: 2026-11-23
          Some flag:
            enabled: true
            servedVariation: "true"
        externalFeatures:
          OnHandReservation: on
        settings:
          Some setting: {value: Channel, changedAt: 2026-11-19T15:00:00Z}
          Another setting:
            channels:
              store-001: {value: Channel, changedAt: 2026-11-19T15:00:00Z}
              store-002: Real time service
          A list setting:
            channels:
              online-fabrikam: {value: [Connector A, Connector B], changedAt: 2026-11-18T15:00:00Z}
        jobs:
          "1010":
            lastSuccess: 2026-11-18T15:45:00Z
            status: Applied
            firstAppliedAt: 2026-11-18T13:40:00Z
        records:
          - table: RETAILTRANSACTIONTABLE
            where: {Store: store-001}
            count: 1
            oldest: 2026-11-20T09:59:25Z
            newest: 2026-11-20T09:59:25Z
        """

    @Test func acceptsTheFieldsAddedToFormatOne() throws {
        let v = try violations(Self.addedFields)
        #expect(v.isEmpty, "\(v)")
    }

    @Test func acceptsScheduleNoneAndOffsets() throws {
        let v = try violations(
            """
            prereq: 1
            snapshot: {environment: e, takenAt: "2026-11-20T10:00:00+01:00"}
            jobs:
              P: {schedule: none, lastSuccess: 2026-11-20T09:00:00.123Z}
            """)
        #expect(v.isEmpty, "\(v)")
    }

    @Test func rejectsMissingTakenAt() throws {
        let v = try violations("prereq: 1\nsnapshot: {environment: e}\n")
        #expect(v.map(\.message) == ["missing required key \"takenAt\""])
    }

    @Test func rejectsMissingSnapshotHeader() throws {
        let v = try violations("prereq: 1\nfeatures: {a: on}\n")
        #expect(v.map(\.message) == ["missing required key \"snapshot\""])
    }

    @Test func rejectsUnknownKeys() throws {
        let v = try violations(
            """
            prereq: 1
            snapshot: {environment: e, takenAt: 2026-11-20T10:00:00Z}
            jobs:
              "1110": {lastSucess: 2026-11-02T00:00:00Z}
            """)
        #expect(v.map(\.path) == ["jobs.1110.lastSucess"])
        #expect(v.first.map { "\($0.line):\($0.column)" } == "4:12")
    }

    @Test func rejectsWrongTypes() throws {
        let header = "prereq: 1\nsnapshot: {environment: e, takenAt: 2026-11-20T10:00:00Z}\n"
        #expect(try !violations(header + "features: {a: maybe}\n").isEmpty)
        #expect(try !violations(header + "records: [{table: T, count: -1}]\n").isEmpty)
        #expect(try !violations(header + "records: [{table: T, count: many}]\n").isEmpty)
        #expect(try !violations(header + "records: {T: 3}\n").isEmpty)
        #expect(try !violations(header + "jobs: {P: {lastSuccess: yesterday}}\n").isEmpty)
        #expect(try !violations(header + "jobs: {P: {schedule: weekly}}\n").isEmpty)
        #expect(try !violations("prereq: 1\nsnapshot: {environment: e, takenAt: 20 Nov 2026}\n").isEmpty)
    }
}
