import Foundation
import PrereqCore
import Testing

/// `prereq impact`: what depends on an element, and what its change would do in each snapshot.
@Suite struct ImpactTests {
    static let fixtures = "Tests/PrereqCoreTests/Fixtures/impact/"
    static let launchDarkly = "Tests/PrereqCoreTests/Fixtures/Import/launchdarkly/expected/"

    /// The pack at `rules`, the element named `name`, and its impact on the snapshots given.
    static func impact(_ name: String, rules: String, snapshots: [String] = [], archive: Bool = false, language: Language = .english) -> (Impact, RuleGraph) {
        inPackageRoot {
            let loaded = LoadedRules.load(paths: [rules])
            guard case .success(let element) = ElementLookup.find(name, in: loaded.graph, language: language) else {
                Issue.record("\(name) names nothing")
                return (Impact(of: .productVersion, in: DependencyIndex(loaded.graph), language: language), loaded.graph)
            }
            var impact = Impact(of: element, in: DependencyIndex(loaded.graph), language: language)
            for path in snapshots {
                let facts = EnvironmentFacts(snapshot: SnapshotReader(language: language).read(path: path).snapshots[0], graph: loaded.graph, language: language)
                guard case .success(let change) = Impact.change(for: element, archive: archive, language: language) else {
                    Issue.record("no change to simulate for \(name)")
                    break
                }
                impact.add(facts, change: change, language: language)
            }
            return (impact, loaded.graph)
        }
    }

    static func ids(_ dependents: [Dependent], _ graph: RuleGraph) -> [String] {
        dependents.map { $0.element.id(in: graph.pack) }
    }

    // MARK: - Without a snapshot

    @Test func aFeaturesDependentsComeNearestFirstWithHowAndWhatTheChangeDoes() {
        let (impact, graph) = Self.impact("Base feature", rules: Self.fixtures + "pack.yaml")
        #expect(impact.subject.kind == "feature")
        let expected: [(String, Dependency.Form, Dependency.Effect)] = [
            ("needs-base", .requires, .breaks), ("either", .requires, .mayBreak), ("without-base", .requires, .mayUnblock),
            ("rival", .conflicts, .mayUnblock), ("only-when", .requires, .mayUnblock), ("one-of", .requires, .mayBreak),
            ("recommends-base", .requires, .warns), ("base-before-update", .enabledBefore, .breaks), ("each-channel", .requires, .breaks),
            ("needs-needs-base", .requires, .breaks),
        ]
        #expect(Self.ids(impact.dependents, graph) == expected.map(\.0))
        for (d, (id, form, effect)) in zip(impact.dependents, expected) {
            #expect(d.path.last?.form == form, "\(id)")
            #expect(d.effect == effect, "\(id)")
        }
        #expect(impact.dependents.last?.distance == 2)
        #expect(impact.stepRules.map { $0.user.id(in: graph.pack) } == ["guarded"])
        #expect(impact.breaksSomething)
    }

    /// Each kind of element a condition names, with the feature that uses it and how.
    @Test(arguments: [
        ("nightly", "job", ["scheduled", "after-update"]),
        ("upload", "job", ["downloaded"]),
        ("mode", "setting", ["mode-reader"]),
        ("mode-sync", "job", ["mode-reader"]),
        ("region", "attribute", ["in-europe"]),
        ("pos", "component", ["new-pos"]),
        ("csu", "component", ["csu-order"]),
        ("pending", "records", ["clean-records"]),
        ("cleaner", "job", ["clean-records"]),
        ("consent", "manual-step", ["consented"]),
        ("consent-given", "setting", ["consented"]),
        ("version", "component", ["csu-order", "base-before-update", "after-update", "recent"]),
    ])
    func everyKindOfElementHasItsDependents(name: String, kind: String, dependents: [String]) {
        let (impact, graph) = Self.impact(name, rules: Self.fixtures + "pack.yaml")
        #expect(impact.subject.kind == kind)
        #expect(Self.ids(impact.dependents, graph) == dependents)
    }

    @Test func throughAJobOrASettingTheChainNamesEveryLink() {
        let (upload, graph) = Self.impact("upload", rules: Self.fixtures + "pack.yaml")
        #expect(upload.dependents.first?.path.map(\.form) == [.after, .takesEffect])
        #expect(Self.ids(upload.others, graph) == ["download"])
        let renderer = ImpactRenderer(pack: graph.pack, language: .english)
        let how = upload.dependents.first.map(renderer.how)
        #expect(how == "takes effect only after \"Download\" succeeds after its switch, which must run after \"Upload\"")
        let (modeSync, _) = Self.impact("mode-sync", rules: Self.fixtures + "pack.yaml")
        #expect(modeSync.dependents.first?.path.map(\.form) == [.settingTakesEffect, .settingValue])
    }

