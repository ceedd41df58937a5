import Diagnostics
import PrereqGraph
import PrereqMessages
import PrereqModel

/// Evaluates a snapshot against the rule graph and builds explanations: a DAG of conditions
/// with three-valued truth, evidence on every fact and the steps that fix each one. Shared
/// conditions are built once (memoised), and nothing recurses along chains of features:
/// prerequisites are visited with an explicit stack, in dependency order.
public struct Evaluator {
    /// What is evaluated (a plan simulation changes it in place, then `forgetConditions()`).
    public internal(set) var facts: EnvironmentFacts
    public let language: Language
    package let messages: Messages
    package var graph: RuleGraph { facts.graph }
    package var pack: RulePack { facts.graph.pack }
    package var nodes: [ExplanationNode] = []
    private var memo: [MemoKey: Int] = [:]
    /// Whether conditions that hold are worded too. Answers and the FAQ show them; `check`
    /// reports only what fails, and wording the rest was a sixth of its evaluation.
    public var wordsConditionsThatHold = true
    private var canEnableMemo: [Int: Int] = [:]
    /// Whether a recommendation (`severity: warning`) was evaluated (else none is looked for).
    package var hasRecommendations = false
    /// The channel being judged on its own inside an `eachChannel` requirement (nil: the
    /// environment, every channel at once).
    package var focus: String?

    public init(facts: EnvironmentFacts, language: Language) {
        self.facts = facts
        self.language = language
        messages = Messages(language)
    }

    /// Forgets every condition built so far, for facts that changed (the storage is kept).
    mutating func forgetConditions() {
        nodes.removeAll(keepingCapacity: true)
        memo.removeAll(keepingCapacity: true)
        canEnableMemo.removeAll(keepingCapacity: true)
        hasRecommendations = false
    }

    /// The explanation so far, rooted at `root`.
    public func explanation(root: Int) -> Explanation {
        Explanation(nodes: nodes, root: root)
    }

    /// Whether a node of this truth gets its sentence.
    func words(_ truth: Truth) -> Bool { truth != .satisfied || wordsConditionsThatHold }

    // MARK: - Names

    // (Fields are read through the array: calling a method on `features[f]` copies the whole
    // feature first, and names are asked for every node.)
    package func featureName(_ f: Int) -> String {
        let features = pack.features
        return features[f].name?.text(in: language.tag) ?? features[f].id.value
    }
    func jobName(_ j: Int) -> String { pack.jobs[j].displayName(in: language.tag) }
    func settingName(_ s: Int) -> String { pack.settings[s].displayName(in: language.tag) }
    /// The other system feature `f` is switched in, named in the answer's language.
    func system(of f: Int) -> String? { pack.features[f].system?.text(in: language.tag) }

    // MARK: - Nodes

    /// Adds a node; its cost is the fix's size for a failing fact, plus what failing children need
    /// (for an any-of, only the cheapest).
    mutating func add(
        _ truth: Truth, _ message: String, cause: CauseKind? = nil, subject: String? = nil, subjectName: String? = nil,
        evidence: Evidence = Evidence(), children: [Int] = [], fix: [PlanStep] = [], anyOf: Bool = false
    ) -> Int {
        // Data to provide about this fact is about its subject.
        let fix = subject == nil ? fix : fix.map { step in
            guard step.action == .provideData, step.subject == nil else { return step }
            var named = step
            named.subject = subject
            named.subjectName = subjectName
            return named
        }
        var cost = 0
        var chosen: Int?
        if truth != .satisfied {
            let failing = children.filter { nodes[$0].truth != .satisfied }
            if anyOf {
                chosen = failing.min { nodes[$0].cost < nodes[$1].cost }
                cost = chosen.map { nodes[$0].cost } ?? 0
            } else {
                cost = failing.reduce(0) { min($0 + nodes[$1].cost, Self.costCeiling) }
            }
            // A fact that fails and that no step fixes (an attribute of the environment) is the
            // alternative a plan takes last.
            cost += children.isEmpty && fix.isEmpty && truth == .violated ? Self.unfixableCost : fix.count
        }
        nodes.append(
            ExplanationNode(
                truth: truth, cause: cause, subject: subject, subjectName: subjectName, message: message,
                evidence: evidence, children: children, fix: fix, chosen: chosen, cost: cost))
        return nodes.count - 1
    }

