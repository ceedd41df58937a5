import Diagnostics
import Foundation
import PrereqBasics
import PrereqEvaluation
import PrereqGraph
import PrereqMessages
import PrereqModel
import PrereqYAML

/// `prereq check`: evaluates snapshots against a pack. Every enabled feature is checked
/// (prerequisites still on, in effect after its jobs, settling), then job order, recurring
/// schedules and record checks; each root cause becomes a finding at its snapshot line.
public enum CheckRun {
    /// Reports progress: snapshot files done so far, and how many there are.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// The number of workers `run` uses unless told: one per active core.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Checks every snapshot file with up to `jobs` workers in parallel; findings come in the
    /// order of `paths` whatever the number of workers, so the output does not change with it.
    /// `progress` is called (from any worker, one call at a time) after each file.
    public static func run(
        snapshots paths: [String], rules: LoadedRules, language: Language, jobs: Int = defaultJobs,
        progress: Progress? = nil
    ) -> FindingsReport {
        checkAll(paths, rules: rules, firstRead: nil, language: language, jobs: jobs, progress: progress)
    }

    /// Like `run`, with the rules loaded by `loadRules` while the first snapshot file is read
    /// and decoded on a second thread: the two are independent, and for a big pack and snapshot
    /// this hides most of the time spent reading the snapshot (and its YAML is let go before the
    /// pack's is decoded). Errors of `loadRules` pass through.
    public static func run(
        snapshots paths: [String], loadingRules loadRules: () throws -> LoadedRules, language: Language,
        jobs: Int = defaultJobs, progress: Progress? = nil
    ) rethrows -> FindingsReport {
        guard let first = paths.first else {
            return run(snapshots: paths, rules: try loadRules(), language: language, jobs: jobs, progress: progress)
        }
        let (rules, firstRead) = try ParallelWork.alongside(loadRules) { SnapshotReader(language: language).read(path: first) }
        ProcessMemory.returnFreedMemory()
        let report = checkAll(paths, rules: rules, firstRead: consume firstRead, language: language, jobs: jobs, progress: progress)
        // The pack and its graph are let go while the findings are shown (the report holds
        // nothing of them): freeing a big pack takes a while.
        ProcessMemory.letGoInBackground(consume rules)
        return report
    }

    /// Every file checked, `firstRead` being the first one's snapshots when they were read
    /// already (let go once that file is checked, not held while the others are).
    private static func checkAll(
        _ paths: [String], rules: LoadedRules, firstRead: consuming SnapshotReader.Result?, language: Language, jobs: Int,
        progress: Progress?
    ) -> FindingsReport {
        let preloaded = TakeOnce(consume firstRead)
        let results = ParallelWork.map(count: paths.count, workers: jobs, progress: progress) {
            checkFile(paths[$0], graph: rules.graph, language: language, preloaded: $0 == 0 ? preloaded.take() : nil)
        }
        return FindingsReport(findings: results.flatMap(\.findings), unreadable: results.contains { $0.unreadable }, language: language)
    }

    /// The findings for one snapshot file (every document in it), and whether it was unreadable.
    static func checkFile(
        _ path: String, graph: RuleGraph, language: Language, preloaded: SnapshotReader.Result? = nil
    ) -> (findings: [Diagnostic], unreadable: Bool) {
        let read = preloaded ?? SnapshotReader(language: language).read(path: path)
        var findings = read.diagnostics
        if read.unreadable || read.diagnostics.contains(where: { $0.severity == .error }) { return (findings, true) }
        for snapshot in read.snapshots {
            findings += check(snapshot, graph: graph, language: language)
        }
        return (findings, false)
    }

    /// The findings for one snapshot.
    public static func check(_ snapshot: Snapshot, graph: RuleGraph, language: Language) -> [Diagnostic] {
        check(facts: EnvironmentFacts(snapshot: snapshot, graph: graph, language: language), language: language)
    }

