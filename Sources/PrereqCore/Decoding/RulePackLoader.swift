import Diagnostics
import Foundation
import PrereqYAML

/// Reads rule packs from files and folders: every `.yaml`/`.yml` file of a folder (recursively,
/// sorted by path) and every document of a file merge into one `RulePack`.
public struct RulePackLoader: Sendable {
    public var yaml: YAMLLoader
    /// The language schema findings are worded in.
    public var language: Language

    public init(yaml: YAMLLoader = YAMLLoader(), language: Language = .english) {
        self.yaml = yaml
        self.language = language
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
        let expanding = (diagnostics: diagnostics, unreadable: unreadable)
        var merger = RulePackMerger(language: language)
        var snapshots: [YAMLDocument] = []
        var declared: String?
        var decodedWithDefault = false
        var next = files.first.map { yaml.load(path: $0) }
        for (k, file) in files.enumerated() {
            guard let loaded = next else { break }
            let following = k + 1 < files.count ? files[k + 1] : nil
            let yaml = self.yaml
            next = ParallelWork.alongside({
                diagnostics += loaded.diagnostics
                if loaded.hasErrors { unreadable = true }
                if loaded.documents.isEmpty && !loaded.hasErrors {
                    diagnostics.append(.note("empty-file", Messages(language).holdsNoDocument(file), at: .wholeFile(file)))
                }
                for document in loaded.documents {
                    if DocumentKind.of(document) == .snapshot {
                        snapshots.append(document)
                        continue
                    }
                    if declared == nil { declared = Self.declaredDefaultLanguage(document) }
                    if declared == nil { decodedWithDefault = true }
                    let (fragment, found) = RuleDocumentDecoder.decode(document, defaultLanguage: declared ?? "en", language: language)
                    diagnostics += found
                    merger.add(fragment)
                }
            }, { following.map { yaml.load(path: $0) } }).1
        }
        if decodedWithDefault, let declared, declared != "en" {
            return loadAllThenDecode(files, expanding: expanding)
        }
        return Result(
            pack: merger.pack, snapshotDocuments: snapshots, diagnostics: diagnostics + merger.diagnostics, unreadable: unreadable)
    }

    /// Every file read first, then decoded with the default language whichever file declares it.
    private func loadAllThenDecode(_ files: [String], expanding: (diagnostics: [Diagnostic], unreadable: Bool)) -> Result {
        var (diagnostics, unreadable) = expanding
        var documents: [YAMLDocument] = []
        for file in files {
            let loaded = yaml.load(path: file)
            diagnostics += loaded.diagnostics
            if loaded.hasErrors { unreadable = true }
            if loaded.documents.isEmpty && !loaded.hasErrors {
                diagnostics.append(.note("empty-file", Messages(language).holdsNoDocument(file), at: .wholeFile(file)))
            }
            documents += loaded.documents
        }
        var ruleDocuments: [YAMLDocument] = []
        var snapshots: [YAMLDocument] = []
        for d in documents {
            if DocumentKind.of(d) == .snapshot { snapshots.append(d) } else { ruleDocuments.append(d) }
        }
        let (pack, decodeDiagnostics) = Self.decode(ruleDocuments, language: language)
        return Result(
            pack: pack, snapshotDocuments: snapshots, diagnostics: diagnostics + decodeDiagnostics, unreadable: unreadable)
    }

    /// Decodes rule documents and merges them, reporting ids defined twice.
    public static func decode(_ documents: [YAMLDocument], language: Language = .english) -> (RulePack, [Diagnostic]) {
        let defaultLanguage = documents.lazy.compactMap(Self.declaredDefaultLanguage).first ?? "en"
        var merger = RulePackMerger(language: language)
        var diagnostics: [Diagnostic] = []
        for document in documents {
            let (fragment, found) = RuleDocumentDecoder.decode(document, defaultLanguage: defaultLanguage, language: language)
            diagnostics += found
            merger.add(fragment)
        }
        diagnostics += merger.diagnostics
        return (merger.pack, diagnostics)
    }

    /// `pack.defaultLanguage` of a document, read ahead so plain names in every file get it.
    private static func declaredDefaultLanguage(_ document: YAMLDocument) -> String? {
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
    func expand(_ paths: [String], diagnostics: inout [Diagnostic], unreadable: inout Bool) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("io-error", Messages(language).noSuchPath(path), at: .wholeFile(path)))
                unreadable = true
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = fm.enumerator(atPath: path) else {
                diagnostics.append(.error("io-error", Messages(language).cannotListFolder(path), at: .wholeFile(path)))
                unreadable = true
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
                }
            }
            if found.isEmpty {
                diagnostics.append(.warning("empty-folder", Messages(language).holdsNoYAMLFile(path), at: .wholeFile(path)))
            }
            files += found.sorted()
        }
        return files
    }
}

/// Whether a YAML document is a rule file or an environment snapshot.
public enum DocumentKind: Sendable {
    case rules, snapshot

    /// A document whose top-level mapping has a `snapshot` key is a snapshot.
    public static func of(_ document: YAMLDocument) -> DocumentKind {
        let root = document.root
        guard root.kind == .mapping else { return .rules }
        return root.entries.contains { $0.key.scalarText == "snapshot" } ? .snapshot : .rules
    }
}