    /// The cost of a failing fact no step fixes, and the most a sum of costs counts up to.
    static let unfixableCost = 1 << 20, costCeiling = 1 << 40

    /// A condition shared between branches, by what it is about (pack indices, not text: a
    /// check builds hundreds of thousands of these keys).
    /// The cases with big payloads are boxed (`indirect`), so that a key (one per node looked
    /// up, and one stored per node built) stays as small as two integers.
    enum MemoKey: Hashable {
        case on(Int), off(Int), enabledAt(Int), lastSuccess(Int), order(Int, Int), upstreamOrder(Int)
        /// The snapshot does not give the product version: one fact, however many features need it.
        case versionMissing
        /// A setting's value (or, with `feature`, a feature's served value) put to a test.
        indirect case value(Int, ValueCondition.Test, negated: Bool, feature: Bool)
        /// An attribute put to a test.
        indirect case attribute(Int, ValueCondition.Test, negated: Bool)
        /// A record check (`records`), or a job on a schedule with this longest interval, as a gate.
        case records(Int)
        indirect case schedule(Int, maxInterval: TimeSpan?)
        /// A condition judged in one channel on its own (`eachChannel`).
        indirect case inChannel(String, MemoKey)
        /// A manual step (`manualSteps`), done or not.
        case manual(Int)
        /// A condition on a component's version, as written.
        indirect case componentVersion(ComponentVersionCondition)
        /// When an event happened (for these channels), missing; a condition relative to an event.
        indirect case eventTime(Event, channels: [String]), eventCondition(EventCondition)
        /// A job's order after a state (`after` entry `i` with `reached`); a job not created yet.
        case stateOrder(Int, Int), created(Int)
        /// A manual step to do after feature f is switched on (`takesEffect.manual`).
        case manualAfter(Int, feature: Int)
    }

    /// `key` for a condition that reads values per channel: its own while one channel is judged.
    func inFocus(_ key: MemoKey) -> MemoKey { focus.map { .inChannel($0, key) } ?? key }

    /// The node already built for `key`, if any.
    func memoised(_ key: MemoKey) -> Int? { memo[key] }

    mutating func memoisedNode(_ key: MemoKey, _ build: (inout Evaluator) -> Int) -> Int {
        if let n = memo[key] { return n }
        let n = build(&self)
        memo[key] = n
        return n
    }

    /// Switching feature `f` on or off (in its own system, for a feature of another system).
    package func switchStep(_ f: Int, on: Bool) -> PlanStep {
        let name = featureName(f), system = system(of: f)
        return PlanStep(
            action: on ? .enable : .disable, subject: pack.features[f].id.value, subjectName: name,
            message: on ? messages.stepEnable(name, system: system) : messages.stepDisable(name, system: system),
            details: system.map { ["system": $0] } ?? [:])
    }

    func provide(_ what: String) -> PlanStep {
        PlanStep(action: .provideData, subject: nil, subjectName: nil, message: messages.stepProvide(what), details: ["missing": what])
    }

    // MARK: - Questions about features

