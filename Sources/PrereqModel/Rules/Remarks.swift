
/// What a pack says for people about a definition, shown with answers: its `note`, its `docs`
/// link, and for a settle time, where the figure comes from (`settleSource`).
public struct Remarks: Sendable, Hashable {
    public var note: String?
    public var docs: String?
    public var settleSource: String?

    public init(note: String? = nil, docs: String? = nil, settleSource: String? = nil) {
        self.note = note
        self.docs = docs
        self.settleSource = settleSource
    }

    public var isEmpty: Bool { note == nil && docs == nil && settleSource == nil }

    /// These remarks without what `shown` already said (an answer states each remark once).
    public func removing(_ shown: [Remarks]) -> Remarks {
        Remarks(
            note: shown.contains { $0.note == note } ? nil : note, docs: shown.contains { $0.docs == docs } ? nil : docs,
            settleSource: shown.contains { $0.settleSource == settleSource } ? nil : settleSource)
    }
}
