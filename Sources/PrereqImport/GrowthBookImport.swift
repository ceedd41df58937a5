import PrereqMessages

/// Reads GrowthBook's SDK payload (`{"features": {KEY: {"defaultValue", "rules": [...]}}}`),
/// one file per environment.
///
/// A rule's `parentConditions` with `gate: true` are prerequisites of the whole feature; the
/// condition on the parent's value becomes `{feature: P, serving: V}` (`{"value": V}` or
/// `{"$eq": V}`), an `anyOf` of them (`$in`), P on (`{"$exists": true}`) or `{not: P}`
/// (`{"$exists": false}`). A parent condition without `gate` decides only whether its rule
/// applies: the value the rule serves then needs it, a conditional requirement
/// (`{when: {feature: F, serving: X}, then: …}`), as long as no rule serves X without such a
/// condition and X is not the default value. A condition of another shape is a note.
enum GrowthBookImport {
    struct Feature {
        var defaultValue: JSONInput?
        var boolean: Bool
        var rules: [Rule]
        /// Some rule can serve another value than the default.
        var targeted: Bool

        /// The gates of all rules: prerequisites of the whole feature.
        var gates: [ParentCondition] { rules.flatMap { $0.parents.filter(\.gate) } }
    }

    struct ParentCondition {
        var parent: String
        var condition: JSONInput
        var gate: Bool
    }

    struct Rule {
        var id: String
        var parents: [ParentCondition]
        /// A targeting condition, a rollout or an experiment decides whether it applies (or what it
        /// serves), which the payload alone cannot tell.
        var restricted: Bool
        /// What it serves when it applies: a forced value, or an experiment's variations (as text).
        var serves: [String]
    }

    static func read(_ files: [(environment: String, input: JSONInput)], messages: Messages) throws -> ImportResult {
        var result = ImportResult(platform: .growthBook)
        var perEnvironment: [(String, [(String, Feature)])] = []
        for (environment, input) in files {
            guard let features = try input.field("features") else {
                throw input.fail(messages.notPlatformFormat("GrowthBook", "features"))
            }
            perEnvironment.append((environment, try features.object().map { key, node in (key, try feature(node)) }))
        }
        // Each environment's definitions by key, for the prerequisites each has.
        let lookup = perEnvironment.map { env in (env.0, Dictionary(env.1, uniquingKeysWith: { a, _ in a })) }
        var first: [String: (environment: String, feature: Feature)] = [:]
        for (environment, features) in perEnvironment {
            for (key, f) in features where first[key] == nil { first[key] = (environment, f) }
        }
        for key in first.keys.sorted() {
            guard let (_, f) = first[key] else { continue }
            result.flags.append(ImportedFlag(key: key, variations: f.boolean ? ["true", "false"] : nil, offVariation: offValue))
            let i = result.flags.count - 1
            // Each environment's payload has its own gates and rules.
            var perEnvironment: [(environment: String, requires: [ImportedRequirement])] = []
            var unsaid: [(rule: String, parent: String)] = []
            for (environment, byKey) in lookup {
                guard let mine = byKey[key] else { continue }
                var requires: [ImportedRequirement] = []
                for g in mine.gates {
                    if let r = try requirement(g.parent, g.condition) {
                        requires.append(r)
                    } else {
                        result.note(messages.noteUnsupportedCondition(g.parent, g.condition.text), flag: i)
                    }
                }
                let (conditional, unsaidHere) = try servesOnlyWhen(key, mine, note: { result.note(messages.noteUnsupportedCondition($0, $1), flag: i) })
                requires += conditional
                unsaid += unsaidHere
                perEnvironment.append((environment, requires))
            }
            for c in unsaid { result.note(messages.noteRuleCondition(c.rule, c.parent), flag: i) }
            result.setRequirements(of: i, perEnvironment: perEnvironment)
        }
        for (environment, features) in perEnvironment {
            var env = ImportedEnvironment(name: environment)
            var values = Values(features: Dictionary(features, uniquingKeysWith: { a, _ in a }))
            for (key, f) in features {
                // A feature off in an environment evaluates to null there.
                guard let value = f.defaultValue, !value.isNull || f.targeted else {
                    env.states.append((key, ImportedState(enabled: false)))
                    continue
                }
                env.states.append((key, ImportedState(enabled: true, served: try values.value(of: key))))
            }
            result.environments.append(env)
        }
        return result
    }

