import Foundation
import Diagnostics
import PrereqGraph
import PrereqMessages
import PrereqModel

/// What a plan leads to when it is performed: its steps applied to the snapshot in order and
/// the goal evaluated again.
public struct PlanVerification: Sendable {
    public enum Outcome: String, Sendable {
        /// Every goal feature is on and in effect at the end.
        case reachesGoal = "reaches-goal"
        /// The plan asks for data first; it cannot be simulated until the data is there.
        case needsData = "needs-data"
        /// Some condition is still unmet at the end.
        case fails
    }

    public var outcome: Outcome
    /// Each goal feature with its verdict at the end.
    public var endVerdicts: [(feature: String, featureName: String, verdict: Verdict)]
    /// The conditions still unmet at the end (the end state's root causes), each once.
    public var unmet: [ExplanationNode]
    /// "Now" after the last step.
    public var endTime: Timestamp?
    /// When no plan reaches the goal: what the search could not fix, worded.
    public var cannotFix: [String] = []
    /// The manual steps of the plan, which the simulation could only take on trust.
    public var takenOnTrust: [PlanStep] = []

    public var reachesGoal: Bool { outcome == .reachesGoal }
}

/// Performs a plan on a copy of the snapshot: a switch sets `enabled` and `enabledAt` at the
/// step's moment (and switches on what the feature also enables, transitively), a job run sets its last
/// success (per channel where the step names channels; a run to a state sets `status`, and
/// `firstAppliedAt` the first time it is `Applied`), a setting step sets the value and the
/// moment it changed (per channel where given; a feature's `set` step sets the value it serves), a schedule step puts the job on its schedule, `upgrade` sets the
/// version (and, for the product, when it was installed), `wait` moves the clock (and Feature management switches on what is scheduled by
/// then), a manual step is taken as done (on trust). Each step happens one second after the
/// one before, so a job run comes after every earlier step. `provide-data` cannot be performed;
/// one that asks a person to choose a value leaves that value unknown. A feature that cannot be
/// switched off stays on.
public struct PlanSimulator {
    public let facts: EnvironmentFacts
    /// The language of what stood in the way of a switch.
    public let language: Language
    private let graph: RuleGraph
    /// The environment as the steps so far left it (its `facts`), with what it found at the
    /// last switch: a switch forgets that and asks again, without binding names anew.
    private var evaluator: Evaluator
    private var clock: Timestamp
    /// Whether a step asked for data the simulation cannot invent.
    public private(set) var needsData = false
    /// Switches that could not be made at their moment: what stood in the way.
    public private(set) var blocked: [ExplanationNode] = []
    /// Whether a switch was made while something it needs certainly did not hold.
    public private(set) var switchCertainlyBlocked = false
    /// Whether a switch checks what the feature needs first (off to see what a switch alone does).
    package var checksSwitches = true
    /// The record checks whose counts a step made unknown (a run of the job that processes
    /// their rows, rows a person creates): only a new snapshot can tell what they are.
    public private(set) var recountedChecks = Set<String>()

    private var here: SourceLocation { facts.snapshot.takenAt?.location ?? facts.snapshot.location }

    public init(facts: EnvironmentFacts, language: Language = .english) {
        self.facts = facts
        self.language = language
        graph = facts.graph
        var simulated = facts
        simulated.diagnostics = []
        evaluator = Evaluator(facts: simulated, language: language)
        evaluator.wordsConditionsThatHold = false
        clock = facts.snapshot.takenAt?.value ?? Timestamp(secondsSinceEpoch: 0)
    }

    /// The simulation after `steps`: its `end` is the environment, with "now" after the last one.
    public static func endState(of steps: [PlanStep], from facts: EnvironmentFacts, language: Language = .english) -> PlanSimulator {
        var simulator = PlanSimulator(facts: facts, language: language)
        for step in steps { simulator.perform(step) }
        return simulator
    }

