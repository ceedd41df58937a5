import Diagnostics
import PrereqEvaluation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// What-if: facts assumed on top of a snapshot (`--assume`), each written as a person says it:
///
/// - `FEATURE=on` / `FEATURE=off`: switched at the snapshot's moment (what it needs is not
///   checked: it is assumed);
/// - `SETTING=VALUE`, or `SETTING@CHANNEL=VALUE` for one channel: set (and changed) then;
/// - `job JOB ran`, `job JOB ran at TIME`, `job JOB ran at TIME in CHANNEL`: a success then;
/// - `version=10.0.40`: the product runs that version.
///
/// Names are ids, display names (any language) or aliases, as everywhere. The answer is then
/// given as if they held; "now" stays the snapshot's moment.
public enum Assumptions {
    public struct Applied: Sendable {
        public var facts: EnvironmentFacts
        /// Each assumption in words, in the order given.
        public var described: [String]
    }

    public static func apply(_ texts: [String], to facts: EnvironmentFacts, language: Language) -> Result<Applied, Diagnostic> {
        let messages = Messages(language)
        let graph = facts.graph
        guard let now = facts.snapshot.takenAt?.value else { return .success(Applied(facts: facts, described: [])) }
        var simulator = PlanSimulator(facts: facts, language: language)
        simulator.checksSwitches = false
        var described: [String] = []
        for text in texts {
            switch parse(text, graph: graph, now: now, messages: messages) {
            case .failure(let d): return .failure(d)
            case .success(let (step, moment, words)):
                simulator.perform(step, at: moment)
                described.append(words)
            }
        }
        // Each step was performed at its own moment and the clock put back: "now" is the snapshot's.
        return .success(Applied(facts: simulator.end, described: described))
    }

    /// One assumption as the step that makes it hold, the moment of that step, and its words.
    private static func parse(_ raw: String, graph: RuleGraph, now: Timestamp, messages: Messages) -> Result<(PlanStep, Timestamp, String), Diagnostic> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let bad = { Diagnostic.error("bad-assumption", messages.assumptionUnreadable(raw), at: nil, help: messages.assumptionForms) }
        if text.lowercased().hasPrefix("job ") {
            // job NAME ran [at TIME] [in CHANNEL]
            var rest = String(text.dropFirst(4))
            var channel: String?
            if let r = rest.range(of: " in ", options: .backwards) {
                channel = String(rest[r.upperBound...]).trimmingCharacters(in: .whitespaces)
                rest = String(rest[..<r.lowerBound])
            }
            var moment = now
            if let r = rest.range(of: " ran at ", options: [.backwards, .caseInsensitive]) {
                guard let t = Timestamp.parse(String(rest[r.upperBound...]).trimmingCharacters(in: .whitespaces))?.timestamp else { return .failure(bad()) }
                moment = t
                rest = String(rest[..<r.lowerBound])
            } else if rest.lowercased().hasSuffix(" ran") {
                rest = String(rest.dropLast(4))
            } else {
                return .failure(bad())
            }
            let name = rest.trimmingCharacters(in: .whitespaces)
            let matches = graph.jobNames.lookup(name)
            guard matches.count == 1, let j = matches.first else {
                return .failure(.error("unknown-reference", messages.assumptionUnknown(.job, name, suggestion: graph.jobNames.suggestion(for: name)), at: nil))
            }
            let job = graph.pack.jobs[j]
            var details: [String: String] = [:]
            if let channel { details["channels"] = channel }
            let jobName = job.displayName(in: messages.language.tag)
            return .success((PlanStep(action: .runJob, subject: job.id.value, subjectName: jobName, message: "", details: details), moment,
                             messages.assumedRun(jobName, at: moment, in: channel)))
        }
        guard let eq = text.lastIndex(of: "=") else { return .failure(bad()) }
        var name = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let value = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !value.isEmpty else { return .failure(bad()) }
        if name.lowercased() == "version" {
            guard let v = ProductVersion(value) else { return .failure(bad()) }
            return .success((PlanStep(action: .upgrade, subject: nil, subjectName: nil, message: "", details: ["version": v.description]), now, messages.assumedVersion(v)))
        }
        let features = graph.featureNames.lookup(name)
        if features.count == 1, let f = features.first {
            guard let on = switchWord(value) else { return .failure(bad()) }
            let feature = graph.pack.features[f]
            let featureName = feature.displayName(in: messages.language.tag)
            return .success((PlanStep(action: on ? .enable : .disable, subject: feature.id.value, subjectName: featureName, message: ""), now,
                             messages.assumedSwitch(featureName, on: on)))
        }
        var channel: String?
        if let at = name.lastIndex(of: "@") {
            channel = String(name[name.index(after: at)...]).trimmingCharacters(in: .whitespaces)
            name = String(name[..<at]).trimmingCharacters(in: .whitespaces)
        }
        let settings = graph.settingNames.lookup(name)
        guard settings.count == 1, let s = settings.first else {
            return .failure(.error("unknown-reference", messages.assumptionUnknown(.feature, name, suggestion: graph.featureNames.suggestion(for: name) ?? graph.settingNames.suggestion(for: name)), at: nil))
        }
        let setting = graph.pack.settings[s]
        var details = ["value": value]
        if let channel { details["channels"] = channel }
        let settingName = setting.displayName(in: messages.language.tag)
        return .success((PlanStep(action: .set, subject: setting.id.value, subjectName: settingName, message: "", details: details), now,
                         messages.assumedSetting(settingName, value, in: channel)))
    }

    private static func switchWord(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "on", "true", "yes", "enabled": true
        case "off", "false", "no", "disabled": false
        default: nil
        }
    }
}
