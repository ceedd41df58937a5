import Diagnostics
import PrereqCore
import Testing

@Suite struct RuleDecodingTests {
    @Test func coreFormsOfTheRuleLanguageDecode() throws {
        let (p, diagnostics) = pack(
            """
            prereq: 1
            features:
              async-customer-editing:
                name: Enable editing customers in asynchronous mode
                requires: [customer-order-performance, enhanced-async-customer-creation]  # all of these on
                conflicts: [legacy-customer-sync]                                          # none of these on
              customer-order-performance:
                name: Performance improvements for customer orders and customer transactions
            jobs:
              cdx-p: {code: P, name: P-job}
              sync-customers: {name: Synchronize customers and channel requests, after: [cdx-p]}
            """)
        #expect(diagnostics.isEmpty)
        #expect(p.features.map(\.id.value) == ["async-customer-editing", "customer-order-performance"])
        let editing = p.features[0]
        #expect(editing.requires?.mandatoryFeatures.map(\.value) == ["customer-order-performance", "enhanced-async-customer-creation"])
        #expect(editing.conflicts.map(\.value) == ["legacy-customer-sync"])
        #expect(editing.requires?.mandatoryFeatures.first?.location.line == 5)
        #expect(p.jobs[0].code?.value == "P")
        #expect(p.jobs[1].after.map(\.value) == ["cdx-p"])
        #expect(p.jobs[1].displayName(in: "en") == "Synchronize customers and channel requests")
        #expect(p.jobs[0].displayName(in: "en") == "P (P-job)")
    }

    @Test func nestedAlternativesAndNegationDecode() throws {
        let (p, diagnostics) = pack(
            """
            prereq: 1
            features:
              a:
                requires:
                  - b
                  - anyOf: [c, {allOf: [d, e]}]
                  - not: f
            """)
        #expect(diagnostics.isEmpty)
        let r = try #require(p.features.first?.requires)
        #expect(r.featureReferences.map(\.value) == ["b", "c", "d", "e", "f"])
        #expect(r.mandatoryFeatures.map(\.value) == ["b"])
        #expect(r.forbiddenFeatures.map(\.value) == ["f"])
    }

    @Test func translatedNamesVersionsAndTimesDecode() throws {
        let (p, diagnostics) = pack(
            """
            prereq: 1
            pack: {id: demo, languages: [en, pt-br]}
            features:
              a:
                name: {en: Enable it, pt-BR: Habilitar}
                introducedIn: 10.0.20
                minVersion: "10.0"
                takesEffect: {jobs: [j1], settle: 1h30m}
                settings: {s1: true, s2: {equals: 3}}
            jobs:
              j1: {code: 1110, kind: download, schedule: {recurring: true, maxInterval: PT15M}}
            settings:
              s1: {scope: channel}
              s2: {type: int}
            """)
        #expect(diagnostics.isEmpty)
        let a = try #require(p.features.first)
        #expect(a.displayName(in: "pt-BR") == "Habilitar")
        #expect(a.displayName(in: "pt") == "Habilitar")
        #expect(a.displayName(in: "de") == "Enable it")
        #expect(a.introducedIn?.value.description == "10.0.20")
        #expect(a.minVersion?.value == ProductVersion("10.0.0"))
        #expect(a.takesEffect?.settle?.value.seconds == 5400)
        #expect(a.settings.map(\.value) == [.bool(true), .int(3)])
        #expect(p.jobs[0].code?.value == "1110")
        #expect(p.jobs[0].schedule?.maxInterval?.value.seconds == 900)
        #expect(p.settings[0].scope == .channel)
        #expect(p.languages == ["en", "pt-BR"])
    }

