import Foundation
import PrereqBasics
import PrereqModel
import PrereqYAML

/// Big mappings of independent entries (a pack's features, a snapshot's features) decoded in
/// pieces on every core. Each piece starts from the same state and reads its entries through a
/// document handle of its own, so that the threads do not contend for one reference count; the
/// pieces' states come back in entry order for the caller to put together.
enum PiecewiseDecoding {
    static let entriesPerPiece = 4096

    /// The final state of each piece, in order, after `body` ran on each of its entries; nil
    /// when the entries fit in one piece (the caller then decodes them as usual).
    package static func run<State: Sendable>(
        _ entries: [(key: Located<String>, value: YAMLNode)], from start: State,
        _ body: @Sendable (inout State, Located<String>, YAMLNode) -> Void
    ) -> [State]? {
        let pieces = (entries.count + entriesPerPiece - 1) / entriesPerPiece
        guard pieces > 1, let document = entries.first?.value.document else { return nil }
        return ParallelWork.map(count: pieces, workers: ProcessInfo.processInfo.activeProcessorCount) { piece in
            var state = start
            let handle = document.sharedHandle()
            for (key, value) in entries[(piece * entriesPerPiece)..<min((piece + 1) * entriesPerPiece, entries.count)] {
                body(&state, key, value.seen(through: handle))
            }
            return state
        }
    }
}
