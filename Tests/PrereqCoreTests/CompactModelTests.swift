import Diagnostics
import Testing
@testable import PrereqModel

/// The model values a big pack or snapshot holds hundreds of thousands of stay small: these
/// are the layouts the memory figures rest on.
@Suite struct CompactModelTests {
    let here = SourceLocation(file: "pack.yaml", line: 3, column: 5)

    @Test func aRequirementIsNoBiggerThanAFeatureReference() {
        #expect(MemoryLayout<Requirement>.stride == MemoryLayout<Located<String>>.stride)
    }

    @Test func aCountKeepsItsPartsAndLimitsInItsBox() {
        let parts: [Requirement] = [.feature(Located("a", at: here)), .feature(Located("b", at: here))]
        let count = Requirement.count(parts, min: 1, max: nil, at: here)
        guard case .count(let kept, let min, let max, let at) = count else {
            Issue.record("not a count")
            return
        }
        #expect(kept == parts && min == 1 && max == nil && at == here)
        #expect(count == Requirement.count(parts, min: 1, max: nil, at: here))
        #expect(count != Requirement.count(parts, min: 1, max: 2, at: here))
    }

    @Test func aSnapshotFeatureEntryKeepsItsRareFieldsOutOfLine() {
        let inline = MemoryLayout<Located<String>>.stride + MemoryLayout<Located<Bool>?>.stride
            + MemoryLayout<Located<Timestamp>?>.stride
        #expect(MemoryLayout<Snapshot.FeatureEntry>.stride <= inline + 2 * MemoryLayout<Int>.stride)
    }

    @Test func rareFieldsReadBackWhatWasSetAndNilClearsThem() {
        let when = Timestamp(secondsSinceEpoch: 1_795_000_000)
        var entry = Snapshot.FeatureEntry(name: Located("Feature", at: here))
        #expect(entry.scheduledFor == nil && entry.servedVariation == nil)
        entry.scheduledFor = Located(when, at: here)
        entry.servedVariation = Located(.string("treatment"), at: here)
        #expect(entry.scheduledFor?.value == when)
        #expect(entry.servedVariation?.value == .string("treatment"))
        let copy = entry
        entry.servedVariation = nil
        #expect(entry.servedVariation == nil && copy.servedVariation?.value == .string("treatment"))
        let made = Snapshot.FeatureEntry(name: Located("Feature", at: here), scheduledFor: Located(when, at: here))
        #expect(made.scheduledFor?.location == here && made.servedVariation == nil)
    }

    @Test func aFeatureKeepsWhatFewFeaturesHaveInOneBox() {
        // The id, name, requirement tree, the three lists checks read, `takesEffect`'s box, the
        // default and the details' box: nothing else is stored inline.
        let inline = MemoryLayout<Located<String>>.stride + MemoryLayout<LocalizedText?>.stride
            + MemoryLayout<Requirement?>.stride + 5 * MemoryLayout<Int>.stride + MemoryLayout<Bool?>.stride
        #expect(MemoryLayout<Feature>.stride <= inline + MemoryLayout<Int>.stride)
        let plain = Feature(id: Located("a", at: here), aliases: [], conflicts: [], alsoEnables: [], settings: [])
        #expect(plain.storedDetails.box == nil)
    }

    @Test func featureDetailsReadBackWhatWasSetAndEmptyingThemLetsTheBoxGo() {
        let version = ProductVersion("10.0.38").map { Located($0, at: here) }
        var feature = Feature(
            id: Located("a", at: here), aliases: [Located("old-a", at: here)], introducedIn: version, docs: "https://example.com",
            conflicts: [], alsoEnables: [], settings: [])
        #expect(feature.aliases.map(\.value) == ["old-a"] && feature.introducedIn == version)
        #expect(feature.docs == "https://example.com" && feature.minVersion == nil && feature.removedIn == nil)
        let copy = feature
        feature.note = LocalizedText([("en", "Read the release notes first.")])
        feature.lifecycle = Lifecycle(preview: Located(true, at: here))
        feature.flag = nil
        #expect(feature.note?.text(in: "en") == "Read the release notes first." && copy.note == nil)
        #expect(feature.lifecycle.preview?.value == true && copy.lifecycle == Lifecycle())
        #expect(feature != copy)
        feature.note = nil
        feature.lifecycle = Lifecycle()
        #expect(feature == copy && feature.hashValue == copy.hashValue)
        feature.aliases = []
        feature.introducedIn = nil
        feature.docs = nil
        #expect(feature.storedDetails.box == nil)
        #expect(feature == Feature(id: Located("a", at: here), aliases: [], conflicts: [], alsoEnables: [], settings: []))
    }
}
