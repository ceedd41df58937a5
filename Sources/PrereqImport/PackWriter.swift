import PrereqBasics
import PrereqModel

/// Writes what an import read as ordinary Prereq files: the rule pack
/// (`rules/imported-PLATFORM.yaml`) and one snapshot per environment (`snapshots/ENV.yaml`).
/// Every text from the input is written double-quoted with escapes, so no key, value or note
/// can change the YAML's structure.
public enum PackWriter {
    /// The rule pack's path inside the output folder.
    public static func rulesPath(_ platform: FlagPlatform) -> String { "rules/imported-\(platform.rawValue).yaml" }

    /// A snapshot's path inside the output folder: the environment's name with every character
    /// but letters, digits, `.`, `_` and `-` replaced by `-`.
    public static func snapshotPath(_ environment: String) -> String {
        var name = String(environment.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-") ? Character(s) : "-"
        })
        if name.isEmpty || name.allSatisfy({ $0 == "." }) { name = "environment" }
        return "snapshots/\(name).yaml"
    }

    /// The rule pack: a feature per flag, in key order.
    public static func rules(_ result: ImportResult, sources: [String]) -> String {
        var out = header(result.platform, sources)
        out += "prereq: 1\n"
        if result.requirementsDifferByEnvironment {
            // Prerequisites some environments only have are conditioned on the snapshot's name.
            let names = result.environments.map { quoted($0.name) }.joined(separator: ", ")
            out += "attributes:\n  environment: {name: \"Environment\", values: [\(names)]}\n"
        }
        guard !result.flags.isEmpty else { return out + "features: {}\n" }
        out += "features:\n"
        for flag in result.flags {
            out += "  \(quoted(flag.key)):\n"
            out += "    system: \(quoted(result.platform.displayName))\n"
            out += "    flag:\n      platform: \(result.platform.rawValue)\n"
            if let variations = flag.variations { out += "      variations: [\(variations.map(quoted).joined(separator: ", "))]\n" }
            if let off = flag.offVariation { out += "      offVariation: \(quoted(off))\n" }
            if flag.archived { out += "      archived: true\n" }
            let remarks = (flag.description.map { [$0] } ?? []) + flag.notes.map { "Import: \($0)" }
            if !remarks.isEmpty { out += "    note: \(quoted(remarks.joined(separator: "\n")))\n" }
            if !flag.requires.isEmpty || !flag.requiresIn.isEmpty {
                out += "    requires:\n"
                for r in flag.requires { out += "      - \(flow(r))\n" }
                for r in flag.requiresIn { out += "      - {when: \(environmentTest(r.environments)), then: \(flow(r.requirement))}\n" }
            }
        }
        return out
    }

    /// One environment's snapshot, taken at `takenAt`.
    public static func snapshot(_ environment: ImportedEnvironment, platform: FlagPlatform, source: String, takenAt: Timestamp) -> String {
        var out = header(platform, [source])
        out += "prereq: 1\nsnapshot:\n  environment: \(quoted(environment.name))\n  takenAt: \(takenAt)\n"
        guard !environment.states.isEmpty else { return out + "features: {}\n" }
        out += "features:\n"
        for (key, state) in environment.states {
            var fields = ["enabled: \(state.enabled)"]
            if let served = state.served { fields.append("servedVariation: \(quoted(served))") }
            out += "  \(quoted(key)): {\(fields.joined(separator: ", "))}\n"
        }
        return out
    }

    private static func header(_ platform: FlagPlatform, _ sources: [String]) -> String {
        // Comments end at a line break: file names are written with any line break replaced.
        let names = sources.map { String($0.map { $0.isNewline ? " " : $0 }) }.joined(separator: ", ")
        return "# Written by `prereq import \(platform.rawValue)` from \(names).\n"
            + "# A new import rewrites this file; keep rules of your own in other files.\n"
    }

    /// A requirement in YAML's flow style.
    static func flow(_ r: ImportedRequirement) -> String {
        switch r {
        case .on(let p): return quoted(p)
        case .off(let p): return "{not: \(quoted(p))}"
        case .serving(let p, let values):
            let conditions = values.map { "{feature: \(quoted(p)), serving: \(quoted($0))}" }
            return conditions.count == 1 ? conditions[0] : "{anyOf: [\(conditions.joined(separator: ", "))]}"
        case .servesOnlyWhen(let flag, let value, let ways):
            let each = ways.map { way in way.count == 1 ? flow(way[0]) : "{allOf: [\(way.map(flow).joined(separator: ", "))]}" }
            let then = each.count == 1 ? each[0] : "{anyOf: [\(each.joined(separator: ", "))]}"
            return "{when: {feature: \(quoted(flag)), serving: \(quoted(value))}, then: \(then)}"
        }
    }

    /// The condition that the snapshot is of one of `environments`.
    static func environmentTest(_ environments: [String]) -> String {
        environments.count == 1
            ? "{attribute: environment, equals: \(quoted(environments[0]))}"
            : "{attribute: environment, in: [\(environments.map(quoted).joined(separator: ", "))]}"
    }

    /// `text` as a YAML double-quoted scalar (`YAMLQuoting`).
    public static func quoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }
}
