import PrereqGraph
import PrereqModel

/// What a value condition is about, in a search: a setting, or the value a feature serves.
enum ValueKey: Hashable {
    case setting(Int)
    case served(Int)
}

/// Conditions on values in the search: every test on one value is kept together, an
/// alternative whose test no value can pass together with the tests already kept is a
/// contradiction, and the steps set each value to one that passes all of them. An attribute's
/// conditions are constants: never kept as tests, never set.
extension PlanSearch {
    /// The value a condition tests, nil for an attribute (and for an id the pack does not define).
    func key(_ c: ValueCondition) -> ValueKey? {
        switch c.subject {
        case .setting(let id): graph.settingIndex[id.value].map(ValueKey.setting)
        case .feature(let id): graph.featureIndex[id.value].map(ValueKey.served)
        case .attribute: nil
        }
    }

    /// The attribute a condition is about, if it is about one the pack declares.
    func attribute(_ c: ValueCondition) -> Int? {
        guard case .attribute(let id) = c.subject else { return nil }
        return graph.attributeIndex[id.value]
    }

    /// An attribute is a constant of the environment: a condition on one either holds, rules
    /// the owner out (a failure saying it is not available there), or waits for the data.
    func attributeFailure(_ c: ValueCondition, negated: Bool, owner: Int) -> Failure? {
        // One the pack does not declare (a lint finding) decides nothing.
        guard let a = attribute(c) else { return nil }
        let verdict = evaluator.attributeVerdict(a, c.test, negated: negated, owner: owner)
        return verdict.truth == .violated ? Failure(reasons: [verdict.message]) : nil
    }

    /// Keeps the test with the others on its value; a failure when no value passes them all.
    func settle(_ c: ValueCondition, negated: Bool, owner: Int, _ state: inout State) -> Failure? {
        if case .attribute = c.subject { return attributeFailure(c, negated: negated, owner: owner) }
        guard let key = key(c) else { return Failure(reasons: [evaluator.messages.featureOn(c.subject.id.value, .unknown)]) }
        let held = state.valueTests[key] ?? []
        let test: ValueTest = (c.test, negated)
        if held.contains(where: { $0.test == test.test && $0.negated == test.negated }) { return nil }
        guard canPass(key, held + [test]) else {
            let name: String
            switch key {
            case .setting(let s): name = evaluator.settingName(s)
            case .served(let f): name = evaluator.featureName(f)
            }
            if case .equals(let a)? = held.first?.test, held.first?.negated == false, case .equals(let b) = c.test, !negated {
                return Failure(reasons: [evaluator.messages.contradictorySetting(name, a.description, b.description)])
            }
            guard let first = held.first(where: { !canPass(key, [$0, test]) }) ?? held.first else {
                return Failure(reasons: [evaluator.messages.contradictoryCondition(name, c.test, negated: negated, c.test, negated: negated)])
            }
            return Failure(reasons: [evaluator.messages.contradictoryCondition(name, first.test, negated: first.negated, c.test, negated: negated)])
        }
        if state.valueTests[key] == nil { state.valueOrder.append(key) }
        state.valueTests[key, default: []].append(test)
        return nil
    }

    /// Whether some value passes every test: the values the tests name or lead to from what is
    /// there now, and the values the setting allows; where the values are not listed (no
    /// `allowedValues`, not a switch), tests that only exclude values leave others.
    func canPass(_ key: ValueKey, _ tests: [ValueTest]) -> Bool {
        var finite = false
        let typed: [ValueTest]
        var current: [SettingValue?] = [nil]
        var allowed: [SettingValue] = []
        switch key {
        case .setting(let s):
            let setting = graph.pack.settings[s]
            typed = tests.map { ($0.test.reading(as: setting.type), $0.negated) }
            current += facts.settingValues(s).compactMap { $0.value?.value }
            allowed = setting.allowedValues.map(\.value)
            if setting.type == .bool { allowed = [.bool(true), .bool(false)] }
            finite = !allowed.isEmpty
        case .served(let f):
            typed = tests
            current.append(facts.feature(f)?.servedVariation?.value)
        }
        var candidates = allowed + typed.flatMap(\.test.literals)
        for c in current {
            if let c { candidates.append(c) }
            candidates += typed.compactMap { $0.test.satisfyingValue(from: c, negated: $0.negated, allowed: allowed) }
        }
        if candidates.contains(where: { v in typed.allSatisfy { $0.test.holds(for: v, negated: $0.negated) } }) { return true }
        return !finite && typed.allSatisfy { Self.onlyExcludes($0) }
    }

    /// Whether a test only rules values out (`notIn`, or not equal), so unlisted values pass it.
    static func onlyExcludes(_ t: ValueTest) -> Bool {
        switch (t.test, t.negated) {
        case (.noneOf, false), (.equals, true), (.serving, true), (.oneOf, true): true
        default: false
        }
    }

    /// 0 when the value passes the test now, 1 when a step is needed, nil when it cannot pass
    /// together with the tests already kept.
    func valueCost(_ c: ValueCondition, negated: Bool, _ state: State) -> Int? {
        if case .attribute = c.subject { return attribute(c).flatMap { facts.attributeMeets($0, [(c.test, negated)]) } == false ? nil : 0 }
        guard let key = key(c) else { return nil }
        let test: ValueTest = (c.test, negated)
        guard canPass(key, (state.valueTests[key] ?? []) + [test]) else { return nil }
        switch key {
        case .setting(let s): return facts.settingMeets(s, [test]) == true ? 0 : 1
        case .served(let f): return facts.servedMeets(f, [test]) == true ? 0 : 1
        }
    }

    /// The steps that give every value what its tests need, in the order the values came up.
    func valueSteps(_ state: State) -> [PlanStep] {
        var out: [PlanStep] = []
        for key in state.valueOrder {
            let tests = state.valueTests[key] ?? []
            switch key {
            case .setting(let s):
                if facts.settingMeets(s, tests) != true { out += evaluator.settingSteps(s, tests, includeMissing: true) }
            case .served(let f):
                switch facts.servedMeets(f, tests) {
                case true?: break
                case nil where facts.isOn(f) == true: out.append(evaluator.provide(evaluator.messages.missingServed(evaluator.featureName(f))))
                default: out += evaluator.servedSteps(f, tests)
                }
            }
        }
        return out
    }
}
