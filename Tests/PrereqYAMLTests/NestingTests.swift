import Diagnostics
import PrereqYAML
import Testing

@Suite struct NestingTests {
    @Test func defaultDepthLimitIs256() {
        #expect(YAMLLimits.default.maxDepth == 256)
    }

    @Test func hundredThousandOpeningBracketsAreTooDeep() throws {
        let file = loadYAML(String(repeating: "[", count: 100_000))
        // Only the depth error: the parse stopped at the limit, so libyaml never got to the
        // unclosed brackets at the end of the input.
        #expect(file.codes == ["yaml-too-deep"])
        #expect(file.position(of: "yaml-too-deep") == "1:257")
        #expect(file.documents.isEmpty)
        let d = try #require(file.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.message.contains("256"))
    }

    @Test func deepBlockSequencesAreTooDeep() {
        let file = loadYAML(String(repeating: "- ", count: 10_000) + "x\n")
        #expect(file.codes == ["yaml-too-deep"])
        #expect(file.position(of: "yaml-too-deep") == "1:513")
    }

    @Test func deepIndentedMappingsAreTooDeep() {
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        let file = loadYAML(text)
        #expect(file.codes == ["yaml-too-deep"])
        // The 257th mapping starts at its first key, line 257, indented by 256 spaces.
        #expect(file.position(of: "yaml-too-deep") == "257:257")
    }

    @Test func exactlyTheLimitLoads() throws {
        let file = loadYAML(String(repeating: "[", count: 256) + "x" + String(repeating: "]", count: 256) + "\n")
        #expect(file.diagnostics.isEmpty)
        let document = try #require(file.documents.first)
        #expect(document.nodeCount == 257)
        var deepest = 0
        var entered = 0, left = 0
        var deepestScalar: String?
        YAMLWalker.walk(document.root) { event in
            switch event {
            case let .enter(node, _, depth):
                entered += 1
                if depth > deepest {
                    deepest = depth
                    deepestScalar = node.scalarText
                }
            case .leave:
                left += 1
            }
        }
        #expect(deepest == 256)
        #expect(deepestScalar == "x")
        #expect(entered == 257 && left == 257)
    }

    @Test func oneLevelPastTheLimitIsTooDeep() {
        let file = loadYAML(String(repeating: "[", count: 257) + "x" + String(repeating: "]", count: 257) + "\n")
        #expect(file.codes == ["yaml-too-deep"])
    }

    @Test func customDepthLimitIsHonoured() {
        let limits = YAMLLimits(maxFileBytes: YAMLLimits.default.maxFileBytes, maxDepth: 3)
        #expect(loadYAML("a: {b: [c]}\n", limits: limits).diagnostics.isEmpty)
        #expect(loadYAML("a: {b: [[c]]}\n", limits: limits).codes == ["yaml-too-deep"])
    }

    @Test func builderAndWalkerHandleAHundredThousandLevelsWithoutRecursion() throws {
        // With the limit raised, a recursive builder or walker would exhaust the stack here.
        let depth = 100_000
        let limits = YAMLLimits(maxFileBytes: YAMLLimits.default.maxFileBytes, maxDepth: depth)
        let file = loadYAML(String(repeating: "- ", count: depth) + "x\n", limits: limits)
        #expect(file.diagnostics.isEmpty)
        let document = try #require(file.documents.first)
        #expect(document.nodeCount == depth + 1)
        var deepest = 0
        YAMLWalker.walk(document.root) { event in
            if case let .enter(_, _, d) = event { deepest = max(deepest, d) }
        }
        #expect(deepest == depth)
    }
}
