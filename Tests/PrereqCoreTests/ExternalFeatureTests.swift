import PrereqCore
import Testing

/// Switches of another system (`system:` in the pack, `externalFeatures` in the snapshot) take
/// part in every rule, and answers name the system they are switched in.
@Suite struct ExternalFeatureTests {
    static let pack = """
        prereq: 1
        features:
          reservation:
            name: On-hand reservation
            system: {en: the Inventory Visibility add-in, pt-BR: Inventory Visibility}
          soft-reservation:
            name: Soft reservation
            requires: [reservation]
          legacy-allocation:
            conflicts: [reservation]
        """

    @Test func anExternalSwitchThatIsOffIsACauseAndThePlanSwitchesItOnInItsSystem() throws {
        let answer = why("soft-reservation", pack: Self.pack, snapshot: header + "features: {soft-reservation: off, legacy-allocation: off}\nexternalFeatures: {On-hand reservation: off}\n")
        #expect(answer.verdict == .blocked)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.cause == .featureOff && cause.subject == "reservation")
        #expect(cause.message == "\"On-hand reservation\" is off in the Inventory Visibility add-in")
        #expect(cause.evidence.snapshot?.line == 4)  // the externalFeatures entry
        #expect(answer.plan.steps.map(\.message) == [
            "Switch on \"On-hand reservation\" in the Inventory Visibility add-in", "Switch on \"Soft reservation\"",
        ])
        #expect(answer.plan.steps.first?.details["system"] == "the Inventory Visibility add-in")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
        #expect(AnswerJSON.step(answer.plan.steps[0]).serialized(pretty: false).contains("\"system\":\"the Inventory Visibility add-in\""))
    }

    @Test func anExternalSwitchThatIsOnSatisfiesTheRequirement() {
        let answer = why("soft-reservation", pack: Self.pack, snapshot: header + "features: {soft-reservation: off, legacy-allocation: off}\nexternalFeatures: {reservation: on}\n")
        #expect(answer.verdict == .enableable)
        #expect(answer.plan.steps.map(\.action) == [.enable])
    }

    @Test func aSnapshotSilentAboutItIsUnknownAndAsksForItsStateInThatSystem() throws {
        let answer = why("soft-reservation", pack: Self.pack, snapshot: header + "features: {soft-reservation: off, legacy-allocation: off}\n")
        #expect(answer.verdict == .unknown)
        let cause = try #require(answer.rootCauses.first)
        #expect(cause.message == "the snapshot does not say whether \"On-hand reservation\" is on in the Inventory Visibility add-in")
        #expect(answer.plan.steps.first?.action == .provideData)
        #expect(answer.plan.steps.first?.details["missing"] == "whether \"On-hand reservation\" is on in the Inventory Visibility add-in (externalFeatures)")
    }

    @Test func aConflictWithAnExternalSwitchSwitchesItOffThereInTheAnswersLanguage() throws {
        let answer = why(
            "legacy-allocation", pack: Self.pack,
            snapshot: header + "features: {legacy-allocation: off}\nexternalFeatures: {reservation: on}\n", language: .brazilianPortuguese)
        #expect(answer.verdict == .blocked)
        #expect(answer.plan.steps.first?.message == "Desative o recurso \"On-hand reservation\" em Inventory Visibility")
        #expect(answer.plan.verification?.outcome == .reachesGoal)
    }

    @Test func aPackFeatureListedUnderExternalFeaturesOrAnUnknownNameThereIsReadLikeFeatures() {
        let f = facts(pack: Self.pack, snapshot: header + "externalFeatures: {soft-reservation: on, Unknown thing: on}\n")
        #expect(f.isOn(f.graph.featureIndex["soft-reservation"] ?? -1) == true)
        #expect(f.diagnostics.map(\.code) == ["unknown-name"])
    }
}
