import Foundation
import PrereqCore
import PrereqYAML

/// The pack every input is evaluated against: the folder in `PREREQ_FUZZ_RULES` (run.sh sets
/// it to the repository's `rules`).
let graph = RuleGraph(RulePackLoader().load(paths: [ProcessInfo.processInfo.environment["PREREQ_FUZZ_RULES"] ?? "rules"]).pack)

/// Any bytes as a snapshot: decoded, checked, and every feature answered with its plan.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshotEvaluation(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = YAMLLoader().load(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.yaml")
    for document in file.documents where DocumentKind.of(document) == .snapshot {
        let (snapshot, _) = SnapshotDecoder.decode(document)
        _ = EventTimeCheck.run(snapshot)
        _ = CheckRun.check(snapshot, graph: graph, language: .english)
        var evaluator = Evaluator(facts: EnvironmentFacts(snapshot: snapshot, graph: graph), language: .english)
        for f in graph.pack.features.indices { _ = evaluator.answer(feature: f) }
    }
    return 0
}
