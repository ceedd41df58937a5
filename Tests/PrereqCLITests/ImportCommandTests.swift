import Foundation
import Testing

/// `prereq import` end to end, as a user runs it: import the fixtures, then lint, why, plan and
/// check on what it wrote; a re-import keeps the team's own rule files.
@Suite struct ImportCommandTests {
    static let fixtures = EvaluationCommandTests.root + "/Tests/PrereqCoreTests/Fixtures/Import/"

    /// A fresh output folder, removed after `body`.
    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    func prereq(_ arguments: String..., in folder: String) throws -> PrereqBinary.Result {
        try PrereqBinary.run(arguments, in: folder)
    }

    @Test func launchDarklyImportThenLintWhyPlanAndCheck() throws {
        try withFolder { dir in
            let imported = try prereq(
                "import", "launchdarkly", Self.fixtures + "launchdarkly/production.json", Self.fixtures + "launchdarkly/staging.json",
                "--out", "flags", "--taken-at", "2026-12-01T12:00:00Z", in: dir)
            #expect(imported.status == 0)
            #expect(imported.stdout.hasPrefix("imported 8 flag(s), 2 environment(s) (\"production\", \"staging\")"))
            // checkout-banner needs new-checkout in production only: said so in the pack, for that environment.
            let pack = try String(contentsOfFile: dir + "/flags/rules/imported-launchdarkly.yaml", encoding: .utf8)
            #expect(pack.contains("{when: {attribute: environment, equals: \"production\"}, then: {feature: \"new-checkout\""))
            let golden = try String(contentsOfFile: Self.fixtures + "launchdarkly/expected/snapshots/production.yaml", encoding: .utf8)
            #expect(try String(contentsOfFile: dir + "/flags/snapshots/production.yaml", encoding: .utf8) == golden)

            let lint = try prereq("lint", "flags/rules", in: dir)
            #expect(lint.status == 0)  // a warning only: export-v2 needs an archived flag
            #expect(lint.stdout.contains("warning[prerequisite-archived]: feature export-v2 requires \"legacy-export\""))

            let why = try prereq("why", "Write_Java", "--rules", "flags/rules", "--snapshot", "flags/snapshots/production.yaml", in: dir)
            #expect(why.status == 1)
            #expect(why.stdout.contains("\"Read_Java\" serves false; \"Write_Java\" needs it to be true"))
            #expect(why.stdout.contains("1. Make \"Read_Java\" serve true"))
            let json = try prereq("why", "Write_Java", "--rules", "flags/rules", "--snapshot", "flags/snapshots/production.yaml", "--format", "json", in: dir)
            #expect(json.stdout.contains("\"kind\": \"value\""))
            let staging = try prereq("why", "Write_Java", "--rules", "flags/rules", "--snapshot", "flags/snapshots/staging.yaml", in: dir)
            #expect(staging.status == 0)

            let plan = try prereq("plan", "Write_Java", "--rules", "flags/rules", "--snapshot", "flags/snapshots/production.yaml", in: dir)
            #expect(plan.stdout.contains("Make \"Read_Java\" serve true"))

            let check = try prereq("check", "--rules", "flags/rules", "flags/snapshots/production.yaml", in: dir)
            #expect(check.status == 1)
            #expect(check.stdout.contains("error[value-mismatch]: \"Write_Java\": \"Read_Java\" serves false"))
            #expect(check.stdout.contains("warning[missing-data]: \"checkout-banner\": the snapshot does not say which value \"new-checkout\" serves"))
        }
    }

