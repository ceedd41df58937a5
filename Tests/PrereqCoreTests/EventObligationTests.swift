import PrereqCore
import Testing

/// Events other than a feature switch that oblige jobs: a setting's `takesEffect` (jobs and a
/// settle time after its value changed, per channel), and conditions relative to an event
/// (`{job: j, succeededAfter: update}`, `{feature: f, enabledBefore: update}`), with plans
/// verified by the simulator and located decoding errors.
@Suite struct EventObligationTests {
    static let rules = """
        prereq: 1
        settings:
          rounding:
            type: string
            scope: channel
            takesEffect: {jobs: [cdx-1070], settle: 10m, settleSource: cache refresh}
          hq-mode:
            type: string
            takesEffect: {jobs: [hq-sync]}
        jobs:
          cdx-1070: {kind: download, code: "1070"}
          hq-sync: {}
          init-scheduler: {}
        features:
          smart-rounding:
            settings: {rounding: nearest}
          hq-feature:
            requires:
              - {setting: hq-mode, in: [A, B]}
          new-scheduler:
            requires:
              - anyOf:
                  - {job: init-scheduler, succeededAfter: update}
                  - {feature: auto-init, enabledBefore: update}
          refresh:
            requires:
              - {job: cdx-1070, succeededAfter: {setting: rounding}}
          auto-init: {}
        """

    /// A snapshot taken at 12:00, the current version installed at 08:00 the day before.
    static func snapshot(
        rounding: String = "{channels: {s1: {value: nearest, changedAt: 2026-11-20T10:00:00Z}, s2: {value: nearest, changedAt: 2026-11-10T10:00:00Z}}}",
        download: String = "{channels: {s1: {lastSuccess: 2026-11-20T10:30:00Z}, s2: {lastSuccess: 2026-11-20T10:30:00Z}}}",
        hqMode: String = "{value: A, changedAt: 2026-11-20T09:00:00Z}",
        hqSync: String = "{lastSuccess: 2026-11-20T09:30:00Z}",
        initScheduler: String = "{lastSuccess: 2026-11-19T09:00:00Z}",
        autoInit: String = "{enabled: true, enabledAt: 2026-11-01T00:00:00Z}",
        installed: String = ", versionInstalledAt: 2026-11-19T08:00:00Z"
    ) -> String {
        """
        prereq: 1
        snapshot: {environment: test, takenAt: 2026-11-20T12:00:00Z, version: 10.0.40\(installed)}
        channels: [s1, s2]
        features:
          smart-rounding: {enabled: true, enabledAt: 2026-11-01T00:00:00Z}
          hq-feature: {enabled: true, enabledAt: 2026-11-01T00:00:00Z}
          new-scheduler: {enabled: true, enabledAt: 2026-11-01T00:00:00Z}
          refresh: {enabled: true, enabledAt: 2026-11-01T00:00:00Z}
          auto-init: \(autoInit)
        settings:
          rounding: \(rounding)
          hq-mode: \(hqMode)
        jobs:
          cdx-1070: \(download)
          hq-sync: \(hqSync)
          init-scheduler: \(initScheduler)

        """
    }

    // MARK: - A setting change obliges jobs

    @Test func jobsThatRanAfterTheChangeAndTheSettleTimePassedAreInEffect() {
        let answer = why("smart-rounding", pack: Self.rules, snapshot: Self.snapshot())
        #expect(answer.verdict == .inEffect)
        #expect(answer.plan.steps.isEmpty)
        #expect(why("hq-feature", pack: Self.rules, snapshot: Self.snapshot()).verdict == .inEffect)
    }

