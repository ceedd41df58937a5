import Foundation
import PrereqMessages
import PrereqYAML

/// Decodes the definition sections of a rule file while the file is still being read: each
/// piece the loader hands over (see `YAMLSectionSink`) is decoded on a worker thread as soon
/// as it is built, and its nodes are let go, so that no tree of a whole section is held.
///
/// A piece is decoded with the default language known when its section began: the one an
/// earlier file declared, or the one the document's `pack` declares before the section. The
/// loader compares that with what decoding the whole document settles on, and reads the file
/// again with its trees whole when they differ (or when the document turns out to be a
/// snapshot).
final class StreamedRuleSections: YAMLSectionSink, @unchecked Sendable {
    let sectionKeys = Set(RuleDocumentDecoder.definitionSections.keys)
    let entriesPerPiece = PiecewiseDecoding.entriesPerPiece
    /// Pieces decoded or being decoded at most: a bound on the nodes held at once.
    private static let piecesInFlight = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)

    private let declaredLanguage: String?
    private let language: Language
    private let lock = NSLock()
    private let work = DispatchGroup()
    private let slots = DispatchSemaphore(value: piecesInFlight)
    /// One decoder state every piece starts from: copies share its table of identifiers.
    private let start: RuleDocumentDecoder
    /// Per document, the start of its current section's pieces (its default language chosen).
    private var sectionStart: [Int: RuleDocumentDecoder] = [:]
    /// Per document and section, the decoded pieces by number.
    private var decoded: [Int: [String: [Int: RuleDocumentDecoder]]] = [:]

    /// `declaredLanguage`: the pack's default language as declared by files read before, if any.
    init(declaredLanguage: String?, language: Language) {
        self.declaredLanguage = declaredLanguage
        self.language = language
        start = RuleDocumentDecoder(nodeCount: 0, language: language)
    }

    func sectionBegins(_ key: String, document: Int, prefix: YAMLDocument) -> Bool {
        // A snapshot or a pack test keeps its tree: lint checks the one, `prereq test` reads the other.
        guard DocumentKind.of(prefix) == .rules else { return false }
        var pieceStart = start
        pieceStart.defaultLanguage = RulePackLoader.declaredDefaultLanguage(prefix) ?? declaredLanguage ?? "en"
        lock.withLock { sectionStart[document] = pieceStart }
        return true
    }

    func take(_ piece: YAMLDocument, section key: String, document: Int, number: Int) {
        guard let from = lock.withLock({ sectionStart[document] }) else { return }
        slots.wait()
        DispatchQueue.global().async(group: work) { [self] in
            let decoder = RuleDocumentDecoder.decodePiece(piece, section: key, from: from)
            lock.withLock { decoded[document, default: [:]][key, default: [:]][number] = decoder }
            slots.signal()
        }
    }

    func abandon() {
        work.wait()
        lock.withLock { decoded = [:] }
    }

    /// The decoded pieces of the `document`-th document's sections, in order, handed over
    /// (they are not kept here).
    func takePieces(of document: Int) -> [String: [RuleDocumentDecoder]] {
        work.wait()
        let sections = lock.withLock { decoded.removeValue(forKey: document) ?? [:] }
        return sections.mapValues { byNumber in byNumber.sorted { $0.key < $1.key }.map(\.value) }
    }
}
