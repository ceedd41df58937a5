import Diagnostics
import Foundation
import PrereqBasics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// Reads rule packs from files and folders: every `.yaml`/`.yml` file of a folder (recursively,
/// sorted by path) and every document of a file merge into one `RulePack`.
public struct RulePackLoader: Sendable {
    public var yaml: YAMLLoader
    /// The language schema findings are worded in.
    public var language: Language
    /// How folders are listed.
    public var folders: FolderReader
    /// Whether big sections are decoded in pieces while their file is read (see
    /// `YAMLSectionSink`); off, each document's whole tree is built first. The pack and the
    /// findings are the same either way.
    public var decodesSectionsWhileReading = true

    public init(yaml: YAMLLoader = YAMLLoader(), language: Language = .english, folders: FolderReader = .fileSystem) {
        self.yaml = yaml
        self.language = language
        self.folders = folders
    }

    /// What loading produced: the merged pack, the snapshot documents met on the way (lint
    /// checks those on their own), and every diagnostic. `unreadable` is set when some input
    /// could not be read as YAML at all (exit code 2).
    public struct Result: Sendable {
        public var pack: RulePack
        public var snapshotDocuments: [YAMLDocument]
        public var diagnostics: [Diagnostic]
        public var unreadable: Bool
    }

    /// Each file is decoded as soon as it is read, while the next one is read on a second
    /// thread, so that only one file's node tree is in memory at a time. Plain names take the
    /// pack's default language; should a file declare one after files already decoded with
    /// another, everything is read again with the declared language (a rare layout).
    public func load(paths: [String]) -> Result {
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        let files = expand(paths, diagnostics: &diagnostics, unreadable: &unreadable)
        var (result, lateDeclaration) = read(files, defaultLanguage: nil)
        if let lateDeclaration { result = read(files, defaultLanguage: lateDeclaration).result }
        result.diagnostics = diagnostics + result.diagnostics
        result.unreadable = result.unreadable || unreadable
        return result
    }

    /// Reads and decodes `files` in order. Without a `defaultLanguage`, the first declared in
    /// a file is used from there on; `lateDeclaration` is that language when files before it
    /// were decoded with another.
    private func read(_ files: [String], defaultLanguage: String?) -> (result: Result, lateDeclaration: String?) {
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        var merger = RulePackMerger(language: language)
        var snapshots: [YAMLDocument] = []
        var declared = defaultLanguage
        var decodedWithoutDeclaration = false
        var next = files.first.map { load($0, declaredLanguage: declared) }
        for (k, file) in files.enumerated() {
            guard let loaded = next else { break }
            let following = k + 1 < files.count ? files[k + 1] : nil
            let declaredSoFar = declared
            next = ParallelWork.alongside({
                var contents = decode(loaded.file, file, sections: loaded.sections, declared: declared)
                if contents.mustBeReadWhole {
                    contents = decode(yaml.load(path: file), file, sections: nil, declared: declared)
                }
                diagnostics += contents.diagnostics
                if contents.unreadable { unreadable = true }
                snapshots += contents.snapshots
                for i in contents.fragments.indices { merger.add(&contents.fragments[i]) }
                declared = contents.declared
                if contents.decodedWithoutDeclaration { decodedWithoutDeclaration = true }
            }, { following.map { load($0, declaredLanguage: declaredSoFar) } }).1
        }
        let result = Result(
            pack: merger.pack, snapshotDocuments: snapshots, diagnostics: diagnostics + merger.diagnostics, unreadable: unreadable)
        return (result, decodedWithoutDeclaration && declared != nil && declared != "en" ? declared : nil)
    }

    /// A file as read, with the decoders of the sections it handed over in pieces.
    private struct LoadedFile: Sendable {
        var file: YAMLFile
        var sections: SectionPieceDecoding<RuleDocumentDecoder>?
    }

