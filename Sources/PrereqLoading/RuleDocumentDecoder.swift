import Diagnostics
import Foundation
import PrereqBasics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// Decodes one YAML document of a rule file into the definitions it holds, collecting every
/// schema error at its line and column.
struct RuleDocumentDecoder: Sendable {
    static let supportedVersion = 1
    static let topLevelKeys = ["prereq", "pack", "features", "settings", "jobs", "records", "questions", "attributes", "manualSteps", "components", "releases"]
    static let featureKeys = [
        "name", "aliases", "introducedIn", "minVersion", "removedIn", "docs", "note", "requires", "conflicts", "alsoEnables",
        "settings", "takesEffect", "default", "system", "source", "flag",
    ] + Lifecycle.keys
    static let settingKeys = ["name", "aliases", "whereToFind", "scope", "type", "allowedValues", "docs", "note", "takesEffect"]
    static let jobKeys = ["code", "name", "aliases", "kind", "tables", "after", "schedule", "docs", "note", "runWindow", "source", "createdBy"] + stepRuleKeys
    static let recordKeys = ["name", "tables", "table", "where", "expect", "clearedBy", "docs", "note", "source"]
    static let questionKeys = ["text", "about", "checks", "docs"]
    static let packKeys = ["id", "title", "product", "source", "languages", "defaultLanguage"]

    var decoder: NodeDecoder
    /// The catalog `what` phrases and findings are worded from.
    package let messages: Messages
    var fragment = RulePack()
    var defaultLanguage = "en"

    init(nodeCount: Int, language: Language) {
        decoder = NodeDecoder(nodeCount: nodeCount, language: language)
        messages = Messages(language)
    }

    /// What a rule document says.
    struct Decoded: Sendable {
        var fragment: RulePack
        var diagnostics: [Diagnostic]
        /// The default language the definitions were decoded with: the pack's own when it
        /// declares one, otherwise the one given.
        var sectionLanguage: String
    }

    /// Decodes a rule document. `pieces` holds, for each section its tree left to a
    /// `YAMLSectionSink` (`isStreamed`), the decoders of the section's pieces, in order.
    static func decode(
        _ document: YAMLDocument, defaultLanguage: String, language: Language,
        pieces: consuming [String: [RuleDocumentDecoder]] = [:]
    ) -> Decoded {
        var pieces = pieces
        var d = RuleDocumentDecoder(nodeCount: document.nodeCount, language: language)
        d.defaultLanguage = defaultLanguage
        d.decodeRoot(document.root, pieces: &pieces)
        d.fragment.files = [document.file]
        return Decoded(fragment: d.fragment, diagnostics: d.decoder.diagnostics, sectionLanguage: d.defaultLanguage)
    }

    /// The definitions in one piece of a section that a rule document's tree left to a
    /// `YAMLSectionSink`, decoded from `start` (which carries the default language).
    static func decodePiece(_ piece: YAMLDocument, section: String, from start: RuleDocumentDecoder) -> RuleDocumentDecoder {
        var d = start
        d.decoder = start.decoder.withoutFindings(nodeCount: piece.nodeCount)
        guard let body = definitionSections[section], let entries = d.decoder.mapping(piece.root, section) else { return d }
        for (id, value) in entries { d.decodeDefinition(id, value, section, body) }
        return d
    }

    /// Decodes the definition sections of a file's rule documents while it is read. A piece
    /// is decoded with the default language known when its section began: the one files read
    /// before declared, or the one the document's `pack` declares before the section. (The
    /// loader compares that with the `sectionLanguage` decoding the whole document settles on.)
    /// A snapshot or a pack test keeps its tree: lint checks the one, `prereq test` reads the other.
    static func pieceDecoding(declaredLanguage: String?, language: Language) -> SectionPieceDecoding<RuleDocumentDecoder> {
        // One state every piece starts from: copies share its table of identifiers.
        let start = RuleDocumentDecoder(nodeCount: 0, language: language)
        return SectionPieceDecoding(
            sections: definitionSections.keys,
            begin: { _, prefix in
                guard DocumentKind.of(prefix) == .rules else { return nil }
                var pieceStart = start
                pieceStart.defaultLanguage = RulePackLoader.declaredDefaultLanguage(prefix) ?? declaredLanguage ?? "en"
                return pieceStart
            },
            decode: decodePiece)
    }