    /// Performs `steps` and evaluates each goal feature again: on and in effect is the goal.
    public static func verify(_ steps: [PlanStep], goals: [Int], from facts: EnvironmentFacts, language: Language) -> PlanVerification {
        let simulator = endState(of: steps, from: facts, language: language)
        let (end, needsData, blocked) = (simulator.end, simulator.needsData, simulator.blocked)
        var evaluator = Evaluator(facts: end, language: language)
        evaluator.wordsConditionsThatHold = false  // only what is still unmet is shown
        var verdicts: [(String, String, Verdict)] = []
        var unmet: [ExplanationNode] = []
        var said = Set<String>()
        // A plan that breaks its steps' own rules is a defect, whatever its end state.
        let defects = PlanStepRules.defects(of: steps, evaluator: evaluator)
        for node in blocked + defects where said.insert(node.message).inserted { unmet.append(node) }
        var seen = Set<Int>()
        var allInEffect = blocked.isEmpty && defects.isEmpty
        // Data can settle what is unknown, never what is certainly wrong.
        var certainlyWrong = simulator.switchCertainlyBlocked || !defects.isEmpty
        for f in goals {
            let (verdict, root) = evaluator.explainFeature(f)
            verdicts.append((end.graph.pack.features[f].id.value, evaluator.featureName(f), verdict))
            if verdict != .inEffect { allInEffect = false }
            if verdict != .inEffect && verdict != .unknown { certainlyWrong = true }
            for n in evaluator.explanation(root: root).rootCauses where seen.insert(n).inserted && said.insert(evaluator.nodes[n].message).inserted {
                unmet.append(evaluator.nodes[n])
            }
            if end.isOn(f) != true, verdict == .enableable {
                unmet.append(ExplanationNode(
                    truth: .violated, cause: .featureOff, subject: end.graph.pack.features[f].id.value, subjectName: evaluator.featureName(f),
                    message: evaluator.messages.featureOn(evaluator.featureName(f), .violated), evidence: Evidence(), children: [], fix: [], chosen: nil, cost: 0))
            }
        }
        // Counts a step made unknown are data to provide too, once the goal depends on them.
        let recounted = unmet.contains { $0.truth == .unknown && simulator.recountedChecks.contains($0.subject ?? "") }
        let outcome: PlanVerification.Outcome = allInEffect ? .reachesGoal : (needsData || recounted) && !certainlyWrong ? .needsData : .fails
        var verification = PlanVerification(outcome: outcome, endVerdicts: verdicts, unmet: unmet, endTime: end.snapshot.takenAt?.value)
        verification.takenOnTrust = steps.filter { $0.action == .manual }
        return verification
    }

    /// The environment as the steps so far left it.
    public var end: EnvironmentFacts {
        var end = evaluator.facts
        end.snapshot.takenAt = Located(clock, at: here)
        return end
    }

    /// Performs one step at `moment` (a fact assumed to have happened then), the clock then
    /// back where it was.
    public mutating func perform(_ step: PlanStep, at moment: Timestamp) {
        let kept = clock
        clock = moment
        perform(step)
        clock = kept
    }

    /// Performs one step at the current moment, then moves the clock on by a second.
    public mutating func perform(_ step: PlanStep) {
        let moment = clock
        let subject = step.subject ?? ""
        switch step.action {
        case .enable:
            guard let f = graph.featureIndex[subject] else { break }
            if checksSwitches { checkCanSwitchOn(f) }
            setFeature(f, on: true, at: moment)
            for g in graph.alsoEnabled(by: f) where feature(g)?.enabled?.value != true { setFeature(g, on: true, at: moment) }
        case .disable:
            guard let f = graph.featureIndex[subject] else { break }
            let lifecycle = graph.pack.features[f].lifecycle
            if let rule = lifecycle.forbidsSwitchingOff(at: evaluator.facts.snapshot.version?.value) {
                // The product refuses the switch: it stays on.
                let name = graph.pack.features[f].displayName(in: language.tag)
                blocked.append(ExplanationNode(
                    truth: .violated, cause: .lifecycle, subject: graph.pack.features[f].id.value, subjectName: name,
                    message: evaluator.messages.cannotSwitchOff(name, mandatorySince: lifecycle.mandatoryVersion(at: evaluator.facts.snapshot.version?.value)),
                    evidence: Evidence(rule: rule), children: [], fix: [], chosen: nil, cost: 0))
                switchCertainlyBlocked = true
                break
            }
            setFeature(f, on: false, at: moment)
        case .runJob:
            if let j = graph.jobIndex[subject] {
                checkRunWindow(j, step, at: moment)
                runJob(j, channels: step.channels, at: moment)
                if let state = step.details["state"] { reach(state, job: j, at: moment) }
                for check in graph.pack.records where check.clearedBy?.value == graph.pack.jobs[j].id.value { forgetCounts(check, onlyAbove: check.maxCount) }
            }
        case .set:
            if let s = graph.settingIndex[subject] {
                setSetting(s, to: step.details["value"] ?? "", items: step.listItems, channels: step.channels, at: moment)
            } else if let j = graph.jobIndex[subject] {
                schedule(j, every: step.details["maxInterval"].flatMap(TimeSpan.init))
            } else if let f = graph.featureIndex[subject], let text = step.details["value"] {
                serve(f, text)
            }
        case .upgrade:
            guard let v = step.details["version"].flatMap(ProductVersion.init) else { break }
            if let component = step.details["component"] {
                if let c = graph.componentIndex[component] { evaluator.facts.setVersion(v, instance: subject, of: c, at: here, moment: moment) }
            } else {
                evaluator.facts.setProductVersion(v, at: here)
                // The update happens now: what must run after every update runs after this one.
                evaluator.facts.snapshot.versionInstalledAt = Located(moment, at: here)
            }
        case .wait:
            if let until = step.details["until"].flatMap({ Timestamp.parse($0)?.timestamp }) { clock = max(clock, until) }
            if let settle = step.details["settle"].flatMap(TimeSpan.init) { clock = clock + settle }
            switchScheduled()
            return
        case .provideData:
            needsData = true
            // A value a person chooses: unknown from then on, neither the old one nor a guess.
            if step.details["choose"] != nil { forget(subject, channels: step.channels) }
            if let id = step.details["records"], let r = graph.recordIndex[id] { forgetCounts(graph.pack.records[r]) }
        case .manual:
            // Done as the plan says: no snapshot of the simulation could show otherwise.
            if graph.manualIndex[subject] != nil { evaluator.facts.manualStepsTaken.insert(subject) }
        }
        clock = clock + TimeSpan(seconds: 1)
    }