    private func load(_ path: String, declaredLanguage: String?) -> LoadedFile {
        guard decodesSectionsWhileReading else { return LoadedFile(file: yaml.load(path: path), sections: nil) }
        let sections = RuleDocumentDecoder.pieceDecoding(declaredLanguage: declaredLanguage, language: language)
        return LoadedFile(file: yaml.load(path: path, sections: sections), sections: sections)
    }

    /// What one file adds to the pack.
    private struct FileContents {
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        var snapshots: [YAMLDocument] = []
        var fragments: [RulePack] = []
        /// The default language declared so far, this file included.
        var declared: String?
        var decodedWithoutDeclaration = false
        /// The pieces decoded while reading do not fit the documents (a snapshot, or another
        /// default language than the pieces had): the file must be read again with its trees
        /// whole, and nothing else here counts.
        var mustBeReadWhole = false
    }

    /// Decodes the documents of `loaded`, with the pieces `sections` decoded while it was read.
    private func decode(_ loaded: YAMLFile, _ file: String, sections: SectionPieceDecoding<RuleDocumentDecoder>?, declared: String?) -> FileContents {
        var contents = FileContents(declared: declared)
        contents.diagnostics = loaded.diagnostics
        contents.unreadable = loaded.hasErrors
        if loaded.documents.isEmpty && !loaded.hasErrors {
            contents.diagnostics.append(.note("empty-file", Messages(language).holdsNoDocument(file), at: .wholeFile(file)))
        }
        var skipped = false
        for document in loaded.documents {
            let kind = DocumentKind.of(document)
            if kind == .snapshot && Self.handedOverSections(document) { return FileContents(mustBeReadWhole: true) }
            switch kind {
            case .snapshot:
                contents.snapshots.append(document)
                continue
            case .packTest:
                continue  // `prereq test` reads it; it says nothing about the pack
            case .other:
                if !skipped {
                    contents.diagnostics.append(
                        .note("not-prereq-file", Messages(language).notAPrereqFile(file), at: document.root.location))
                    skipped = true
                }
                continue
            case .rules:
                break
            }
            if contents.declared == nil { contents.declared = Self.declaredDefaultLanguage(document) }
            if contents.declared == nil { contents.decodedWithoutDeclaration = true }
            let pieces = sections?.takePieces(of: document.index) ?? [:]
            let pieceLanguages = Set(pieces.values.joined().map(\.defaultLanguage))
            let decoded = RuleDocumentDecoder.decode(
                document, defaultLanguage: contents.declared ?? "en", language: language, pieces: consume pieces)
            if pieceLanguages.contains(where: { $0 != decoded.sectionLanguage }) { return FileContents(mustBeReadWhole: true) }
            contents.diagnostics += decoded.diagnostics
            contents.fragments.append(decoded.fragment)
        }
        return contents
    }

    /// Whether some section of `document` went to a `YAMLSectionSink` instead of its tree.
    private static func handedOverSections(_ document: YAMLDocument) -> Bool {
        let root = document.root
        return root.kind == .mapping && root.entries.contains { $0.value.isStreamed }
    }

    /// Decodes rule documents and merges them, reporting ids defined twice.
    public static func decode(_ documents: [YAMLDocument], language: Language = .english) -> (RulePack, [Diagnostic]) {
        let defaultLanguage = documents.lazy.compactMap(Self.declaredDefaultLanguage).first ?? "en"
        var merger = RulePackMerger(language: language)
        var diagnostics: [Diagnostic] = []
        for document in documents {
            var decoded = RuleDocumentDecoder.decode(document, defaultLanguage: defaultLanguage, language: language)
            diagnostics += decoded.diagnostics
            merger.add(&decoded.fragment)
        }
        diagnostics += merger.diagnostics
        return (merger.pack, diagnostics)
    }