    @Test func namesResolveAsWhyResolvesThemWithSuggestionsAndAmbiguity() throws {
        let (p, _) = pack("""
            prereq: 1
            features:
              sync: {name: Sync}
            settings:
              sync-mode: {type: string, name: Sync}
            """)
        let graph = RuleGraph(p)
        guard case .failure(let ambiguous) = ElementLookup.find("Sync", in: graph) else { Issue.record("Sync is ambiguous"); return }
        #expect(ambiguous.message == "\"Sync\" names several things: feature sync, setting sync-mode")
        #expect(ambiguous.help?.contains("--kind") == true)
        let picked = ElementLookup.find("Sync", kind: "setting", in: graph)
        #expect((try? picked.get()) == .setting(0))
        guard case .failure(let unknown) = ElementLookup.find("sync-mdoe", in: graph) else { Issue.record("sync-mdoe names nothing"); return }
        #expect(unknown.message.hasSuffix("is called \"sync-mdoe\" (did you mean \"sync-mode\"?)"))
    }

    @Test func aSnapshotNeedsAFeatureOrAJob() {
        let (p, _) = pack("prereq: 1\nsettings:\n  s: {type: bool}\n")
        #expect((try? Impact.change(for: .setting(0), archive: false, language: .english).get()) == nil)
        #expect((try? Impact.change(for: .job(0), archive: true, language: .english).get()) == nil)
        #expect((try? Impact.change(for: .feature(0), archive: true, language: .english).get()) == .archive)
        _ = p
    }

    // MARK: - With a snapshot

    @Test func switchingAFeatureOffListsWhatBreaksThenWhatIsUnblocked() {
        let (impact, _) = Self.impact("base", rules: Self.fixtures + "pack.yaml", snapshots: [Self.fixtures + "on.yaml"])
        let env = impact.environments[0]
        #expect(env.worse.map(\.featureId) == ["needs-base", "either", "one-of", "base-before-update", "each-channel"])
        #expect(env.worse.first?.before == .inEffect && env.worse.first?.after == .notInEffect)
        #expect(env.worse.first?.causes.map(\.subject) == ["base"])
        #expect(env.better.map(\.featureId) == ["without-base", "rival", "only-when"])
        // Still on: a feature that needs a feature that would not be in effect keeps its verdict.
        #expect(!env.worse.contains { $0.featureId == "needs-needs-base" })
        #expect(env.alreadyAffected.isEmpty)
        #expect(impact.breaksSomething)
    }

    @Test func aStoppedJobFailsItsScheduleGatesNowAndItsRunsAtTheNextEvent() {
        let (impact, _) = Self.impact("nightly", rules: Self.fixtures + "pack.yaml", snapshots: [Self.fixtures + "on.yaml"])
        let env = impact.environments[0]
        #expect(impact.change == .stop)
        #expect(env.worse.map(\.featureId) == ["scheduled"])
        #expect(env.worse.first?.causes.first?.kind == .schedule)
        #expect(env.atNextEvent.map(\.featureId) == ["after-update"])
    }

    @Test func onTheShippedPackAPrerequisiteSwitchedOffStopsTheFeatureInEffect() {
        let (impact, _) = Self.impact(
            "Enable enhanced asynchronous customer creation", rules: "rules",
            snapshots: ["examples/snapshots/healthy.yaml", "examples/snapshots/blocked-prerequisite.yaml"])
        #expect(impact.environments.map { $0.worse.map(\.featureId) } == [["async-customer-editing"], []])
        #expect(impact.environments[0].worse.first?.after == .notInEffect)
    }

    @Test func onTheShippedPackAMandatoryFeatureCannotBeSwitchedOff() {
        let (impact, _) = Self.impact("customer-order-performance", rules: "rules", snapshots: ["examples/snapshots/healthy.yaml"])
        let env = impact.environments[0]
        #expect(env.refused?.contains("cannot be switched off") == true, "\(env.refused ?? "")")
        #expect(env.worse.isEmpty)
        #expect(!impact.breaksSomething)
    }

