import Foundation
import PrereqCore
import Testing

/// `prereq import` as a library: each platform's fixture (Fixtures/Import, see its README) read,
/// the written pack and snapshots compared with the goldens beside it, then linted and asked.
@Suite struct FlagImportTests {
    static let fixtures = packageRoot + "/Tests/PrereqCoreTests/Fixtures/Import/"
    static let takenAt = Timestamp.parse("2026-12-01T12:00:00Z")!.timestamp
    static let english = Messages(.english)

    /// The platform's files of one fixture folder, in name order.
    static func files(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures + folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { fixtures + folder + "/" + $0 }
    }

    /// Reads a fixture folder; the pack's text and each environment's snapshot text.
    static func imported(_ platform: FlagPlatform, _ folder: String, environment: String? = nil) throws
        -> (result: ImportResult, rules: String, snapshots: [String: String])
    {
        let files = files(folder)
        let result = try FlagImport.read(platform, files: files, environment: environment, messages: english)
        let names = files.map { URL(fileURLWithPath: $0).lastPathComponent }
        let rules = PackWriter.rules(result, sources: names)
        var snapshots: [String: String] = [:]
        for (i, env) in result.environments.enumerated() {
            let source = platform == .unleash ? names.joined(separator: ", ") : names[min(i, names.count - 1)]
            snapshots[env.name] = PackWriter.snapshot(env, platform: platform, source: source, takenAt: takenAt)
        }
        return (result, rules, snapshots)
    }

