import Diagnostics
import PrereqMessages
import PrereqModel

/// The outcome of `prereq test`: each case passed, failed (with what differed) or could not run
/// (with why), in the order the cases were read.
public struct PackTestReport: Sendable {
    /// One expectation that the answer did not meet.
    public struct Mismatch: Sendable {
        /// Which answer, and which part of it.
        public enum Field: Sendable, Hashable {
            case verdict(feature: String)
            case rootCauses(feature: String)
            case whyPlan(feature: String)
            case channels(feature: String)
            case planSteps(features: [String])
            case findings
        }

        /// What was expected, or what the answer gave.
        public enum Value: Sendable {
            case verdict(Verdict)
            case items([ItemPattern])
            case channels([ChannelVerdictExpectation])
        }

        public var field: Field
        /// Where the case file states the expectation.
        public var location: SourceLocation
        /// Whether the expectation was `contains:` (some items, in order) rather than the list.
        public var contains: Bool
        public var expected: Value
        public var actual: Value

        public init(field: Field, location: SourceLocation, contains: Bool = false, expected: Value, actual: Value) {
            self.field = field
            self.location = location
            self.contains = contains
            self.expected = expected
            self.actual = actual
        }
    }

    public enum Outcome: Sendable {
        case passed
        case failed([Mismatch])
        /// The case could not run (its snapshot cannot be used, a name matches nothing).
        case error([Diagnostic])
    }

    public struct CaseResult: Sendable {
        public var name: String
        /// Where the case starts (its file is `location.file`).
        public var location: SourceLocation
        public var outcome: Outcome

        public init(name: String, location: SourceLocation, outcome: Outcome) {
            self.name = name
            self.location = location
            self.outcome = outcome
        }

        public var passed: Bool {
            if case .passed = outcome { return true }
            return false
        }
    }

    public var cases: [CaseResult]
    /// The language of the summary line and of the differences.
    public var language: Language

    public init(cases: [CaseResult], language: Language) {
        self.cases = cases
        self.language = language
    }

    public var passed: Int { cases.filter(\.passed).count }
    public var failed: Int { cases.filter { if case .failed = $0.outcome { true } else { false } }.count }
    public var errors: Int { cases.filter { if case .error = $0.outcome { true } else { false } }.count }

    /// 2 when some case could not run, 1 when some case failed, else 0.
    public var exitCode: Int32 { errors > 0 ? 2 : failed > 0 ? 1 : 0 }

    /// "3 cases, 2 passed, 1 failed".
    public var summaryLine: String {
        Messages(language).packTestSummary(cases: cases.count, passed: passed, failed: failed, errors: errors)
    }
}
