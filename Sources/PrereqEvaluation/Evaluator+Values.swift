import Diagnostics
import Foundation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// One test of a condition on a value, as a plan must meet it: the test, and whether it must fail.
package typealias ValueTest = (test: ValueCondition.Test, negated: Bool)

extension EnvironmentFacts {
    /// The values a setting has where it applies: one per channel for a channel setting (a
    /// channel without its own value has the environment's), else the environment's. Nil values
    /// are not given. With `channel`, a channel setting is read in that channel only.
    package func settingValues(_ s: Int, in channel: String? = nil) -> [PlacedValue] {
        let setting = graph.pack.settings[s]
        let entry = self.setting(s)
        if setting.scope == .channel, let channel {
            return [(channel, entry?.channels.first { $0.channel == channel }?.value ?? entry?.value)]
        }
        if setting.scope == .channel, let channels = snapshot.channels?.map(\.value) ?? entry.map({ $0.channels.map(\.channel) }), !channels.isEmpty {
            return channels.map { c in (c, entry?.channels.first { $0.channel == c }?.value ?? entry?.value) }
        }
        return [(nil, entry?.value ?? entry?.channels.first?.value)]
    }

    /// Whether every place the setting applies has a value that passes every test (nil: some value is not given).
    package func settingMeets(_ s: Int, _ tests: [ValueTest]) -> Bool? {
        let type = graph.pack.settings[s].type
        return PlacedValues.meet(settingValues(s), tests.map { ($0.test.reading(as: type), $0.negated) })
    }

    /// Whether the feature serves a value passing every test (nil: the snapshot does not say what it serves).
    package func servedMeets(_ f: Int, _ tests: [ValueTest]) -> Bool? {
        guard let v = feature(f)?.servedVariation?.value else { return nil }
        return tests.allSatisfy { $0.test.holds(for: v, negated: $0.negated) }
    }
}

extension Evaluator {
    /// The condition a value condition of `owner`'s requirements states (or, `negated`, its opposite).
    package mutating func valueConditionNode(_ c: ValueCondition, owner: Int, negated: Bool) -> Int {
        switch c.subject {
        case .setting(let id):
            guard let s = graph.settingIndex[id.value] else {
                return add(.unknown, messages.missingSetting(id.value, in: nil), cause: .missingData, subject: id.value, evidence: Evidence(rule: id.location))
            }
            return settingConditionNode(s, c.test, negated: negated, rule: c.location, owner: owner)
        case .attribute(let id):
            guard let a = graph.attributeIndex[id.value] else {
                let missing = messages.missingAttribute(id.value, source: messages.attributeSource(id.value, perChannel: false), in: nil)
                return add(.unknown, missing, cause: .missingData, subject: id.value, evidence: Evidence(rule: id.location))
            }
            return attributeConditionNode(a, c.test, negated: negated, rule: c.location, owner: owner)
        case .feature(let id):
            guard let y = graph.featureIndex[id.value] else {
                return add(.unknown, messages.featureOn(id.value, .unknown), cause: .missingData, subject: id.value, evidence: Evidence(rule: id.location))
            }
            let state = negated ? featureOffNode(y, because: owner, rule: id.location) : featureOnNode(y, rule: id.location)
            var children = [state]
            var fix: [PlanStep] = []
            if let served = servedNode(y, c.test, negated: negated, rule: c.location, owner: owner) {
                children.append(served)
            } else if !negated, facts.isOn(y) == false {
                // Off, and what it will serve is not given: the plan makes it serve the value.
                fix = servedSteps(y, [(c.test, false)])
            }
            let truths = children.map { nodes[$0].truth }
            let truth = negated ? Truth.any(truths) : Truth.all(truths)
            return add(
                truth, words(truth) ? messages.featureServes(featureName(y), c.test, negated: negated, truth) : "", subject: id.value,
                subjectName: featureName(y), evidence: Evidence(rule: c.location), children: children, fix: fix, anyOf: negated)
        }
    }