    /// The sections of definitions, each with what decodes one of its entries.
    static let definitionSections: [String: @Sendable (inout RuleDocumentDecoder, Located<String>, YAMLNode) -> Void] = [
        "features": { $0.decodeFeature($1, $2) },
        "settings": { $0.decodeSetting($1, $2) },
        "jobs": { $0.decodeJob($1, $2) },
        "records": { $0.decodeRecordCheck($1, $2) },
        "questions": { $0.decodeQuestion($1, $2) },
        "attributes": { $0.decodeAttribute($1, $2) },
        "manualSteps": { $0.decodeManualStep($1, $2) },
        "components": { $0.decodeComponent($1, $2) },
        "releases": { $0.decodeRelease($1, $2) },
    ]

    mutating func decodeRoot(_ root: YAMLNode, pieces: inout [String: [RuleDocumentDecoder]]) {
        guard let entries = decoder.mapping(root, messages.ruleFilePlace) else { return }
        decoder.rejectUnknownKeys(entries, allowed: Self.topLevelKeys, in: messages.ruleFilePlace)
        let byKey = Fields(entries)
        if let versionNode = byKey["prereq"] {
            if let v = decoder.int(versionNode, "prereq"), v.value != Self.supportedVersion {
                decoder.error(
                    "schema-version", messages.schemaVersionUnsupported(v.value),
                    at: versionNode)
            }
        } else {
            decoder.report(
                .error(
                    "schema-version", messages.ruleFileNeedsVersion, at: root.location,
                    help: messages.ruleFileNeedsVersionHelp))
        }
        if let node = byKey["pack"] { decodePack(node) }
        for (key, node) in entries {
            guard let body = Self.definitionSections[key.value] else { continue }
            if node.isStreamed {
                var parts = pieces.removeValue(forKey: key.value) ?? []
                absorb(&parts)
            } else {
                forEachDefinition(node, key.value, body)
            }
        }
    }

    /// Definitions decode independently of each other: a big section is decoded in pieces on
    /// every core (`PiecewiseDecoding`), whose definitions and findings are put back in order.
    private mutating func forEachDefinition(
        _ node: YAMLNode, _ what: String, _ body: @Sendable (inout RuleDocumentDecoder, Located<String>, YAMLNode) -> Void
    ) {
        guard let entries = decoder.mapping(node, what) else { return }
        var start = self
        start.fragment = RulePack()
        start.decoder = decoder.withoutFindings()
        guard var parts = PiecewiseDecoding.run(entries, from: start, { $0.decodeDefinition($1, $2, what, body) }) else {
            for (id, value) in entries { decodeDefinition(id, value, what, body) }
            return
        }
        absorb(&parts)
    }

    /// The definitions and findings of `parts`, decoders of consecutive pieces of a section,
    /// after these. Each piece is let go once appended, so that its definitions are not held
    /// twice.
    private mutating func absorb(_ parts: inout [RuleDocumentDecoder]) {
        fragment.reserveCapacity(adding: parts.map(\.fragment))
        for i in parts.indices {
            fragment.append(movingFrom: &parts[i].fragment)
            decoder.report(parts[i].decoder.diagnostics)
        }
    }

    private mutating func decodeDefinition(
        _ id: Located<String>, _ value: YAMLNode, _ what: String, _ body: (inout RuleDocumentDecoder, Located<String>, YAMLNode) -> Void
    ) {
        if !id.value.hasVisibleASCIIEnds && id.value.trimmingCharacters(in: .whitespaces).isEmpty {
            decoder.report(.error("schema-value", messages.emptyId(in: what), at: id.location))
            return
        }
        body(&self, id, value)
    }

    /// Translated text; `place` words where it is only when a finding needs it (decoding a big
    /// pack would otherwise format a sentence per name that nobody reads).
    mutating func text(_ node: YAMLNode?, _ place: (Messages) -> String) -> LocalizedText? {
        node.flatMap { decoder.localizedText($0, place(messages), defaultLanguage: defaultLanguage) }
    }

    // MARK: - Pack

