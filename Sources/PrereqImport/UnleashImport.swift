import PrereqMessages

/// Reads Unleash's feature export (`features`, `featureEnvironments`, `featureStrategies`,
/// `dependencies`, …): each file holds the environments it was exported with (one per export
/// of the Admin API); several files merge, features and dependencies named once.
///
/// A dependency `{"feature": P, "enabled": true, "variants": [a, b]}` of a child becomes
/// `{anyOf: [{feature: P, serving: a}, {feature: P, serving: b}]}` (one variant: the condition
/// alone; no variants: P on; `enabled: false`: `{not: P}`).
enum UnleashImport {
    /// The variant Unleash serves when a feature has none, or is disabled.
    static let disabledVariant = "disabled"

    static func read(_ files: [JSONInput], messages: Messages) throws -> ImportResult {
        var result = ImportResult(platform: .unleash)
        var index: [String: Int] = [:]
        // Environment → feature → (enabled, variant names), in the export's order.
        var environments: [(name: String, states: [(String, Bool, [String])])] = []
        var strategyVariants: [String: [String: [String]]] = [:]  // environment → feature → names
        for input in files {
            guard let features = try input.field("features") else {
                throw input.fail(messages.notPlatformFormat("Unleash", "features"))
            }
            for f in try features.array() {
                let name = try f.required("name").string()
                guard index[name] == nil else { continue }
                index[name] = result.flags.count
                var flag = ImportedFlag(key: name, description: try f.field("description")?.string().nonEmpty)
                flag.archived = try f.field("archived")?.bool() == true || f.field("archivedAt") != nil
                result.flags.append(flag)
            }
            for s in try input.field("featureStrategies")?.array() ?? [] {
                guard let feature = try s.field("featureName")?.string(), let env = try s.field("environment")?.string() else { continue }
                let names = try (s.field("variants")?.array() ?? []).map { try $0.required("name").string() }
                strategyVariants[env, default: [:]][feature, default: []] += names
            }
            for e in try input.field("featureEnvironments")?.array() ?? [] {
                let feature = try (e.field("featureName") ?? e.required("name")).string()
                let env = try e.required("environment").string()
                let enabled = try e.required("enabled").bool()
                let variants = try (e.field("variants")?.array() ?? []).map { try $0.required("name").string() }
                if let i = environments.firstIndex(where: { $0.name == env }) {
                    environments[i].states.append((feature, enabled, variants))
                } else {
                    environments.append((env, [(feature, enabled, variants)]))
                }
            }
            for d in try input.field("dependencies")?.array() ?? [] {
                let child = try d.required("feature").string()
                guard let i = index[child] else { throw d.fail(messages.unknownFeature(child)) }
                for p in try d.required("dependencies").array() {
                    let parent = try p.required("feature").string()
                    let variants = try (p.field("variants")?.array() ?? []).map { try $0.string() }
                    let r: ImportedRequirement =
                        try p.field("enabled")?.bool() == false ? .off(parent) : variants.isEmpty ? .on(parent) : .serving(parent, variants)
                    // Exports of several environments each list the dependencies (they are not per environment).
                    if !result.flags[i].requires.contains(r) { result.flags[i].requires.append(r) }
                }
            }
        }
        // The variants a feature has anywhere; none means it serves only `disabled`.
        for i in result.flags.indices {
            let key = result.flags[i].key
            var names: [String] = []
            for env in environments {
                for (feature, _, variants) in env.states where feature == key { names += variants }
                names += strategyVariants[env.name]?[key] ?? []
            }
            var unique: [String] = []
            for n in names where !unique.contains(n) { unique.append(n) }
            result.flags[i].variations = unique.isEmpty ? [disabledVariant] : unique
            result.flags[i].offVariation = disabledVariant
        }
        for env in environments {
            var out = ImportedEnvironment(name: env.name)
            for (feature, enabled, variants) in env.states {
                let all = Set(variants + (strategyVariants[env.name]?[feature] ?? []))
                out.states.append((feature, ImportedState(enabled: enabled, served: enabled && all.count == 1 ? all.first : nil)))
            }
            result.environments.append(out)
        }
        return result
    }
}

extension String {
    /// nil for an empty text.
    var nonEmpty: String? { isEmpty ? nil : self }
}