    /// Why FEATURE cannot be enabled, or why it is on but not in effect.
    public mutating func explainFeature(_ f: Int) -> (verdict: Verdict, root: Int) {
        if facts.isOn(f) == nil {
            // Never "off" because the snapshot is silent: the state is unknown, said as such,
            // with whether its prerequisites hold.
            let prerequisites = canEnableNode(f)
            let name = featureName(f)
            let state = add(
                .unknown, messages.stateUnknown(name, prerequisites: nodes[prerequisites].truth), cause: .missingData,
                subject: pack.features[f].id.value, subjectName: name, evidence: Evidence(rule: pack.features[f].location),
                fix: [provide(messages.missingState(name, system: system(of: f)))])
            let root = add(.unknown, messages.canEnable(name, .unknown), subject: pack.features[f].id.value, subjectName: name, children: [state, prerequisites])
            return (.unknown, root)
        }
        if facts.isOn(f) == true {
            let root = inEffectNode(f)
            switch nodes[root].truth {
            case .satisfied: return (.inEffect, root)
            case .violated: return (.notInEffect, root)
            case .unknown: return (.unknown, root)
            }
        }
        let root = canEnableNode(f)
        switch nodes[root].truth {
        case .satisfied: return (.enableable, root)
        case .violated: return (.blocked, root)
        case .unknown: return (.unknown, root)
        }
    }

    /// "Can f be switched on now?" Prerequisites that are off get their own such node first,
    /// found with an explicit stack (post-order), so deep chains cannot overflow the stack.
    public mutating func canEnableNode(_ x: Int) -> Int {
        if let n = canEnableMemo[x] { return n }
        var order: [Int] = []
        var visiting = Set<Int>()
        var stack: [(feature: Int, expanded: Bool)] = [(x, false)]
        while let (f, expanded) = stack.popLast() {
            if expanded {
                order.append(f)
                continue
            }
            guard canEnableMemo[f] == nil, !visiting.contains(f) else { continue }
            visiting.insert(f)
            stack.append((f, true))
            for y in graph.mentions[f].reversed() where facts.isOn(y) == false && canEnableMemo[y] == nil && !visiting.contains(y) {
                stack.append((y, false))
            }
        }
        for f in order {
            let children = conditionsToEnable(f)
            let truth = Truth.all(children.map { nodes[$0].truth })
            canEnableMemo[f] = add(
                truth, messages.canEnable(featureName(f), truth), subject: pack.features[f].id.value,
                subjectName: featureName(f), evidence: Evidence(snapshot: facts.feature(f)?.name.location, rule: pack.features[f].location),
                children: children)
        }
        return canEnableMemo[x] ?? add(.unknown, messages.canEnable(featureName(x), .unknown))
    }

    /// Everything that must hold for f to be switched on: versions, requirements, conflicts, settings.
    mutating func conditionsToEnable(_ f: Int) -> [Int] {
        let feature = pack.features[f]
        var children = versionConditions(f)
        if let r = feature.requires {
            children.append(requirementNode(r, owner: f))
            if let n = requirementAfterSwitch(f, r) { children.append(n) }
        }
        for z in graph.conflicts[f] {
            let rule = feature.conflicts.first { $0.value == pack.features[z].id.value }?.location ?? pack.features[z].location
            children.append(featureOffNode(z, because: f, rule: rule))
        }
        // Switching f on also switches on its `alsoEnables` features: what conflicts with those
        // must be off too.
        for ref in feature.alsoEnables {
            guard let g = graph.featureIndex[ref.value], g != f else { continue }
            for z in graph.conflicts[g] where z != f && !graph.conflicts[f].contains(z) {
                children.append(featureOffNode(z, because: g, rule: ref.location))
            }
        }
        for s in feature.settings { if let n = settingNode(s, owner: f) { children.append(n) } }
        return children
    }

