/// Takes the big sections of a document (the mapping under one of `sectionKeys` at its root)
/// in pieces while the file is still being read, so that no node tree of a whole section is
/// ever held. Each piece is a document of its own whose root maps the next entries of the
/// section, in order; in the document the loader returns, the section's node is empty and
/// `isStreamed`.
///
/// A document in which an alias appears once a section was handed over is read again with
/// every section in its tree (an alias could join nodes of two pieces): the sink is told to
/// `abandon` everything it took.
public protocol YAMLSectionSink: AnyObject, Sendable {
    /// The root keys whose mappings may be handed over in pieces.
    var sectionKeys: Set<String> { get }
    /// How many entries a piece holds (the last piece of a section may hold fewer).
    var entriesPerPiece: Int { get }
    /// A section under `key` of the `document`-th document begins. `prefix` is that document
    /// so far: its root maps the entries before the section. False: the section is built into
    /// the tree as usual.
    func sectionBegins(_ key: String, document: Int, prefix: YAMLDocument) -> Bool
    /// The `number`-th piece (from 0) of the section under `key` that began last.
    func take(_ piece: YAMLDocument, section key: String, document: Int, number: Int)
    /// Every piece taken so far is void: the file is read again without the sink.
    func abandon()
}
