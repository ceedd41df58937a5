import Diagnostics

/// Something a person does by hand that a requirement can need (`manualSteps`; `{manual: id}`
/// in `requires`): registering an app, signing an agreement. With `confirmedBy`, a condition the
/// snapshot can report says whether it was done; without, no snapshot can show it, so the
/// requirement is never known to hold and the plan asks for the step with its text.
public struct ManualStep: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText?
    /// What the person does, in words.
    public var text: LocalizedText
    /// A condition of the one grammar that holds once the step was done (it names no manual step).
    public var confirmedBy: Requirement?
    public var docs: String?
    /// A remark for people, shown with answers that involve it.
    public var note: LocalizedText?
    /// `last` and `parameters`: the step's own rules for the plans that contain it.
    public var stepRules = StepRules()
    public var location: SourceLocation

    public init(
        id: Located<String>, name: LocalizedText? = nil, text: LocalizedText, confirmedBy: Requirement? = nil, docs: String? = nil,
        note: LocalizedText? = nil, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.text = text
        self.confirmedBy = confirmedBy
        self.docs = docs
        self.note = note
        self.location = location
    }

    public func displayName(in language: String) -> String {
        name?.text(in: language) ?? id.value
    }
}
