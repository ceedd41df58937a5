import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML
import Testing

/// Loads a rule pack from YAML text (one file, any number of documents).
func pack(_ yaml: String, file: String = "pack.yaml") -> (RulePack, [Diagnostic]) {
    let loaded = YAMLLoader().load(bytes: Array(yaml.utf8), file: file)
    let (pack, diagnostics) = RulePackLoader.decode(loaded.documents)
    expectReadingInPiecesAgrees([(file, yaml)])
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
    expectReadingInPiecesAgrees(files)
    return (pack, diagnostics + found)
}

/// Every pack a test reads is also read from files both ways, its sections decoded in pieces
/// while the file is read and from whole trees: the packs and the findings must be the same.
func expectReadingInPiecesAgrees(_ files: [(String, String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    withScratchFiles(files, sourceLocation: sourceLocation) { paths in
        var whole = RulePackLoader()
        whole.decodesSectionsWhileReading = false
        let inPieces = RulePackLoader().load(paths: paths), fromTrees = whole.load(paths: paths)
        #expect(inPieces.diagnostics == fromTrees.diagnostics, sourceLocation: sourceLocation)
        #expect(String(describing: inPieces.pack) == String(describing: fromTrees.pack), sourceLocation: sourceLocation)
        #expect(
            inPieces.snapshotDocuments.map(\.nodeCount) == fromTrees.snapshotDocuments.map(\.nodeCount),
            sourceLocation: sourceLocation)
        #expect(inPieces.unreadable == fromTrees.unreadable, sourceLocation: sourceLocation)
    }
}

/// Every snapshot a test reads is also read from a file both ways (see
/// `expectReadingInPiecesAgrees`): the snapshots and the findings must be the same.
func expectSnapshotReadingInPiecesAgrees(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    withScratchFiles([("snapshot.yaml", yaml)], sourceLocation: sourceLocation) { paths in
        var whole = SnapshotReader()
        whole.decodesSectionsWhileReading = false
        let inPieces = SnapshotReader().read(path: paths[0]), fromTree = whole.read(path: paths[0])
        #expect(inPieces.diagnostics == fromTree.diagnostics, sourceLocation: sourceLocation)
        #expect(String(describing: inPieces.snapshots) == String(describing: fromTree.snapshots), sourceLocation: sourceLocation)
    }
}

/// Writes `files` (name, text) into a new scratch folder, in order and apart (two texts may
/// come under one name), and runs `body` on their paths; the folder is removed afterwards.
func withScratchFiles(
    _ files: [(String, String)], sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: ([String]) -> Void
) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-pieces-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (k, (name, text)) in files.enumerated() {
            let path = folder.appendingPathComponent("\(k)-\((name as NSString).lastPathComponent)").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
    } catch {
        Issue.record("cannot write scratch files: \(error)", sourceLocation: sourceLocation)
        return
    }
    body(paths)
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
    expectSnapshotReadingInPiecesAgrees(snapshotYAML)
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
