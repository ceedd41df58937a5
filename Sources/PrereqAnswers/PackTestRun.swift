import Diagnostics
import Foundation
import PrereqBasics
import PrereqEvaluation
import PrereqGraph
import PrereqLoading
import PrereqMessages
import PrereqModel
import PrereqYAML

/// `prereq test`: reads pack test cases and runs each against the rules, answering with the
/// same library calls `why`, `plan` and `check` use, then compares the answers with what the
/// case expects (docs/pack-tests.md).
public enum PackTestRun {
    /// The cases of every pack test file under the paths, and what reading them found.
    public struct Loaded: Sendable {
        /// Files in path order (folders sorted, recursively), cases in the order written.
        public var cases: [PackTestCase]
        public var diagnostics: [Diagnostic]
        /// False when some file could not be read or understood, or no case was found (exit 2).
        public var usable: Bool
    }

    /// The test folder when none is named: `tests` inside the first rule folder (beside the
    /// first rule file).
    public static func defaultFolder(rules: [String], folders: FolderReader = .fileSystem) -> String {
        let first = rules.first ?? "rules"
        if case .folder = folders.kind(first) { return PackTestDecoder.normalized(first + "/tests") }
        let parent = (first as NSString).deletingLastPathComponent
        return PackTestDecoder.normalized((parent.isEmpty ? "." : parent) + "/tests")
    }

    /// Reads every `.yaml`/`.yml` file under `paths` (hidden ones skipped). Snapshot files kept
    /// beside the cases are skipped; any other document is an error.
    public static func load(paths: [String], language: Language, yaml: YAMLLoader = YAMLLoader()) -> Loaded {
        let messages = Messages(language)
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        let files = RulePackLoader(language: language).expand(paths, diagnostics: &diagnostics, unreadable: &unreadable)
        var cases: [PackTestCase] = []
        for file in files {
            let loaded = yaml.load(path: file)
            diagnostics += loaded.diagnostics
            if loaded.hasErrors { unreadable = true }
            if loaded.documents.isEmpty && !loaded.hasErrors {
                diagnostics.append(.note("empty-file", messages.holdsNoDocument(file), at: .wholeFile(file)))
            }
            for document in loaded.documents {
                switch DocumentKind.of(document) {
                case .packTest:
                    let (found, problems) = PackTestDecoder.decode(document, language: language)
                    cases += found
                    diagnostics += problems
                case .snapshot:
                    continue  // a snapshot the cases name
                case .rules, .other:
                    diagnostics.append(
                        .error("schema-missing", messages.notAPackTestFile(file), at: document.root.location, help: messages.notAPackTestFileHelp))
                }
            }
        }
        let errors = diagnostics.contains { $0.severity == .error }
        if !unreadable && !errors && cases.isEmpty {
            diagnostics.append(.error("schema-missing", messages.noCaseFound(paths), at: nil, help: messages.noCaseFoundHelp))
        }
        return Loaded(cases: cases, diagnostics: diagnostics, usable: !unreadable && !diagnostics.contains { $0.severity == .error })
    }

    /// Runs every case against `rules` (cases in parallel; results in case order).
    public static func run(_ cases: [PackTestCase], rules: LoadedRules, language: Language, jobs: Int = CheckRun.defaultJobs) -> PackTestReport {
        let results = ParallelWork.map(count: cases.count, workers: jobs) { run(cases[$0], rules: rules, language: language) }
        return PackTestReport(cases: results, language: language)
    }

    /// One case: its snapshot read, its assumptions applied, each expected answer computed and
    /// compared.
    public static func run(_ c: PackTestCase, rules: LoadedRules, language: Language) -> PackTestReport.CaseResult {
        var result = PackTestReport.CaseResult(name: c.name.value, location: c.location, outcome: .passed)
        let graph = rules.graph
        let snapshot: Snapshot
        let snapshotFindings: [Diagnostic]
        switch read(c.snapshot, language: language) {
        case .success(let (s, found)): (snapshot, snapshotFindings) = (s, found)
        case .failure(let problems):
            result.outcome = .error(problems.diagnostics)
            return result
        }
        let facts = EnvironmentFacts(snapshot: snapshot, graph: graph, language: language)
        let assumed: Assumptions.Applied
        switch Assumptions.apply(c.assume.map(\.value), to: facts, language: language) {
        case .success(let applied): assumed = applied
        case .failure(let together):
            // Each assumption that cannot be read is blamed where it is written (else the set).
            let alone = c.assume.compactMap { text -> Diagnostic? in
                guard case .failure(var d) = Assumptions.apply([text.value], to: facts, language: language) else { return nil }
                d.location = text.location
                return d
            }
            result.outcome = .error(alone.isEmpty ? [together] : alone)
            return result
        }
        var errors: [Diagnostic] = []
        var mismatches: [PackTestReport.Mismatch] = []
        for e in c.why {
            switch feature(e.feature, in: graph, language: language) {
            case .failure(let d): errors.append(d)
            case .success(let f):
                var evaluator = Evaluator(facts: assumed.facts, language: language)
                mismatches += compare(e, with: evaluator.answer(feature: f))
            }
        }
        if let p = c.plan, let steps = p.steps {
            let found = p.features.map { feature($0, in: graph, language: language) }
            errors += found.compactMap { if case .failure(let d) = $0 { d } else { nil } }
            let indices = found.compactMap { try? $0.get() }
            if indices.count == p.features.count {
                var evaluator = Evaluator(facts: assumed.facts, language: language)
                let plan = evaluator.plan(features: indices)
                mismatches += compare(steps, plan.steps.map(item), field: .planSteps(features: p.features.map(\.value)))
            }
        }
        if let findings = c.check?.findings {
            let actual = Diagnostic.sortedForOutput(snapshotFindings + CheckRun.check(facts: assumed.facts, language: language))
            mismatches += compare(findings, actual.map(item), field: .findings)
        }
        if !errors.isEmpty {
            result.outcome = .error(errors)
        } else if !mismatches.isEmpty {
            result.outcome = .failed(mismatches)
        }
        return result
    }