    /// The findings for a snapshot's facts (assumptions applied, for a pack test).
    public static func check(facts: EnvironmentFacts, language: Language) -> [Diagnostic] {
        let snapshot = facts.snapshot
        let graph = facts.graph
        var evaluator = Evaluator(facts: facts, language: language)
        evaluator.wordsConditionsThatHold = false
        var out = facts.diagnostics
        // One fact, one finding: a fact met again (a job out of order that several features
        // need, and the job's own check) adds only the places it was met at.
        var seen: [String: Int] = [:]
        var relatedOf: [Int: Set<SourceLocation>] = [:]  // kept only for findings met more than once
        func emit(_ d: Diagnostic) {
            let key = "\(d.code)|\(d.subject ?? "")|\(d.location?.description ?? "")|\(d.message)"
            guard let first = seen[key] else {
                seen[key] = out.count
                out.append(d)
                return
            }
            if relatedOf[first] == nil { relatedOf[first] = Set(out[first].related.map(\.location)) }
            // Mutated in place (`default:`), so that a fact met by every feature stays linear.
            for r in d.related where relatedOf[first, default: []].insert(r.location).inserted { out[first].related.append(r) }
        }
        let messages = Messages(language)
        for d in featureFindings(facts, language: language) { emit(d) }
        for d in previewsInProduction(facts, messages: messages) { emit(d) }
        for d in facts.endOfServiceFindings(messages) { emit(d) }
        for (j, job) in graph.pack.jobs.enumerated() {
            for ref in job.after {
                guard let k = graph.jobIndex[ref.value],
                    let n = evaluator.jobOrderNode(j, after: k, rule: ref.location, reportMissing: false),
                    evaluator.nodes[n].truth == .violated
                else { continue }
                emit(finding(evaluator.nodes[n], about: nil, featureEntry: nil, snapshot: snapshot, messages: messages))
            }
            for i in job.afterReached.indices {
                guard let n = evaluator.stateOrderNode(j, i), evaluator.nodes[n].truth == .violated else { continue }
                for c in evaluator.explanation(root: n).rootCauses where evaluator.nodes[c].truth == .violated {
                    emit(finding(evaluator.nodes[c], about: nil, featureEntry: nil, snapshot: snapshot, messages: messages))
                }
            }
            if let n = evaluator.scheduleNode(j), evaluator.nodes[n].truth != .satisfied {
                emit(finding(evaluator.nodes[n], about: nil, featureEntry: nil, snapshot: snapshot, messages: messages))
            }
        }
        for (r, check) in graph.pack.records.enumerated() {
            let root = evaluator.recordsNode(r, rule: check.location)
            let explanation = evaluator.explanation(root: root)
            for n in explanation.rootCauses {
                var d = finding(explanation.nodes[n], about: nil, featureEntry: nil, snapshot: snapshot, messages: messages)
                // Rows no job clears are not "unprocessed": they are there, and a person fixes them.
                if check.clearedBy == nil, d.code == "records-unprocessed" {
                    d.code = "records-found"
                    d.help = messages.recordsFoundHelp
                }
                emit(d)
            }
            for c in explanation.nodes[root].children where explanation.nodes[c].isNote {
                var d = finding(explanation.nodes[c], about: nil, featureEntry: nil, snapshot: snapshot, messages: messages)
                d.code = "records-waiting"
                d.severity = .note
                emit(d)
            }
        }
        return out
    }

    /// Features in preview that are on in a production environment (`kind: production`): a
    /// warning at the feature's snapshot line.
    static func previewsInProduction(_ facts: EnvironmentFacts, messages: Messages) -> [Diagnostic] {
        guard let kind = facts.snapshot.kind, kind.value.caseInsensitiveCompare("production") == .orderedSame else { return [] }
        return facts.graph.pack.features.indices.compactMap { f in
            let feature = facts.graph.pack.features[f]
            guard let preview = feature.lifecycle.preview, preview.value, facts.isOn(f) == true else { return nil }
            let name = feature.displayName(in: messages.language.tag)
            return Diagnostic(
                code: "preview-in-production", severity: .warning, message: messages.previewInProduction(name),
                location: facts.feature(f)?.enabled?.location ?? facts.feature(f)?.name.location ?? kind.location,
                related: [RelatedLocation(preview.location, messages.previewHere), RelatedLocation(kind.location, messages.environmentKindHere)],
                help: messages.previewInProductionHelp, subject: feature.id.value, subjectName: name)
        }
    }

    /// Enabled features per piece when their checks are spread over the cores.
    static let featuresPerPiece = 4096

