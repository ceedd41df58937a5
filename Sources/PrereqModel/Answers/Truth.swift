
/// The value of a condition: it holds, it does not, or the snapshot lacks the data to tell.
public enum Truth: String, Sendable, Hashable {
    case satisfied, violated, unknown

    /// All must hold: any violation wins, then any unknown.
    @inlinable  // asked for every condition an evaluation builds: specialised where it is called
    public static func all<S: Sequence>(_ values: S) -> Truth where S.Element == Truth {
        var sawUnknown = false
        for v in values {
            if v == .violated { return .violated }
            if v == .unknown { sawUnknown = true }
        }
        return sawUnknown ? .unknown : .satisfied
    }

    /// One must hold: any satisfaction wins, then any unknown.
    @inlinable
    public static func any<S: Sequence>(_ values: S) -> Truth where S.Element == Truth {
        var sawUnknown = false
        var sawAny = false
        for v in values {
            sawAny = true
            if v == .satisfied { return .satisfied }
            if v == .unknown { sawUnknown = true }
        }
        if !sawAny { return .violated }
        return sawUnknown ? .unknown : .violated
    }

    public var negated: Truth {
        switch self {
        case .satisfied: .violated
        case .violated: .satisfied
        case .unknown: .unknown
        }
    }
}

/// The answer to "why can't I enable it / why is it not working".
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case enableable, blocked
    case inEffect = "in-effect"
    case notInEffect = "not-in-effect"
    case unknown
}

/// What kind of fact a root cause is (the JSON contract's `kind`).
public enum CauseKind: String, Sendable, Hashable, CaseIterable {
    case featureOff = "feature-off"
    case featureOn = "feature-on"
    case version, setting
    /// A lifecycle state: a feature only scheduled to be switched on, or one that cannot be
    /// switched off (mandatory, or one-way once on).
    case lifecycle
    /// A feature is on but serves another value than the one needed.
    case value
    case jobNotRun = "job-not-run"
    case jobOrder = "job-order"
    case schedule, records, settling
    /// An attribute of the environment or a channel (region, deployment, …) rules it out.
    case attribute
    /// A manual step (`{manual: id}`) not done, or one the snapshot cannot show.
    case manual
    case missingData = "missing-data"
    /// A plan breaks a rule of its own steps (a `last` step that is not final, a job run that a
    /// later step made stale, a manual step done before the switch it must follow): only in a
    /// plan's verification, never a fact of a snapshot.
    case stepOrder = "step-order"
}

/// What a plan step does (the JSON contract's `action`).
public enum PlanAction: String, Sendable, Hashable, CaseIterable {
    case upgrade, set, disable, enable
    case runJob = "run-job"
    case wait
    case provideData = "provide-data"
    /// A person does something by hand (a manual step, with its text).
    case manual

    /// Steps are performed in this order of actions.
    var rank: Int {
        switch self {
        case .provideData: 0
        case .upgrade: 1
        case .set: 2
        case .disable: 3
        case .manual: 4
        case .enable: 5
        case .runJob: 6
        case .wait: 7
        }
    }
}
