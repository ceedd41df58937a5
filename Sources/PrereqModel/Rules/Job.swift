import Diagnostics

/// What a job does.
public enum JobKind: String, Sendable, Hashable, CaseIterable {
    /// Carries data from headquarters to channels (a CDX download job such as 1110).
    case download
    /// Carries data from channels to headquarters (a CDX upload job such as P).
    case upload
    /// A batch job that runs in headquarters.
    case batch
}

/// A recurring schedule a job must be on.
public struct ScheduleRequirement: Sendable, Hashable {
    /// The longest allowed time between runs; nil when any recurrence will do.
    public var maxInterval: Located<TimeSpan>?
    public var location: SourceLocation

    public init(maxInterval: Located<TimeSpan>? = nil, location: SourceLocation) {
        self.maxInterval = maxInterval
        self.location = location
    }
}

/// A background job of the product.
public struct Job: Sendable, Hashable {
    public var id: Located<String>
    /// The product's short code (`1110`, `P`).
    public var code: Located<String>?
    public var name: LocalizedText?
    /// Former and other names a snapshot may use (a job renamed between product versions).
    public var aliases: [Located<String>]
    public var kind: JobKind?
    /// Tables the job moves or processes.
    public var tables: [Located<String>]
    /// Jobs whose last success must come before this job's last success.
    public var after: [Located<String>]
    /// Jobs whose reaching a state must come before this job's last success (`after` entries
    /// written `{job: A, reached: Applied}`).
    public var afterReached: [JobStateOrder] = []
    /// The job that creates this one (`createdBy`): it does not exist until that job succeeds.
    public var createdBy: Located<String>? = nil
    public var schedule: ScheduleRequirement?
    public var docs: String?
    /// Where a person finds this fact for a snapshot (a workspace, a page, for a record check the
    /// query that counts its rows): shown in snapshot templates.
    public var source: LocalizedText? = nil
    /// A remark for people, shown with answers that involve it.
    public var note: LocalizedText? = nil
    /// When it may run, in local time (`runWindow`): plans wait for the window to open.
    public var runWindow: RunWindow? = nil
    /// `last` and `parameters`: the job's own rules for the plans that run it.
    public var stepRules = StepRules()

    public var location: SourceLocation { id.location }

    public func displayName(in language: String) -> String {
        let name = name?.text(in: language)
        switch (code?.value, name) {
        case let (code?, name?): return "\(code) (\(name))"
        case let (code?, nil): return code
        case let (nil, name?): return name
        default: return id.value
        }
    }

    public init(
        id: Located<String>,
        code: Located<String>? = nil,
        name: LocalizedText? = nil,
        aliases: [Located<String>],
        kind: JobKind? = nil,
        tables: [Located<String>],
        after: [Located<String>],
        schedule: ScheduleRequirement? = nil,
        docs: String? = nil,
        note: LocalizedText? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.tables = tables
        self.after = after
        self.schedule = schedule
        self.docs = docs
        self.note = note
    }
}