    mutating func decodePack(_ node: YAMLNode) {
        let fields = decoder.fields(node, messages.packPlace, allowed: Self.packKeys)
        if let n = fields["defaultLanguage"], let l = decoder.string(n, messages.field("defaultLanguage", of: messages.packPlace)) {
            if LanguageTag.isValid(l.value) {
                defaultLanguage = LanguageTag.canonical(l.value)
            } else {
                decoder.error("schema-value", messages.notLanguageTag(l.value), at: n)
            }
        }
        var languages: [Located<String>] = []
        for l in fields["languages"].map({ decoder.identifiers($0, messages.field("languages", of: messages.packPlace)) }) ?? [] {
            if LanguageTag.isValid(l.value) {
                languages.append(Located(LanguageTag.canonical(l.value), at: l.location))
            } else {
                decoder.report(
                    .error("schema-value", messages.notLanguageTag(l.value), at: l.location))
            }
        }
        fragment.metadata = PackMetadata(
            id: fields["id"].flatMap { decoder.identifier($0, messages.field("id", of: messages.packPlace)) },
            title: text(fields["title"], { $0.field("title", of: $0.packPlace) }),
            product: fields["product"].flatMap { decoder.string($0, messages.field("product", of: messages.packPlace))?.value },
            source: fields["source"].flatMap { decoder.string($0, messages.field("source", of: messages.packPlace))?.value },
            languages: languages, defaultLanguage: defaultLanguage, location: node.location)
    }

    // MARK: - Features

    mutating func decodeFeature(_ id: Located<String>, _ node: YAMLNode) {
        // Worded only when a finding needs it: a big pack would otherwise format a phrase per
        // feature that nobody reads.
        let what = { [messages] in messages.element(.feature, id.value) }
        let f = decoder.fields(node, what(), allowed: Self.featureKeys)
        var feature = Feature(
            id: id, name: text(f["name"], { $0.nameOf(what()) }),
            aliases: f["aliases"].map { decoder.identifiers($0, messages.field("aliases", of: what())) } ?? [],
            introducedIn: f["introducedIn"].flatMap { decoder.version($0, messages.field("introducedIn", of: what())) },
            minVersion: f["minVersion"].flatMap { decoder.version($0, messages.field("minVersion", of: what())) },
            removedIn: f["removedIn"].flatMap { decoder.version($0, messages.field("removedIn", of: what())) },
            docs: f["docs"].flatMap { decoder.string($0, messages.field("docs", of: what()))?.value },
            note: text(f["note"], { $0.noteOf(what()) }),
            requires: nil,
            conflicts: f["conflicts"].map { decoder.identifiers($0, messages.field("conflicts", of: what())) } ?? [],
            alsoEnables: f["alsoEnables"].map { decoder.identifiers($0, messages.field("alsoEnables", of: what())) } ?? [],
            settings: [], takesEffect: nil,
            defaultEnabled: f["default"].flatMap { decoder.bool($0, messages.field("default", of: what()))?.value },
            system: text(f["system"], { $0.field("system", of: what()) }))
        if let r = f["requires"] { feature.requires = requirement(r, asList: true, what) }
        if let s = f["settings"] { feature.settings = settingRequirements(s, what) }
        if let t = f["takesEffect"] { feature.takesEffect = takesEffect(t, what) }
        // Set only when given: setting a feature's details, even to nothing, builds them anew.
        if let source = text(f["source"], { $0.field("source", of: what()) }) { feature.source = source }
        if let flag = f["flag"] { feature.flag = flagFacts(flag, what) }
        let lifecycle = Lifecycle(
            mandatorySince: f["mandatorySince"].flatMap { decoder.version($0, messages.field("mandatorySince", of: what())) },
            onByDefaultSince: f["onByDefaultSince"].flatMap { decoder.version($0, messages.field("onByDefaultSince", of: what())) },
            cannotSwitchOff: f["cannotSwitchOff"].flatMap { decoder.bool($0, messages.field("cannotSwitchOff", of: what())) },
            preview: f["preview"].flatMap { decoder.bool($0, messages.field("preview", of: what())) })
        if lifecycle != Lifecycle() { feature.lifecycle = lifecycle }
        fragment.features.append(feature)
    }