    /// What a feature evaluates to when it is off, or a gate of it fails.
    static let offValue = "null"

    /// The conditional requirements a feature's rules say: each value X (other than the default)
    /// that only rules with parent conditions serve needs one of those rules' conditions to hold.
    /// Also the rules whose conditions this cannot say (what they serve is served without them
    /// too); `note` receives each condition of a shape the rule language cannot say.
    static func servesOnlyWhen(
        _ key: String, _ f: Feature, note: (String, String) -> Void
    ) throws -> (requires: [ImportedRequirement], unsaid: [(rule: String, parent: String)]) {
        let base = f.defaultValue?.text ?? offValue
        var values: [String] = []
        for rule in f.rules where rule.parents.contains(where: { !$0.gate }) {
            for v in rule.serves where v != base && !values.contains(v) { values.append(v) }
        }
        var requires: [ImportedRequirement] = []
        var said: Set<Int> = []
        for value in values {
            var ways: [[ImportedRequirement]] = [], rules: [Int] = []
            var always = false
            for (n, rule) in f.rules.enumerated() where rule.serves.contains(value) {
                var way: [ImportedRequirement] = []
                for c in rule.parents where !c.gate {
                    if let r = try requirement(c.parent, c.condition) {
                        if !way.contains(r) { way.append(r) }
                    } else {
                        note(c.parent, c.condition.text)
                    }
                }
                // A rule that serves the value with no condition the pack can say.
                guard !way.isEmpty else { always = true; break }
                if !ways.contains(way) { ways.append(way) }
                rules.append(n)
            }
            guard !always else { continue }
            requires.append(.servesOnlyWhen(flag: key, value: value, ways: ways))
            said.formUnion(rules)
        }
        var unsaid: [(rule: String, parent: String)] = []
        for (n, rule) in f.rules.enumerated() where !said.contains(n) {
            for c in rule.parents where !c.gate {
                if try requirement(c.parent, c.condition) != nil { unsaid.append((rule.id, c.parent)) }
            }
        }
        return (requires, unsaid)
    }

    /// What each feature of one environment serves, as GrowthBook evaluates it: its rules in
    /// order, the first that applies serving its value, else the default value; null when off
    /// or when a gate fails (the parent's value does not pass the condition). A rule whose
    /// parent condition fails is skipped. nil: unknown (more than one value is possible, as
    /// when targeting or a rollout decides a rule, a condition has a shape the import cannot
    /// say, a parent is not in the file, or there is a cycle).
    struct Values {
        let features: [String: Feature]
        var memo: [String: String?] = [:]
        var visiting: Set<String> = []

        init(features: [String: Feature]) { self.features = features }

        mutating func value(of key: String) throws -> String? {
            if let known = memo[key] { return known }
            guard let f = features[key], !visiting.contains(key) else { return nil }
            visiting.insert(key)
            defer { visiting.remove(key) }
            let outcome: String?
            if f.defaultValue.map({ $0.isNull }) ?? true, !f.targeted {
                outcome = offValue
            } else {
                let possible = try outcomes(of: f)
                outcome = possible.count == 1 ? possible[0] : nil
            }
            memo[key] = .some(outcome)
            return outcome
        }

