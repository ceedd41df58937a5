import Testing

/// The rules schema accepts every form of rule language v1 and rejects documents the decoder
/// rejects: unknown keys, wrong types, missing required keys.
@Suite struct RulesSchemaTests {
    /// Schema violations of a one-document YAML text, as "path: message" lines.
    func violations(_ yaml: String) throws -> [SchemaViolation] {
        let (documents, errors) = instances(ofYAML: yaml)
        #expect(errors.isEmpty, "YAML errors: \(errors)")
        let document = try #require(documents.first)
        return try Schemas().rules.validate(document)
    }

    @Test func acceptsEveryConstruct() throws {
        let v = try violations(
            """
            prereq: 1
            pack:
              id: demo
              title: {en: Demo, pt-BR: Demonstração}
              product: Demo product
              source: https://example.com/faq
              languages: [en, pt-BR]
              defaultLanguage: en
            features:
              a:
                name: {en: A, pt-BR: Á}
                aliases: [Old A]
                introducedIn: 10.0.29
                minVersion: "10.0.30"
                docs: https://example.com/a
                note: Plain text in the default language.
                requires:
                  - b
                  - anyOf: [c, {allOf: [d, e]}]
                  - not: f
                conflicts: g
                alsoEnables: [h]
                settings:
                  s1: true
                  s2: {equals: 3}
                  s3: text value
                takesEffect: {jobs: [j1, j2], settle: 15m, settleSource: measured}
                default: off
              b:
              c: {}
            settings:
              s1: {name: S1, whereToFind: Menu > Item, scope: channel, type: bool, docs: https://example.com/s1}
            jobs:
              j1: {code: 1110, name: Global configuration, kind: download, tables: T1}
              j2:
                code: P
                kind: upload
                after: [j1]
                schedule: {recurring: true, maxInterval: PT1H}
            records:
              r1: {table: T1, where: {Done: 0}, expect: {max: 5}, clearedBy: j2}
              r2: {tables: [T1, T2], expect: none}
            questions:
              q1:
                text: {en: Why?, pt-BR: Por quê?}
                about: a
                checks:
                  - canEnable: a
                  - inEffect: a
                  - jobsInOrder: [j1, j2]
                  - records: r1
            """)
        #expect(v.isEmpty, "\(v)")
    }

    @Test func acceptsNotesOnSettingsJobsAndRecordChecksAndListSettings() throws {
        let v = try violations(
            """
            prereq: 1
            settings:
              connectors: {type: list, note: {en: Per channel, pt-BR: Por canal}, docs: https://example.com/c}
            jobs:
              sync: {note: Runs hourly, docs: https://example.com/s}
            records:
              left: {table: T, clearedBy: sync, note: Cleared by the sync}
            features:
              f:
                settings: {connectors: [A, B]}
              g:
                settings: {connectors: {equals: [A]}}
            """)
        #expect(v.isEmpty, "\(v)")
    }

    @Test func acceptsOrdersAfterAStateAndCreatedJobs() throws {
        let v = try violations(
            """
            prereq: 1
            jobs:
              dist: {kind: batch}
              init: {kind: batch}
              cdx: {kind: download, after: [init, {job: dist, reached: Applied}]}
              one: {after: {job: dist, reached: Applied}, createdBy: init}
            """)
        #expect(v.isEmpty, "\(v)")
        let missing = try violations("prereq: 1\njobs:\n  dist: {}\n  cdx: {after: [{job: dist}]}\n")
        #expect(!missing.isEmpty)
    }

    @Test func rejectsUnknownTopLevelKey() throws {
        let v = try violations("prereq: 1\nfeature:\n  a: {}\n")
        #expect(v.count == 1)
        #expect(v.first?.message.hasPrefix("unknown key \"feature\"") == true)
        #expect(v.first.map { "\($0.line):\($0.column)" } == "2:1")
    }

    @Test func rejectsUnknownFeatureKeyAtItsPosition() throws {
        let v = try violations(
            """
            prereq: 1
            features:
              a:
                requirs: [b]
            """)
        #expect(v.map(\.path) == ["features.a.requirs"])
        #expect(v.first.map { "\($0.line):\($0.column)" } == "4:5")
    }

    @Test func rejectsMissingSchemaVersion() throws {
        let v = try violations("features:\n  a: {}\n")
        #expect(v.contains { $0.message == "missing required key \"prereq\"" })
    }

    @Test func rejectsUnsupportedSchemaVersion() throws {
        let v = try violations("prereq: 2\n")
        #expect(v.map(\.path) == ["prereq"])
    }

    @Test func rejectsWrongTypes() throws {
        #expect(try !violations("prereq: 1\nfeatures: [a, b]\n").isEmpty)
        #expect(try !violations("prereq: 1\nfeatures:\n  a: {introducedIn: [10]}\n").isEmpty)
        #expect(try !violations("prereq: 1\nfeatures:\n  a: {introducedIn: ten}\n").isEmpty)
        #expect(try !violations("prereq: 1\nfeatures:\n  a: {takesEffect: {settle: soon}}\n").isEmpty)
        #expect(try !violations("prereq: 1\nfeatures:\n  a: {default: maybe}\n").isEmpty)
        #expect(try !violations("prereq: 1\njobs:\n  j: {kind: sideways}\n").isEmpty)
        #expect(try !violations("prereq: 1\nrecords:\n  r: {table: T, expect: {max: -1}}\n").isEmpty)
        #expect(try !violations("prereq: 1\npack: {languages: [english!]}\n").isEmpty)
    }