    /// Switching f on also switches on its `alsoEnables` features: where its own requirements
    /// name one that is off, they are judged again as they will be after the switch (nil when
    /// they then hold, or when nothing changes).
    mutating func requirementAfterSwitch(_ f: Int, _ r: Requirement) -> Int? {
        let feature = pack.features[f]
        guard facts.isOn(f) != true, !feature.alsoEnables.isEmpty else { return nil }
        let switched = graph.alsoEnabled(by: f).filter { facts.isOn($0) != true }
        guard switched.contains(where: { graph.mentions[f].contains($0) }) else { return nil }
        var simulator = PlanSimulator(facts: facts, language: language)
        simulator.checksSwitches = false
        simulator.perform(PlanStep(action: .enable, subject: feature.id.value, subjectName: featureName(f), message: ""))
        var after = Evaluator(facts: simulator.end, language: language)
        after.wordsConditionsThatHold = false
        let n = after.requirementNode(r, owner: f)
        guard after.nodes[n].truth != .satisfied else { return nil }
        // What the switch itself turns on cannot be switched off before it: those causes stay
        // (without a fix) only when nothing else is wrong.
        let ids = Set(switched.map { pack.features[$0].id.value })
        let all = after.explanation(root: n).rootCauses.map { after.nodes[$0] }
        let others = all.filter { !ids.contains($0.subject ?? "") }
        let causes = (others.isEmpty ? all.map { node in var fixless = node; fixless.fix = []; return fixless } : others).map { c in
            var node = c
            node.children = []
            nodes.append(node)
            return nodes.count - 1
        }
        let truth = after.nodes[n].truth
        let also = switched.map(featureName).joined(separator: ", ")
        return add(truth, messages.requirementAfterSwitch(featureName(f), also: also), subject: feature.id.value, subjectName: featureName(f),
                   evidence: Evidence(rule: r.location), children: causes)
    }

    /// Whether the switched-on feature f is in effect with nothing to say about it, told without
    /// building its explanation: it has no condition beyond feature references under all-of
    /// (no version, conflict, `alsoEnables`, setting or `takesEffect`), and every feature they
    /// name is defined and on. False says nothing: `inEffectNode` answers then.
    package func isPlainlyInEffect(_ f: Int) -> Bool {
        let features = pack.features  // fields of `features[f]`, not the copy `let feature = …` makes
        guard facts.isOn(f) == true, graph.conflicts[f].isEmpty, features[f].conflicts.isEmpty, features[f].alsoEnables.isEmpty,
            features[f].settings.isEmpty, features[f].takesEffect == nil, features[f].introducedIn == nil,
            features[f].minVersion == nil, features[f].removedIn == nil
        else { return false }
        guard features[f].requires != nil else { return true }
        return graph.requiresOnlyMandatory[f] && !graph.unresolvedFeatureReferences.contains(f)
            && graph.mandatory[f].allSatisfy { facts.isOn($0) == true }
    }

    /// "Is the switched-on feature f in effect?": prerequisites still hold, every job it needs
    /// succeeded after it was switched on (per channel), in order, and the settle time passed;
    /// so did the jobs of the settings it reads, after those last changed.
    public mutating func inEffectNode(_ f: Int) -> Int {
        let features = pack.features  // fields of `features[f]`, not the copy `let feature = …` makes
        let id = features[f].id.value, name = featureName(f)
        var children: [Int] = []
        let prerequisites = conditionsToEnable(f)
        if !prerequisites.isEmpty {
            let truth = Truth.all(prerequisites.map { nodes[$0].truth })
            children.append(
                add(truth, words(truth) ? messages.prerequisitesHold(name, truth) : "", subject: id, subjectName: name, children: prerequisites))
        }
        let subject = (id: id, name: name)
        let obligations = (features[f].takesEffect.map { obligationNodes($0, after: .switchedOn(f), subject: subject) } ?? []) + settingObligationNodes(of: f)
        for n in obligations where !children.contains(n) { children.append(n) }
        children += afterEnablingManualNodes(f)
        let truth = Truth.all(children.map { nodes[$0].truth })
        return add(
            truth, words(truth) ? messages.inEffect(name, truth) : "", subject: id, subjectName: name,
            evidence: Evidence(snapshot: facts.feature(f)?.name.location, rule: features[f].location), children: children)
    }

    // MARK: - Conditions

