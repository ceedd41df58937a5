import Diagnostics
import PrereqMessages
import PrereqModel

/// `when-never-holds`, `when-contradicts`, `group-never-satisfied`: conditional
/// requirements and groups that no switch state can meet, found by trying every state of the
/// features they name (with the pack's conflicts), up to `maxFeatures` of them.
/// `severity-misplaced`: a recommendation where it always counts as met, or never can be.
/// `each-channel-unscoped`: an `eachChannel` requirement that reads nothing per channel.
/// An `eachChannel` with `where` is checked as the conditional requirement it is in each channel.
enum StructureCheck {
    /// Larger conditions are not tried (2^n states).
    static let maxFeatures = 12

    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Trees of feature references alone have none of what is checked here.
        for i in graph.pack.features.indices where graph.usesConstructs[i] {
            let feature = graph.pack.features[i]
            guard let r = feature.requires else { continue }
            for at in misplacedSeverities(r, exposed: true) {
                out.append(
                    Diagnostic(
                        code: "severity-misplaced", severity: .warning, message: messages.severityMisplaced(feature.id.value), location: at,
                        help: messages.severityMisplacedHelp, subject: feature.id.value))
            }
            let id = feature.id.value
            // Only groups and conditions: most features have neither.
            let structural = r.collect { node -> Requirement? in
                switch node {
                case .when, .count, .eachChannel: node
                default: nil
                }
            }
            for node in structural {
                switch node {
                case .when(let condition, let then, let at):
                    out += conditional(condition, then, at: at, key: "when", of: id, graph, messages)
                case .eachChannel(let part, let condition, let at):
                    if let condition { out += conditional(condition, part, at: at, key: "where", of: id, graph, messages) }
                    if !readsPerChannel(node, graph) {
                        out.append(
                            Diagnostic(
                                code: "each-channel-unscoped", severity: .warning, message: messages.eachChannelUnscoped(id), location: at,
                                help: messages.eachChannelUnscopedHelp, subject: id))
                    }
                case .count(let parts, let min, let max, let at):
                    let reason: String?
                    if min > parts.count {
                        reason = messages.groupTooFewMembers(min: min, members: parts.count)
                    } else if let max, min > max {
                        reason = messages.groupLimitsCross(min: min, max: max)
                    } else if satisfiable(node, graph) == false {
                        reason = messages.groupMembersExclude
                    } else {
                        reason = nil
                    }
                    if let reason {
                        out.append(
                            Diagnostic(
                                code: "group-never-satisfied", severity: .error, message: messages.groupNeverSatisfied(id, because: reason), location: at,
                                help: messages.groupNeverSatisfiedHelp, subject: id))
                    }
                default: break
                }
            }
        }
        return out
    }

    /// `when-never-holds` / `when-contradicts` for a condition (`key`) and what it requires.
    private static func conditional(
        _ condition: Requirement, _ then: Requirement, at: SourceLocation, key: String, of id: String, _ graph: RuleGraph, _ messages: Messages
    ) -> [Diagnostic] {
        if satisfiable(condition, graph) == false {
            return [
                Diagnostic(
                    code: "when-never-holds", severity: .warning, message: messages.whenNeverHolds(id, key: key), location: at,
                    related: [RelatedLocation(condition.location, messages.conditionHere)], help: messages.whenNeverHoldsHelp, subject: id)
            ]
        }
        if satisfiable(.allOf([condition, then], at: at), graph) == false {
            return [
                Diagnostic(
                    code: "when-contradicts", severity: .error, message: messages.whenContradicts(id, key: key), location: at,
                    related: [RelatedLocation(then.location, messages.requirementHere)], help: messages.whenContradictsHelp, subject: id)
            ]
        }
        return []
    }

    /// Whether a setting or attribute with `scope: channel` stands anywhere in `r`.
    private static func readsPerChannel(_ r: Requirement, _ graph: RuleGraph) -> Bool {
        r.valueConditions.contains { c in
            switch c.subject {
            case .setting(let id): graph.settingIndex[id.value].map { graph.pack.settings[$0].scope == .channel } ?? false
            case .attribute(let id): graph.attributeIndex[id.value].map { graph.pack.attributes[$0].scope == .channel } ?? false
            case .feature: false
            }
        }
    }

    /// Where a recommendation stands inside an alternative, a `not`, a group or a condition
    /// (`exposed`: reached only through all-of lists and `then`, where it means what it says).
    private static func misplacedSeverities(_ r: Requirement, exposed: Bool) -> [SourceLocation] {
        switch r {
        case .feature, .value, .gate: return []
        case .allOf(let parts, _): return parts.flatMap { misplacedSeverities($0, exposed: exposed) }
        case .anyOf(let parts, _), .count(let parts, _, _, _): return parts.flatMap { misplacedSeverities($0, exposed: false) }
        case .not(let part, _): return misplacedSeverities(part, exposed: false)
        case .when(let condition, let then, _): return misplacedSeverities(condition, exposed: false) + misplacedSeverities(then, exposed: exposed)
        case .recommended(let part, let at): return (exposed ? [] : [at]) + misplacedSeverities(part, exposed: exposed)
        case .eachChannel(let part, let condition, _): return (condition.map { misplacedSeverities($0, exposed: false) } ?? []) + misplacedSeverities(part, exposed: exposed)
        }
    }

    /// Whether some state of the features `r` names (two that conflict never both on) meets it;
    /// nil when it names too many to try. Each gate is taken as free to hold or not, and so is
    /// each condition on a value, except that conditions on one environment setting or
    /// attribute hold together only as one value can make them (`equals: A` and `equals: B`
    /// never both, `atLeast: 5` and `atMost: 3` never both, `notIn` every declared value
    /// never), so only what no values or facts could help is reported.
    static func satisfiable(_ r: Requirement, _ graph: RuleGraph) -> Bool? {
        var ids: [String] = []
        r.forEachFeature { id, _ in if !ids.contains(id.value) { ids.append(id.value) } }
        // A condition written twice (`when: X, then: {not: X}`) is one condition.
        var values: [ValueCondition] = []
        var written: [ConditionText] = []
        for c in r.valueConditions where !written.contains(ConditionText(c)) {
            values.append(c)
            written.append(ConditionText(c))
        }
        var gates: [String] = []
        for g in r.gates where !gates.contains(gateText(g)) { gates.append(gateText(g)) }
        guard ids.count + values.count + gates.count <= maxFeatures else { return nil }
        var exclusive: [(Int, Int)] = []
        for (i, a) in ids.enumerated() {
            guard let x = graph.featureIndex[a] else { continue }
            for (j, b) in ids.enumerated() where j > i {
                if let y = graph.featureIndex[b], graph.conflicts[x].contains(y) { exclusive.append((i, j)) }
            }
        }
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let together = valuesTogether(values, graph)
        for state in 0..<(1 << (ids.count + values.count + gates.count)) {
            func on(_ i: Int) -> Bool { state & (1 << i) != 0 }
            if exclusive.contains(where: { on($0.0) && on($0.1) }) { continue }
            if together.contains(where: { !$0.possible.contains($0.members.map { on(ids.count + $0) }) }) { continue }
            let value = { (c: ValueCondition) in written.firstIndex(of: ConditionText(c)).map { on(ids.count + $0) } }
            let gate = { (g: Gate) in gates.firstIndex(of: gateText(g)).map { on(ids.count + values.count + $0) } }
            if r.holds(value: value, gate: gate, { position[$0].map(on) ?? false }) == true { return true }
        }
        return false
    }

    /// A gate as written, wherever it is written: the same gate twice is one fact.
    static func gateText(_ g: Gate) -> String {
        switch g {
        case .records(let id, _): "records\u{1F}" + id.value
        case .schedule(let id, let maxInterval, _): "schedule\u{1F}" + id.value + "\u{1F}" + (maxInterval.map { String($0.value.seconds) } ?? "")
        case .manual(let id, _): "manual\u{1F}" + id.value
        case .version(let c):
            "component\u{1F}" + c.component.value + "\u{1F}" + [c.atLeast?.value.description, c.atMost?.value.description, c.notNewerThan?.value].map { $0 ?? "" }.joined(separator: "\u{1F}")
        case .event(let c):
            c.kind.rawValue + "\u{1F}" + c.subject.value + "\u{1F}" + {
                switch c.event {
                case .update: "update"
                case .setting(let s): "setting\u{1F}" + s.value
                case .component(let c): "component\u{1F}" + c.value
                }
            }()
        }
    }

    /// A value condition as written, wherever it is written.
    struct ConditionText: Equatable {
        var subject: String
        var test: ValueCondition.Test

        init(_ c: ValueCondition) {
            switch c.subject {
            case .feature(let id): subject = "feature\u{1F}" + id.value
            case .setting(let id): subject = "setting\u{1F}" + id.value
            case .attribute(let id): subject = "attribute\u{1F}" + id.value
            }
            test = c.test
        }
    }

    /// The conditions of `values` on each environment setting or attribute (not a list, nor
    /// tests of lists), with the combinations of their truths that one value of it gives: each
    /// declared value when the pack declares them (and a literal outside them), else each
    /// literal, its neighbours for a number (a range changes at them), and one other value.
    static func valuesTogether(_ values: [ValueCondition], _ graph: RuleGraph) -> [(members: [Int], possible: Set<[Bool]>)] {
        var groups: [String: (members: [Int], tests: [ValueCondition.Test], type: SettingType, declared: [SettingValue])] = [:]
        var order: [String] = []
        for (i, c) in values.enumerated() {
            let subject: String, test: ValueCondition.Test, type: SettingType, declared: [SettingValue]
            switch c.subject {
            case .setting(let id):
                guard let s = graph.settingIndex[id.value].map({ graph.pack.settings[$0] }), s.scope == .environment, s.type != .list else { continue }
                (subject, test, type) = ("setting\u{1F}" + s.id.value, c.test.reading(as: s.type), s.type)
                declared = s.allowedValues.map { $0.value.read(as: s.type) ?? $0.value }
            case .attribute(let id):
                guard let a = graph.attributeIndex[id.value].map({ graph.pack.attributes[$0] }), a.scope == .environment,
                    Attribute.environmentField(a.id.value) != "legalEntities"
                else { continue }
                (subject, test, type) = ("attribute\u{1F}" + a.id.value, c.test.asText, .string)
                declared = a.values.map { SettingValue.string($0.value) }
            case .feature:
                continue
            }
            if case .contains = test { continue }
            if case .order = test { continue }
            if groups[subject] == nil { order.append(subject) }
            groups[subject, default: ([], [], type, declared)].members.append(i)
            groups[subject]?.tests.append(test)
        }
        return order.compactMap { subject in
            guard let g = groups[subject] else { return nil }
            // A literal outside the declared values counts as possible: `value-not-allowed`
            // reports it, and one mistake is one finding.
            var domain = g.declared + g.tests.flatMap(\.literals).filter { v in !g.declared.contains { $0.matches(v) } }
            if g.declared.isEmpty {
                switch g.type {
                case .bool: domain = [.bool(true), .bool(false)]
                case .int:
                    domain = [.int(0)]
                    for case .int(let n) in g.tests.flatMap(\.literals) { domain += [n == .min ? n : n - 1, n, n == .max ? n : n + 1].map(SettingValue.int) }
                case .string, .list:
                    domain = g.tests.flatMap(\.literals) + [.string("\u{1}another value")]
                }
            }
            return (g.members, Set(domain.map { value in g.tests.map { $0.holds(for: value) } }))
        }
    }
}
