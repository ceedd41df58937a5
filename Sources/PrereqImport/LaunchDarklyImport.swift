import Foundation
import PrereqMessages

/// Reads LaunchDarkly's flag data (what server-side SDKs read from a file or a relay:
/// `{"flags": {KEY: {...}}, "segments": {...}}`, or the same under `"data"`), one file per
/// environment.
///
/// A prerequisite `{"key": P, "variation": i}` becomes `{feature: P, serving: V}` where V is
/// P's variation i; a flag serves its fallthrough variation when on, unless targeting (rules,
/// targets, a rollout) can serve another, when what it serves is left unknown.
enum LaunchDarklyImport {
    struct Flag {
        var on: Bool
        var prerequisites: [(key: String, variation: Int)]
        var variations: [String]
        var offVariation: Int?
        /// Every variation index it can serve when on.
        var servable: Set<Int>
        var deleted: Bool
    }

    static func read(_ files: [(environment: String, input: JSONInput)], messages: Messages) throws -> ImportResult {
        var result = ImportResult(platform: .launchDarkly)
        var perEnvironment: [(String, [(String, Flag)])] = []
        for (environment, input) in files {
            perEnvironment.append((environment, try flags(in: input, messages)))
        }
        // Each environment's definitions by key, for the prerequisites each has.
        let lookup = perEnvironment.map { env in (env.0, Dictionary(env.1, uniquingKeysWith: { a, _ in a })) }
        // Flags in key order; each defined by the first environment that has it.
        var firstSeen: [String: (environment: String, flag: Flag)] = [:]
        for (environment, flags) in perEnvironment {
            for (key, flag) in flags where firstSeen[key] == nil { firstSeen[key] = (environment, flag) }
        }
        let keys = firstSeen.keys.sorted()
        for key in keys {
            guard let (_, flag) = firstSeen[key] else { continue }
            var imported = ImportedFlag(
                key: key, variations: flag.variations,
                offVariation: flag.offVariation.flatMap { flag.variations.indices.contains($0) ? flag.variations[$0] : nil })
            imported.archived = flag.deleted
            result.flags.append(imported)
        }
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        for key in keys {
            guard let i = index[key], let (_, flag) = firstSeen[key] else { continue }
            for text in duplicates(flag.variations) { result.note(messages.noteSameText(text), flag: i) }
            // Prerequisites are per environment in LaunchDarkly: each environment's own.
            let perEnvironment = lookup.compactMap { environment, byKey in
                byKey[key].map { mine in
                    (environment: environment, requires: mine.prerequisites.map { requirement($0, of: i, parents: firstSeen, &result, messages) })
                }
            }
            result.setRequirements(of: i, perEnvironment: perEnvironment)
        }
        for (environment, flags) in perEnvironment {
            var env = ImportedEnvironment(name: environment)
            var served = Served(flags: Dictionary(flags, uniquingKeysWith: { a, _ in a }))
            for (key, flag) in flags {
                let index = served.variation(of: key)
                let text = index.flatMap { flag.variations.indices.contains($0) ? flag.variations[$0] : nil }
                env.states.append((key, ImportedState(enabled: flag.on, served: flag.on ? text : nil)))
            }
            result.environments.append(env)
        }
        return result
    }

    /// A prerequisite as a requirement: the parent serving its variation `p.variation` (a
    /// missing parent, or a variation it does not have, is also a note on flag `i`).
    static func requirement(
        _ p: (key: String, variation: Int), of i: Int, parents: [String: (environment: String, flag: Flag)], _ result: inout ImportResult,
        _ messages: Messages
    ) -> ImportedRequirement {
        guard let parent = parents[p.key]?.flag else {
            result.note(messages.noteMissingParent(p.key, index: p.variation), flag: i)
            return .on(p.key)
        }
        guard parent.variations.indices.contains(p.variation) else {
            result.note(messages.noteVariationOutOfRange(p.key, index: p.variation, count: parent.variations.count), flag: i)
            return .serving(p.key, [Messages.missingVariation(p.variation)])
        }
        return .serving(p.key, [parent.variations[p.variation]])
    }

    /// What each flag of one environment serves, as LaunchDarkly evaluates it: off, or a
    /// prerequisite not met (the prerequisite off, or serving another variation), serves the
    /// off variation; on, the one variation its targeting can serve. nil: unknown (targeting
    /// can serve several, a prerequisite is unknown, no off variation, or a cycle).
    struct Served {
        let flags: [String: Flag]
        var memo: [String: Int?] = [:]
        var visiting: Set<String> = []

        init(flags: [String: Flag]) { self.flags = flags }

        mutating func variation(of key: String) -> Int? {
            if let known = memo[key] { return known }
            guard let flag = flags[key], !visiting.contains(key) else { return nil }
            visiting.insert(key)
            defer { visiting.remove(key) }
            var outcome: Int?
            if !flag.on {
                outcome = flag.offVariation
            } else {
                var unknown = false, failed = false
                for p in flag.prerequisites {
                    guard let parent = flags[p.key] else { failed = true; break }
                    guard let v = variation(of: p.key) else { unknown = true; continue }
                    if !parent.on || v != p.variation { failed = true; break }
                }
                outcome = failed ? flag.offVariation : unknown ? nil : flag.servable.count == 1 ? flag.servable.first : nil
            }
            memo[key] = .some(outcome)
            return outcome
        }
    }

    /// The texts two or more variations share.
    private static func duplicates(_ texts: [String]) -> [String] {
        var seen: Set<String> = [], out: [String] = []
        for t in texts {
            let k = t.lowercased()
            if seen.contains(k), !out.contains(t) { out.append(t) }
            seen.insert(k)
        }
        return out
    }

    /// The flags of one environment's file, in key order.
    static func flags(in input: JSONInput, _ messages: Messages) throws -> [(String, Flag)] {
        var root = input
        if try root.field("flags") == nil, let data = try root.field("data") { root = data }
        guard let flags = try root.field("flags") else {
            throw root.fail(messages.notPlatformFormat("LaunchDarkly", "flags"))
        }
        return try flags.object().map { key, node in (key, try flag(node)) }
    }

    private static func flag(_ node: JSONInput) throws -> Flag {
        let variations = try node.field("variations")?.array().map(\.text) ?? []
        var servable: Set<Int> = []
        func serves(_ holder: JSONInput) throws {
            if let v = try holder.field("variation") { servable.insert(try v.int()) }
            if let rollout = try holder.field("rollout"), let vs = try rollout.field("variations") {
                for v in try vs.array() {
                    let weight = try v.field("weight")?.int() ?? 1
                    if weight > 0 { servable.insert(try v.required("variation").int()) }
                }
            }
        }
        if let f = try node.field("fallthrough") { try serves(f) }
        for key in ["rules", "targets", "contextTargets"] {
            for item in try node.field(key)?.array() ?? [] { try serves(item) }
        }
        let prerequisites = try (node.field("prerequisites")?.array() ?? []).map { p in
            (key: try p.required("key").string(), variation: try p.required("variation").int())
        }
        return Flag(
            on: try node.field("on")?.bool() ?? false, prerequisites: prerequisites, variations: variations,
            offVariation: try node.field("offVariation")?.int(), servable: servable,
            deleted: try node.field("deleted")?.bool() ?? false)
    }
}
