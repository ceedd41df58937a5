import Diagnostics
import PrereqAnswers
import PrereqGraph
import PrereqMessages
import PrereqModel

/// `prereq impact` as text, Markdown or JSON: what depends on X (each feature with the chain of
/// uses that leads to it and what X's change does to it), then per snapshot what would stop
/// working, what would work better, what is already affected.
public struct ImpactRenderer {
    public let pack: RulePack
    public let language: Language
    private let m: Messages

    public init(pack: RulePack, language: Language) {
        self.pack = pack
        self.language = language
        m = Messages(language)
    }

    /// An element's name for sentences: its display name (the words for the product's version).
    private func name(_ e: PackElement) -> String {
        e.displayName(in: pack, language: language.tag) ?? m.impactKind(e.kind)
    }

    /// How the dependent uses X, as a clause after its name: each link of the chain, the
    /// dependent's own first (`requires "B", which requires "X"`).
    public func how(_ d: Dependent) -> String {
        d.path.reversed().map { link in
            let c = link.context
            return m.impactUse(link.form.rawValue, value: link.value, of: name(link.used), kind: link.used.kind, negated: c.contains(.negated))
                + m.impactContext(
                    alternative: c.contains(.alternative), group: c.contains(.group), conditional: c.contains(.conditional),
                    condition: c.contains(.condition), recommended: c.contains(.recommended), eachChannel: c.contains(.eachChannel))
        }.joined(separator: m.impactWhich)
    }

    private func heading(_ impact: Impact) -> String {
        m.impactHeading(kind: impact.subject.kind, name: impact.subjectName, id: impact.subjectId)
    }

    private func changeLine(_ c: Impact.FeatureChange) -> String {
        m.impactVerdictChange(c.featureName, c.before, c.after)
    }

    // MARK: - Text

    public func text(_ impact: Impact) -> String {
        let e = { TerminalText.escape($0) }
        var out = e(heading(impact)) + "\n\n" + e(m.impactDependentCount(impact.dependents.count)) + "\n"
        for (i, d) in impact.dependents.enumerated() {
            out += "  \(i + 1). " + e("\"\(name(d.element))\" \(how(d)): \(m.impactEffect(d.effect.rawValue))") + "\n"
            if let at = d.path.last?.location { out += "      " + e("\(m.ruleWord) \(at.description)") + "\n" }
        }
        if !impact.others.isEmpty {
            out += "\n" + e(m.impactOthers(impact.others.count)) + "\n"
            for d in impact.others { out += "  - " + e("\(m.impactKind(d.element.kind)) \"\(name(d.element))\" \(how(d)): \(m.impactEffect(d.effect.rawValue))") + "\n" }
        }
        if !impact.stepRules.isEmpty {
            out += "\n" + e(m.impactStepRulesHeading) + "\n"
            for r in impact.stepRules { out += "  - " + e("\"\(name(r.user))\" (\(r.location.description))") + "\n" }
        }
        for env in impact.environments {
            out += "\n" + e(m.impactEnvironment(env.file, environment: env.environment, subject: impact.subjectName ?? impact.subjectId, change: impact.change?.rawValue ?? "")) + "\n"
            if !env.state.isEmpty { out += "  " + e(env.state) + "\n" }
            if let rule = env.scheduleRequired { out += "  " + e(m.impactScheduleRequired(impact.subjectName ?? impact.subjectId, rule: rule.description)) + "\n" }
            if let refused = env.refused {
                out += "  " + e(refused) + "\n"
                continue
            }
            out += "  " + e(m.impactWorse(env.worse.count, change: impact.change?.rawValue ?? "")) + "\n"
            for c in env.worse { out += changeText(c, e) }
            if !env.atNextEvent.isEmpty {
                out += "  " + e(m.impactAtNextEvent(env.atNextEvent.count)) + "\n"
                for f in env.atNextEvent { out += "    - " + e(m.impactVerdictNow(f.featureName, f.verdict)) + "\n" }
            }
            if !env.better.isEmpty {
                out += "  " + e(m.impactBetter(env.better.count)) + "\n"
                for c in env.better { out += changeText(c, e) }
            }
            if !env.alreadyAffected.isEmpty {
                out += "  " + e(m.impactAlreadyAffected(env.alreadyAffected.count)) + "\n"
                for f in env.alreadyAffected { out += "    - " + e(m.impactVerdictNow(f.featureName, f.verdict)) + "\n" }
            }
        }
        return out
    }

    private func changeText(_ c: Impact.FeatureChange, _ e: (String) -> String) -> String {
        var out = "    - " + e(changeLine(c)) + "\n"
        for cause in c.causes { out += "        " + e(cause.message) + "\n" }
        return out
    }

    // MARK: - Markdown

