import Diagnostics
import PrereqYAML
import Testing

@Suite struct SizeLimitTests {
    static let small = YAMLLimits(maxFileBytes: 1024, maxDepth: 256)

    @Test func defaultFileLimitIs256MiB() {
        #expect(YAMLLimits.default.maxFileBytes == 256 * 1024 * 1024)
        #expect(YAMLLoader().limits.maxFileBytes == 268_435_456)
    }

    @Test func bytesOverTheLimitAreRefusedBeforeParsing() throws {
        // Not even valid YAML: the refusal must come before libyaml sees a byte.
        let file = loadYAML(bytes: Array(repeating: UInt8(ascii: "["), count: 1025), limits: Self.small)
        #expect(file.codes == ["yaml-too-large"])
        let d = try #require(file.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.message.contains("1025 bytes"))
        #expect(file.documents.isEmpty)
    }

    @Test func fileOverTheLimitIsRefused() throws {
        let tmp = try TemporaryFile(bytes: Array(("k: " + String(repeating: "v", count: 2000) + "\n").utf8))
        defer { tmp.remove() }
        let file = YAMLLoader(limits: Self.small).load(path: tmp.path)
        #expect(file.codes == ["yaml-too-large"])
        #expect(file.diagnostics.first?.location?.file == tmp.path)
        // The size comes from the file system, before any byte is read.
        #expect(file.diagnostics.first?.message.contains("is 2004 bytes") == true)
        #expect(file.hasErrors)
    }

    @Test func fileExactlyAtTheLimitLoads() throws {
        let text = "k: " + String(repeating: "v", count: 1024 - 4) + "\n"
        #expect(text.utf8.count == 1024)
        let tmp = try TemporaryFile(bytes: Array(text.utf8))
        defer { tmp.remove() }
        let file = YAMLLoader(limits: Self.small).load(path: tmp.path)
        #expect(file.diagnostics.isEmpty)
        #expect(file.documents.count == 1)
    }

    @Test func thirtyTwoMiBScalarLoadsUnderTheDefaultLimit() throws {
        let size = 32 << 20
        var bytes = Array("big: ".utf8)
        bytes.reserveCapacity(size + 16)
        bytes += repeatElement(UInt8(ascii: "x"), count: size)
        bytes += Array("\nsmall: 1\n".utf8)
        let file = loadYAML(bytes: bytes)
        #expect(file.diagnostics.isEmpty)
        let document = try #require(file.documents.first)
        let entries = document.root.entries
        #expect(entries.count == 2)
        let big = entries[0].value
        #expect(big.scalarText?.utf8.count == size)
        #expect(entries[1].value.value == .int(1))
        #expect(entries[1].key.location.line == 2)
    }

    @Test func missingFileIsAnIOError() {
        let file = YAMLLoader().load(path: "/nonexistent/prereq/missing.yaml")
        #expect(file.codes == ["io-error"])
        #expect(file.hasErrors)
    }
}