    /// `requires`: a list is all of its items; an item is a feature id or a map form
    /// (`allOf`, `anyOf`, `not`, `exactlyOne`, `atLeast`/`atMost` … `of`, `when` … `then`, or a
    /// condition on a value: `{setting: id, equals: v}`, `{feature: id, serving: v}`).
    mutating func requirement(_ node: YAMLNode, asList: Bool, _ what: () -> String) -> Requirement? {
        guard let n = decoder.resolve(node) else { return nil }
        switch n.kind {
        case .sequence:
            return .allOf(requirements(n.elements, what), at: n.location)
        case .scalar:
            guard let id = decoder.identifier(n, messages.requirementOf(what())) else { return nil }
            return .feature(id)
        case .mapping:
            guard let entries = decoder.mapping(n, messages.requirementOf(what())) else { return nil }
            return mapRequirement(n, entries, what)
        case .alias:
            return nil
        }
    }

    /// The requirements the items say, in an array no bigger than they need: a pack holds
    /// one such list per feature.
    mutating func requirements(_ items: [YAMLNode], _ what: () -> String) -> [Requirement] {
        var parts: [Requirement] = []
        parts.reserveCapacity(items.count)
        for item in items {
            if let part = requirement(item, asList: false, what) { parts.append(part) }
        }
        return parts
    }

    /// `settings: {setting-id: value}` or `{setting-id: {equals: value}}`.
    mutating func settingRequirements(_ node: YAMLNode, _ what: () -> String) -> [SettingRequirement] {
        guard let entries = decoder.mapping(node, messages.field("settings", of: what())) else { return [] }
        var out: [SettingRequirement] = []
        for (key, value) in entries {
            var valueNode = value
            if let v = decoder.resolve(value), v.kind == .mapping {
                let fields = decoder.fields(v, messages.setting(key.value, of: what()), allowed: ["equals"])
                guard let e = fields["equals"] else {
                    decoder.error("schema-missing", messages.needsKey(messages.setting(key.value, of: what()), "equals"), at: v)
                    continue
                }
                valueNode = e
            }
            if let items = decoder.resolve(valueNode), items.kind == .sequence {
                // A list setting's value: its items in order.
                let values = items.elements.compactMap { decoder.settingValue($0, messages.setting(key.value, of: what())) }
                out.append(SettingRequirement(setting: key, value: .list(values), location: key.location))
            } else if let v = decoder.settingValue(valueNode, messages.setting(key.value, of: what())) {
                out.append(SettingRequirement(setting: key, value: v, location: key.location))
            }
        }
        return out
    }

    mutating func takesEffect(_ node: YAMLNode, _ what: () -> String) -> TakesEffect? {
        let fields = decoder.fields(node, messages.field("takesEffect", of: what()), allowed: ["jobs", "settle", "settleSource", "settleFrom", "manual"])
        var effect = TakesEffect(
            jobs: fields["jobs"].map { decoder.identifiers($0, messages.field("takesEffect jobs", of: what())) } ?? [],
            settle: fields["settle"].flatMap { decoder.timeSpan($0, messages.settleTimeOf(what())) },
            settleSource: fields["settleSource"].flatMap { decoder.string($0, messages.field("settleSource", of: what()))?.value },
            location: node.location)
        if let from = fields["settleFrom"] { effect.settleFrom = settleFrom(from, settle: fields["settle"] != nil, what) }
        effect.manual = fields["manual"].map { decoder.identifiers($0, messages.field("takesEffect manual", of: what())) } ?? []
        return effect
    }

    // MARK: - Settings, jobs, records, questions