    @Test func everySchemaErrorIsCollectedAtItsLine() {
        let findings = lint(
            """
            prereq: 1
            features:
              a:
                require: [b]
                minVersion: ten
                conflicts: {x: 1}
              b:
                settle: 5m
            jobs:
              j: {kind: donwload}
            """)
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["schema-unknown-key", "schema-value", "schema-type", "schema-unknown-key", "schema-value"])
        #expect(errors.map { $0.location?.line ?? 0 } == [4, 5, 6, 8, 10])
        #expect(errors[0].message.contains("did you mean \"requires\""))
        #expect(errors[4].message.contains("did you mean \"download\""))
    }

    @Test func missingOrWrongSchemaVersionIsReported() {
        #expect(lint("features: {a: {}}\n").map(\.code) == ["schema-version"])
        #expect(lint("prereq: 2\n").map(\.code) == ["schema-version"])
    }

    @Test func duplicateIdsAcrossFilesNameBothPlaces() throws {
        let (_, diagnostics) = pack(files: [
            ("a.yaml", "prereq: 1\nfeatures:\n  x: {name: X}\n"),
            ("b.yaml", "prereq: 1\nfeatures:\n  y: {}\n  x: {name: X again}\n"),
        ])
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.code == "duplicate-id")
        #expect(d.location?.file == "b.yaml" && d.location?.line == 4)
        #expect(d.related.first?.location.file == "a.yaml")
        #expect(d.related.first?.location.line == 3)
    }

    @Test func duplicateIdsAreFoundAsSwiftComparesText() throws {
        // The same id in other bytes (a precomposed and a combining accent, the Kelvin sign for
        // K) is the same id; every first definition stays, in order.
        let (p, diagnostics) = pack(files: [
            ("a.yaml", "prereq: 1\nfeatures:\n  caf\u{E9}: {}\n  Kelvin: {}\n  a: {}\n"),
            ("b.yaml", "prereq: 1\nfeatures:\n  b: {}\n  cafe\u{301}: {}\n---\nprereq: 1\nfeatures:\n  c: {}\n  a: {}\n"),
            ("c.yaml", "prereq: 1\nfeatures:\n  \u{212A}elvin: {}\n  d: {}\n  b: {}\n"),
        ])
        #expect(p.features.map(\.id.value) == ["caf\u{E9}", "Kelvin", "a", "b", "c", "d"])
        #expect(diagnostics.map(\.code) == ["duplicate-id", "duplicate-id", "duplicate-id", "duplicate-id"])
        let places = diagnostics.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0)<\($0.related.first?.location.file ?? ""):\($0.related.first?.location.line ?? 0)" }
        #expect(places == ["b.yaml:4<a.yaml:3", "b.yaml:9<a.yaml:5", "c.yaml:3<a.yaml:4", "c.yaml:5<b.yaml:3"])
    }

    @Test func documentsOfOneFileMerge() {
        let (p, diagnostics) = pack("prereq: 1\nfeatures: {a: {}}\n---\nprereq: 1\nfeatures: {b: {requires: [a]}}\n")
        #expect(diagnostics.isEmpty)
        #expect(p.features.map(\.id.value) == ["a", "b"])
    }

    @Test func aliasBombInARuleFileStopsDecoding() {
        var yaml = "prereq: 1\nx0: &a0 [b, b, b, b, b, b, b, b, b, b]\n"
        for i in 1..<12 {
            yaml += "x\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "features:\n  f:\n    requires: *a11\n"
        let findings = lint(yaml)
        #expect(findings.contains { $0.code == "schema-alias-expansion" })
    }

    /// An id is read from its node in one look when it can only be text (untagged, and quoted or
    /// longer than `false`), the general way otherwise: both ways give the same ids, places and
    /// findings.
    @Test func idsOfEveryScalarFormDecodeAlike() {
        let (p, diagnostics) = pack(
            """
            prereq: 1
            features:
              f:
                requires:
                  - abcde
                  - abcdef
                  - "true"
                  - 'null'
                  - !!str false
                  - 1110
                  - " padded id "
                  - &long a-long-feature-id-past-fifteen-bytes
                  - *long
                  - true
                  - FALSE
                  - ~
                  - null
                  - "  "
                  - !!null ""
            """)
        let ids = p.features.first?.requires?.mandatoryFeatures ?? []
        #expect(ids.map(\.value) == ["abcde", "abcdef", "true", "null", "false", "1110", " padded id ", "a-long-feature-id-past-fifteen-bytes", "a-long-feature-id-past-fifteen-bytes"])
        #expect(ids.map(\.location.line) == [5, 6, 7, 8, 9, 10, 11, 12, 12])
        #expect(ids.map(\.location.column) == [9, 9, 9, 9, 9, 9, 9, 9, 9])
        #expect(ids[1].location.endColumn == 15)
        let findings = diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(findings == ["schema-type 14:9", "schema-type 15:9", "schema-type 16:9", "schema-type 17:9", "schema-value 18:9", "schema-type 19:9"])
    }

    /// Keys are read in one look too: a key that is an alias, or not text, reads as before.
    @Test func keysOfEveryFormDecodeAlike() {
        let (p, diagnostics) = pack(
            """
            prereq: 1
            features:
              &k a-feature-named-by-an-anchor: {name: A}
              b: {requires: [a-feature-named-by-an-anchor], name: B}
              [c]: {name: C}
              "quoted key past fifteen bytes": {name: D}
            """)
        #expect(p.features.map(\.id.value) == ["a-feature-named-by-an-anchor", "b", "quoted key past fifteen bytes"])
        #expect(p.features.map(\.id.location.column) == [3, 3, 3])
        #expect(diagnostics.map(\.code) == ["schema-type"])
        #expect(diagnostics.first?.location?.line == 5)
    }
}