    /// The root causes of every enabled feature that is not in effect, in feature order. A big
    /// snapshot's features are checked in pieces on every core, each with an evaluator of its
    /// own (conditions shared between pieces are evaluated once per piece).
    static func featureFindings(_ facts: EnvironmentFacts, language: Language) -> [Diagnostic] {
        let enabled = facts.graph.pack.features.indices.filter { facts.isOn($0) == true }
        let pieces = max(1, (enabled.count + featuresPerPiece - 1) / featuresPerPiece)
        let workers = pieces > 1 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let messages = Messages(language)
        return ParallelWork.map(count: pieces, workers: workers) { piece -> [Diagnostic] in
            var evaluator = Evaluator(facts: facts, language: language)
            evaluator.wordsConditionsThatHold = false
            var out: [Diagnostic] = []
            let channels = facts.channelNames
            for f in enabled[(piece * featuresPerPiece)..<min(enabled.count, (piece + 1) * featuresPerPiece)] {
                // Most features of a big pack need only features that are on: no explanation is
                // built for them, as it would hold no finding.
                if evaluator.isPlainlyInEffect(f) { continue }
                let root = evaluator.explainFeature(f).root
                let featureEntry = facts.feature(f)?.name.location
                // What the findings need is read out of the explanation first: held while
                // `blamedReference` evaluates more of f's requirements, it would share the
                // evaluator's nodes, and the first node added would copy them all. (A block,
                // not a closure: a closure would copy the whole evaluator to read it.)
                let causes: [(Int, ExplanationNode)], causeChannels: [Int: [String]], recommendations: [Recommendation]
                do {
                    let explanation = evaluator.explanation(root: root)
                    causes = explanation.rootCauses.map { ($0, explanation.nodes[$0]) }
                    causeChannels = channels.isEmpty ? [:] : explanation.someChannelsOfCauses(channels)
                    recommendations = evaluator.recommendations(in: explanation)
                }
                for (n, cause) in causes {
                    var node = cause
                    if isEnvironmentFact(node, graph: facts.graph) {
                        // Not the feature's own: stated once for the environment, with where
                        // the feature stands in the snapshot.
                        var d = finding(node, about: nil, featureEntry: nil, snapshot: facts.snapshot, messages: messages)
                        if let featureEntry, featureEntry != d.location {
                            d.related.append(RelatedLocation(featureEntry, messages.aFeatureThatNeedsIt))
                        }
                        out.append(d)
                        continue
                    }
                    // A condition shared by several features keeps the rule of the first that
                    // needed it; the finding for f points at f's own reference when it has one
                    // (the occurrence the evaluation blamed, when f names the feature twice).
                    if node.cause == .featureOff || node.cause == .featureOn, let subject = node.subject,
                        let own = blamedReference(to: subject, in: f, &evaluator)
                    {
                        node.evidence.rule = own
                    }
                    var d = finding(
                        node, about: messages.featureLabel(evaluator.featureName(f)), featureEntry: featureEntry, snapshot: facts.snapshot,
                        messages: messages)
                    if let some = causeChannels[n] {
                        d.channels = some
                        // A fact that names no channel itself (a feature off) says which it blocks.
                        if node.channels.isEmpty { d.message += messages.inChannels(d.channels) }
                    }
                    out.append(d)
                }
                for r in recommendations {
                    out.append(recommendationFinding(r, featureEntry: featureEntry, snapshot: facts.snapshot, messages: messages))
                }
            }
            return out
        }.flatMap { $0 }
    }

    /// Whether a root cause is a fact of the environment rather than of the feature that met it:
    /// a job out of order, a job short of a state or not created yet, a schedule, a record check, a manual step, data missing about a job
    /// or the environment (its product version). Such a fact is one finding however many
    /// features need it.
    static func isEnvironmentFact(_ node: ExplanationNode, graph: RuleGraph) -> Bool {
        if node.isAboutJobs { return true }
        switch node.cause {
        case .jobOrder?, .schedule?, .records?, .manual?: return true
        case .missingData?:
            guard let subject = node.subject else { return true }
            return graph.featureIndex[subject] == nil && (graph.jobIndex[subject] != nil || graph.recordIndex[subject] != nil)
        default: return false
        }
    }