    /// Diagnostics as an error value.
    struct Problems: Error {
        var diagnostics: [Diagnostic]
    }

    /// The case's one snapshot and what reading it noted (warnings, notes), or why it cannot
    /// be used (each problem with the place the case names the snapshot).
    static func read(_ source: PackTestCase.SnapshotSource, language: Language) -> Result<(Snapshot, [Diagnostic]), Problems> {
        let messages = Messages(language)
        switch source {
        case .inline(let snapshot, let findings):
            let all = findings + EventTimeCheck.run(snapshot, language: language)
            let errors = all.filter { $0.severity == .error }
            return errors.isEmpty ? .success((snapshot, all)) : .failure(Problems(diagnostics: errors))
        case .file(let path):
            let read = SnapshotReader(language: language).read(path: path.value)
            var errors = read.diagnostics.filter { $0.severity == .error }
            if read.unreadable || !errors.isEmpty {
                for i in errors.indices { errors[i].related.append(RelatedLocation(path.location, messages.snapshotOfTheCase)) }
                return .failure(Problems(diagnostics: errors))
            }
            guard read.snapshots.count == 1, let snapshot = read.snapshots.first else {
                return .failure(Problems(diagnostics: [.error("schema-value", messages.caseSnapshotHoldsSeveral(path.value, read.snapshots.count), at: path.location)]))
            }
            return .success((snapshot, read.diagnostics))
        }
    }

    /// A feature named by the case, or the lookup's error at the place it is named.
    static func feature(_ name: Located<String>, in graph: RuleGraph, language: Language) -> Result<Int, Diagnostic> {
        FeatureLookup.find(name.value, in: graph, language: language).mapError { d in
            var located = d
            located.location = name.location
            return located
        }
    }

    // MARK: - Comparing

    static func compare(_ e: WhyExpectation, with answer: FeatureAnswer) -> [PackTestReport.Mismatch] {
        let feature = e.feature.value
        var out: [PackTestReport.Mismatch] = []
        if let verdict = e.verdict, verdict.value != answer.verdict {
            out.append(.init(field: .verdict(feature: feature), location: verdict.location, expected: .verdict(verdict.value), actual: .verdict(answer.verdict)))
        }
        if let causes = e.rootCauses {
            out += compare(causes, answer.rootCauses.map(item), field: .rootCauses(feature: feature))
        }
        if let plan = e.plan {
            out += compare(plan, answer.plan.steps.map(item), field: .whyPlan(feature: feature))
        }
        if let channels = e.channels {
            let actual = answer.channels.map { ChannelVerdictExpectation(channel: $0.channel, verdict: $0.verdict) }
            if Set(channels.value) != Set(actual) || channels.value.count != actual.count {
                out.append(.init(field: .channels(feature: feature), location: channels.location, expected: .channels(channels.value), actual: .channels(actual)))
            }
        }
        return out
    }

    /// The list compared; the actual items shown with a severity only when the case compares one.
    static func compare(_ expected: ListExpectation, _ actual: [ItemPattern], field: PackTestReport.Mismatch.Field) -> [PackTestReport.Mismatch] {
        guard !expected.isMet(by: actual) else { return [] }
        let showsSeverity = expected.items.contains { $0.severity != nil }
        let shown = showsSeverity ? actual : actual.map { var a = $0; a.severity = nil; return a }
        return [.init(field: field, location: expected.location, contains: expected.contains, expected: .items(expected.items), actual: .items(shown))]
    }

    static func item(_ n: ExplanationNode) -> ItemPattern {
        ItemPattern(head: (n.cause ?? .missingData).rawValue, subject: n.subject, channels: n.channels)
    }

    static func item(_ s: PlanStep) -> ItemPattern {
        ItemPattern(head: s.action.rawValue, subject: s.subject, channels: s.details["channels"].map { $0.split(separator: ",").map(String.init) } ?? [])
    }

    static func item(_ d: Diagnostic) -> ItemPattern {
        ItemPattern(head: d.code, subject: d.subject, channels: d.channels, severity: d.severity)
    }
}