    /// "Setting s passes the test" wherever it applies (each channel for a channel setting).
    /// Equality keeps the sentences of a feature's `settings`.
    package mutating func settingConditionNode(_ s: Int, _ written: ValueCondition.Test, negated: Bool, rule: SourceLocation, owner: Int) -> Int {
        memoisedNode(inFocus(.value(s, written, negated: negated, feature: false))) { e in
            let setting = e.pack.settings[s]
            let name = e.settingName(s)
            let ownerIndex = owner
            let owner = e.featureName(owner)
            // Read as the setting's type, as the snapshot's values are (`"15"` is 15 for an int).
            let test = written.reading(as: setting.type)
            let checks = e.facts.settingValues(s, in: e.focus)
            let missing = checks.filter { $0.value == nil }
            let wrong = checks.filter { $0.value.map { !test.holds(for: $0.value, negated: negated) } ?? false }
            let channelList = PlacedValues.channels
            let isEquality: Bool
            if case .equals = test { isEquality = !negated } else { isEquality = false }
            func sentence(_ name: String = name, has: SettingValue?, in c: String?, _ truth: Truth) -> String {
                if case .equals(let needs) = test, isEquality { return e.messages.setting(name, needs: needs, has: truth == .satisfied ? needs : has, in: c, for: owner, truth) }
                return e.messages.settingCondition(name, test, negated: negated, has: has, in: c, for: owner, truth)
            }
            if let first = wrong.first {
                // Beyond equality (whose sentence names one value), each wrong value with its channels.
                let byValue = PlacedValues.byValue(wrong)
                var message = sentence(has: first.value?.value, in: channelList(wrong), .violated)
                if byValue.count > 1, !isEquality {
                    message = e.messages.settingConditionFails(name, test, negated: negated, values: byValue, for: owner)
                }
                let n = e.add(
                    .violated, message, cause: .setting, subject: setting.id.value, subjectName: name,
                    evidence: Evidence(snapshot: first.value?.location, rule: rule), fix: e.settingFix(s, (test, negated), owner: ownerIndex))
                e.nodes[n].channels = wrong.compactMap(\.channel)
                return n
            }
            if !missing.isEmpty {
                // Where to find the value is part of what is missing.
                let place = setting.whereToFind?.text(in: e.language.tag).map { " (\($0))" } ?? ""
                let what = sentence(name + place, has: nil, in: channelList(missing), .unknown)
                let n = e.add(
                    .unknown, what, cause: .missingData, subject: setting.id.value, subjectName: name, evidence: Evidence(snapshot: e.facts.setting(s)?.name.location, rule: rule),
                    fix: [e.provide(e.messages.missingSetting(name, in: channelList(missing)), whereToFind: setting.whereToFind?.text(in: e.language.tag))])
                e.nodes[n].channels = missing.compactMap(\.channel)
                return n
            }
            return e.add(
                .satisfied, e.words(.satisfied) ? sentence(has: checks.first?.value?.value, in: nil, .satisfied) : "", cause: .setting,
                subject: setting.id.value, subjectName: name, evidence: Evidence(snapshot: checks.first?.value?.location, rule: rule))
        }
    }

    /// The fix of one failing test on setting s: a value that also passes the other tests
    /// `owner` always puts s to (its all-of conditions and `settings`), so that one step serves
    /// them all, unless no value can be named for them together.
    mutating func settingFix(_ s: Int, _ test: ValueTest, owner: Int) -> [PlanStep] {
        let alone = settingSteps(s, [test], includeMissing: false)
        let feature = pack.features[owner]
        var tests = [test]
        var stack = feature.requires.map { [$0] } ?? []
        while let r = stack.popLast() {
            switch r {
            case .allOf(let parts, _): stack += parts
            case .value(let c): if case .setting(let id) = c.subject, graph.settingIndex[id.value] == s { tests.append((c.test, false)) }
            case .feature, .anyOf, .not, .count, .when, .recommended, .gate, .eachChannel: break
            }
        }
        for r in feature.settings where graph.settingIndex[r.setting.value] == s { tests.append((.equals(r.value), false)) }
        let type = pack.settings[s].type
        let typed = tests.map { (test: $0.test.reading(as: type), negated: $0.negated) }
        guard typed.count > 1 else { return alone }
        let together = settingSteps(s, typed, includeMissing: false)
        return together.contains { $0.action == .provideData } ? alone : together
    }

    /// "y serves a value that passes the test", or nil when the snapshot does not say what y
    /// serves and y is not on (whether it is on decides then).
    mutating func servedNode(_ y: Int, _ test: ValueCondition.Test, negated: Bool, rule: SourceLocation, owner: Int) -> Int? {
        let served = facts.feature(y)?.servedVariation
        guard served != nil || facts.isOn(y) == true else { return nil }
        return memoisedNode(.value(y, test, negated: negated, feature: true)) { e in
            let id = e.pack.features[y].id.value
            let name = e.featureName(y)
            let ownerName = e.featureName(owner)
            guard let served else {
                return e.add(
                    .unknown, e.messages.served(name, test, negated: negated, has: nil, for: ownerName, .unknown), cause: .missingData, subject: id, subjectName: name,
                    evidence: Evidence(snapshot: e.facts.feature(y)?.name.location, rule: rule), fix: [e.provide(e.messages.missingServed(name))])
            }
            let truth: Truth = test.holds(for: served.value, negated: negated) ? .satisfied : .violated
            let below = truth == .violated ? e.offVariationCauses(y, served: served.value) : []
            return e.add(
                truth, e.words(truth) ? e.messages.served(name, test, negated: negated, has: served.value, for: ownerName, truth) : "", cause: .value, subject: id,
                subjectName: name, evidence: Evidence(snapshot: served.location, rule: rule), children: below,
                fix: truth == .violated ? e.servedSteps(y, [(test, negated)]) : [])
        }
    }