    mutating func decodeSetting(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.setting, id.value)
        let f = decoder.fields(node, what, allowed: Self.settingKeys)
        var setting = Setting(
            id: id, name: text(f["name"], { $0.nameOf(what) }),
            aliases: f["aliases"].map { decoder.identifiers($0, messages.field("aliases", of: what)) } ?? [],
            whereToFind: text(f["whereToFind"], { $0.field("whereToFind", of: what) }),
            scope: f["scope"].flatMap { decoder.oneOf($0, messages.field("scope", of: what), as: SettingScope.self) } ?? .environment,
            type: f["type"].flatMap { decoder.oneOf($0, messages.field("type", of: what), as: SettingType.self) } ?? .bool,
            docs: f["docs"].flatMap { decoder.string($0, messages.field("docs", of: what))?.value })
        setting.note = text(f["note"], { $0.noteOf(what) })
        if let a = f["allowedValues"] { setting.allowedValues = allowedValues(a, type: setting.type, what) }
        if let t = f["takesEffect"] { setting.takesEffect = takesEffect(t, { what }) }
        fragment.settings.append(setting)
    }

    mutating func decodeJob(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.job, id.value)
        let f = decoder.fields(node, what, allowed: Self.jobKeys)
        var schedule: ScheduleRequirement?
        if let s = f["schedule"] {
            let fields = decoder.fields(s, messages.field("schedule", of: what), allowed: ["recurring", "maxInterval"])
            let recurring = fields["recurring"].flatMap { decoder.bool($0, messages.field("recurring", of: what))?.value } ?? true
            if recurring {
                schedule = ScheduleRequirement(
                    maxInterval: fields["maxInterval"].flatMap { decoder.timeSpan($0, messages.field("maxInterval", of: what)) },
                    location: s.location)
            }
        }
        let orders = f["after"].map { jobOrders($0, what) } ?? (after: [], reached: [])
        var job = Job(
            id: id, code: f["code"].flatMap { decoder.identifier($0, messages.field("code", of: what)) },
            name: text(f["name"], { $0.nameOf(what) }),
            aliases: f["aliases"].map { decoder.identifiers($0, messages.field("aliases", of: what)) } ?? [],
            kind: f["kind"].flatMap { decoder.oneOf($0, messages.field("kind", of: what), as: JobKind.self) },
            tables: f["tables"].map { decoder.identifiers($0, messages.field("tables", of: what)) } ?? [],
            after: orders.after,
            schedule: schedule,
            docs: f["docs"].flatMap { decoder.string($0, messages.field("docs", of: what))?.value })
        job.note = text(f["note"], { $0.noteOf(what) })
        job.source = text(f["source"], { $0.field("source", of: what) })
        if let w = f["runWindow"] { job.runWindow = runWindow(w, messages.field("runWindow", of: what)) }
        job.afterReached = orders.reached
        job.createdBy = f["createdBy"].flatMap { decoder.identifier($0, messages.field("createdBy", of: what)) }
        job.stepRules = stepRules(f, what)
        fragment.jobs.append(job)
    }

    mutating func decodeRecordCheck(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.recordCheck, id.value)
        let f = decoder.fields(node, what, allowed: Self.recordKeys)
        var tables = f["tables"].map { decoder.identifiers($0, messages.field("tables", of: what)) } ?? []
        if let t = f["table"], let table = decoder.identifier(t, messages.field("table", of: what)) { tables.append(table) }
        if tables.isEmpty {
            decoder.report(.error("schema-missing", messages.needsKey(what, "tables"), at: id.location))
        }
        var condition: [(field: String, value: SettingValue)] = []
        if let w = f["where"], let entries = decoder.mapping(w, messages.field("where", of: what)) {
            for (field, value) in entries {
                if let v = decoder.settingValue(value, messages.field(field.value, in: what)) { condition.append((field.value, v)) }
            }
        }
        var maxCount = 0
        var minCount = 0
        var per: [Located<String>] = []
        if let e = f["expect"], let n = decoder.resolve(e) {
            if n.kind == .scalar, n.scalarText == "none" {
                maxCount = 0
            } else {
                let fields = decoder.fields(n, messages.field("expect", of: what), allowed: ["max", "min", "per"])
                if let p = fields["per"] { per = decodePer(p, limited: fields["max"] != nil || fields["min"] != nil, what: messages.field("per", of: what)) }
                // Only a minimum: any number of rows beyond it is fine.
                if fields["max"] == nil, fields["min"] != nil { maxCount = Int.max }
                for (key, limit) in [("max", fields["max"]), ("min", fields["min"])] {
                    guard let m = limit, let v = decoder.int(m, messages.field(key, of: what)) else { continue }
                    if v.value < 0 {
                        decoder.error("schema-value", messages.mustNotBeNegative(messages.field(key, of: what)), at: m)
                    } else if key == "max" {
                        maxCount = v.value
                    } else {
                        minCount = v.value
                    }
                }
                if minCount > maxCount {
                    decoder.error("schema-value", messages.minAboveMax(messages.field("expect", of: what)), at: n)
                }
            }
        }
        var check = RecordCheck(
            id: id, name: text(f["name"], { $0.nameOf(what) }), tables: tables, condition: condition,
            maxCount: maxCount, clearedBy: f["clearedBy"].flatMap { decoder.identifier($0, messages.field("clearedBy", of: what)) },
            docs: f["docs"].flatMap { decoder.string($0, messages.field("docs", of: what))?.value })
        check.note = text(f["note"], { $0.noteOf(what) })
        check.source = text(f["source"], { $0.field("source", of: what) })
        check.minCount = minCount
        check.per = per
        fragment.records.append(check)
    }

    /// The fields of `expect: {per: [...]}`: at least one, each once, with a limit to apply per
    /// key (`per` alone would mean "no rows", which needs no key).
    private mutating func decodePer(_ node: YAMLNode, limited: Bool, what: String) -> [Located<String>] {
        let fields = decoder.identifiers(node, what)
        if fields.isEmpty, let n = decoder.resolve(node), n.kind == .sequence, n.count == 0 {
            decoder.error("schema-value", messages.atLeastOneItem(what), at: n)
        }
        var seen = Set<String>()
        var unique: [Located<String>] = []
        for field in fields {
            if seen.insert(field.value.lowercased()).inserted {
                unique.append(field)
            } else {
                decoder.report(.error("schema-value", messages.fieldTwiceInPer(field.value), at: field.location))
            }
        }
        if !limited, !unique.isEmpty {
            decoder.report(.error("schema-value", messages.perNeedsALimit(what), at: unique[0].location))
        }
        return unique
    }

    mutating func decodeQuestion(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.question, id.value)
        let f = decoder.fields(node, what, allowed: Self.questionKeys)
        guard let textNode = f["text"], let questionText = text(textNode, { $0.textOf(what) }) else {
            if f["text"] == nil { decoder.report(.error("schema-missing", messages.needsKey(what, "text"), at: id.location)) }
            return
        }
        var checks: [QuestionCheck] = []
        for item in f["checks"].flatMap({ decoder.list($0, messages.field("checks", of: what)) }) ?? [] {
            if let check = questionCheck(item, what) { checks.append(check) }
        }
        if checks.isEmpty {
            decoder.report(.error("schema-missing", messages.needsACheck(what), at: id.location))
        }
        fragment.questions.append(
            Question(
                id: id, text: questionText, about: f["about"].flatMap { decoder.identifier($0, messages.field("about", of: what)) },
                checks: checks, docs: f["docs"].flatMap { decoder.string($0, messages.field("docs", of: what))?.value }))
    }

    static let checkKinds = ["canEnable", "inEffect", "jobsInOrder", "records"]

    mutating func questionCheck(_ node: YAMLNode, _ what: String) -> QuestionCheck? {
        guard let entries = decoder.mapping(node, messages.checkOf(what)) else { return nil }
        guard entries.count == 1, let (key, value) = entries.first else {
            decoder.error(
                "schema-type", messages.checkOneKey(Self.checkKinds), at: node)
            return nil
        }
        switch key.value {
        case "canEnable": return decoder.identifier(value, messages.field("canEnable", in: what)).map(QuestionCheck.canEnable)
        case "inEffect": return decoder.identifier(value, messages.field("inEffect", in: what)).map(QuestionCheck.inEffect)
        case "records": return decoder.identifier(value, messages.field("records", in: what)).map(QuestionCheck.records)
        case "jobsInOrder":
            let jobs = decoder.identifiers(value, messages.field("jobsInOrder", in: what))
            if jobs.count < 2 {
                decoder.error("schema-value", messages.needsTwoJobs(messages.field("jobsInOrder", in: what)), at: value)
                return nil
            }
            return .jobsInOrder(jobs, at: key.location)
        default:
            decoder.report(
                .error(
                    "schema-unknown-key",
                    messages.unknownCheck(key.value, in: what, suggestion: Suggestions.closest(to: key.value, in: Self.checkKinds)),
                    at: key.location, help: messages.checkKindsHelp(Self.checkKinds)))
            return nil
        }
    }
}
