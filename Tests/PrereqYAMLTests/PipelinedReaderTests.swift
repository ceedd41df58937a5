import Diagnostics
import Foundation
import Testing

@testable import PrereqYAML

/// Big files are parsed on a second thread (`PipelinedEventReader`); these tests hold that path
/// to the same results as the single-threaded one, on every yaml-test-suite case and on inputs
/// that stop early, fail late or span many batches.
@Suite struct PipelinedReaderTests {
    /// Everything a person or the decoder can see of a loaded file: the tree (with tags, anchors,
    /// styles and places) and each diagnostic with its place.
    static func observable(_ file: YAMLFile) -> String {
        var text = ""
        var dump = YAMLTreeDump(format: .text) { text += $0 }
        dump.dump([file])
        for d in file.diagnostics {
            text += "\(d.severity) \(d.code) \(d.location?.description ?? "-") \(d.message)\n"
        }
        return text
    }

    static func bothWays(_ bytes: [UInt8], limits: YAMLLimits = .default) -> (single: String, pipelined: String) {
        var single = YAMLLoader(limits: limits)
        single.pipelineThreshold = .max
        var pipelined = YAMLLoader(limits: limits)
        pipelined.pipelineThreshold = 0
        return (
            observable(single.load(bytes: bytes, file: "same.yaml")),
            observable(pipelined.load(bytes: bytes, file: "same.yaml"))
        )
    }

    @Test func everySuiteCaseLoadsTheSameOnBothPaths() throws {
        let cases = try YAMLTestSuiteTests.cases()
        try #require(cases.count == 402)
        for c in cases {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: c.path)))
            let (single, pipelined) = Self.bothWays(bytes)
            #expect(single == pipelined, "\(c.id) differs")
        }
    }

    @Test func manyBatchesAndSeveralDocumentsLoadTheSame() throws {
        // About 60,000 events: many batches, with documents ending inside batches.
        var text = ""
        for d in 0..<30 {
            text += "---\n"
            for i in 0..<500 { text += "key-\(d)-\(i): {name: \"value \(i)\", list: [a, 'b', !!str 3]}\n" }
        }
        let (single, pipelined) = Self.bothWays(Array(text.utf8))
        #expect(single == pipelined)
        #expect(single.contains("value 499"))
    }

    @Test func anchorsTagsAndAliasesOverManyBatchesLoadTheSameAndLeaveOnlyScalarText() throws {
        // About 40,000 events with an anchor, a tag or an alias on most nodes: the reader puts
        // their bytes after the scalar text, and the tree builder must take them back off.
        var text = ""
        var scalarBytes = 0
        for i in 0..<2_000 {
            let earlier = i == 0 ? "s0" : "m\(i - 1)"
            text += "k\(i): &m\(i) !!map {a: &s\(i) !!str v\(i), b: *s\(i), c: !!seq [x, *\(earlier)], d: &e\(i) !!int \(i)}\n"
            // The scalars: k, a, v, b, c, x, d and the number.
            scalarBytes += "k\(i)av\(i)bcxd\(i)".utf8.count
        }
        let (single, pipelined) = Self.bothWays(Array(text.utf8))
        #expect(single == pipelined)
        #expect(single.contains("&s1999 <tag:yaml.org,2002:str>"), "anchor and tag of a scalar")
        #expect(single.contains("&m7 <tag:yaml.org,2002:map>"), "anchor and tag of a mapping")
        #expect(single.contains("&e5 <tag:yaml.org,2002:int>"), "anchor and tag of a number")
        #expect(single.contains("alias *s1999"), "an alias")
        for threshold in [Int.max, 0] {
            var loader = YAMLLoader()
            loader.pipelineThreshold = threshold
            let document = try #require(loader.load(bytes: Array(text.utf8), file: "names.yaml").documents.first)
            #expect(document.text.count == scalarBytes, "threshold \(threshold)")
        }
    }

    @Test func stoppingEarlyAndFailingLateLoadTheSame() throws {
        // Too deep after many batches: the visitor stops while the parser thread is ahead.
        let deep = String(repeating: "a: [1, 2, 3]\n", count: 20_000) + "b: " + String(repeating: "[", count: 300) + "\n"
        let (single, pipelined) = Self.bothWays(Array(deep.utf8))
        #expect(single == pipelined)
        #expect(pipelined.contains("yaml-too-deep"))
        // A syntax error after many batches of good events.
        let broken = (0..<20_000).map { "k\($0): v\n" }.joined() + "x: [unclosed\n"
        let (s2, p2) = Self.bothWays(Array(broken.utf8))
        #expect(s2 == p2)
        #expect(p2.contains("yaml-syntax"))
    }

    @Test func theDefaultPathForABigFileIsPipelinedAndAgrees() throws {
        let text = (0..<60_000).map { "feature-\($0): {name: Feature number \($0)}\n" }.joined()
        #expect(text.utf8.count > YAMLLoader().pipelineThreshold)
        var single = YAMLLoader()
        single.pipelineThreshold = .max
        let bytes = Array(text.utf8)
        #expect(Self.observable(YAMLLoader().load(bytes: bytes, file: "big.yaml")) == Self.observable(single.load(bytes: bytes, file: "big.yaml")))
    }
}
