import Diagnostics
import PrereqCore
import PrereqYAML

/// Loads a rule pack from YAML text (one file, any number of documents).
func pack(_ yaml: String, file: String = "pack.yaml") -> (RulePack, [Diagnostic]) {
    let loaded = YAMLLoader().load(bytes: Array(yaml.utf8), file: file)
    let (pack, diagnostics) = RulePackLoader.decode(loaded.documents)
    return (pack, loaded.diagnostics + diagnostics)
}

/// Loads a pack from several files' texts.
func pack(files: [(String, String)]) -> (RulePack, [Diagnostic]) {
    var documents: [YAMLDocument] = []
    var diagnostics: [Diagnostic] = []
    for (name, text) in files {
        let loaded = YAMLLoader().load(bytes: Array(text.utf8), file: name)
        documents += loaded.documents
        diagnostics += loaded.diagnostics
    }
    let (pack, found) = RulePackLoader.decode(documents)
    return (pack, diagnostics + found)
}

/// Every finding `prereq lint` gives for a pack written as YAML text (end-of-service dates
/// compared with `now`, when given).
func lint(_ yaml: String, now: Timestamp? = nil) -> [Diagnostic] {
    let (p, diagnostics) = pack(yaml)
    return Diagnostic.sortedForOutput(diagnostics + Linter.lint(RuleGraph(p), now: now))
}

/// The package root, found from this file's path.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/PrereqCoreTests/TestSupport.swift
    return parts.joined(separator: "/")
}()

/// A snapshot (YAML text) bound to a pack (YAML text).
func facts(pack packYAML: String, snapshot snapshotYAML: String, file: String = "snap.yaml") -> EnvironmentFacts {
    let (p, _) = pack(packYAML)
    let loaded = YAMLLoader().load(bytes: Array(snapshotYAML.utf8), file: file)
    let document = loaded.documents[0]
    let (snapshot, _) = SnapshotDecoder.decode(document)
    return EnvironmentFacts(snapshot: snapshot, graph: RuleGraph(p))
}

/// `prereq why` for a feature id, in English unless told.
func why(_ feature: String, pack packYAML: String, snapshot: String, language: Language = .english) -> FeatureAnswer {
    let f = facts(pack: packYAML, snapshot: snapshot)
    var evaluator = Evaluator(facts: f, language: language)
    return evaluator.answer(feature: f.graph.featureIndex[feature] ?? -1)
}

/// The snapshot header every evaluation test starts from.
let header = """
    prereq: 1
    snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38}

    """