    /// `pack.defaultLanguage` of a document, read ahead so plain names in every file get it.
    static func declaredDefaultLanguage(_ document: YAMLDocument) -> String? {
        let root = document.root
        guard root.kind == .mapping,
            let pack = root.entries.first(where: { $0.key.scalarText == "pack" })?.value.resolved,
            pack.kind == .mapping,
            let language = pack.entries.first(where: { $0.key.scalarText == "defaultLanguage" })?.value.scalarText,
            LanguageTag.isValid(language)
        else { return nil }
        return LanguageTag.canonical(language)
    }

    /// Files named directly, and the YAML files inside folders (sorted, hidden ones skipped).
    /// Symbolic links are followed; a folder reached again (through a link, or a link loop) is
    /// read once. A folder that cannot be listed is an error naming it, never skipped: the
    /// rules in it would be missing from every answer.
    package func expand(_ paths: [String], diagnostics: inout [Diagnostic], unreadable: inout Bool) -> [String] {
        var files: [String] = []
        var visited: [FolderReader.FolderIdentity: String] = [:]
        for path in paths {
            switch folders.kind(path) {
            case nil:
                diagnostics.append(.error("io-error", Messages(language).noSuchPath(path), at: .wholeFile(path)))
                unreadable = true
            case .regularFile, .other:
                files.append(path)  // the reader refuses what is not a regular file
            case .folder(let identity):
                var found: [String] = []
                var listed = true
                collect(path, identity, into: &found, visited: &visited, listed: &listed, diagnostics: &diagnostics)
                if !listed { unreadable = true }
                if found.isEmpty && listed {
                    diagnostics.append(.warning("empty-folder", Messages(language).holdsNoYAMLFile(path), at: .wholeFile(path)))
                }
                files += found.sorted()
            }
        }
        return files
    }

    /// Adds the YAML files under `folder` to `found`; `listed` turns false when some folder
    /// could not be listed.
    private func collect(
        _ folder: String, _ identity: FolderReader.FolderIdentity, into found: inout [String],
        visited: inout [FolderReader.FolderIdentity: String], listed: inout Bool, diagnostics: inout [Diagnostic]
    ) {
        if let first = visited[identity] {
            diagnostics.append(.note("folder-read-once", Messages(language).folderAlreadyRead(folder, as: first), at: .wholeFile(folder)))
            return
        }
        visited[identity] = folder
        let names: [String]
        do {
            names = try folders.entries(folder)
        } catch {
            diagnostics.append(.error("io-error", Messages(language).cannotListFolder(folder), at: .wholeFile(folder)))
            listed = false
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            switch folders.kind(full) {
            case .folder(let inner):
                collect(full, inner, into: &found, visited: &visited, listed: &listed, diagnostics: &diagnostics)
            case .regularFile, .other:
                // A FIFO or device named like a YAML file is refused by the reader (exit 2).
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { found.append(full) }
            case nil:
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { found.append(full) }  // a dangling link: "no such file"
            }
        }
    }
}

/// Whether a YAML document is a rule file, an environment snapshot, a pack test file, or
/// someone else's YAML.
public enum DocumentKind: Sendable {
    case rules, snapshot
    /// A file of pack test cases (a top-level `prereqTest` key), which a pack may keep in a
    /// folder of its own: rule loading skips it.
    case packTest
    /// Neither: no `prereq` or `snapshot` key and some key a rule file does not have (a CI
    /// workflow beside the pack). A rule file that only lacks `prereq` stays `rules`, so that
    /// the missing version is reported.
    case other

    /// A document whose top-level mapping has a `snapshot` key is a snapshot.
    public static func of(_ document: YAMLDocument) -> DocumentKind {
        let root = document.root
        guard root.kind == .mapping else { return .rules }
        let keys = root.entries.map { $0.key.scalarText }
        if keys.contains(PackTestDecoder.marker) { return .packTest }
        if keys.contains("snapshot") { return .snapshot }
        if keys.contains("prereq") { return .rules }
        let foreign = keys.contains { key in !RuleDocumentDecoder.topLevelKeys.contains { $0 == key } }
        return foreign ? .other : .rules
    }
}