    public func markdown(_ impact: Impact) -> String {
        let md = MarkdownRenderer.escape
        var out = "## " + md(heading(impact)) + "\n\n" + md(m.impactDependentCount(impact.dependents.count)) + "\n\n"
        for (i, d) in impact.dependents.enumerated() {
            out += "\(i + 1). " + md("\"\(name(d.element))\" \(how(d))") + ": **" + md(m.impactEffect(d.effect.rawValue)) + "**\n"
        }
        if !impact.others.isEmpty {
            out += "\n" + md(m.impactOthers(impact.others.count)) + "\n\n"
            for d in impact.others { out += "- " + md("\(m.impactKind(d.element.kind)) \"\(name(d.element))\" \(how(d))") + ": **" + md(m.impactEffect(d.effect.rawValue)) + "**\n" }
        }
        if !impact.stepRules.isEmpty {
            out += "\n" + md(m.impactStepRulesHeading) + "\n\n"
            for r in impact.stepRules { out += "- " + md("\"\(name(r.user))\" (\(r.location.description))") + "\n" }
        }
        for env in impact.environments {
            out += "\n### " + md(m.impactEnvironment(env.file, environment: env.environment, subject: impact.subjectName ?? impact.subjectId, change: impact.change?.rawValue ?? "")) + "\n\n"
            if !env.state.isEmpty { out += md(env.state) + "\n\n" }
            if let rule = env.scheduleRequired { out += md(m.impactScheduleRequired(impact.subjectName ?? impact.subjectId, rule: rule.description)) + "\n\n" }
            if let refused = env.refused {
                out += md(refused) + "\n"
                continue
            }
            let section = { (title: String, lines: [String]) -> String in
                "**" + md(title) + "**\n\n" + lines.map { "- " + $0 + "\n" }.joined() + "\n"
            }
            out += env.worse.isEmpty ? md(m.impactWorse(0, change: impact.change?.rawValue ?? "")) + "\n\n" : section(m.impactWorse(env.worse.count, change: impact.change?.rawValue ?? ""), env.worse.map { c in
                md(changeLine(c)) + c.causes.map { "; " + md($0.message) }.joined()
            })
            if !env.atNextEvent.isEmpty { out += section(m.impactAtNextEvent(env.atNextEvent.count), env.atNextEvent.map { md(m.impactVerdictNow($0.featureName, $0.verdict)) }) }
            if !env.better.isEmpty { out += section(m.impactBetter(env.better.count), env.better.map { md(changeLine($0)) }) }
            if !env.alreadyAffected.isEmpty { out += section(m.impactAlreadyAffected(env.alreadyAffected.count), env.alreadyAffected.map { md(m.impactVerdictNow($0.featureName, $0.verdict)) }) }
        }
        return out
    }

    // MARK: - JSON

    public func json(_ impact: Impact) -> String {
        let str = { (s: String?) in s.map(JSONValue.string) ?? .null }
        let dependent = { (d: Dependent) -> JSONValue in
            .object([
                ("kind", .string(d.element.kind)), ("id", .string(d.element.id(in: pack))), ("name", str(d.element.displayName(in: pack, language: language.tag))),
                ("distance", .int(d.distance)), ("effect", .string(d.effect.rawValue)), ("how", .string(how(d))),
                ("path", .array(d.path.map(link))),
            ])
        }
        let dependents = impact.dependents.map(dependent)
        let environments: [JSONValue] = impact.environments.map { env in
            .object([
                ("snapshot", .string(env.file)), ("environment", str(env.environment)), ("state", .string(env.state)), ("refused", str(env.refused)),
                ("scheduleRequired", str(env.scheduleRequired?.description)),
                ("worse", .array(env.worse.map(change))), ("better", .array(env.better.map(change))),
                ("alreadyAffected", .array(env.alreadyAffected.map(now))), ("atNextEvent", .array(env.atNextEvent.map(now))),
            ])
        }
        return JSONValue.object([
            JSONOutput.versionField,
            ("subject", .object([("kind", .string(impact.subject.kind)), ("id", .string(impact.subjectId)), ("name", str(impact.subjectName))])),
            ("change", str(impact.change?.rawValue)), ("breaksSomething", .bool(impact.breaksSomething)),
            ("dependents", .array(dependents)), ("others", .array(impact.others.map(dependent))), ("stepRules", .array(impact.stepRules.map(link))), ("environments", .array(environments)),
        ]).serializedDocument()
    }

    private func link(_ d: Dependency) -> JSONValue {
        let names: [(Dependency.Context, String)] = [
            (.negated, "negated"), (.alternative, "alternative"), (.group, "group"), (.conditional, "conditional"), (.condition, "condition"),
            (.recommended, "recommended"), (.eachChannel, "each-channel"),
        ]
        return .object([
            ("user", .string(d.user.id(in: pack))), ("userKind", .string(d.user.kind)), ("used", .string(d.used.id(in: pack))), ("usedKind", .string(d.used.kind)),
            ("form", .string(d.form.rawValue)), ("context", .array(names.filter { d.context.contains($0.0) }.map { .string($0.1) })),
            ("value", d.value.map(JSONValue.string) ?? .null), ("location", .string(d.location.description)),
        ])
    }

    private func change(_ c: Impact.FeatureChange) -> JSONValue {
        .object([
            ("feature", .string(c.featureId)), ("featureName", .string(c.featureName)), ("before", .string(c.before.rawValue)), ("after", .string(c.after.rawValue)),
            ("distance", c.distance.map(JSONValue.int) ?? .null),
            ("causes", .array(c.causes.map { cause in
                .object([
                    ("kind", cause.kind.map { .string($0.rawValue) } ?? .null), ("subject", cause.subject.map(JSONValue.string) ?? .null),
                    ("subjectName", cause.subjectName.map(JSONValue.string) ?? .null), ("message", .string(cause.message)),
                ])
            })),
        ])
    }

    private func now(_ f: Impact.FeatureNow) -> JSONValue {
        .object([("feature", .string(f.featureId)), ("featureName", .string(f.featureName)), ("verdict", .string(f.verdict.rawValue))])
    }
}
