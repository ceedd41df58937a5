import Diagnostics

/// A pack test case (`prereq test`, docs/pack-tests.md): a snapshot, what-if assumptions on
/// top of it, and the answers `why`, `plan` and `check` are expected to give. Every expectation
/// keeps its place in the case file, so that a failure points at the line that expected it.
public struct PackTestCase: Sendable {
    /// Where the snapshot comes from.
    public enum SnapshotSource: Sendable {
        /// A snapshot file (with one snapshot), the path already resolved against the case file.
        case file(Located<String>)
        /// A snapshot written in the case file itself, with what decoding it noted (warnings
        /// and notes; errors make the case file unusable).
        case inline(Snapshot, findings: [Diagnostic])
    }

    public var name: Located<String>
    /// Where the case starts in its file.
    public var location: SourceLocation
    public var snapshot: SnapshotSource
    /// `--assume` texts, each where it is written.
    public var assume: [Located<String>] = []
    /// One expectation per feature asked about, in the order written.
    public var why: [WhyExpectation] = []
    public var plan: PlanExpectation?
    public var check: CheckExpectation?

    public init(name: Located<String>, location: SourceLocation, snapshot: SnapshotSource) {
        self.name = name
        self.location = location
        self.snapshot = snapshot
    }

    /// Whether the case expects anything at all (a case that expects nothing tests nothing).
    public var expectsSomething: Bool {
        why.contains { $0.expectsSomething } || plan?.steps != nil || check?.findings != nil
    }
}

/// What `prereq why FEATURE` is expected to answer.
public struct WhyExpectation: Sendable {
    /// The feature as the case names it (id, display name or alias), where it is named.
    public var feature: Located<String>
    public var verdict: Located<Verdict>?
    public var rootCauses: ListExpectation?
    public var plan: ListExpectation?
    /// The verdict in each channel, every channel the answer names (in any order).
    public var channels: Located<[ChannelVerdictExpectation]>?

    public init(feature: Located<String>) {
        self.feature = feature
    }

    public var expectsSomething: Bool { verdict != nil || rootCauses != nil || plan != nil || channels != nil }
}

/// One channel's expected verdict.
public struct ChannelVerdictExpectation: Sendable, Hashable {
    public var channel: String
    public var verdict: Verdict

    public init(channel: String, verdict: Verdict) {
        self.channel = channel
        self.verdict = verdict
    }
}

/// What `prereq plan FEATURE…` is expected to answer.
public struct PlanExpectation: Sendable {
    public var features: [Located<String>]
    public var location: SourceLocation
    public var steps: ListExpectation?

    public init(features: [Located<String>], location: SourceLocation) {
        self.features = features
        self.location = location
    }
}

/// What `prereq check` is expected to find in the case's snapshot.
public struct CheckExpectation: Sendable {
    public var location: SourceLocation
    public var findings: ListExpectation?

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// An expected list (root causes, plan steps, findings): exactly these items in this order, or
/// (`contains`) at least these, in this order, with others allowed between them.
public struct ListExpectation: Sendable {
    public var items: [ItemPattern]
    public var contains: Bool
    public var location: SourceLocation

    public init(items: [ItemPattern], contains: Bool, location: SourceLocation) {
        self.items = items
        self.contains = contains
        self.location = location
    }
}

/// One item of an answer as the JSON output names it: a cause's `kind`, a step's `action` or a
/// finding's `code` (the head), then what is compared only when given.
public struct ItemPattern: Sendable, Hashable {
    public var head: String
    public var subject: String?
    /// Compared as a set.
    public var channels: [String]?
    /// Findings only.
    public var severity: Severity?

    public init(head: String, subject: String? = nil, channels: [String]? = nil, severity: Severity? = nil) {
        self.head = head
        self.subject = subject
        self.channels = channels
        self.severity = severity
    }

    /// Whether an actual item (whose every field is known) matches this pattern.
    public func matches(_ actual: ItemPattern) -> Bool {
        head == actual.head && (subject == nil || subject == actual.subject)
            && (channels == nil || channels.map { Set($0) } == Set(actual.channels ?? []))
            && (severity == nil || severity == actual.severity)
    }

    /// `head subject`, then the channels in parentheses: the form a case file may write it in.
    public var text: String {
        var out = head
        if let subject { out += " " + subject }
        if let channels, !channels.isEmpty { out += " (" + channels.joined(separator: ", ") + ")" }
        if let severity { out += " [" + severity.rawValue + "]" }
        return out
    }
}

extension ListExpectation {
    /// Whether `actual` meets the expectation: the same length, item by item; or, with
    /// `contains`, every expected item matched in order by a later actual item.
    public func isMet(by actual: [ItemPattern]) -> Bool {
        if !contains {
            return items.count == actual.count && zip(items, actual).allSatisfy { $0.matches($1) }
        }
        var next = actual.startIndex
        for pattern in items {
            guard let found = actual[next...].firstIndex(where: pattern.matches) else { return false }
            next = found + 1
        }
        return true
    }
}
