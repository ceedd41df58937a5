import Foundation
import PrereqCore
import PrereqYAML

/// The pack every case runs against: the folder in `PREREQ_FUZZ_RULES` (run.sh sets it to the
/// repository's `rules`).
let rules = LoadedRules.load(paths: [ProcessInfo.processInfo.environment["PREREQ_FUZZ_RULES"] ?? "rules"])

/// Any bytes as a pack test file: decoded, every case run (inline snapshots, assumptions,
/// expectations compared), and the report rendered as text, JSON and JUnit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = YAMLLoader().load(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.yaml")
    for document in file.documents where DocumentKind.of(document) == .packTest {
        let (cases, _) = PackTestDecoder.decode(document)
        let report = PackTestRun.run(cases, rules: rules, language: .english, jobs: 1)
        let renderer = PackTestRenderer(language: .english)
        _ = renderer.text(report)
        _ = renderer.json(report)
        _ = renderer.junit(report, paths: RepositoryPaths(root: "/", workingDirectory: "/"))
    }
    return 0
}
