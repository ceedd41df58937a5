import Foundation
import Diagnostics
import PrereqCore
import Testing

@Suite struct LintTests {
    @Test func cleanPackHasNoFindings() {
        let findings = lint(
            """
            prereq: 1
            pack: {id: clean, languages: [en, pt-BR]}
            features:
              a:
                name: {en: A, pt-BR: A-pt}
                introducedIn: 10.0.30
                requires: [b, {anyOf: [c, d]}, {not: e}]
                settings: {s: true}
                takesEffect: {jobs: [j1, j2], settle: 15m}
              b: {name: {en: B, pt-BR: B-pt}, introducedIn: 10.0.20}
              c: {name: {en: C, pt-BR: C-pt}}
              d: {name: {en: D, pt-BR: D-pt}}
              e: {name: {en: E, pt-BR: E-pt}, conflicts: [b]}
            settings:
              s: {name: {en: S, pt-BR: S-pt}}
            jobs:
              j1: {code: "1", name: {en: J1, pt-BR: J1-pt}}
              j2: {code: "2", name: {en: J2, pt-BR: J2-pt}, after: [j1]}
            """)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func unknownReferenceSuggestsClosestIdAtTheReference() throws {
        let findings = lint(
            """
            prereq: 1
            features:
              enhanced-async-customer-creation: {}
              a:
                requires:
                  - enhanced-async-customer-creaton
            """)
        let d = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(d.code == "unknown-reference")
        #expect(d.location?.line == 6 && d.location?.column == 9)
        #expect(d.message.contains("did you mean \"enhanced-async-customer-creation\""))
    }

    @Test func everyRequiresCycleIsReportedWithItsPath() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {requires: [b]}
              b: {requires: [c]}
              c: {requires: [a]}
              d: {requires: [d]}
              e: {requires: [a]}
            """)
        let cycles = findings.filter { $0.code == "requires-cycle" }
        #expect(cycles.count == 2)
        #expect(cycles.contains { $0.message.hasSuffix("a → b → c → a") })
        #expect(cycles.contains { $0.message.hasSuffix("d → d") })
        // The feature behind the cycle is reported as never enableable, the cycle members are not twice.
        let never = findings.filter { $0.code == "never-enableable" }
        #expect(never.map(\.subject) == ["e"])
        #expect(never.first?.message.contains("requires a, which is caught in a requirements cycle") == true)
    }

    @Test func afterCycleAmongJobs() {
        let findings = lint(
            """
            prereq: 1
            jobs:
              p: {after: [sync]}
              sync: {after: [p]}
            """)
        #expect(findings.map(\.code) == ["after-cycle"])
        #expect(findings.first?.location?.line == 4)
    }

    @Test func conflictInsideOwnRequirementsMakesAFeatureImpossible() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {requires: [b, c]}
              b: {requires: [x]}
              c: {}
              x: {conflicts: [c]}
              top: {requires: [a]}
            """)
        let never = findings.filter { $0.code == "never-enableable" }
        #expect(never.map { $0.subject ?? "" }.sorted() == ["a", "top"])
        #expect(never.first { $0.subject == "a" }?.message.contains("needs both") == true)
        #expect(never.first { $0.subject == "top" }?.message.contains("needs both x and c") == true)
    }

    @Test func requiringAFeatureItForbidsIsImpossible() {
        let findings = lint("prereq: 1\nfeatures:\n  a: {requires: [b, {not: b}]}\n  b: {}\n")
        #expect(findings.map(\.code) == ["never-enableable"])
    }

    @Test func everyAlternativeImpossible() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {requires: [{anyOf: [b, c]}]}
              b: {requires: [z], conflicts: [z]}
              c: {minVersion: 10.0.30, removedIn: 10.0.30}
              z: {}
            """)
        let never = findings.filter { $0.code == "never-enableable" }
        #expect(never.map { $0.subject ?? "" }.sorted() == ["a", "b", "c"])
        #expect(never.first { $0.subject == "a" }?.message.contains("none of its alternatives (b, c)") == true)
        #expect(never.first { $0.subject == "c" }?.message.contains("needs version 10.0.30 or later") == true)
    }

    @Test func anAlternativeThatWorksKeepsTheFeaturePossible() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {requires: [{anyOf: [b, c]}]}
              b: {requires: [b2]}
              b2: {requires: [b]}
              c: {}
            """)
        #expect(!findings.contains { $0.code == "never-enableable" && $0.subject == "a" })
    }

    @Test func impossibleVersionWindowThroughRequirements() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {requires: [old, new]}
              old: {removedIn: 10.0.25}
              new: {introducedIn: 10.0.26}
            """)
        let never = findings.filter { $0.code == "never-enableable" }
        #expect(never.map(\.subject) == ["a"])
        #expect(never.first?.message.contains("exists only before 10.0.25") == true)
    }

    @Test func redundantRequirementIsANote() throws {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {requires: [b, c]}
              b: {requires: [d]}
              d: {requires: [c]}
              c: {}
            """)
        let d = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(d.code == "redundant-requirement" && d.severity == .note)
        #expect(d.location?.line == 3 && d.location?.column == 21)
    }

    @Test func requiringALaterFeatureWarnsAboutTheRealMinimum() throws {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {introducedIn: 10.0.20, requires: [b]}
              b: {requires: [c]}
              c: {introducedIn: 10.0.25}
            """)
        let d = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(d.code == "version-later")
        #expect(d.message.contains("its real minimum is 10.0.25"))
        #expect(d.message.contains("through c"))
    }

    @Test func sharedDisplayNameIsAmbiguous() {
        let findings = lint(
            """
            prereq: 1
            features:
              a: {name: {en: Customer sync, pt-BR: Sincronizar}}
              b: {name: customer SYNC }
              c: {name: Other, aliases: [Sincronizar]}
            """)
        let ambiguous = findings.filter { $0.code == "ambiguous-name" }
        #expect(ambiguous.map(\.subject) == ["b", "c"])
    }

    @Test func promisedLanguagesMustBeTranslated() {
        let findings = lint(
            """
            prereq: 1
            pack: {languages: [en, pt-BR]}
            features:
              a: {name: Only English}
            questions:
              q: {text: {en: Why?}, checks: [{canEnable: a}]}
            """)
        #expect(findings.map(\.code) == ["missing-translation", "missing-translation"])
        #expect(findings.allSatisfy { $0.message.contains("pt-BR") })
    }

    @Test func unusedJobsAndSettings() {
        let findings = lint(
            """
            prereq: 1
            settings:
              lonely: {}
            jobs:
              orphan: {code: "9999"}
              scheduled: {schedule: {maxInterval: 1h}}
            """)
        #expect(findings.map(\.code) == ["unused-setting", "unused-job"])
    }

    @Test func everyCodeHasAnExplainEntry() throws {
        // Every code literal a source file reports must be in the catalog.
        let sources = packageRoot + "/Sources"
        let fm = FileManager.default
        let files = try #require(fm.enumerator(atPath: sources)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var codes = Set<String>()
        let patterns = [#"code: ""#, #".error(""#, #".warning(""#, #".note(""#, #"error(\n                    ""#]
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for pattern in patterns {
                var rest = text[...]
                while let r = rest.range(of: pattern) {
                    let after = rest[r.upperBound...]
                    if let end = after.firstIndex(of: "\"") { codes.insert(String(after[..<end])) }
                    rest = after
                }
            }
        }
        codes = codes.filter { !$0.isEmpty && !$0.contains("\\") && !$0.contains(" ") }
        #expect(codes.count > 20)
        for code in codes.sorted() {
            #expect(FindingCatalog.entry(code) != nil, "no explain entry for \(code)")
        }
    }
}


@Suite struct SnapshotLintTests {
    @Test func lintChecksSnapshotsOnTheirOwnAndAgainstAGivenPack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-lint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "prereq: 1\nfeatures:\n  side: {name: Side}\n".write(toFile: folder + "/pack.yaml", atomically: true, encoding: .utf8)
        try "prereq: 1\nsnapshot: {environment: e, takenAt: yesterday}\nfeatures: {Sidee: on}\n"
            .write(toFile: folder + "/snap.yaml", atomically: true, encoding: .utf8)
        let withPack = LintRun.run(paths: [folder])
        #expect(withPack.findings.map(\.code) == ["schema-value", "unknown-name"])
        #expect(withPack.findings.first?.location?.line == 2)
        let alone = LintRun.run(paths: [folder + "/snap.yaml"])
        #expect(alone.findings.map(\.code) == ["schema-value"])
        #expect(alone.exitCode(failOn: .error) == 1)
    }
}

@Suite struct PortugueseFindingTests {
    @Test func schemaAndLintFindingsSpeakPortuguese() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-pt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "prereq: 1\nfeatures:\n  a: {require: [b], conflicts: {x: 1}}\n  b: {requires: [c]}\n"
            .write(toFile: folder + "/pack.yaml", atomically: true, encoding: .utf8)
        let report = LintRun.run(paths: [folder], language: .brazilianPortuguese)
        let messages = report.findings.map(\.message)
        #expect(messages.contains("chave desconhecida \"require\" no recurso a (você quis dizer \"requires\"?)"))
        #expect(messages.contains("conflicts do recurso a precisa ser uma lista, mas é um mapeamento"))
        #expect(messages.contains("o recurso b se refere a um recurso desconhecido, \"c\""))
        let english = LintRun.run(paths: [folder]).findings.map(\.message)
        #expect(english.contains("unknown key \"require\" in feature a (did you mean \"requires\"?)"))
        #expect(english.contains("feature b refers to the unknown feature \"c\""))
    }
}