    @Test func onTheShippedPackAStoppedJobNeedsARunAfterTheNextSwitch() {
        let (healthy, _) = Self.impact("1010", rules: "rules", snapshots: ["examples/snapshots/healthy.yaml"])
        #expect(healthy.environments[0].worse.isEmpty)
        #expect(healthy.environments[0].atNextEvent.map(\.featureId) == ["async-customer-editing"])
        #expect(healthy.environments[0].scheduleRequired != nil)
        let (waiting, _) = Self.impact("1070", rules: "rules", snapshots: ["examples/snapshots/not-in-effect-one-channel.yaml"])
        #expect(waiting.environments[0].alreadyAffected.map(\.featureId) == ["async-customer-editing"])
        #expect(waiting.environments[0].atNextEvent.isEmpty)
    }

    /// An imported LaunchDarkly pack, one section per environment the import wrote.
    @Test func anImportedFlagPerEnvironment() {
        let snapshots = ["production", "staging"].map { Self.launchDarkly + "snapshots/\($0).yaml" }
        let (impact, _) = Self.impact("Read_Java", rules: Self.launchDarkly + "rules", snapshots: snapshots)
        let (production, staging) = (impact.environments[0], impact.environments[1])
        #expect(production.environment == "production" && staging.environment == "staging")
        // Production already serves false: Write_Java is already affected, nothing more breaks.
        #expect(production.worse.isEmpty)
        #expect(production.alreadyAffected.map(\.featureId) == ["Write_Java"])
        #expect(staging.worse.map(\.featureId) == ["Write_Java"])
        #expect(staging.worse.first?.causes.contains { $0.kind == .value } == true)
    }

    @Test func archivingAFlagAlreadyArchivedSaysSo() {
        let (impact, _) = Self.impact("legacy-export", rules: Self.launchDarkly + "rules", snapshots: [Self.launchDarkly + "snapshots/production.yaml"], archive: true)
        let env = impact.environments[0]
        #expect(impact.change == .archive)
        #expect(env.state.contains("is already off") && env.state.contains("already archived"))
        #expect(env.alreadyAffected.map(\.featureId) == ["export-v2"])
        #expect(!impact.breaksSomething)
    }

    /// A flag off serves its off variation, so does every flag whose prerequisite it was, down
    /// the chain, as the platform evaluates them.
    @Test func flagsServeTheirOffVariationDownTheChain() {
        let rules = """
            prereq: 1
            features:
              a: {flag: {offVariation: "false"}}
              b: {flag: {offVariation: "false"}, requires: [{feature: a, serving: "true"}]}
              c: {flag: {offVariation: "off"}, requires: [{feature: b, serving: "true"}]}
              d: {requires: [{feature: c, serving: "on"}]}
            """
        let snapshot = header + """
            features:
              a: {enabled: true, servedVariation: "true"}
              b: {enabled: true, servedVariation: "true"}
              c: {enabled: true, servedVariation: "on"}
              d: on
            """
        let f = facts(pack: rules, snapshot: snapshot)
        var impact = Impact(of: .feature(0), in: DependencyIndex(f.graph), language: .english)
        impact.add(f, change: .switchOff, language: .english)
        #expect(impact.environments[0].worse.map(\.featureId) == ["b", "c", "d"])
        #expect(impact.environments[0].worse.map(\.distance) == [1, 2, 3])
    }

    // MARK: - Goldens

    @Test func goldenTextOfEveryKindOfUse() {
        let (impact, graph) = Self.impact("base", rules: Self.fixtures + "pack.yaml", snapshots: [Self.fixtures + "on.yaml"])
        Golden.check(ImpactRenderer(pack: graph.pack, language: .english).text(impact), "impact-base-on.en.txt")
    }

    @Test func goldenTextOfAStoppedJobInPortuguese() {
        let (impact, graph) = Self.impact("1010", rules: "rules", snapshots: ["examples/snapshots/healthy.yaml"], language: .brazilianPortuguese)
        Golden.check(ImpactRenderer(pack: graph.pack, language: .brazilianPortuguese).text(impact), "impact-1010-healthy.pt-BR.txt")
    }

    @Test func goldenTextOfAnImportedFlagPerEnvironment() {
        let snapshots = ["production", "staging"].map { Self.launchDarkly + "snapshots/\($0).yaml" }
        let (impact, graph) = Self.impact("Read_Java", rules: Self.launchDarkly + "rules", snapshots: snapshots)
        Golden.check(ImpactRenderer(pack: graph.pack, language: .english).text(impact), "impact-launchdarkly-read-java.en.txt")
    }
}
