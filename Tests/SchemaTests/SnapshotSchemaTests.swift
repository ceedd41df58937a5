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
