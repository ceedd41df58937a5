import Diagnostics

/// A condition on the product's tables that a snapshot reports counts for, e.g. rows with
/// `OnlineOperationCompleted = 0` that the sync job has not processed yet.
public struct RecordCheck: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText?
    public var tables: [Located<String>]
    /// Field to value, all of which a counted row matches.
    public var condition: [(field: String, value: SettingValue)]
    /// The most rows allowed; 0 means none may be left, `Int.max` that any number may.
    public var maxCount: Int
    /// The fewest rows that must exist (a registration entry); 0 when none need to.
    public var minCount: Int = 0
    /// The fields whose values key the limits (`expect: {max: 1, per: [Profile, Group]}`): the
    /// rows of each table are counted per combination of these fields' values, each within
    /// `minCount`…`maxCount`. Empty: the limits apply to each table's rows as a whole.
    public var per: [Located<String>] = []
    /// The job that clears such rows when it runs.
    public var clearedBy: Located<String>?
    public var docs: String?
    /// Where a person finds this fact for a snapshot (a workspace, a page, for a record check the
    /// query that counts its rows): shown in snapshot templates.
    public var source: LocalizedText? = nil
    /// A remark for people, shown with answers that involve it.
    public var note: LocalizedText? = nil

    public var location: SourceLocation { id.location }

    public func displayName(in language: String) -> String {
        name?.text(in: language) ?? id.value
    }

    public static func == (lhs: RecordCheck, rhs: RecordCheck) -> Bool {
        lhs.id == rhs.id && lhs.tables == rhs.tables && lhs.maxCount == rhs.maxCount && lhs.minCount == rhs.minCount && lhs.per == rhs.per && lhs.clearedBy == rhs.clearedBy
            && lhs.condition.map(\.field) == rhs.condition.map(\.field)
            && lhs.condition.map(\.value) == rhs.condition.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }

    public init(
        id: Located<String>,
        name: LocalizedText? = nil,
        tables: [Located<String>],
        condition: [(field: String, value: SettingValue)],
        maxCount: Int,
        clearedBy: Located<String>? = nil,
        docs: String? = nil,
        note: LocalizedText? = nil
    ) {
        self.id = id
        self.name = name
        self.tables = tables
        self.condition = condition
        self.maxCount = maxCount
        self.clearedBy = clearedBy
        self.docs = docs
        self.note = note
    }
}