    /// The condition a requirement tree states. A `not` is pushed down to the features it names
    /// (not all-of is any-of the negations, not any-of is all-of them), so every root cause
    /// below it is a feature that must be off, with the rule line that says so.
    package mutating func requirementNode(_ r: Requirement, owner: Int, negated: Bool = false) -> Int {
        switch r {
        case .feature(let id):
            guard let y = graph.featureIndex[id.value] else {
                return add(.unknown, messages.featureOn(id.value, .unknown), cause: .missingData, subject: id.value, evidence: Evidence(rule: id.location))
            }
            return negated ? featureOffNode(y, because: owner, rule: id.location) : featureOnNode(y, rule: id.location)
        case .allOf(let parts, _), .anyOf(let parts, _):
            let isAnyOf: Bool
            if case .anyOf = r { isAnyOf = !negated } else { isAnyOf = negated }
            if !isAnyOf, parts.count == 1, let only = parts.first { return requirementNode(only, owner: owner, negated: negated) }
            let children = parts.map { requirementNode($0, owner: owner, negated: negated) }
            let truths = children.map { nodes[$0].truth }
            let truth = isAnyOf ? Truth.any(truths) : Truth.all(truths)
            return add(
                truth, isAnyOf ? messages.anyOf(truth) : messages.allOf(truth), evidence: Evidence(rule: r.location), children: children,
                anyOf: isAnyOf)
        case .not(let part, _):
            return requirementNode(part, owner: owner, negated: !negated)
        case .value(let c): return valueConditionNode(c, owner: owner, negated: negated)
        case .gate(let g): return gateNode(g, owner: owner, negated: negated)
        case .count, .when, .recommended:
            return structureNode(r, owner: owner, negated: negated)
        case .eachChannel(let part, let condition, let at):
            return eachChannelNode(part, where: condition, at: at, owner: owner, negated: negated)
        }
    }

    /// "y is on", with why y cannot be switched on below it when it is off.
    package mutating func featureOnNode(_ y: Int, rule: SourceLocation) -> Int {
        memoisedNode(.on(y)) { e in
            let id = e.pack.features[y].id.value
            let name = e.featureName(y)
            let entry = e.facts.feature(y)
            let evidence = Evidence(snapshot: entry?.enabled?.location ?? entry?.name.location, rule: rule)
            let system = e.system(of: y)
            switch e.facts.isOn(y) {
            case true?:
                return e.add(.satisfied, e.words(.satisfied) ? e.messages.featureOn(name, .satisfied, system: system) : "", cause: .featureOff, subject: id, subjectName: name, evidence: evidence)
            case false?:
                let below = e.canEnableMemo[y].map { [$0] } ?? []
                if let date = e.scheduledSwitch(y) {
                    // Only scheduled: switching it on now is the plan; waiting for the date the other one.
                    return e.add(
                        .violated, e.messages.featureScheduled(name, for: date.value), cause: .lifecycle, subject: id, subjectName: name,
                        evidence: Evidence(snapshot: date.location, rule: rule), children: below, fix: [e.switchStep(y, on: true)])
                }
                return e.add(
                    .violated, e.messages.featureOn(name, .violated, system: system), cause: .featureOff, subject: id, subjectName: name,
                    evidence: evidence, children: below, fix: [e.switchStep(y, on: true)])
            case nil:
                let what = e.messages.featureOn(name, .unknown, system: system)
                return e.add(.unknown, what, cause: .missingData, subject: id, subjectName: name, evidence: evidence, fix: [e.provide(e.messages.missingState(name, system: system))])
            }
        }
    }

    /// When feature y, which is off, is scheduled to be switched on (after the snapshot was taken).
    package func scheduledSwitch(_ y: Int) -> Located<Timestamp>? {
        guard let date = facts.feature(y)?.scheduledFor, let now = facts.snapshot.takenAt?.value, date.value > now else { return nil }
        return date
    }