        /// Every value the feature can evaluate to, given what is known of its parents.
        private mutating func outcomes(of f: Feature) throws -> [String] {
            var possible: [String] = []
            func add(_ values: [String]) {
                for v in values where !possible.contains(v) { possible.append(v) }
            }
            for rule in f.rules {
                // true: the rule applies; nil: it may; false: it is skipped.
                var applies: Bool? = true
                for c in rule.parents {
                    let holds = try passes(c)
                    if holds == true { continue }
                    if c.gate {
                        // A failing gate ends the evaluation with null wherever it is reached.
                        add([offValue])
                        if holds == false {
                            if applies == true { return possible }
                            applies = false
                            break
                        }
                    } else if holds == false {
                        applies = false
                        break
                    } else {
                        applies = nil
                    }
                }
                guard applies != false, !rule.serves.isEmpty else { continue }
                add(rule.serves)
                if applies == true, !rule.restricted, rule.serves.count == 1 { return possible }
            }
            add([f.defaultValue?.text ?? offValue])
            return possible
        }

        /// Whether the parent's value passes the condition; nil when unknown.
        private mutating func passes(_ c: ParentCondition) throws -> Bool? {
            guard let r = try requirement(c.parent, c.condition), let parent = try value(of: c.parent) else { return nil }
            switch r {
            case .on: return parent != offValue
            case .off: return parent == offValue
            case .serving(_, let vs): return vs.contains(parent)
            case .servesOnlyWhen: return nil
            }
        }
    }

    /// The requirement a gate's condition on the parent's value says, or nil when it has
    /// another shape.
    static func requirement(_ parent: String, _ condition: JSONInput) throws -> ImportedRequirement? {
        guard let members = try? condition.object(), members.count == 1, members[0].key == "value" else { return nil }
        let test = members[0].value
        guard let ops = try? test.object(), ops.first?.key.hasPrefix("$") == true else {
            return .serving(parent, [test.text])
        }
        guard ops.count == 1 else { return nil }
        let (op, operand) = ops[0]
        switch op {
        case "$eq": return .serving(parent, [operand.text])
        case "$in":
            guard let items = try? operand.array(), !items.isEmpty else { return nil }
            return .serving(parent, items.map(\.text))
        case "$exists":
            guard let b = try? operand.bool() else { return nil }
            return b ? .on(parent) : .off(parent)
        default: return nil
        }
    }

    private static func feature(_ node: JSONInput) throws -> Feature {
        let defaultValue = try node.field("defaultValue")
        let base = defaultValue?.text
        var boolean = base == "true" || base == "false"
        var rules: [Rule] = []
        var targeted = false
        for (n, rule) in try (node.field("rules")?.array() ?? []).enumerated() {
            let id = try rule.field("id")?.string() ?? "#\(n + 1)"
            let parents = try (rule.field("parentConditions")?.array() ?? []).map { p in
                ParentCondition(parent: try p.required("id").string(), condition: try p.required("condition"), gate: try p.field("gate")?.bool() == true)
            }
            let variations = try rule.field("variations")?.array()
            let served = try (rule.field("force").map { [$0] } ?? []) + (variations ?? [])
            for v in served {
                boolean = boolean && (v.text == "true" || v.text == "false")
                if v.text != base { targeted = true }
            }
            rules.append(Rule(id: id, parents: parents, restricted: try restricts(rule) || variations != nil, serves: served.map(\.text)))
        }
        return Feature(defaultValue: defaultValue, boolean: boolean, rules: rules, targeted: targeted)
    }

    /// Whether a rule's targeting condition, rollout (`coverage` below 1, `range`, `filters`)
    /// decides whether it applies.
    private static func restricts(_ rule: JSONInput) throws -> Bool {
        if let condition = try rule.field("condition"), (try? condition.object())?.isEmpty != true { return true }
        if let coverage = try rule.field("coverage"), coverage.text != "1" { return true }
        if try rule.field("range") != nil { return true }
        if let filters = try rule.field("filters"), (try? filters.array())?.isEmpty != true { return true }
        return false
    }
}
