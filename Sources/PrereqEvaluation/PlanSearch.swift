import PrereqGraph
import PrereqModel

/// Searches for switch states, setting values and a product version under which every goal
/// feature and every feature switched on for it can be on together: a requirement's `not` is
/// pushed down to the features it names, fixed facts (a feature that must be on, or off) are
/// settled before alternatives, and an alternative is chosen only when it fits what is already
/// fixed (cheapest first, earlier on failure). The explanation's own fixes come from one
/// condition at a time; this is how a plan is found when they do not fit together.
package struct PlanSearch {
    /// A requirement with `not` pushed down to its features.
    indirect enum Formula {
        case on(Int, owner: Int)
        /// The plan switches the feature on itself (not through a feature that also enables it).
        case switchOn(Int, owner: Int)
        /// The feature, off now, stays off until the owner's switch turns it on.
        case notSwitchedOn(Int, owner: Int)
        case off(Int, owner: Int)
        case all([Formula])
        case any([Formula])
        /// At least this many of the parts (for at most N of M: at least M − N of their negations).
        case atLeast(Int, [Formula])
        /// The formula applies once the plan's end state may meet the condition; the search
        /// never makes a condition false to get around it.
        case when(Conditional)
        /// A requirement that names no feature of the pack.
        case unresolved(String)
        /// A contradiction found while conditions were gathered, worded.
        case impossible(String)
        /// A setting's value or a feature's served value passes a test (or, `negated`, fails it).
        case value(ValueCondition, negated: Bool, owner: Int)
        /// A gate, a fact the search cannot switch: as the snapshot judges it, with the steps
        /// that fix it and, for one nothing fixes, what stands in the way.
        case gate(Truth, steps: [PlanStep], reasons: [String])
        /// The feature is on because an upgrade to the version makes it mandatory.
        case mandatoryFrom(Int, ProductVersion, owner: Int)
    }

    /// A `when`, waiting for the end state to decide its condition.
    struct Conditional {
        var condition: Requirement
        var then: Formula
        var owner: Int
        /// As in `formula`: features the owner's switch turns on, and which side of it.
        var alsoOn: Set<Int>
        var afterSwitch: Bool
    }

    /// The decisions made so far.
    struct State {
        /// Conditional requirements whose condition does not hold (yet) in the plan's end state.
        var conditionals: [Conditional] = []
        /// Features the plan relies on, with the state it needs and the feature that needs it.
        var fixed: [Int: (on: Bool, owner: Int)] = [:]
        var enables: [Int] = []
        /// Features the plan gets switched on by switching on another (`alsoEnables`).
        var switchedOnBy: [Int: Int] = [:]
        var disables: [Int] = []
        /// The tests each value must pass, and the order their values came up in.
        var valueTests: [ValueKey: [ValueTest]] = [:]
        var valueOrder: [ValueKey] = []
        var minimum: (version: ProductVersion, feature: Int)?
        var removal: (version: ProductVersion, feature: Int)?
        /// Whether the upgrade is what makes a needed feature mandatory (done even when the
        /// snapshot does not give the version: at least that version is the goal).
        var upgradeMakesMandatory = false
        var unknownFeatures: [Int] = []
        /// Features the plan must not switch on itself, with the feature that needs that.
        var keptOff: [Int: Int] = [:]
        /// The steps that make the gates hold (run before any switch).
        var gateSteps: [PlanStep] = []
        var agenda: [Formula] = []
        var choices: [[Formula]] = []
    }

    package struct Found {
        package var steps: [PlanStep]
        /// What makes the gates hold, to be done before the switches.
        package var gateSteps: [PlanStep] = []
    }

    var evaluator: Evaluator
    var facts: EnvironmentFacts { evaluator.facts }
    private var pack: RulePack { evaluator.pack }
    var graph: RuleGraph { evaluator.graph }
    /// Alternatives tried before the search gives up.
    private let budget: Int
    /// Per feature, the features that switch it on too (`alsoEnables`).
    private let enablers: [Int: [Int]]

    package init(evaluator: Evaluator, budget: Int = 4096) {
        self.evaluator = evaluator
        self.budget = budget
        var enablers: [Int: [Int]] = [:]
        for (x, feature) in evaluator.pack.features.enumerated() {
            for ref in feature.alsoEnables {
                if let y = evaluator.graph.featureIndex[ref.value], y != x { enablers[y, default: []].append(x) }
            }
        }
        self.enablers = enablers
    }

    /// The steps that switch, set and upgrade what the goals need (jobs and waits are the plan
    /// builder's), or what cannot be fixed.
    package mutating func search(goals: [Int]) -> Result<Found, Failure> {
        var state = State()
        for g in goals {
            if facts.isOn(g) == true {
                state.fixed[g] = (true, g)
                pushConditions(of: g, into: &state)
            } else {
                state.agenda.append(.switchOn(g, owner: g))
            }
        }
        var backtrack: [(state: State, alternatives: ArraySlice<Formula>)] = []
        var tries = 0
        var lastFailure = Failure(reasons: [])
        while true {
            if let failure = propagate(&state) {
                if !failure.reasons.isEmpty || lastFailure.reasons.isEmpty { lastFailure = failure }
                guard tries < budget, let point = backtrack.popLast() else { return .failure(lastFailure) }
                tries += 1
                state = point.state
                var rest = point.alternatives
                if let next = rest.popFirst() {
                    if !rest.isEmpty { backtrack.append((state, rest)) }
                    state.agenda.append(next)
                }
                continue
            }
            guard !state.choices.isEmpty else {
                if applyConditionals(&state) { continue }
                break
            }
            let alternatives = state.choices.removeFirst()
            let ranked = alternatives.enumerated()
                .compactMap { i, f in cost(f, state).map { (i, f, $0) } }
                .sorted { ($0.2, $0.0) < ($1.2, $1.0) }
                .map(\.1)
            guard let chosen = ranked.first else {
                // None fits: the first one's contradiction is the reason.
                state.agenda.append(alternatives.first ?? .any([]))
                continue
            }
            if ranked.count > 1 { backtrack.append((state, ranked.dropFirst())) }
            state.agenda.append(chosen)
        }
        return .success(Found(steps: steps(for: state, goals: goals), gateSteps: state.gateSteps))
    }

    /// What the search could not fix, in the answer's language.
    package struct Failure: Error {
        package var reasons: [String]
    }

    // MARK: - Propagation

    /// Settles every fact on the agenda (alternatives wait in `choices`); a contradiction is
    /// returned as the failure.
    private func propagate(_ state: inout State) -> Failure? {
        while let formula = state.agenda.popLast() {
            switch formula {
            case .unresolved(let id):
                return Failure(reasons: [evaluator.messages.featureOn(id, .unknown)])
            case .impossible(let reason):
                return Failure(reasons: [reason])
            case .all(let parts):
                state.agenda += parts.reversed()
            case .any(let parts):
                if parts.isEmpty { return Failure(reasons: []) }
                state.choices.append(parts)
            case .atLeast(let k, let parts):
                if k <= 0 { continue }
                if k > parts.count { return Failure(reasons: []) }
                if k == parts.count {
                    state.agenda += parts.reversed()
                } else if let first = parts.first {
                    // The first part holds and k − 1 of the rest, or k of the rest.
                    let rest = Array(parts.dropFirst())
                    state.choices.append([.all([first, .atLeast(k - 1, rest)]), .atLeast(k, rest)])
                }
            case .when(let conditional):
                state.conditionals.append(conditional)
            case .on(let y, let owner):
                if let f = state.fixed[y] {
                    if !f.on { return contradiction(y, on: owner, off: f.owner) }
                    continue
                }
                switch facts.isOn(y) {
                case true?: state.fixed[y] = (true, owner)
                case nil:
                    state.fixed[y] = (true, owner)
                    state.unknownFeatures.append(y)
                case false?:
                    // Switched on itself, or by a feature that also enables it, or by an
                    // upgrade to the version from which it is mandatory.
                    var others: [Formula] = (enablers[y] ?? []).filter { facts.isOn($0) != true && state.fixed[$0] == nil }.map { .on($0, owner: owner) }
                    if let since = pack.features[y].lifecycle.mandatorySince?.value, facts.snapshot.version.map({ since > $0.value }) ?? true {
                        others.append(.mandatoryFrom(y, since, owner: owner))
                    }
                    if others.isEmpty {
                        state.agenda.append(.switchOn(y, owner: owner))
                    } else {
                        state.choices.append([.switchOn(y, owner: owner)] + others)
                    }
                }
            case .switchOn(let y, let owner):
                if let f = state.fixed[y] {
                    if !f.on { return contradiction(y, on: owner, off: f.owner) }
                    // On only through another switch: needed before it, so switched on itself.
                    guard state.switchedOnBy[y] != nil, !state.enables.contains(y) else { continue }
                    state.switchedOnBy[y] = nil
                }
                if let keeper = state.keptOff[y] { return contradiction(y, on: owner, off: keeper) }
                state.fixed[y] = (true, owner)
                state.enables.append(y)
                pushConditions(of: y, into: &state)
            case .notSwitchedOn(let y, let owner):
                if state.enables.contains(y) { return contradiction(y, on: state.fixed[y]?.owner ?? owner, off: owner) }
                state.keptOff[y] = owner
            case .off(let z, let owner):
                if let f = state.fixed[z] {
                    if f.on { return contradiction(z, on: f.owner, off: owner) }
                    continue
                }
                state.fixed[z] = (false, owner)
                switch facts.isOn(z) {
                case true? where evaluator.pack.features[z].lifecycle.forbidsSwitchingOff(at: facts.snapshot.version?.value) != nil:
                    let lifecycle = evaluator.pack.features[z].lifecycle
                    let since = lifecycle.mandatoryVersion(at: facts.snapshot.version?.value)
                    return Failure(reasons: [evaluator.messages.mustBeOffButCannot(evaluator.featureName(z), because: evaluator.featureName(owner), mandatorySince: since)])
                case true?: state.disables.append(z)
                case nil: state.unknownFeatures.append(z)
                case false?: break
                }
            case .value(let c, let negated, let owner):
                if let failure = settle(c, negated: negated, owner: owner, &state) { return failure }
            case .mandatoryFrom(let y, let since, let owner):
                if let f = state.fixed[y], !f.on { return contradiction(y, on: owner, off: f.owner) }
                state.fixed[y] = (true, owner)
                if state.minimum.map({ since > $0.version }) ?? true { state.minimum = (since, y) }
                state.upgradeMakesMandatory = true
            case .gate(let truth, let steps, let reasons):
                if truth == .violated && steps.isEmpty { return Failure(reasons: reasons) }
                for step in steps where !state.gateSteps.contains(step) { state.gateSteps.append(step) }
            }
            if let failure = versionFailure(state) { return failure }
        }
        return nil
    }

    private func contradiction(_ f: Int, on: Int, off: Int) -> Failure {
        Failure(reasons: [evaluator.messages.contradictoryFeature(evaluator.featureName(f), on: evaluator.featureName(on), off: evaluator.featureName(off))])
    }

    /// Everything that must hold for f to be switched on: what `Evaluator.conditionsToEnable`
    /// checks, as formulas, versions and settings.
    private func pushConditions(of f: Int, into state: inout State) {
        let feature = pack.features[f]
        // Features the switch itself turns on: f's requirements must hold just before it (with
        // them as they are, unless the plan switches them on first) and just after (with them on).
        let switchedWith = facts.isOn(f) == true ? [] : graph.alsoEnabled(by: f)
        let alsoOn = Set(switchedWith.filter { facts.isOn($0) != true })
        if let r = feature.requires {
            if alsoOn.isEmpty {
                state.agenda.append(formula(r, owner: f, negated: false))
            } else {
                state.agenda.append(formula(r, owner: f, negated: false, alsoOn: alsoOn, afterSwitch: false))
                state.agenda.append(formula(r, owner: f, negated: false, alsoOn: alsoOn, afterSwitch: true))
            }
        }
        for z in graph.conflicts[f] { state.agenda.append(.off(z, owner: f)) }
        for g in switchedWith {
            // Switched on with f, by the product: on from then, without a switch of its own
            // (for a feature already on, that happened when it was switched on).
            if let fixed = state.fixed[g], !fixed.on {
                state.agenda.append(.impossible(evaluator.messages.contradictoryFeature(evaluator.featureName(g), on: evaluator.featureName(f), off: evaluator.featureName(fixed.owner))))
            } else if state.fixed[g] == nil {
                state.fixed[g] = (true, f)
                state.switchedOnBy[g] = f
            }
        }
        // As the evaluator asks: what conflicts with the features it directly also enables.
        for ref in feature.alsoEnables {
            guard let g = graph.featureIndex[ref.value], g != f else { continue }
            for z in graph.conflicts[g] where z != f { state.agenda.append(.off(z, owner: g)) }
        }
        if let need = feature.declaredMinimum?.value, state.minimum.map({ need > $0.version }) ?? true {
            state.minimum = (need, f)
        }
        if let removed = feature.removedIn?.value, state.removal.map({ removed < $0.version }) ?? true {
            state.removal = (removed, f)
        }
        for s in feature.settings {
            state.agenda.append(.value(ValueCondition(subject: .setting(s.setting), test: .equals(s.value), location: s.location), negated: false, owner: f))
        }
    }

    /// The requirement as a formula. For the features in `alsoOn` (switched on by the owner's own
    /// switch): after the switch they are on; before it, one needed on must be switched on by the
    /// plan first, and one needed off must not be.
    private func formula(_ r: Requirement, owner: Int, negated: Bool, alsoOn: Set<Int> = [], afterSwitch: Bool = false) -> Formula {
        switch r {
        case .feature(let id):
            guard let y = graph.featureIndex[id.value] else { return .unresolved(id.value) }
            guard alsoOn.contains(y) else { return negated ? .off(y, owner: owner) : .on(y, owner: owner) }
            if afterSwitch {
                return negated
                    ? .impossible(evaluator.messages.contradictoryFeature(evaluator.featureName(y), on: evaluator.featureName(owner), off: evaluator.featureName(owner)))
                    : .all([])
            }
            return negated ? .notSwitchedOn(y, owner: owner) : .switchOn(y, owner: owner)
        case .allOf(let parts, _):
            let fs = parts.map { formula($0, owner: owner, negated: negated, alsoOn: alsoOn, afterSwitch: afterSwitch) }
            return negated ? .any(fs) : .all(fs)
        case .anyOf(let parts, _):
            let fs = parts.map { formula($0, owner: owner, negated: negated, alsoOn: alsoOn, afterSwitch: afterSwitch) }
            return negated ? .all(fs) : .any(fs)
        case .not(let part, _):
            return formula(part, owner: owner, negated: !negated, alsoOn: alsoOn, afterSwitch: afterSwitch)
        case .value(let c):
            guard case .feature(let id) = c.subject else { return .value(c, negated: negated, owner: owner) }
            // On and serving it; negated, off or serving another value.
            let state = formula(.feature(id), owner: owner, negated: negated, alsoOn: alsoOn, afterSwitch: afterSwitch)
            return negated ? .any([state, .value(c, negated: true, owner: owner)]) : .all([state, .value(c, negated: false, owner: owner)])
        case .count(let parts, let min, let max, let at):
            if negated { return formula(.outside(parts, min: min, max: max, at: at), owner: owner, negated: false, alsoOn: alsoOn, afterSwitch: afterSwitch) }
            let holding = parts.map { formula($0, owner: owner, negated: false, alsoOn: alsoOn, afterSwitch: afterSwitch) }
            guard let max else { return .atLeast(min, holding) }
            let failing = parts.map { formula($0, owner: owner, negated: true, alsoOn: alsoOn, afterSwitch: afterSwitch) }
            return .all([.atLeast(min, holding), .atLeast(parts.count - max, failing)])
        case .when(let condition, let then, let at):
            if negated { return formula(.allOf([condition, .not(then, at: at)], at: at), owner: owner, negated: false, alsoOn: alsoOn, afterSwitch: afterSwitch) }
            let r = formula(then, owner: owner, negated: false, alsoOn: alsoOn, afterSwitch: afterSwitch)
            return .when(Conditional(condition: condition, then: r, owner: owner, alsoOn: alsoOn, afterSwitch: afterSwitch))
        case .eachChannel(let part, _, _):
            // Searched as if every channel were bound (values are judged in all channels at
            // once here): stricter than the rule, never looser; the simulation judges per channel.
            return formula(part, owner: owner, negated: negated, alsoOn: alsoOn, afterSwitch: afterSwitch)
        case .recommended:
            // It counts as holding, so its negation never holds.
            return negated ? .impossible(evaluator.messages.recommendationNegated) : .all([])
        case .gate(let g):
            let (truth, causes) = judge(g, owner: owner, negated: negated)
            return .gate(truth, steps: truth == .satisfied ? [] : causes.flatMap(\.fix), reasons: causes.map(\.message))
        }
    }

    /// A gate as the snapshot has it, and the root causes when it does not hold.
    private func judge(_ g: Gate, owner: Int, negated: Bool) -> (Truth, [ExplanationNode]) {
        var e = evaluator
        e.wordsConditionsThatHold = false
        let n = e.gateNode(g, owner: owner, negated: negated)
        return (e.nodes[n].truth, e.explanation(root: n).rootCauses.map { e.nodes[$0] })
    }

    /// Puts on the agenda the requirements whose condition the plan's end state may meet
    /// (it holds, or the snapshot does not decide it); true when there were any.
    private func applyConditionals(_ state: inout State) -> Bool {
        var waiting: [Conditional] = []
        var applied = false
        for c in state.conditionals {
            if holds(c.condition, c, state) == false {
                waiting.append(c)
            } else {
                state.agenda.append(c.then)
                applied = true
            }
        }
        state.conditionals = waiting
        return applied
    }

    /// Whether a condition holds in the end state of the decisions so far (nil: undecided).
    private func holds(_ r: Requirement, _ c: Conditional, _ state: State) -> Bool? {
        func on(_ id: String) -> Bool? {
            guard let y = graph.featureIndex[id] else { return nil }
            if c.alsoOn.contains(y) {
                if c.afterSwitch { return true }
                if state.switchedOnBy[y] == c.owner { return facts.isOn(y) }
            }
            return state.fixed[y]?.on ?? facts.isOn(y)
        }
        // A value the plan sets is undecided here; any other is as the snapshot gives it.
        func value(_ condition: ValueCondition) -> Bool? {
            if let a = attribute(condition) { return facts.attributeMeets(a, [(condition.test, false)]) }
            guard let key = key(condition), state.valueTests[key] == nil else { return nil }
            switch key {
            case .setting(let s): return facts.settingMeets(s, [(condition.test, false)])
            case .served(let f):
                let isOn = on(condition.subject.id.value), serves = facts.servedMeets(f, [(condition.test, false)])
                if isOn == false || serves == false { return false }
                return isOn == true && serves == true ? true : nil
            }
        }
        // A gate holds as the snapshot says, unless the plan already fixes it (undecided).
        func gate(_ g: Gate) -> Bool? {
            let (truth, causes) = judge(g, owner: c.owner, negated: false)
            if truth == .violated, causes.flatMap(\.fix).allSatisfy(state.gateSteps.contains), !causes.isEmpty { return nil }
            return truth == .unknown ? nil : truth == .satisfied
        }
        return r.holds(value: value, gate: gate, on)
    }

    private func versionFailure(_ state: State) -> Failure? {
        guard let removal = state.removal else { return nil }
        let have = facts.snapshot.version?.value
        let target = [have, state.minimum?.version].compactMap { $0 }.max()
        guard let target, target >= removal.version else { return nil }
        let name = evaluator.featureName(removal.feature)
        if let minimum = state.minimum, minimum.version >= removal.version {
            return Failure(reasons: [evaluator.messages.contradictoryVersion(needs: minimum.version, removedIn: removal.version, feature: name)])
        }
        return Failure(reasons: [evaluator.messages.removedVersion(name, removedIn: removal.version, has: have, .violated)])
    }

    /// How many switches an alternative needs given what is fixed; nil when it contradicts it.
    private func cost(_ f: Formula, _ state: State) -> Int? {
        switch f {
        case .unresolved, .impossible: return nil
        case .on(let y, _):
            if let fixed = state.fixed[y] { return fixed.on ? 0 : nil }
            return facts.isOn(y) == true ? 0 : 1
        case .switchOn(let y, _):
            if state.keptOff[y] != nil { return nil }
            if let fixed = state.fixed[y] { return fixed.on ? (state.switchedOnBy[y] == nil ? 0 : 1) : nil }
            return 1
        case .notSwitchedOn(let y, _):
            return state.enables.contains(y) ? nil : 0
        case .off(let z, _):
            if let fixed = state.fixed[z] { return fixed.on ? nil : 0 }
            return facts.isOn(z) == false ? 0 : 1
        case .all(let parts):
            var total = 0
            for p in parts {
                guard let c = cost(p, state) else { return nil }
                total += c
            }
            return total
        case .any(let parts):
            return parts.compactMap { cost($0, state) }.min()
        case .value(let c, let negated, _):
            return valueCost(c, negated: negated, state)
        case .atLeast(let k, let parts):
            let costs = parts.compactMap { cost($0, state) }.sorted()
            return costs.count < k ? nil : costs.prefix(Swift.max(k, 0)).reduce(0, +)
        case .when:
            return 0
        case .mandatoryFrom(let y, let since, _):
            if let fixed = state.fixed[y] { return fixed.on ? 0 : nil }
            return state.minimum.map { $0.version >= since } == true ? 0 : 1
        case .gate(let truth, let steps, _):
            if truth == .satisfied { return 0 }
            return truth == .violated && steps.isEmpty ? nil : steps.filter { !state.gateSteps.contains($0) }.count
        }
    }

    // MARK: - Steps

    /// The steps of a consistent state: data to provide, the upgrade, settings, switches off,
    /// then switches on with what each needs first.
    private mutating func steps(for state: State, goals: [Int]) -> [PlanStep] {
        var out: [PlanStep] = []
        for f in state.unknownFeatures {
            out.append(evaluator.provide(evaluator.messages.missingState(evaluator.featureName(f), system: evaluator.system(of: f))))
        }
        if let minimum = state.minimum {
            let upgrade = evaluator.productUpgradeStep(to: minimum.version)
            if let have = facts.snapshot.version?.value {
                if have < minimum.version { out.append(upgrade) }
            } else if state.upgradeMakesMandatory {
                out.append(upgrade)
            } else {
                out.append(evaluator.provide(evaluator.messages.missingVersion))
            }
        } else if state.removal != nil, facts.snapshot.version == nil {
            out.append(evaluator.provide(evaluator.messages.missingVersion))
        }
        out += valueSteps(state)
        for z in state.disables {
            out.append(evaluator.switchStep(z, on: false))
        }
        for y in dependencyOrder(Set(state.enables), goals: goals, found: state.enables, switchedOnBy: state.switchedOnBy) {
            out.append(evaluator.switchStep(y, on: true))
        }
        return out
    }

    /// The features to switch on, each after the features its requirements mention, or the
    /// features that switch those on (post-order from the goals, with an explicit stack).
    private func dependencyOrder(_ enabling: Set<Int>, goals: [Int], found: [Int], switchedOnBy: [Int: Int]) -> [Int] {
        var out: [Int] = []
        var done = Set<Int>()
        var visiting = Set<Int>()
        for start in goals + found where !done.contains(start) {
            var stack: [(Int, Bool)] = [(start, false)]
            while let (f, expanded) = stack.popLast() {
                if expanded {
                    if done.insert(f).inserted, enabling.contains(f) { out.append(f) }
                    continue
                }
                guard !done.contains(f), visiting.insert(f).inserted else { continue }
                stack.append((f, true))
                for m in graph.mentions[f].reversed() {
                    guard let y = enabling.contains(m) ? m : switchedOnBy[m], !done.contains(y) else { continue }
                    stack.append((y, false))
                }
            }
        }
        return out
    }
}