    /// Compares with (or, with PREREQ_RECORD_GOLDEN=1, records) the golden under the fixture's `expected/`.
    static func golden(_ text: String, _ folder: String, _ relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let path = fixtures + folder + "/expected/" + relative
        if ProcessInfo.processInfo.environment["PREREQ_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "differs from \(folder)/expected/\(relative)", sourceLocation: sourceLocation)
    }

    static func codes(_ rules: String) -> [String] { lint(rules).map(\.code) }

    // MARK: - LaunchDarkly

    @Test func launchDarklyPackAndSnapshotsMatchTheirGoldens() throws {
        let (result, rules, snapshots) = try Self.imported(.launchDarkly, "launchdarkly")
        Self.golden(rules, "launchdarkly", "rules/imported-launchdarkly.yaml")
        Self.golden(try #require(snapshots["production"]), "launchdarkly", "snapshots/production.yaml")
        Self.golden(try #require(snapshots["staging"]), "launchdarkly", "snapshots/staging.yaml")
        #expect(result.environments.map(\.name) == ["production", "staging"])
        // checkout-banner's prerequisites differ between the files: each environment keeps its own.
        #expect(result.findings.isEmpty)
        #expect(rules.contains("- {when: {attribute: environment, equals: \"production\"}, then: {feature: \"new-checkout\", serving: \"treatment-a\"}}"))
        #expect(lint(rules).map(\.code) == ["prerequisite-archived"])
    }

    /// A prerequisite one environment has and another has not holds where it is, nowhere else.
    @Test func prerequisitesOfOneEnvironmentOnlyHoldInThatEnvironment() throws {
        let (_, rules, snapshots) = try Self.imported(.launchDarkly, "launchdarkly")
        let production = why("checkout-banner", pack: rules, snapshot: try #require(snapshots["production"]))
        #expect(production.rootCauses.map(\.subject) == ["new-checkout"])
        let staging = why("checkout-banner", pack: rules, snapshot: try #require(snapshots["staging"]))
        #expect(staging.verdict == .enableable)
        #expect(!staging.rootCauses.contains { $0.subject == "new-checkout" })
        // Prerequisites both environments have stay plain requirements.
        #expect(rules.contains("    requires:\n      - {feature: \"Read_Java\", serving: \"true\"}\n"))
    }

    @Test func aPrerequisiteNotMetMakesTheFlagServeItsOffVariation() throws {
        let (_, _, snapshots) = try Self.imported(.launchDarkly, "launchdarkly")
        let production = try #require(snapshots["production"])
        // Read_Java serves false; Write_Java, on, then serves its off variation (false).
        #expect(production.contains("\"Read_Java\": {enabled: true, servedVariation: \"false\"}"))
        #expect(production.contains("\"Write_Java\": {enabled: true, servedVariation: \"false\"}"))
        // A rollout and rules: what it serves is unknown.
        #expect(production.contains("\"new-checkout\": {enabled: true}\n"))
        #expect(try #require(snapshots["staging"]).contains("\"Write_Java\": {enabled: true, servedVariation: \"true\"}"))
    }

    @Test func whyGoesDownToTheFlagAtTheRoot() throws {
        let (_, rules, snapshots) = try Self.imported(.launchDarkly, "launchdarkly")
        let a = why("checkout-banner", pack: rules, snapshot: try #require(snapshots["production"]))
        #expect(a.verdict != .inEffect)
        let w = why("Write_Java", pack: rules, snapshot: try #require(snapshots["production"]))
        #expect(w.verdict == .notInEffect)
        #expect(w.rootCauses.map(\.message) == ["\"Read_Java\" serves false; \"Write_Java\" needs it to be true"])
        #expect(w.plan.steps.map(\.message) == ["Make \"Read_Java\" serve true"])
        #expect(w.plan.verification?.outcome == .reachesGoal)
        #expect(why("Write_Java", pack: rules, snapshot: try #require(snapshots["staging"])).verdict == .inEffect)
    }

    @Test func aChainIsExplainedThroughEveryFlagThatServesItsOffVariation() throws {
        let chain = """
            prereq: 1
            features:
              A: {flag: {platform: launchdarkly, variations: ["true", "false"], offVariation: "false"}}
              B: {flag: {platform: launchdarkly, variations: ["true", "false"], offVariation: "false"}, requires: [{feature: A, serving: "true"}]}
              C: {flag: {platform: launchdarkly, variations: ["true", "false"], offVariation: "false"}, requires: [{feature: B, serving: "true"}]}
            """
        let snapshot = header + "features:\n  A: {enabled: true, servedVariation: \"false\"}\n  B: {enabled: true, servedVariation: \"false\"}\n  C: {enabled: true}\n"
        let a = why("C", pack: chain, snapshot: snapshot)
        #expect(a.rootCauses.map(\.subject) == ["A"])
        #expect(a.plan.steps.map(\.subject) == ["A", "B"])
        #expect(a.plan.verification?.outcome == .reachesGoal)
        // Without flag facts the answer stays what it was: B's value alone.
        let plain = chain.replacingOccurrences(of: "offVariation: \"false\"", with: "platform: other")
            .replacingOccurrences(of: "platform: launchdarkly, ", with: "")
        #expect(why("C", pack: plain, snapshot: snapshot).rootCauses.map(\.subject) == ["B"])
    }

    @Test func lintFindsWhatIsWrongWithImportedPrerequisites() throws {
        let (result, rules, _) = try Self.imported(.launchDarkly, "launchdarkly-broken", environment: "production")
        Self.golden(rules, "launchdarkly-broken", "rules/imported-launchdarkly.yaml")
        let codes = Self.codes(rules)
        #expect(codes.contains("unknown-variation"))  // dark-mode needs variation 2 of a two-variation flag
        let never = lint(rules).filter { $0.code == "never-enableable" }
        #expect(never.map(\.message).contains(
            "feature dark-mode can never be enabled: it needs \"Read_Java\" to serve \"variation 2\", a variation \"Read_Java\" does not have"))
        #expect(codes.contains("unknown-reference"))  // search-v3 needs a flag no file has
        #expect(codes.contains("requires-cycle"))  // tax-engine and billing need each other
        #expect(Set(result.findings.compactMap(\.subject)) == ["dark-mode", "search-v3"])
        let (_, clean, _) = try Self.imported(.launchDarkly, "launchdarkly")
        #expect(lint(clean).map(\.code) == ["prerequisite-archived"])
    }

    @Test func aFlagThatNeedsAnImpossibleFlagCanNeverServeAnythingButItsOffVariation() {
        let found = lint(
            """
            prereq: 1
            features:
              a: {flag: {variations: [red, green]}}
              b: {requires: [{feature: a, serving: blue}]}
              c: {requires: [{feature: b, serving: "true"}]}
              d: {requires: [{anyOf: [{feature: a, serving: blue}, {feature: a, serving: red}]}]}
            """)
        #expect(found.filter { $0.code == "never-enableable" }.compactMap(\.subject) == ["b", "c"])
        // Inside an anyOf the other alternative can hold: the condition alone is reported.
        #expect(found.filter { $0.code == "unknown-variation" }.compactMap(\.subject) == ["b", "d"])
        #expect(found.first { $0.code == "unknown-variation" }?.message
            == "feature b needs \"a\" to serve \"blue\", a variation it does not have (it has \"red\", \"green\"): the condition can never hold")
    }

    @Test func aFileNotInTheFormatSaysWhereAndWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func error(_ platform: FlagPlatform, _ json: String) -> ImportError? {
            let file = folder + "/prod.json"
            try? json.write(toFile: file, atomically: true, encoding: .utf8)
            do {
                _ = try FlagImport.read(platform, files: [file], environment: nil, messages: Self.english)
                return nil
            } catch let e as ImportError { return e } catch { return nil }
        }
        let notJSON = error(.launchDarkly, "{\"flags\": {\n  \"a\": tru}}")
        #expect(notJSON?.path.contains(":") == true && notJSON?.path.hasPrefix("2:") == true)
        #expect(notJSON?.message.hasPrefix("not JSON") == true)
        do {
            _ = try FlagImport.read(.growthBook, files: [folder + "/none.json"], environment: nil, messages: Self.english)
            Issue.record("a missing file was read")
        } catch let e as ImportError {
            #expect(e.message == "cannot be read (no such file, or no permission)")
        }
        #expect(error(.launchDarkly, "{\"features\": {}}")?.message == "not LaunchDarkly's format: no \"flags\" at the top level")
        let typed = error(.launchDarkly, "{\"flags\": {\"a b\": {\"on\": true, \"prerequisites\": [{\"key\": \"c\", \"variation\": \"0\"}]}}}")
        #expect(typed?.path == "$.flags[\"a b\"].prerequisites[0].variation")
        #expect(typed?.message == "expected a whole number, found a string")
        #expect(error(.unleash, "{\"features\": [{\"type\": \"release\"}]}")?.path == "$.features[0]")
        #expect(error(.growthBook, "{\"features\": {\"f\": {\"rules\": {}}}}")?.path == "$.features.f.rules")
        #expect(error(.launchDarkly, "{\"flags\": {}}") == nil)
    }

    @Test func keysThatNeedQuotingComeBackExactlyAsWritten() throws {
        let keys = ["billing: \"EU\" rollout", "# not a comment", "yes", "- item", "multi\nline", "tab\there", "back\\slash", "\u{2028}sep", "*alias", "{x}"]
        var result = ImportResult(platform: .launchDarkly)
        for k in keys {
            var flag = ImportedFlag(key: k, variations: ["true", "false"], offVariation: "false")
            if k != keys[0] { flag.requires = [.serving(keys[0], ["true"])] }
            result.flags.append(flag)
        }
        result.environments = [ImportedEnvironment(name: "prod: \"eu\"", states: keys.map { ($0, ImportedState(enabled: true, served: "true")) })]
        let (p, diagnostics) = pack(PackWriter.rules(result, sources: ["x.json"]))
        #expect(diagnostics.isEmpty)
        #expect(p.features.map(\.id.value) == keys)
        let f = facts(pack: PackWriter.rules(result, sources: ["x.json"]), snapshot: PackWriter.snapshot(result.environments[0], platform: .launchDarkly, source: "x\ny.json", takenAt: Self.takenAt))
        #expect(f.snapshot.environment?.value == "prod: \"eu\"")
        #expect(keys.allSatisfy { f.graph.featureIndex[$0].map { f.isOn($0) == true } == true })
        #expect(PackWriter.snapshotPath("prod: \"eu\"/../x") == "snapshots/prod---eu--..-x.yaml")
        #expect(PackWriter.snapshotPath("..") == "snapshots/environment.yaml")
    }

    // MARK: - Unleash

    @Test func unleashPackAndSnapshotsMatchTheirGoldens() throws {
        let (result, rules, snapshots) = try Self.imported(.unleash, "unleash")
        Self.golden(rules, "unleash", "rules/imported-unleash.yaml")
        Self.golden(try #require(snapshots["production"]), "unleash", "snapshots/production.yaml")
        Self.golden(try #require(snapshots["development"]), "unleash", "snapshots/development.yaml")
        #expect(result.findings.isEmpty)
        // The parent off blocks the child; a variant dependency is read against the served variant.
        let ui = why("payments-ui", pack: rules, snapshot: try #require(snapshots["production"]))
        #expect(ui.rootCauses.map(\.message) == ["\"payments-core\" is off in Unleash"])
        let banner = why("checkout-banner", pack: rules, snapshot: try #require(snapshots["production"]))
        #expect(banner.rootCauses.map(\.message) == ["\"checkout-theme\" serves blue; \"checkout-banner\" needs it to be green"])
        // Two variants in development: which one is served is unknown, never satisfied.
        let dev = why("checkout-banner", pack: rules, snapshot: try #require(snapshots["development"]))
        #expect(dev.verdict != .inEffect)
        #expect(lint(rules).map(\.code) == ["prerequisite-archived"])
    }

    @Test func unleashLimitsApplyToFeaturesImportedFromIt() throws {
        let (_, rules, _) = try Self.imported(.unleash, "unleash-broken")
        Self.golden(rules, "unleash-broken", "rules/imported-unleash.yaml")
        let limits = lint(rules).filter { $0.code == "platform-limit" }
        #expect(limits.map(\.subject) == ["search-ui-tour", "report-exports"])
        #expect(limits.map(\.message).contains("feature report-exports is imported from unleash, which allows one parent per feature, but it requires \"reports\", \"exports\""))
        #expect(lint(rules).contains { $0.code == "unknown-variation" && $0.subject == "search-ui-tour" })
        // The same requirements in a pack of one's own are no finding.
        let own = rules.replacingOccurrences(of: "platform: unleash", with: "platform: other")
        #expect(!lint(own).contains { $0.code == "platform-limit" })
    }

    // MARK: - GrowthBook

    @Test func growthBookPackAndSnapshotsMatchTheirGoldens() throws {
        let (result, rules, snapshots) = try Self.imported(.growthBook, "growthbook")
        Self.golden(rules, "growthbook", "rules/imported-growthbook.yaml")
        Self.golden(try #require(snapshots["production"]), "growthbook", "snapshots/production.yaml")
        Self.golden(try #require(snapshots["staging"]), "growthbook", "snapshots/staging.yaml")
        #expect(Set(result.findings.compactMap(\.subject)) == ["cart-size-hint"])
        #expect(lint(rules).isEmpty)
        let tour = why("nav-tour", pack: rules, snapshot: try #require(snapshots["production"]))
        #expect(tour.rootCauses.map(\.message) == ["\"new-nav\" serves false; \"nav-tour\" needs it to be true"])
        #expect(why("nav-tour", pack: rules, snapshot: try #require(snapshots["staging"])).verdict == .inEffect)
        let ranking = why("search-ranking", pack: rules, snapshot: try #require(snapshots["production"]))
        #expect(ranking.rootCauses.map(\.cause) == [.featureOff])
    }

    /// Reads one GrowthBook payload, as environment "production".
    static func growthBook(_ json: String) throws -> (result: ImportResult, rules: String, snapshot: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-gb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try json.write(toFile: folder + "/production.json", atomically: true, encoding: .utf8)
        let result = try FlagImport.read(.growthBook, files: [folder + "/production.json"], environment: nil, messages: english)
        let env = try #require(result.environments.first)
        return (result, PackWriter.rules(result, sources: ["production.json"]),
                PackWriter.snapshot(env, platform: .growthBook, source: "production.json", takenAt: takenAt))
    }

    /// A parent condition without `gate` conditions only what its rule serves: the value needs
    /// the condition, and the flag serves it only where the condition holds.
    @Test func aRuleParentConditionIsARequirementOfWhatTheRuleServes() throws {
        let (_, rules, snapshots) = try Self.imported(.growthBook, "growthbook")
        #expect(rules.contains("- {when: {feature: \"checkout-v2\", serving: \"true\"}, then: {feature: \"new-nav\", serving: \"true\"}}"))
        let production = try #require(snapshots["production"])
        // new-nav serves false in production: the rule does not apply, the default is served.
        #expect(production.contains("\"checkout-v2\": {enabled: true, servedVariation: \"false\"}"))
        #expect(why("checkout-v2", pack: rules, snapshot: production).verdict == .inEffect)
        #expect(try #require(snapshots["staging"]).contains("\"checkout-v2\": {enabled: true, servedVariation: \"true\"}"))
        // A snapshot that says it serves true where new-nav serves false is told why that cannot be.
        let edited = production.replacingOccurrences(
            of: "\"checkout-v2\": {enabled: true, servedVariation: \"false\"}", with: "\"checkout-v2\": {enabled: true, servedVariation: \"true\"}")
        let answer = why("checkout-v2", pack: rules, snapshot: edited)
        #expect(answer.verdict != .inEffect)
        #expect(answer.rootCauses.map(\.subject) == ["new-nav"])
        #expect(answer.rootCauses.map(\.message) == ["\"new-nav\" serves false; \"checkout-v2\" needs it to be true"])
    }

    /// Rules are evaluated in order as GrowthBook does: a rule whose parent condition fails is
    /// skipped, the first that applies decides, targeting or an experiment makes the value unknown.
    @Test func growthBookRulesAreEvaluatedInOrder() throws {
        let (result, rules, snapshot) = try Self.growthBook("""
            {"features": {
              "p": {"defaultValue": "a"},
              "q": {"defaultValue": true},
              "skip": {"defaultValue": "x", "rules": [
                {"id": "r1", "parentConditions": [{"id": "p", "condition": {"value": "b"}}], "force": "y"},
                {"id": "r2", "force": "z"}]},
              "both": {"defaultValue": "x", "rules": [
                {"id": "r1", "parentConditions": [{"id": "p", "condition": {"value": "a"}}], "force": "y"},
                {"id": "r2", "force": "y"}]},
              "either": {"defaultValue": "x", "rules": [
                {"id": "r1", "parentConditions": [{"id": "p", "condition": {"value": {"$eq": "b"}}}], "force": "y"},
                {"id": "r2", "parentConditions": [{"id": "q", "condition": {"value": true}}], "force": "y"}]},
              "targeted": {"defaultValue": "x", "rules": [{"id": "r1", "condition": {"country": "US"}, "force": "y"}]},
              "gated-later": {"defaultValue": "x", "rules": [
                {"id": "r1", "condition": {"country": "US"}, "force": "y"},
                {"id": "r2", "parentConditions": [{"id": "p", "condition": {"value": "b"}, "gate": true}]}]},
              "experiment": {"defaultValue": "x", "rules": [
                {"id": "r1", "parentConditions": [{"id": "p", "condition": {"value": "a"}}], "variations": ["x", "w"], "coverage": 1}]}
            }}
            """)
        #expect(snapshot.contains("\"skip\": {enabled: true, servedVariation: \"z\"}"))
        #expect(snapshot.contains("\"both\": {enabled: true, servedVariation: \"y\"}"))
        #expect(snapshot.contains("\"either\": {enabled: true, servedVariation: \"y\"}"))
        #expect(snapshot.contains("\"targeted\": {enabled: true}\n"))
        #expect(snapshot.contains("\"gated-later\": {enabled: true}\n"))
        #expect(snapshot.contains("\"experiment\": {enabled: true}\n"))
        #expect(rules.contains("- {when: {feature: \"skip\", serving: \"y\"}, then: {feature: \"p\", serving: \"b\"}}"))
        #expect(rules.contains("- {when: {feature: \"either\", serving: \"y\"}, then: {anyOf: [{feature: \"p\", serving: \"b\"}, {feature: \"q\", serving: \"true\"}]}}"))
        #expect(rules.contains("- {when: {feature: \"experiment\", serving: \"w\"}, then: {feature: \"p\", serving: \"a\"}}"))
        // "both" serves y without the condition too: nothing to require, and a note says so.
        #expect(!rules.contains("{feature: \"both\", serving"))
        #expect(result.findings.map(\.message) == [
            "both: rule \"r1\" applies only when the condition on \"p\" holds; the pack does not say it, as what the rule serves is served without it too"
        ])
        #expect(lint(rules).isEmpty)
        #expect(why("skip", pack: rules, snapshot: snapshot).verdict == .inEffect)
    }
}