    /// Where feature `f` itself names the feature `id` in a part that fails: the first such
    /// reference outside every any-of or `not` that holds (another occurrence of `id` may sit
    /// in an any-of met by a sibling), else the first in its conflicts.
    static func blamedReference(to id: String, in f: Int, _ evaluator: inout Evaluator) -> SourceLocation? {
        let feature = evaluator.facts.graph.pack.features[f]
        var found: SourceLocation?
        func walk(_ r: Requirement) {
            guard found == nil else { return }
            switch r {
            case .feature(let ref):
                if ref.value == id { found = ref.location }
            case .allOf(let parts, _):
                parts.forEach(walk)
            case .anyOf(let parts, _):
                if evaluator.nodes[evaluator.requirementNode(r, owner: f)].truth != .satisfied { parts.forEach(walk) }
            case .not(let part, _):
                if evaluator.nodes[evaluator.requirementNode(r, owner: f)].truth != .satisfied { walk(part) }
            case .value(let c): if case .feature(let ref) = c.subject, ref.value == id { found = ref.location }
            case .count(let parts, _, _, _):
                if evaluator.nodes[evaluator.requirementNode(r, owner: f)].truth != .satisfied { parts.forEach(walk) }
            case .when(_, let then, _):
                // Only what applies is blamed, never the condition.
                if evaluator.nodes[evaluator.requirementNode(r, owner: f)].truth != .satisfied { walk(then) }
            case .eachChannel(let part, _, _):
                if evaluator.nodes[evaluator.requirementNode(r, owner: f)].truth != .satisfied { walk(part) }
            case .recommended, .gate:
                break
            }
        }
        if let requires = feature.requires { walk(requires) }
        return found ?? feature.conflicts.first { $0.value == id }?.location
    }

    /// A recommendation that does not hold: a warning at the snapshot line of its first cause.
    static func recommendationFinding(_ r: Recommendation, featureEntry: SourceLocation?, snapshot: Snapshot, messages: Messages) -> Diagnostic {
        var related: [RelatedLocation] = []
        if let rule = r.evidence.rule { related.append(RelatedLocation(rule, messages.ruleThatDemandsIt)) }
        let cause = r.causes.first
        return Diagnostic(
            code: "recommendation-unmet", severity: .warning, message: "\(messages.featureLabel(r.featureName)): \(r.message)",
            location: cause?.evidence.snapshot ?? featureEntry ?? snapshot.location, related: related,
            help: r.steps.first.map { "\(messages.optionalStep): \($0.message)" }, subject: cause?.subject, subjectName: cause?.subjectName)
    }

    /// The finding code and severity for each kind of root cause.
    static func classify(_ cause: CauseKind?) -> (String, Severity) {
        switch cause {
        case .featureOff?: ("prerequisite-off", .error)
        case .featureOn?: ("conflict-on", .error)
        case .version?: ("version-too-old", .error)
        case .setting?: ("setting-mismatch", .error)
        case .value?: ("value-mismatch", .error)
        case .attribute?: ("not-available", .error)
        case .lifecycle?: ("lifecycle", .error)
        case .jobNotRun?: ("job-not-run", .error)
        case .jobOrder?: ("job-order", .error)
        case .schedule?: ("schedule", .error)
        case .records?: ("records-unprocessed", .error)
        case .manual?: ("manual-step-undone", .error)
        case .settling?: ("settling", .note)
        // Only a plan's verification has it; were a check to meet it, it is about job order.
        case .stepOrder?: ("job-order", .error)
        case .missingData?, nil: ("missing-data", .warning)
        }
    }

    static func finding(
        _ node: ExplanationNode, about feature: String?, featureEntry: SourceLocation?, snapshot: Snapshot, messages: Messages
    ) -> Diagnostic {
        var (code, severity) = classify(node.cause)
        // Rows that must exist and do not: a person creates them (the step says which; one
        // that removes rows beyond a maximum says how many).
        if node.cause == .records, node.fix.contains(where: { $0.details["records"] != nil && $0.details["remove"] == nil }) { code = "records-missing" }
        // A manual step the snapshot cannot show (or not yet): worth a note, never a blocker.
        if node.cause == .manual, node.truth == .unknown { (code, severity) = ("manual-step-unchecked", .note) }
        var related: [RelatedLocation] = []
        if let rule = node.evidence.rule { related.append(RelatedLocation(rule, messages.ruleThatDemandsIt)) }
        if let featureEntry, featureEntry != node.evidence.snapshot {
            related.append(RelatedLocation(featureEntry, messages.featureInTheSnapshot))
        }
        let message = feature.map { "\($0): \(node.message)" } ?? node.message
        return Diagnostic(
            code: code, severity: severity, message: message,
            location: node.evidence.snapshot ?? featureEntry ?? snapshot.location, related: related,
            help: node.fix.first?.message, subject: node.subject, subjectName: node.subjectName)
    }
}

/// A value handed to the first that takes it, and let go by this holder then.
private final class TakeOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    init(_ value: consuming Value?) { self.value = value }

    func take() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return value.take()
    }
}