    @Test func aReimportRewritesItsOwnFilesAndKeepsTheTeams() throws {
        try withFolder { dir in
            let file = Self.fixtures + "unleash/export.json"
            #expect(try prereq("import", "unleash", file, "--out", ".", in: dir).status == 0)
            let own = "prereq: 1\nfeatures:\n  payments-audit: {requires: [payments-core]}\n"
            try own.write(toFile: dir + "/rules/team.yaml", atomically: true, encoding: .utf8)
            try "stale".write(toFile: dir + "/rules/imported-unleash.yaml", atomically: true, encoding: .utf8)
            #expect(try prereq("import", "unleash", file, "--out", ".", in: dir).status == 0)
            #expect(try String(contentsOfFile: dir + "/rules/team.yaml", encoding: .utf8) == own)
            #expect(try String(contentsOfFile: dir + "/rules/imported-unleash.yaml", encoding: .utf8).hasPrefix("# Written by `prereq import unleash`"))
            let why = try prereq("why", "payments-audit", "--rules", "rules", "--snapshot", "snapshots/production.yaml", in: dir)
            #expect(why.stdout.contains("\"payments-core\" is off in Unleash"))
            let check = try prereq("check", "--rules", "rules", "snapshots/production.yaml", in: dir)
            #expect(check.stdout.contains("payments-ui"))
        }
    }

    @Test func theImportSpeaksTheChosenLanguage() throws {
        try withFolder { dir in
            let r = try prereq("import", "growthbook", Self.fixtures + "growthbook/production.json", "--out", "gb", "--lang", "pt-BR", in: dir)
            #expect(r.status == 0)
            #expect(r.stdout.hasPrefix("importadas 9 flag(s), 1 ambiente(s) (\"production\")"))
            #expect(r.stderr.contains("uma condição sobre \"cart-limit\" que a linguagem de regras não consegue dizer"))
            let bad = try prereq("import", "growthbook", Self.fixtures + "unleash/export.json", "--out", "gb", "--lang", "pt-BR", in: dir)
            // An Unleash export has `features` too, but as an array.
            #expect(bad.stderr.contains("export.json: em $.features: esperava um objeto, encontrou um array"))
            #expect(bad.status == 2)
        }
    }

    @Test func unleashLimitsAreLintErrors() throws {
        try withFolder { dir in
            #expect(try prereq("import", "unleash", Self.fixtures + "unleash-broken/export.json", "--out", "x", in: dir).status == 0)
            let lint = try prereq("lint", "x/rules", in: dir)
            #expect(lint.status == 1)
            #expect(lint.stdout.contains("error[platform-limit]: feature search-ui-tour is imported from unleash, which allows no parent that has a parent"))
            #expect(lint.stdout.contains("error[platform-limit]: feature report-exports is imported from unleash, which allows one parent per feature"))
        }
    }

    @Test func growthBookImportWithAnEnvironmentName() throws {
        try withFolder { dir in
            let r = try prereq("import", "growthbook", Self.fixtures + "growthbook/production.json", "--environment", "prod eu", "--out", "gb", in: dir)
            #expect(r.status == 0)
            #expect(r.stdout.contains("gb/snapshots/prod-eu.yaml"))
            #expect(r.stderr.contains("warning[import-unsupported]: cart-size-hint: a condition on \"cart-limit\" the rule language cannot say"))
            let why = try prereq("why", "nav-tour", "--rules", "gb/rules", "--snapshot", "gb/snapshots/prod-eu.yaml", in: dir)
            #expect(why.stdout.contains("\"new-nav\" serves false; \"nav-tour\" needs it to be true"))
        }
    }

    @Test func aFileInAnotherFormatIsExitTwoWithFileAndPath() throws {
        try withFolder { dir in
            let r = try prereq("import", "launchdarkly", Self.fixtures + "unleash/export.json", "--out", "x", in: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains("error[import-format]: " + Self.fixtures + "unleash/export.json: at $: not LaunchDarkly's format: no \"flags\" at the top level"))
            #expect(!FileManager.default.fileExists(atPath: dir + "/x"))
            let platform = try prereq("import", "optimizely", "a.json", "--out", "x", in: dir)
            #expect(platform.status == 2)
            #expect(platform.stderr.contains("unknown platform 'optimizely'"))
            let environment = try prereq("import", "unleash", Self.fixtures + "unleash/export.json", "--environment", "prod", "--out", "x", in: dir)
            #expect(environment.status == 2)
            #expect(environment.stderr.contains("--environment does not apply to unleash"))
            let help = try prereq("import", "--help", in: dir)
            #expect(help.stdout.contains("prereq import launchdarkly production.json staging.json --out flags"))
        }
    }
}