    @Test func rejectsRequirementMappingWithTwoKeys() throws {
        let v = try violations("prereq: 1\nfeatures:\n  a:\n    requires:\n      - {anyOf: [b], allOf: [c]}\n")
        #expect(!v.isEmpty)
        #expect(v.allSatisfy { $0.path.hasPrefix("features.a.requires") })
    }

    @Test func acceptsEventConditionsAndASettingsTakesEffectAndRejectsAnotherEvent() throws {
        let yaml = """
            prereq: 1
            settings:
              s: {type: string, takesEffect: {jobs: [j], settle: 10m}}
            jobs:
              j: {}
            features:
              a:
                requires:
                  - anyOf:
                      - {job: j, succeededAfter: update}
                      - {feature: b, enabledBefore: update}
                  - {job: j, succeededAfter: {setting: s}, severity: warning}
              b: {}
            """
        let found = try violations(yaml)
        #expect(found.isEmpty, "\(found)")
        let wrong = try violations("prereq: 1\nfeatures:\n  a:\n    requires:\n      - {job: j, succeededAfter: upgrade}\n")
        #expect(!wrong.isEmpty)
        #expect(wrong.allSatisfy { $0.path.hasPrefix("features.a.requires") })
    }

    @Test func acceptsGroupsConditionsAndSeverities() throws {
        let yaml = """
            prereq: 1
            features:
              a:
                requires:
                  - exactlyOne: [b, c]
                  - {atLeast: 1, atMost: 2, of: [b, {not: c}, d]}
                  - {atMost: 1, of: [c, d], severity: warning}
                  - {when: {anyOf: [b, c]}, then: [d, {exactlyOne: [b, c]}]}
                  - {anyOf: [b], severity: error}
            """
        let found = try violations(yaml)
        #expect(found.isEmpty, "\(found)")
    }

    @Test(arguments: [
        "{atLeast: 2}", "{of: [b]}", "{then: b}", "{when: b}", "{atLeast: -1, of: [b]}", "{atMost: two, of: [b]}",
        "{anyOf: [b], severity: fatal}", "{exactlyOne: []}", "{when: b, then: c, else: d}",
    ])
    func rejectsMalformedGroupsAndConditions(item: String) throws {
        #expect(try !violations("prereq: 1\nfeatures:\n  a:\n    requires: [\(item)]\n").isEmpty)
    }

    @Test func rejectsUnknownRequirementKind() throws {
        let v = try violations("prereq: 1\nfeatures:\n  a:\n    requires: [{oneOf: [b, c]}]\n")
        #expect(!v.isEmpty)
    }

    @Test func rejectsEmptyAnyOf() throws {
        #expect(try !violations("prereq: 1\nfeatures:\n  a:\n    requires: [{anyOf: []}]\n").isEmpty)
    }

    @Test func rejectsQuestionWithoutTextOrChecks() throws {
        let v = try violations("prereq: 1\nquestions:\n  q: {about: a}\n")
        #expect(Set(v.map(\.message)) == ["missing required key \"text\"", "missing required key \"checks\""])
    }

    @Test func rejectsJobsInOrderWithOneJob() throws {
        #expect(try !violations("prereq: 1\nquestions:\n  q: {text: Q, checks: [{jobsInOrder: [a]}]}\n").isEmpty)
    }

    @Test func rejectsUnknownCheck() throws {
        #expect(try !violations("prereq: 1\nquestions:\n  q: {text: Q, checks: [{canEnabled: a}]}\n").isEmpty)
    }

    @Test func checksLimitsPerKey() throws {
        let check = { (expect: String) in try self.violations("prereq: 1\nrecords:\n  r: {table: T, expect: \(expect)}\n") }
        #expect(try check("{max: 1, per: [Profile, Group]}").isEmpty)
        #expect(try check("{min: 1, per: [Store]}").isEmpty)
        #expect(try !check("{per: [Store]}").isEmpty)
        #expect(try !check("{max: 1, per: []}").isEmpty)
        #expect(try !check("{max: 1, per: Store}").isEmpty)
    }

    @Test func rejectsRecordCheckWithoutTables() throws {
        #expect(try !violations("prereq: 1\nrecords:\n  r: {where: {Done: 0}}\n").isEmpty)
    }

    @Test func rejectsBadLanguageTagInText() throws {
        #expect(try !violations("prereq: 1\nfeatures:\n  a: {name: {english: A}}\n").isEmpty)
    }

    @Test func acceptsManualStepsAndTheManualGate() throws {
        let text = try String(contentsOfFile: Package.path("Tests/PrereqCoreTests/Fixtures/manual/pack.yaml"), encoding: .utf8)
        let found = try violations(text)
        #expect(found.isEmpty, "\(found)")
    }

    @Test(arguments: [
        "manualSteps:\n  m: {name: M}\n", "manualSteps:\n  m: {text: T, confirms: {records: r}}\n",
        "features:\n  a:\n    requires: [{manual: m, text: T}]\n",
    ])
    func rejectsMalformedManualSteps(yaml: String) throws {
        #expect(try !violations("prereq: 1\n" + yaml).isEmpty)
    }
}