    @Test func aValueConditionReadsTheSettingTooAndAJobBeforeTheChangeIsJobNotRun() throws {
        let answer = why("hq-feature", pack: Self.rules, snapshot: Self.snapshot(hqSync: "{lastSuccess: 2026-11-20T08:00:00Z}"))
        #expect(answer.verdict == .notInEffect)
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .jobNotRun)
        #expect(cause.subject == "hq-sync")
        #expect(cause.message.contains("since \"hq-mode\" last changed at 2026-11-20 09:00 UTC"))
        #expect(cause.evidence.rule?.line == 9)
        #expect(answer.plan.steps.map(\.action) == [.runJob])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func oneChannelStaleAndOneFineIsNotInEffectInThatChannelOnly() throws {
        let download = "{channels: {s1: {lastSuccess: 2026-11-20T09:00:00Z}, s2: {lastSuccess: 2026-11-20T09:00:00Z}}}"
        let answer = why("smart-rounding", pack: Self.rules, snapshot: Self.snapshot(download: download))
        #expect(answer.verdict == .notInEffect)
        #expect(answer.channels == [ChannelVerdict(channel: "s1", verdict: .notInEffect), ChannelVerdict(channel: "s2", verdict: .inEffect)])
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .jobNotRun)
        #expect(cause.subject == "cdx-1070")
        #expect(cause.fix.map(\.channels) == [["s1"]])
        // The plan runs the job where it is stale, then waits for the setting's settle time.
        #expect(answer.plan.steps.map(\.action) == [.runJob, .wait])
        #expect(answer.plan.steps.first?.channels == ["s1"])
        #expect(answer.plan.steps.last?.details["settle"] == "10m")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        let json = AnswerJSON.plan(answer.plan, features: ["smart-rounding"], snapshot: "snap.yaml").serialized()
        #expect(json.contains("\"action\":\"run-job\"") && json.contains("\"subject\":\"cdx-1070\"") && json.contains("\"settle\":\"10m\""))
    }

    @Test func oneRunServesASettingsObligationAndASucceededAfterConditionTogether() {
        let download = "{channels: {s1: {lastSuccess: 2026-11-20T09:00:00Z}, s2: {lastSuccess: 2026-11-20T09:00:00Z}}}"
        let f = facts(pack: Self.rules, snapshot: Self.snapshot(download: download))
        var evaluator = Evaluator(facts: f, language: .english)
        let plan = evaluator.plan(features: ["smart-rounding", "refresh"].compactMap { f.graph.featureIndex[$0] })
        #expect(plan.steps.map(\.action) == [.runJob, .wait])
        #expect(plan.steps.first?.channels == ["s1"])
        #expect(plan.steps.last?.message == "Wait 10 min after the last job for cached data to catch up")
        #expect(plan.verification?.outcome == .reachesGoal)
    }

    @Test func withinTheSettleTimeItIsSettlingWithAWait() throws {
        let rounding = "{channels: {s1: {value: nearest, changedAt: 2026-11-20T11:52:00Z}, s2: {value: nearest, changedAt: 2026-11-10T10:00:00Z}}}"
        let download = "{channels: {s1: {lastSuccess: 2026-11-20T11:55:00Z}, s2: {lastSuccess: 2026-11-20T11:55:00Z}}}"
        let answer = why("smart-rounding", pack: Self.rules, snapshot: Self.snapshot(rounding: rounding, download: download))
        #expect(answer.verdict == .notInEffect)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .settling)
        #expect(cause.subject == "rounding")
        #expect(cause.fix.map(\.action) == [.wait])
        #expect(cause.fix.first?.details["until"] == "2026-11-20T12:05:00Z")
        #expect(answer.plan.steps.map(\.action) == [.wait])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        // The first success after the change may have been any time up to the last one: unknown.
        let early = why("smart-rounding", pack: Self.rules, snapshot: Self.snapshot(download: download))
        #expect(early.verdict == .unknown)
        #expect(early.rootCauses.map(\.cause) == [.settling])
        #expect(early.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aChangeTimeTheSnapshotDoesNotGiveIsUnknownAskingForIt() throws {
        let answer = why("hq-feature", pack: Self.rules, snapshot: Self.snapshot(hqMode: "A"))
        #expect(answer.verdict == .unknown)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .missingData)
        #expect(cause.fix.map(\.action) == [.provideData])
        #expect(cause.fix.first?.details["missing"]?.contains("changedAt") == true)
        let noRun = why("hq-feature", pack: Self.rules, snapshot: Self.snapshot(hqSync: "{}"))
        #expect(noRun.verdict == .unknown)
        #expect(noRun.rootCauses.first?.fix.first?.details["missing"]?.contains("lastSuccess") == true)
    }

    @Test func aChannelWithoutItsChangeTimeIsUnknownThereOnly() {
        let rounding = "{channels: {s1: {value: nearest, changedAt: 2026-11-20T10:00:00Z}, s2: nearest}}"
        let answer = why("smart-rounding", pack: Self.rules, snapshot: Self.snapshot(rounding: rounding))
        #expect(answer.verdict == .unknown)
        #expect(answer.rootCauses.map(\.cause) == [.missingData])
        #expect(answer.rootCauses.first?.channels == ["s2"])
    }

    @Test func aPlanThatSetsTheSettingRunsItsJobsAfterwards() throws {
        let rounding = "{channels: {s1: {value: up, changedAt: 2026-11-20T10:00:00Z}, s2: {value: nearest, changedAt: 2026-11-10T10:00:00Z}}}"
        let answer = why("smart-rounding", pack: Self.rules, snapshot: Self.snapshot(rounding: rounding))
        #expect(answer.verdict == .notInEffect)
        #expect(answer.plan.steps.map(\.action) == [.set, .runJob, .wait])
        #expect(answer.plan.steps[1].subject == "cdx-1070")
        #expect(answer.plan.steps[1].channels == ["s1"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func switchingOnAFeatureWhoseSettingChangedSinceTheJobRanRunsTheJobAndWaits() {
        let download = "{channels: {s1: {lastSuccess: 2026-11-20T09:00:00Z}, s2: {lastSuccess: 2026-11-20T11:00:00Z}}}"
        let snapshot = Self.snapshot(download: download).replacingOccurrences(of: "smart-rounding: {enabled: true, enabledAt: 2026-11-01T00:00:00Z}", with: "smart-rounding: off")
        let answer = why("smart-rounding", pack: Self.rules, snapshot: snapshot)
        #expect(answer.verdict == .enableable)
        #expect(answer.plan.steps.map(\.action) == [.enable, .runJob, .wait])
        #expect(answer.plan.steps[1].channels == ["s1"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func checkReportsAFeatureNotInEffectBecauseOfASettingChange() throws {
        let f = facts(pack: Self.rules, snapshot: Self.snapshot(hqSync: "{lastSuccess: 2026-11-20T08:00:00Z}"))
        let findings = CheckRun.check(f.snapshot, graph: f.graph, language: .english)
        let finding = try #require(findings.first { $0.code == "job-not-run" && $0.message.hasPrefix("\"hq-feature\"") })
        #expect(finding.message.contains("hq-sync has not succeeded since \"hq-mode\" last changed"))
        #expect(finding.location?.line == 15)
    }

    // MARK: - succeededAfter

    @Test func aJobThatDidNotRunAfterTheUpdateIsJobNotRunAndTheAlternativeSaysWhyItDoesNotCount() throws {
        // auto-init was switched on after the update: it counts from the next update only.
        let answer = why("new-scheduler", pack: Self.rules, snapshot: Self.snapshot(initScheduler: "{lastSuccess: 2026-11-18T00:00:00Z}", autoInit: "{enabled: true, enabledAt: 2026-11-19T09:00:00Z}"))
        #expect(answer.verdict == .notInEffect)
        let causes = answer.rootCauses
        let job = try #require(causes.first { $0.subject == "init-scheduler" })
        #expect(job.cause == .jobNotRun)
        #expect(job.fix.map(\.action) == [.runJob])
        let feature = try #require(causes.first { $0.subject == "auto-init" })
        #expect(feature.fix.isEmpty)
        #expect(feature.message.contains("only from the next update on"))
        #expect(answer.plan.steps.map(\.action) == [.runJob])
        #expect(answer.plan.steps.first?.subject == "init-scheduler")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aFeatureSwitchedOnBeforeTheUpdateIsTheAlternativeThatHolds() {
        let answer = why("new-scheduler", pack: Self.rules, snapshot: Self.snapshot(initScheduler: "{lastSuccess: 2026-11-18T00:00:00Z}"))
        #expect(answer.verdict == .inEffect)
        #expect(answer.plan.steps.isEmpty)
    }

    @Test func anOffFeatureIsNoAlternativeSoThePlanRunsTheJob() throws {
        let answer = why("new-scheduler", pack: Self.rules, snapshot: Self.snapshot(initScheduler: "{lastSuccess: 2026-11-18T00:00:00Z}", autoInit: "off"))
        #expect(answer.verdict == .notInEffect)
        #expect(answer.rootCauses.first { $0.subject == "auto-init" }?.message.contains("switched on now") == true)
        #expect(answer.plan.steps.map(\.action) == [.runJob])
        #expect(!answer.plan.steps.contains { $0.action == .enable })
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aPlanThatUpgradesRunsWhatMustRunAfterEveryUpdateAfterTheUpgrade() {
        let rules = """
            prereq: 1
            jobs:
              init: {}
            features:
              g:
                minVersion: 10.0.41
                requires:
                  - {job: init, succeededAfter: update}
            """
        let snapshot = """
            prereq: 1
            snapshot: {environment: test, takenAt: 2026-11-20T12:00:00Z, version: 10.0.40, versionInstalledAt: 2026-11-19T08:00:00Z}
            features:
              g: off
            jobs:
              init: {lastSuccess: 2026-11-19T09:00:00Z}

            """
        let answer = why("g", pack: rules, snapshot: snapshot)
        #expect(answer.verdict == .blocked)
        // init ran after the current update, but the upgrade is a new one: it runs again after
        // it, before the switch that needs it.
        #expect(answer.plan.steps.map(\.action) == [.upgrade, .runJob, .enable])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        // Without the upgrade, a stale run is the cause, and the run comes before the switch.
        let stale = why("g", pack: rules.replacingOccurrences(of: "minVersion: 10.0.41", with: "minVersion: 10.0.40"),
                        snapshot: snapshot.replacingOccurrences(of: "2026-11-19T09:00:00Z", with: "2026-11-19T07:00:00Z"))
        #expect(stale.verdict == .blocked)
        #expect(stale.rootCauses.map(\.cause) == [.jobNotRun])
        #expect(stale.plan.steps.map(\.action) == [.runJob, .enable])
        #expect(stale.plan.verification?.outcome == .reachesGoal)
    }

    @Test func anUpdateTimeTheSnapshotDoesNotGiveIsUnknown() throws {
        let answer = why("new-scheduler", pack: Self.rules, snapshot: Self.snapshot(installed: ""))
        #expect(answer.verdict == .unknown)
        let cause = try #require(answer.rootCauses.first)
        #expect(answer.rootCauses.count == 1)
        #expect(cause.cause == .missingData)
        #expect(cause.fix.first?.details["missing"]?.contains("versionInstalledAt") == true)
    }

    @Test func succeededAfterASettingIsJudgedPerChannel() throws {
        let download = "{channels: {s1: {lastSuccess: 2026-11-20T09:00:00Z}, s2: {lastSuccess: 2026-11-20T09:00:00Z}}}"
        let answer = why("refresh", pack: Self.rules, snapshot: Self.snapshot(download: download))
        #expect(answer.verdict == .notInEffect)
        #expect(answer.channels == [ChannelVerdict(channel: "s1", verdict: .notInEffect), ChannelVerdict(channel: "s2", verdict: .inEffect)])
        #expect(answer.plan.steps.map(\.action) == [.runJob])
        #expect(answer.plan.steps.first?.channels == ["s1"])
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        #expect(why("refresh", pack: Self.rules, snapshot: Self.snapshot()).verdict == .inEffect)
    }

    @Test func theAnswerIsWordedInPortugueseToo() throws {
        let answer = why("hq-feature", pack: Self.rules, snapshot: Self.snapshot(hqSync: "{lastSuccess: 2026-11-20T08:00:00Z}"), language: .brazilianPortuguese)
        #expect(answer.rootCauses.first?.message.contains("desde que a configuração \"hq-mode\" foi alterada") == true)
    }

    @Test func theConditionsAreOneGrammarWithWhenNotAndConfirmedBy() {
        let rules = """
            prereq: 1
            settings:
              mode: {type: string}
            jobs:
              init: {}
            manualSteps:
              reindex: {text: Rebuild the index, confirmedBy: {job: init, succeededAfter: {setting: mode}}}
            features:
              auto: {}
              g:
                requires:
                  - {when: {feature: auto, enabledBefore: {setting: mode}}, then: {manual: reindex}}
                  - not: {job: init, succeededAfter: update}
            """
        let snapshot = """
            prereq: 1
            snapshot: {environment: test, takenAt: 2026-11-20T12:00:00Z, version: 10.0.40, versionInstalledAt: 2026-11-20T11:00:00Z}
            features:
              auto: {enabled: true, enabledAt: 2026-11-01T00:00:00Z}
              g: off
            settings:
              mode: {value: A, changedAt: 2026-11-10T00:00:00Z}
            jobs:
              init: {lastSuccess: 2026-11-15T00:00:00Z}

            """
        #expect(lint(rules).filter { $0.severity == .error }.isEmpty)
        // auto was on before mode changed, so the manual step applies; init ran after the
        // change (confirmed) and before the update (the `not` holds).
        let answer = why("g", pack: rules, snapshot: snapshot)
        #expect(answer.verdict == .enableable)
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        let late = why("g", pack: rules, snapshot: snapshot.replacingOccurrences(of: "2026-11-15T00:00:00Z", with: "2026-11-20T11:30:00Z"))
        #expect(late.verdict == .blocked)
        #expect(late.rootCauses.contains { $0.subject == "init" && $0.fix.isEmpty })
    }

    // MARK: - Decoding and lint

    @Test func anEventThatIsNeitherUpdateNorASettingIsASchemaErrorAtItsPlace() throws {
        let (_, diagnostics) = pack("""
            prereq: 1
            jobs: {j: {}}
            features:
              f:
                requires:
                  - {job: j, succeededAfter: upgrade}
            """)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == "schema-value")
        #expect((error.location?.line, error.location?.column) == (6, 34))
        #expect(error.message.contains("`update` or `{setting: id}`"))
        let (_, other) = pack("""
            prereq: 1
            features:
              f:
                requires:
                  - {feature: g, enabledBefore: {settings: s}}
              g: {}
            """)
        let unknownKey = try #require(other.first { $0.severity == .error })
        #expect(unknownKey.code == "schema-unknown-key")
        #expect((unknownKey.location?.line, unknownKey.location?.column) == (5, 38))
    }

    @Test func aSettingsTakesEffectIsDecodedLikeAFeaturesWithItsErrorsAtTheirPlace() throws {
        let (p, clean) = pack("""
            prereq: 1
            settings:
              s: {type: string, takesEffect: {jobs: [j], settle: 15m, settleSource: measured}}
            jobs:
              j: {}
            """)
        #expect(clean.isEmpty)
        #expect(p.settings.first?.takesEffect?.jobs.map(\.value) == ["j"])
        #expect(p.settings.first?.takesEffect?.settle?.value == TimeSpan(seconds: 900))
        let (_, diagnostics) = pack("""
            prereq: 1
            settings:
              s:
                takesEffect: {jobs: [j], settle: soon, after: k}
            """, file: "rules/settings.yaml")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code).sorted() == ["schema-unknown-key", "schema-value"])
        #expect(errors.allSatisfy { $0.location?.file == "rules/settings.yaml" && $0.location?.line == 4 })
        #expect(errors.compactMap(\.location?.column).sorted() == [38, 44])
    }

    @Test func aSubjectWithoutItsFormIsASchemaError() throws {
        let (_, diagnostics) = pack("""
            prereq: 1
            features:
              f:
                requires:
                  - {succeededAfter: update}
            """)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == "schema-missing")
        #expect(error.location?.line == 5)
    }

    @Test func unknownJobsFeaturesAndSettingsAreUnknownReferencesWithTheClosestId() {
        let findings = lint("""
            prereq: 1
            settings:
              rounding: {type: string, takesEffect: {jobs: [cdx-1071]}}
            jobs:
              cdx-1070: {}
            features:
              auto-init: {settings: {rounding: up}}
              f:
                requires:
                  - {job: cdx-1007, succeededAfter: {setting: roundin}}
                  - {feature: auto-inti, enabledBefore: update}
            """).filter { $0.code == "unknown-reference" }
        #expect(findings.count == 4)
        #expect(findings.map(\.location?.line) == [3, 10, 10, 11])
        #expect(findings[0].message.contains("\"cdx-1070\""))
        #expect(findings[1].message.contains("\"cdx-1070\""))
        #expect(findings[2].message.contains("\"rounding\""))
        #expect(findings[3].message.contains("\"auto-init\""))
    }

    @Test func jobsNamedOnlyByASettingOrAConditionAreUsed() {
        let findings = lint("""
            prereq: 1
            settings:
              rounding: {type: string, takesEffect: {jobs: [a]}}
              other: {type: string}
            jobs:
              a: {}
              b: {}
            features:
              f:
                settings: {rounding: up}
                requires:
                  - {job: b, succeededAfter: {setting: other}}
            """)
        #expect(!findings.contains { $0.code == "unused-job" || $0.code == "unused-setting" })
    }
}