    /// The steps that make setting s pass every test where it does not: a `set` per value
    /// needed (with the channels, when only some need it), or a step a person must take when no
    /// value can be named; with `includeMissing`, first the values the snapshot does not give.
    package func settingSteps(_ s: Int, _ tests: [ValueTest], includeMissing: Bool) -> [PlanStep] {
        let setting = pack.settings[s]
        let name = settingName(s)
        let whereToFind = setting.whereToFind?.text(in: language.tag)
        let typed = tests.map { (test: $0.test.reading(as: setting.type), negated: $0.negated) }
        let allowed = setting.allowedValues.map(\.value)
        let checks = facts.settingValues(s, in: focus)
        var out: [PlanStep] = []
        let missing = checks.filter { $0.value == nil }
        if includeMissing, !missing.isEmpty {
            let channels = missing.compactMap(\.channel)
            out.append(provide(messages.missingSetting(name, in: channels.isEmpty ? nil : channels.joined(separator: ", ")), whereToFind: whereToFind))
        }
        let failing = checks.compactMap { check in
            check.value.flatMap { v in typed.allSatisfy { $0.test.holds(for: v.value, negated: $0.negated) } ? nil : (check.channel, v.value) }
        }
        guard !failing.isEmpty else { return out }
        // Where each failing place is set to: the first value that passes every test.
        var targets: [(value: SettingValue?, channels: [String])] = []
        for (channel, current) in failing {
            let candidates = typed.compactMap { $0.test.satisfyingValue(from: current, negated: $0.negated, allowed: allowed) } + allowed
            let target = candidates.first { c in typed.allSatisfy { $0.test.holds(for: c, negated: $0.negated) } }
            if let i = targets.firstIndex(where: { $0.value == target }) {
                if let channel { targets[i].channels.append(channel) }
            } else {
                targets.append((target, channel.map { [$0] } ?? []))
            }
        }
        // In one channel's judgement, the step is for that channel only.
        let everywhere = focus == nil && failing.count == checks.count && targets.count == 1
        for (target, channels) in targets {
            var details: [String: String] = [:]
            if !everywhere, !channels.isEmpty { details["channels"] = channels.joined(separator: ",") }
            guard let target else {
                details["choose"] = "value"
                guard let first = typed.first(where: { t in failing.contains { !t.test.holds(for: $0.1, negated: t.negated) } }) ?? typed.first else { continue }
                out.append(PlanStep(
                    action: .provideData, subject: setting.id.value, subjectName: name,
                    message: messages.stepChooseValue(name, first.test, negated: first.negated, channels: channels, whereToFind: whereToFind), details: details))
                continue
            }
            details["value"] = target.description
            if case .list(let items) = target { details["items"] = Self.itemsText(items) }
            out.append(PlanStep(
                action: .set, subject: setting.id.value, subjectName: name,
                message: messages.stepSet(name, target, channels: channels, whereToFind: whereToFind), details: details))
        }
        return out
    }

    /// The step that makes feature y serve a value passing every test (a person chooses it when
    /// no value can be named).
    package func servedSteps(_ y: Int, _ tests: [ValueTest]) -> [PlanStep] {
        let id = pack.features[y].id.value
        let name = featureName(y)
        let current = facts.feature(y)?.servedVariation?.value
        let candidates = tests.compactMap { $0.test.satisfyingValue(from: current, negated: $0.negated, allowed: []) }
        guard let target = candidates.first(where: { c in tests.allSatisfy { $0.test.holds(for: c, negated: $0.negated) } }) else {
            let first = tests.first ?? (.serving(.bool(true)), false)
            return [PlanStep(
                action: .provideData, subject: id, subjectName: name,
                message: messages.stepChooseValue(name, first.test, negated: first.negated, channels: [], whereToFind: nil), details: ["choose": "value"])]
        }
        return [PlanStep(action: .set, subject: id, subjectName: name, message: messages.stepServe(name, target), details: ["value": Self.servedText(target)])]
    }

    /// A served value as an export writes it (`true`, not `on`).
    static func servedText(_ v: SettingValue) -> String {
        if case .bool(let b) = v { return b ? "true" : "false" }
        return v.description
    }

    /// A list's items as a JSON array of texts (`details["items"]`), which the simulator reads back.
    static func itemsText(_ items: [SettingValue]) -> String {
        let texts = items.map { servedText($0) }
        guard let data = try? JSONSerialization.data(withJSONObject: texts), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }

    func provide(_ what: String, whereToFind: String?) -> PlanStep {
        var step = provide(what)
        if let whereToFind {
            step.message = messages.stepProvide(what) + " (\(whereToFind))"
            step.details["whereToFind"] = whereToFind
        }
        return step
    }
}