    // MARK: - Changes outside plans (what-if)

    /// Feature `f` now serves `value`; nil: what it serves is no longer known (a flag removed,
    /// or one whose targeting decides). For what-ifs about flag platforms, not a plan step.
    package mutating func setServed(_ f: Int, _ value: SettingValue?) {
        if let value { serve(f, value.description) } else { forget(graph.pack.features[f].id.value, channels: []) }
    }

    /// Job `j` is on no schedule from now on (`schedule: none`): it no longer runs by itself.
    package mutating func unschedule(_ j: Int) {
        let e = jobIndexInSnapshot(j)
        evaluator.facts.snapshot.jobs[e].schedule = Snapshot.ScheduleState(recurring: false, every: nil, location: here)
    }

    // MARK: - Changes

    /// Feature management switches on, at their date, the features scheduled by the time the
    /// clock has reached.
    private mutating func switchScheduled() {
        for (f, e) in evaluator.facts.featureEntry.enumerated() where e >= 0 {
            let entry = evaluator.facts.snapshot.features[Int(e)]
            guard let date = entry.scheduledFor?.value, date <= clock, entry.enabled?.value != true else { continue }
            // Like any switch, it needs what the feature needs at that moment.
            if checksSwitches { checkCanSwitchOn(f) }
            setFeature(f, on: true, at: date)
            for g in graph.alsoEnabled(by: f) where feature(g)?.enabled?.value != true { setFeature(g, on: true, at: date) }
        }
    }

    /// A switch needs what `Evaluator.conditionsToEnable` asks, at the moment it is made.
    private mutating func checkCanSwitchOn(_ f: Int) {
        evaluator.facts.snapshot.takenAt = Located(clock, at: here)
        evaluator.forgetConditions()
        for n in evaluator.conditionsToEnable(f) where evaluator.nodes[n].truth != .satisfied {
            if evaluator.nodes[n].truth == .violated { switchCertainlyBlocked = true }
            for c in evaluator.explanation(root: n).rootCauses { blocked.append(evaluator.nodes[c]) }
        }
    }

    /// The rows a record check counts are no longer known (what the job did to them, or the
    /// rows a person made, shows only in a new snapshot). With `onlyAbove`, a table (or, for a
    /// check counted per key, a key) whose count is within it keeps it, and so do rows without
    /// a key: the job that clears rows never adds any.
    private mutating func forgetCounts(_ check: RecordCheck, onlyAbove limit: Int? = nil) {
        for group in facts.recordGroups(for: check) where limit == nil || group.key != nil {
            guard let total = group.count(in: evaluator.facts.snapshot), limit.map({ total > $0 }) ?? true else { continue }
            for i in group.entries { evaluator.facts.snapshot.records[i].count = nil }
            recountedChecks.insert(check.id.value)
        }
    }

    private func feature(_ f: Int) -> Snapshot.FeatureEntry? {
        let e = evaluator.facts.featureEntry[f]
        return e < 0 ? nil : evaluator.facts.snapshot.features[Int(e)]
    }

