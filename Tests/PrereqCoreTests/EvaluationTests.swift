import Diagnostics
import PrereqCore
import Testing

@Suite struct EvaluationTests {
    static let chain = """
        prereq: 1
        features:
          top: {name: Top, requires: [mid, side]}
          mid: {name: Mid, requires: [base]}
          side: {name: Side}
          base: {name: Base, introducedIn: 10.0.40}
        """

    @Test func blockedEnablementNamesOnlyTheMissingPrerequisites() {
        let a = why("top", pack: Self.chain, snapshot: header + "features: {top: off, mid: on, side: off, base: on}\n")
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.subject) == ["side"])
        #expect(a.rootCauses.map(\.cause) == [.featureOff])
        #expect(a.plan.steps.map(\.action) == [.enable, .enable])
        #expect(a.plan.steps.map(\.subject) == ["side", "top"])
    }

    @Test func theVersionBehindAnOffPrerequisiteIsTheRootCause() {
        let a = why("top", pack: Self.chain, snapshot: header + "features: {top: off, mid: off, side: on, base: off}\n")
        #expect(a.verdict == .blocked)
        // mid is off because base is off, and base cannot be switched on below 10.0.40.
        #expect(a.rootCauses.map(\.subject) == ["base"])
        #expect(a.rootCauses.first?.cause == .version)
        #expect(a.plan.steps.map(\.action) == [.upgrade, .enable, .enable, .enable])
        #expect(a.plan.steps.compactMap(\.subject) == ["base", "mid", "top"])
        #expect(a.plan.steps.first?.details["version"] == "10.0.40")
    }

    @Test func satisfiedConditionsAreNeverCauses() {
        let a = why("top", pack: Self.chain, snapshot: header + "features: {top: off, mid: on, side: on, base: on}\n")
        #expect(a.verdict == .enableable)
        #expect(a.rootCauses.isEmpty)
        #expect(a.plan.steps.map(\.subject) == ["top"])
    }

    @Test func aDiamondWithASharedRootCauseReportsItOnce() {
        let pack = """
            prereq: 1
            features:
              top: {requires: [left, right]}
              left: {requires: [root]}
              right: {requires: [root]}
              root: {}
            """
        let a = why("top", pack: pack, snapshot: header + "features: {top: off, left: off, right: off, root: off}\n")
        #expect(a.rootCauses.map(\.subject) == ["root"])
        #expect(a.plan.steps.compactMap(\.subject) == ["root", "left", "right", "top"])
        let text = ExplanationTextRenderer(language: .english).causeTree(a.explanation)
        #expect(text.components(separatedBy: "\"root\" is off").count == 3)  // once stated, once referred to
        #expect(text.contains("(see 3 above)"))
    }

    @Test func alternativesChooseTheCheapestAndMentionTheOthers() {
        let pack = """
            prereq: 1
            features:
              top: {requires: [{anyOf: [far, near]}]}
              far: {requires: [far2]}
              far2: {}
              near: {}
            """
        let a = why("top", pack: pack, snapshot: header + "features: {top: off, far: off, far2: off, near: off}\n")
        #expect(a.verdict == .blocked)
        #expect(Set(a.rootCauses.compactMap(\.subject)) == ["far2", "near"])
        #expect(a.plan.steps.compactMap(\.subject) == ["near", "top"])
        #expect(a.plan.notes.count == 1)
        #expect(a.plan.notes.first?.contains("\"far2\"") == true)
        let satisfied = why("top", pack: pack, snapshot: header + "features: {top: off, far: on, near: off}\n")
        #expect(satisfied.verdict == .enableable)
    }

    @Test func aConflictingFeatureThatIsOnMustBeSwitchedOff() {
        let pack = "prereq: 1\nfeatures:\n  a: {conflicts: [legacy]}\n  legacy: {}\n  b: {requires: [{not: old}]}\n  old: {}\n"
        let a = why("a", pack: pack, snapshot: header + "features: {a: off, legacy: on}\n")
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.cause) == [.featureOn])
        #expect(a.plan.steps.map(\.action) == [.disable, .enable])
        // Conflicts hold both ways, and `not` works like a conflict.
        let reverse = why("legacy", pack: pack, snapshot: header + "features: {a: on, legacy: off}\n")
        #expect(reverse.verdict == .blocked)
        let negated = why("b", pack: pack, snapshot: header + "features: {b: off, old: on}\n")
        #expect(negated.rootCauses.map(\.subject) == ["old"])
    }

    @Test func settingsAreCheckedPerChannel() {
        let pack = """
            prereq: 1
            features:
              a: {settings: {async: true}}
            settings:
              async: {scope: channel}
            """
        let snapshot = header + """
            channels: [s1, s2]
            features: {a: off}
            settings:
              async: {channels: {s1: true, s2: false}}
            """
        let a = why("a", pack: pack, snapshot: snapshot)
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.first?.cause == .setting)
        #expect(a.rootCauses.first?.message.contains("in s2") == true)
        #expect(a.plan.steps.first?.action == .set)
        #expect(a.plan.steps.first?.message == "Set async to on in s2")
    }

    @Test func aFeatureSwitchedOnAlongsideBringsItsConflicts() {
        let pack = """
            prereq: 1
            features:
              a: {alsoEnables: [b]}
              b: {conflicts: [legacy]}
              legacy: {}
            """
        let a = why("a", pack: pack, snapshot: header + "features: {a: off, b: off, legacy: on}\n")
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.subject) == ["legacy"])
        #expect(a.plan.steps.map(\.action) == [.disable, .enable])
    }

    @Test func settingStepsSayWhereToFindTheSetting() {
        let pack = """
            prereq: 1
            features:
              a: {settings: {async: true}}
            settings:
              async: {name: Create customer in async mode, whereToFind: {en: Functionality profiles, pt-BR: Perfis de funcionalidade}}
            """
        let a = why("a", pack: pack, snapshot: header + "features: {a: off}\nsettings: {async: false}\n")
        #expect(a.plan.steps.first?.message == "Set Create customer in async mode to on (Functionality profiles)")
        let pt = why("a", pack: pack, snapshot: header + "features: {a: off}\nsettings: {async: false}\n", language: .brazilianPortuguese)
        #expect(pt.plan.steps.first?.message == "Defina Create customer in async mode como ativado (Perfis de funcionalidade)")
    }

    static let jobsPack = """
        prereq: 1
        features:
          a: {takesEffect: {jobs: [j1, j2], settle: 30m}}
        jobs:
          j1: {code: "1110", name: Global, kind: download}
          j2: {code: "1070", name: Channel, kind: download, after: [j1]}
        """

    @Test func onButNotInEffectNamesExactlyTheJobsNotRunSinceEnablementPerChannel() {
        let snapshot = header + """
            channels: [s1, s2]
            features: {a: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}}
            jobs:
              "1110": {lastSuccess: 2026-11-19T08:30:00Z}
              "1070": {channels: {s1: {lastSuccess: 2026-11-19T09:00:00Z}, s2: {lastSuccess: 2026-11-18T09:00:00Z}}}
            """
        let a = why("a", pack: Self.jobsPack, snapshot: snapshot)
        #expect(a.verdict == .notInEffect)
        #expect(a.rootCauses.count == 1)
        #expect(a.rootCauses.first?.cause == .jobNotRun)
        #expect(a.rootCauses.first?.message.contains("in s2") == true)
        #expect(a.plan.steps.map(\.message) == ["Run 1070 (Channel) for s2", "Wait 30 min after the last job for cached data to catch up"])
    }

    @Test func insideTheSettleTimeTheFeatureIsSettling() {
        let snapshot = header + """
            features: {a: {enabled: true, enabledAt: 2026-11-20T09:00:00Z}}
            jobs:
              "1110": {lastSuccess: 2026-11-20T09:10:00Z}
              "1070": {lastSuccess: 2026-11-20T09:40:00Z}
            """
        // The jobs first succeeded after the switch at 09:00 by 09:40 at the latest (no
        // schedule says sooner): settled for certain at 10:10, possibly already.
        let a = why("a", pack: Self.jobsPack, snapshot: snapshot)
        #expect(a.verdict == .unknown)
        #expect(a.rootCauses.map(\.cause) == [.settling])
        #expect(a.plan.steps.map(\.action) == [.wait])
        #expect(a.plan.steps.first?.details["until"] == "2026-11-20T10:10:00Z")
        let early = why("a", pack: Self.jobsPack, snapshot: snapshot.replacingOccurrences(of: "takenAt: 2026-11-20T10:00:00Z", with: "takenAt: 2026-11-20T09:29:00Z")
            .replacingOccurrences(of: "09:40:00Z", with: "09:20:00Z"))
        #expect(early.verdict == .notInEffect)
        #expect(early.rootCauses.map(\.cause) == [.settling])
        #expect(early.plan.steps.first?.details["until"] == "2026-11-20T09:50:00Z")
        let later = why("a", pack: Self.jobsPack, snapshot: snapshot.replacingOccurrences(of: "takenAt: 2026-11-20T10:00:00Z", with: "takenAt: 2026-11-20T10:11:00Z"))
        #expect(later.verdict == .inEffect)
    }

    @Test func aJobRunBeforeTheJobItMustFollowDoesNotCount() {
        let snapshot = header + """
            features: {a: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}}
            jobs:
              "1110": {lastSuccess: 2026-11-19T09:30:00Z}
              "1070": {lastSuccess: 2026-11-19T09:00:00Z}
            """
        let a = why("a", pack: Self.jobsPack, snapshot: snapshot)
        #expect(a.verdict == .notInEffect)
        #expect(a.rootCauses.map(\.cause) == [.jobOrder])
        #expect(a.plan.steps.first?.subject == "j2")
    }

    @Test func missingDataIsUnknownAndSaysWhichFact() {
        let noTime = header + "features: {a: {enabled: true}}\njobs: {\"1110\": {lastSuccess: 2026-11-19T09:30:00Z}}\n"
        let a = why("a", pack: Self.jobsPack, snapshot: noTime)
        #expect(a.verdict == .unknown)
        // The switch time, and the last success of 1070 without which its order after 1110
        // cannot be checked.
        #expect(a.rootCauses.map(\.cause) == [.missingData, .missingData])
        #expect(a.rootCauses.first?.message == "the snapshot does not say when \"a\" was switched on")
        #expect(a.plan.steps.map(\.action) == [.provideData, .provideData])

        let noJob = header + "features: {a: {enabled: true, enabledAt: 2026-11-19T08:00:00Z}}\njobs: {\"1110\": {lastSuccess: 2026-11-19T09:30:00Z}}\n"
        let b = why("a", pack: Self.jobsPack, snapshot: noJob)
        #expect(b.verdict == .unknown)
        #expect(b.rootCauses.map(\.message) == ["the snapshot does not say when 1070 (Channel) last succeeded"])

        let unmentioned = why("top", pack: Self.chain, snapshot: header + "features: {mid: on, base: on}\n")
        #expect(unmentioned.verdict == .unknown)
        // Its own state is unknown too: the snapshot does not mention "top".
        #expect(unmentioned.rootCauses.map(\.subject) == ["top", "side"])
    }

    @Test func unknownNamesInASnapshotAreFindingsWithASuggestion() throws {
        let f = facts(pack: Self.chain, snapshot: header + "features:\n  Sidee: on\n  ' BASE ': on\n  base: off\n")
        #expect(f.diagnostics.map(\.code) == ["unknown-name", "duplicate-entry"])
        let unknown = try #require(f.diagnostics.first)
        #expect(unknown.location?.line == 4)
        #expect(unknown.message.contains("did you mean \"side\""))
        #expect(f.isOn(3) == true)  // ' BASE ' matched the name Base ignoring case and spaces; the duplicate is ignored.
    }

    @Test func timestampsWithoutAZoneAreReadAsUTCWithANote() {
        let loaded = YAMLLoaderHelper.snapshot("prereq: 1\nsnapshot: {environment: e, takenAt: 2026-11-20T10:00:00}\n")
        #expect(loaded.1.map(\.code) == ["timestamp-without-zone"])
        #expect(loaded.0.takenAt?.value.description == "2026-11-20T10:00:00Z")
    }

    @Test func aDeepChainIsExplainedWithoutRecursion() {
        var yaml = "prereq: 1\nfeatures:\n"
        let depth = 5_000
        for i in 0..<depth { yaml += "  f\(i): {requires: [f\(i + 1)]}\n" }
        yaml += "  f\(depth): {introducedIn: 99.0}\n"
        var states = "features:\n"
        for i in 0...depth { states += "  f\(i): off\n" }
        let a = why("f0", pack: yaml, snapshot: header + states)
        #expect(a.verdict == .blocked)
        #expect(a.rootCauses.map(\.subject) == ["f\(depth)"])
        #expect(a.plan.steps.count == depth + 2)
        #expect(a.plan.steps.first?.action == .upgrade)
        #expect(ExplanationTextRenderer(language: .english).render(a).contains("99.0"))
    }
}

import PrereqYAML

enum YAMLLoaderHelper {
    static func snapshot(_ yaml: String) -> (Snapshot, [Diagnostic]) {
        SnapshotDecoder.decode(YAMLLoader().load(bytes: Array(yaml.utf8), file: "s.yaml").documents[0])
    }
}
