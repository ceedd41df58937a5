import Foundation
import PrereqYAML

/// Decodes the big sections of a file while the file is still being read: each piece the
/// loader hands over (see `YAMLSectionSink`) is decoded on a worker thread as soon as it is
/// built, and its nodes are let go, so that no tree of a whole section is held. `State` is a
/// document decoder: a section's pieces start from the state `begin` gives, and each comes
/// back as the state after decoding it, for the document's decoder to put together in order.
package final class SectionPieceDecoding<State: Sendable>: YAMLSectionSink, @unchecked Sendable {
    package let sectionKeys: Set<String>
    package let entriesPerPiece = PiecewiseDecoding.entriesPerPiece
    /// Pieces decoded or being decoded at most: a bound on the nodes held at once.
    private static var piecesInFlight: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) + 1 }

    private let begin: @Sendable (_ key: String, _ prefix: YAMLDocument) -> State?
    private let decode: @Sendable (_ piece: YAMLDocument, _ key: String, _ start: State) -> State
    private let lock = NSLock()
    private let work = DispatchGroup()
    private let slots = DispatchSemaphore(value: piecesInFlight)
    /// Per document, the state its current section's pieces start from.
    private var sectionStart: [Int: State] = [:]
    /// Per document and section, the decoded pieces by number.
    private var decoded: [Int: [String: [Int: State]]] = [:]

    /// `begin` gives the state a section's pieces start from, seeing the document before the
    /// section, or nil to leave the section in the tree; `decode` decodes one piece.
    init(
        sections: some Sequence<String>, begin: @escaping @Sendable (_ key: String, _ prefix: YAMLDocument) -> State?,
        decode: @escaping @Sendable (_ piece: YAMLDocument, _ key: String, _ start: State) -> State
    ) {
        sectionKeys = Set(sections)
        self.begin = begin
        self.decode = decode
    }

    package func sectionBegins(_ key: String, document: Int, prefix: YAMLDocument) -> Bool {
        guard let start = begin(key, prefix) else { return false }
        lock.withLock { sectionStart[document] = start }
        return true
    }

    package func take(_ piece: YAMLDocument, section key: String, document: Int, number: Int) {
        guard let start = lock.withLock({ sectionStart[document] }) else { return }
        slots.wait()
        DispatchQueue.global().async(group: work) { [self] in
            let state = decode(piece, key, start)
            lock.withLock { decoded[document, default: [:]][key, default: [:]][number] = state }
            slots.signal()
        }
    }

    package func abandon() {
        work.wait()
        lock.withLock { decoded = [:] }
    }

    /// The decoded pieces of the `document`-th document's sections, in order, handed over
    /// (they are not kept here).
    package func takePieces(of document: Int) -> [String: [State]] {
        work.wait()
        let sections = lock.withLock { decoded.removeValue(forKey: document) ?? [:] }
        return sections.mapValues { byNumber in byNumber.sorted { $0.key < $1.key }.map(\.value) }
    }
}
