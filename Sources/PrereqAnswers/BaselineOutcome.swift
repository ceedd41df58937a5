import Diagnostics

/// What applying a baseline did.
public struct BaselineOutcome: Sendable, Hashable {
    /// Findings the baseline accepted (not reported).
    public var suppressed: Int
    /// Baseline entries that matched no finding (fixed since; the baseline can be rewritten).
    public var unmatched: Int
    /// The baseline file, when read from one.
    public var file: String?

    public init(suppressed: Int, unmatched: Int, file: String? = nil) {
        self.suppressed = suppressed
        self.unmatched = unmatched
        self.file = file
    }

    /// `{"file", "suppressed", "unmatched"}` as the JSON summary shows it.
    public var json: JSONValue {
        .object([("file", .string(file)), ("suppressed", .int(suppressed)), ("unmatched", .int(unmatched))])
    }

    /// "baseline .prereq-baseline.json: 3 findings suppressed, 1 entry no longer matches".
    public var sentence: String {
        let s = "\(suppressed) finding\(suppressed == 1 ? "" : "s") suppressed"
        let u = "\(unmatched) entr\(unmatched == 1 ? "y no longer matches" : "ies no longer match")"
        return "baseline\(file.map { " " + $0 } ?? ""): \(s), \(u)"
    }
}
