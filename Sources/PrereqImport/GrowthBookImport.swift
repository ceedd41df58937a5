import PrereqMessages

/// Reads GrowthBook's SDK payload (`{"features": {KEY: {"defaultValue", "rules": [...]}}}`),
/// one file per environment.
///
/// A rule's `parentConditions` with `gate: true` are prerequisites of the whole feature; the
/// condition on the parent's value becomes `{feature: P, serving: V}` (`{"value": V}` or
/// `{"$eq": V}`), an `anyOf` of them (`$in`), P on (`{"$exists": true}`) or `{not: P}`
/// (`{"$exists": false}`). A parent condition without `gate` decides only whether its rule
/// applies: a note, as is any condition of another shape.
enum GrowthBookImport {
    struct Feature {
        var defaultValue: JSONInput?
        var boolean: Bool
        var gates: [(parent: String, condition: JSONInput)]
        var ruleConditions: [(rule: String, parent: String)]
        /// Targeting can serve another value than the default.
        var targeted: Bool
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
            // Each environment's payload has its own gates.
            var perEnvironment: [(environment: String, requires: [ImportedRequirement])] = []
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
                for c in mine.ruleConditions { result.note(messages.noteRuleCondition(c.rule, c.parent), flag: i) }
                perEnvironment.append((environment, requires))
            }
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

    /// What each feature of one environment serves, as GrowthBook evaluates it: null when off
    /// or when a gate fails (the parent's value does not pass the condition), else its default
    /// value unless targeting can serve another. nil: unknown (targeting, a gate of a shape
    /// the import cannot say, a parent not in the file, or a cycle).
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
            var outcome: String?
            if f.defaultValue.map({ $0.isNull }) ?? true, !f.targeted {
                outcome = offValue
            } else {
                var unknown = false, failed = false
                for g in f.gates {
                    guard let r = try requirement(g.parent, g.condition), let parent = try value(of: g.parent) else {
                        unknown = true
                        continue
                    }
                    let holds: Bool
                    switch r {
                    case .on: holds = parent != offValue
                    case .off: holds = parent == offValue
                    case .serving(_, let vs): holds = vs.contains(parent)
                    }
                    if !holds { failed = true; break }
                }
                outcome = failed ? offValue : unknown || f.targeted ? nil : f.defaultValue?.text
            }
            memo[key] = .some(outcome)
            return outcome
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
        var gates: [(String, JSONInput)] = [], ruleConditions: [(String, String)] = []
        var targeted = false
        for (n, rule) in try (node.field("rules")?.array() ?? []).enumerated() {
            let id = try rule.field("id")?.string() ?? "#\(n + 1)"
            for p in try rule.field("parentConditions")?.array() ?? [] {
                let parent = try p.required("id").string()
                if try p.field("gate")?.bool() == true {
                    gates.append((parent, try p.required("condition")))
                } else {
                    ruleConditions.append((id, parent))
                }
            }
            // What the rule can serve: a forced value, or an experiment's variations.
            let served = try (rule.field("force").map { [$0] } ?? []) + (rule.field("variations")?.array() ?? [])
            for v in served {
                boolean = boolean && (v.text == "true" || v.text == "false")
                if v.text != base { targeted = true }
            }
        }
        return Feature(defaultValue: defaultValue, boolean: boolean, gates: gates, ruleConditions: ruleConditions, targeted: targeted)
    }
}
