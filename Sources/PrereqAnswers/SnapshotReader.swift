import Diagnostics
import PrereqEvaluation
import PrereqLoading
import PrereqMessages
import PrereqModel
import PrereqYAML

/// Reads snapshot files (YAML or JSON, format v1): every document of a file is one snapshot.
public struct SnapshotReader: Sendable {
    public var yaml: YAMLLoader
    /// The language schema findings are worded in.
    public var language: Language
    /// Whether a big `features` section is decoded in pieces while its file is read (see
    /// `YAMLSectionSink`); the snapshot and the findings are the same either way.
    public var decodesSectionsWhileReading = true

    public init(yaml: YAMLLoader = YAMLLoader(), language: Language = .english) {
        self.yaml = yaml
        self.language = language
    }

    public struct Result: Sendable {
        public var snapshots: [Snapshot]
        public var diagnostics: [Diagnostic]
        /// Some file could not be read as YAML at all, or held no snapshot.
        public var unreadable: Bool
    }

    /// Reads and decodes the snapshot file at `path`.
    public func read(path: String) -> Result {
        let sections = decodesSectionsWhileReading ? SnapshotDecoder.pieceDecoding(language: language) : nil
        let file = yaml.load(path: path, sections: sections)
        var diagnostics = file.diagnostics
        var snapshots: [Snapshot] = []
        var unreadable = file.hasErrors
        for document in file.documents {
            if DocumentKind.of(document) != .snapshot {
                diagnostics.append(
                    .error(
                        "schema-missing", Messages(language).notASnapshot, at: document.root.location,
                        help: Messages(language).notASnapshotHelp))
                unreadable = true
                continue
            }
            let (snapshot, found) = SnapshotDecoder.decode(
                document, language: language, features: sections?.takePieces(of: document.index)["features"] ?? [])
            diagnostics += found + EventTimeCheck.run(snapshot, language: language)
            snapshots.append(snapshot)
        }
        if file.documents.isEmpty && !file.hasErrors {
            diagnostics.append(.error("empty-file", Messages(language).holdsNoSnapshot(path), at: .wholeFile(path)))
            unreadable = true
        }
        return Result(snapshots: snapshots, diagnostics: diagnostics, unreadable: unreadable)
    }
}