    /// "z is off" (z conflicts with, or is excluded by, `owner`).
    mutating func featureOffNode(_ z: Int, because owner: Int, rule: SourceLocation) -> Int {
        memoisedNode(.off(z)) { e in
            let id = e.pack.features[z].id.value
            let name = e.featureName(z)
            let other = e.featureName(owner)
            let entry = e.facts.feature(z)
            let evidence = Evidence(snapshot: entry?.enabled?.location ?? entry?.name.location, rule: rule)
            let system = e.system(of: z)
            switch e.facts.isOn(z) {
            case true?:
                let lifecycle = e.pack.features[z].lifecycle
                if let forbidden = lifecycle.forbidsSwitchingOff(at: e.facts.snapshot.version?.value) {
                    // No step can switch it off: a cause without a fix, with the rule that says so.
                    return e.add(
                        .violated, e.messages.mustBeOffButCannot(name, because: other, mandatorySince: lifecycle.mandatoryVersion(at: e.facts.snapshot.version?.value)),
                        cause: .lifecycle, subject: id, subjectName: name, evidence: Evidence(snapshot: evidence.snapshot, rule: forbidden))
                }
                return e.add(
                    .violated, e.messages.featureOff(name, because: other, .violated, system: system), cause: .featureOn, subject: id, subjectName: name,
                    evidence: evidence, fix: [e.switchStep(z, on: false)])
            case false?:
                return e.add(.satisfied, e.words(.satisfied) ? e.messages.featureOff(name, because: other, .satisfied, system: system) : "", cause: .featureOn, subject: id, subjectName: name, evidence: evidence)
            case nil:
                let what = e.messages.featureOff(name, because: other, .unknown, system: system)
                return e.add(.unknown, what, cause: .missingData, subject: id, subjectName: name, evidence: evidence, fix: [e.provide(e.messages.missingState(name, system: system))])
            }
        }
    }

    /// The product version against the feature's minimum and removal versions.
    mutating func versionConditions(_ f: Int) -> [Int] {
        let feature = pack.features[f]
        guard feature.introducedIn != nil || feature.minVersion != nil || feature.removedIn != nil else { return [] }
        let name = featureName(f)
        let have = facts.snapshot.version
        var out: [Int] = []
        if let need = [feature.introducedIn, feature.minVersion].compactMap({ $0 }).max(by: { $0.value < $1.value }) {
            let truth: Truth = have.map { $0.value >= need.value ? .satisfied : .violated } ?? .unknown
            let message = words(truth) ? messages.minimumVersion(name, needs: need.value, has: have?.value, truth) : ""
            let fix: [PlanStep] =
                truth == .violated
                ? [productUpgradeStep(to: need.value)]
                : []
            out.append(
                add(
                    truth, message, cause: truth == .unknown ? nil : .version, subject: feature.id.value, subjectName: name,
                    evidence: Evidence(snapshot: have?.location, rule: need.location), children: have == nil ? [versionMissingNode()] : [],
                    fix: fix))
        }
        if let removed = feature.removedIn {
            let truth: Truth = have.map { $0.value < removed.value ? .satisfied : .violated } ?? .unknown
            let message = words(truth) ? messages.removedVersion(name, removedIn: removed.value, has: have?.value, truth) : ""
            out.append(
                add(
                    truth, message, cause: truth == .unknown ? nil : .version, subject: feature.id.value, subjectName: name,
                    evidence: Evidence(snapshot: have?.location, rule: removed.location), children: have == nil ? [versionMissingNode()] : []))
        }
        return out
    }

    /// "The snapshot does not give the product version": the one root cause below every
    /// version condition of an environment without a version.
    mutating func versionMissingNode() -> Int {
        memoisedNode(.versionMissing) { e in
            e.add(
                .unknown, e.messages.versionNotGiven, cause: .missingData, evidence: Evidence(snapshot: e.facts.snapshot.header ?? e.facts.snapshot.location),
                fix: [e.provide(e.messages.missingVersion)])
        }
    }

    /// A setting the feature needs (`settings`), environment-wide or in every channel: the
    /// equality test of a value condition.
    mutating func settingNode(_ requirement: SettingRequirement, owner: Int) -> Int? {
        graph.settingIndex[requirement.setting.value].map { settingConditionNode($0, .equals(requirement.value), negated: false, rule: requirement.location, owner: owner) }
    }
}