    private mutating func setFeature(_ f: Int, on: Bool, at moment: Timestamp) {
        if evaluator.facts.featureEntry[f] < 0 {
            evaluator.facts.featureEntry[f] = Int32(evaluator.facts.snapshot.features.count)
            evaluator.facts.snapshot.features.append(Snapshot.FeatureEntry(name: Located(graph.pack.features[f].id.value, at: here), enabled: nil, enabledAt: nil))
        }
        let e = Int(evaluator.facts.featureEntry[f])
        evaluator.facts.snapshot.features[e].enabled = Located(on, at: here)
        if on { evaluator.facts.snapshot.features[e].enabledAt = Located(moment, at: here) }
        // A feature on by default is so only while the snapshot does not say.
        if graph.pack.features[f].lifecycle.onByDefaultSince != nil { evaluator.facts.refreshLifecycles() }
    }

    /// The setting's value (for the channels given, or everywhere), or the value a feature
    /// serves, is no longer known.
    private mutating func forget(_ subject: String, channels: [String]) {
        if let s = graph.settingIndex[subject], evaluator.facts.settingEntry[s] >= 0 {
            let e = Int(evaluator.facts.settingEntry[s])
            if channels.isEmpty {
                evaluator.facts.snapshot.settings[e].value = nil
                evaluator.facts.snapshot.settings[e].channels = []
            } else {
                let kept = evaluator.facts.snapshot.settings[e].value
                for c in evaluator.facts.snapshot.channels?.map(\.value) ?? [] where !channels.contains(c) && !evaluator.facts.snapshot.settings[e].channels.contains(where: { $0.channel == c }) {
                    if let kept { evaluator.facts.snapshot.settings[e].channels.append((c, kept)) }
                }
                evaluator.facts.snapshot.settings[e].value = nil
                evaluator.facts.snapshot.settings[e].channels.removeAll { channels.contains($0.channel) }
            }
        } else if let f = graph.featureIndex[subject], evaluator.facts.featureEntry[f] >= 0 {
            evaluator.facts.snapshot.features[Int(evaluator.facts.featureEntry[f])].servedVariation = nil
        }
    }

    /// The feature now serves the value (`servedVariation`).
    private mutating func serve(_ f: Int, _ text: String) {
        if evaluator.facts.featureEntry[f] < 0 {
            evaluator.facts.featureEntry[f] = Int32(evaluator.facts.snapshot.features.count)
            evaluator.facts.snapshot.features.append(Snapshot.FeatureEntry(name: Located(graph.pack.features[f].id.value, at: here), enabled: nil, enabledAt: nil))
        }
        evaluator.facts.snapshot.features[Int(evaluator.facts.featureEntry[f])].servedVariation = Located(.string(text), at: here)
    }

    private mutating func jobIndexInSnapshot(_ j: Int) -> Int {
        if evaluator.facts.jobEntry[j] < 0 {
            evaluator.facts.jobEntry[j] = Int32(evaluator.facts.snapshot.jobs.count)
            evaluator.facts.snapshot.jobs.append(
                Snapshot.JobEntry(name: Located(graph.pack.jobs[j].id.value, at: here), run: Snapshot.Run(), schedule: nil, channels: []))
        }
        return Int(evaluator.facts.jobEntry[j])
    }

    /// A run for some channels sets theirs; channels that relied on the job-wide run keep its
    /// old time. The job-wide last success is the latest run anywhere.
    private mutating func runJob(_ j: Int, channels: [String], at moment: Timestamp) {
        let e = jobIndexInSnapshot(j)
        let success = Located(moment, at: here)
        var entry = evaluator.facts.snapshot.jobs[e]
        if channels.isEmpty {
            for i in entry.channels.indices { entry.channels[i].run.succeed(success) }
        } else {
            for c in evaluator.facts.snapshot.channels?.map(\.value) ?? [] where !channels.contains(c) && !entry.channels.contains(where: { $0.channel == c }) {
                entry.channels.append((c, entry.run, here))
            }
            for c in channels {
                if let i = entry.channels.firstIndex(where: { $0.channel == c }) {
                    entry.channels[i].run.succeed(success)
                } else {
                    // A channel that relied on the job-wide run succeeds after that run.
                    var run = Snapshot.Run(lastSuccess: entry.run.lastSuccess, lastFailure: nil)
                    run.succeed(success)
                    entry.channels.append((c, run, here))
                }
            }
        }
        entry.run.succeed(success)
        evaluator.facts.snapshot.jobs[e] = entry
    }

    /// A run outside the job's window (where the snapshot tells when it is open) is refused:
    /// the plan does not reach its goal.
    private mutating func checkRunWindow(_ j: Int, _ step: PlanStep, at moment: Timestamp) {
        guard let window = graph.pack.jobs[j].runWindow else { return }
        for place in evaluator.runPlaces(j, step) {
            guard case .opensAt = evaluator.windowState(j, channel: place, at: moment), let zone = evaluator.timeZone(channel: place),
                let local = moment.local(in: zone)?.wallClock
            else { continue }
            let job = graph.pack.jobs[j]
            blocked.append(ExplanationNode(
                truth: .violated, cause: .schedule, subject: job.id.value, subjectName: evaluator.jobName(j),
                message: evaluator.messages.runOutsideWindow(evaluator.jobName(j), channel: place, at: local, zone: zone, window: evaluator.windowText(window)),
                evidence: Evidence(rule: window.location), children: [], fix: [], chosen: nil, cost: 0))
            switchCertainlyBlocked = true
        }
    }

    /// A run that reaches a state sets the job's status; the first time it is `Applied`, also
    /// when it first was.
    private mutating func reach(_ state: String, job j: Int, at moment: Timestamp) {
        let e = jobIndexInSnapshot(j)
        evaluator.facts.snapshot.jobs[e].status = Located(state, at: here)
        if state.caseInsensitiveCompare(JobStateOrder.applied) == .orderedSame, evaluator.facts.snapshot.jobs[e].firstAppliedAt == nil {
            evaluator.facts.snapshot.jobs[e].firstAppliedAt = Located(moment, at: here)
        }
    }

    private mutating func schedule(_ j: Int, every: TimeSpan?) {
        let e = jobIndexInSnapshot(j)
        evaluator.facts.snapshot.jobs[e].schedule = Snapshot.ScheduleState(recurring: true, every: every ?? evaluator.facts.snapshot.jobs[e].schedule?.every, location: here)
    }

    /// Sets a setting to the value a requirement of the pack names (so it keeps that
    /// requirement's type), or to the list `items`, or the text read as the setting's type, for
    /// the channels given or everywhere; the value changed at `moment` (`changedAt`).
    private mutating func setSetting(_ s: Int, to text: String, items: [String]?, channels: [String], at moment: Timestamp) {
        let setting = graph.pack.settings[s]
        let value = items.map { .list($0.map(SettingValue.string)) }
            ?? graph.pack.features.lazy.flatMap(\.settings).first { graph.settingIndex[$0.setting.value] == s && $0.value.description == text }?.value
            ?? SettingValue.string(text).read(as: setting.type) ?? .string(text)
        if evaluator.facts.settingEntry[s] < 0 {
            evaluator.facts.settingEntry[s] = Int32(evaluator.facts.snapshot.settings.count)
            evaluator.facts.snapshot.settings.append(Snapshot.SettingEntry(name: Located(setting.id.value, at: here), value: nil, channels: []))
        }
        let e = Int(evaluator.facts.settingEntry[s])
        let located = Located(value, at: here)
        let changed = Located(moment, at: here)
        if channels.isEmpty {
            evaluator.facts.snapshot.settings[e].changedAt = changed
            for i in evaluator.facts.snapshot.settings[e].channelChangedAt.indices { evaluator.facts.snapshot.settings[e].channelChangedAt[i].changedAt = changed }
        }
        for c in channels {
            evaluator.facts.snapshot.settings[e].channelChangedAt.removeAll { $0.channel == c }
            evaluator.facts.snapshot.settings[e].channelChangedAt.append((c, changed))
        }
        if channels.isEmpty {
            evaluator.facts.snapshot.settings[e].value = located
            for i in evaluator.facts.snapshot.settings[e].channels.indices { evaluator.facts.snapshot.settings[e].channels[i].value = located }
        } else {
            for c in channels {
                if let i = evaluator.facts.snapshot.settings[e].channels.firstIndex(where: { $0.channel == c }) {
                    evaluator.facts.snapshot.settings[e].channels[i].value = located
                } else {
                    evaluator.facts.snapshot.settings[e].channels.append((c, located))
                }
            }
        }
    }
}

extension PlanStep {
    /// The parameter values the step must not be given, one sentence each (`details["forbidden"]`).
    public var forbidden: [String] {
        details["forbidden"].map { $0.split(separator: "\n").map(String.init) } ?? []
    }

    /// The channels the step names (`details["channels"]`), none for the whole environment.
    public var channels: [String] {
        details["channels"].map { $0.split(separator: ",").map(String.init) } ?? []
    }

    /// The items of a list value the step sets (`details["items"]`, a JSON array of texts).
    var listItems: [String]? {
        guard let text = details["items"], let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String]
    }
}

extension Snapshot.Run {
    /// The run succeeded at `moment`: the success it replaces becomes the previous one.
    mutating func succeed(_ moment: Located<Timestamp>) {
        previousSuccess = lastSuccess?.value
        lastSuccess = moment
    }
}
