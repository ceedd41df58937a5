import PrereqBasics
import PrereqGraph
import PrereqMessages
import PrereqModel

/// `prereq snapshot template`: a snapshot skeleton (format v1) with every fact a pack needs
/// for some features (`SnapshotNeeds`), each with a comment saying what it is and, from the
/// pack's `source` (a setting's `whereToFind`), where to find it. Values are `~`: a person
/// replaces each with the value, or removes what cannot be given (Prereq then says unknown).
public struct SnapshotTemplate {
    let graph: RuleGraph
    let needs: SnapshotNeeds
    let messages: Messages
    private var lang: String { messages.language.tag }

    public init(graph: RuleGraph, needs: SnapshotNeeds, language: Language) {
        self.graph = graph
        self.needs = needs
        messages = Messages(language)
    }

    /// The template's YAML text; `about` names the features asked about (empty: all).
    public func text(about: [String]) -> String {
        var out = TemplateText()
        out.comment(messages.templateHeading(about: about))
        out.comment(messages.templateHowTo)
        out.line("prereq: 1")
        out.line("snapshot:")
        out.field("  environment", messages.templateEnvironment)
        out.field("  takenAt", messages.templateTakenAt)
        if needs.version { out.field("  version", messages.templateVersion) }
        if needs.versionInstalledAt { out.field("  versionInstalledAt", messages.templateVersionInstalledAt) }
        let pack = graph.pack
        for a in needs.attributes where pack.attributes[a].scope == .environment {
            let key = Attribute.environmentField(pack.attributes[a].id.value) ?? pack.attributes[a].id.value
            // The environment's name is asked for above, whatever the pack reads.
            guard key != "environment" else { continue }
            out.field("  " + TemplateText.scalar(key), describe(pack.attributes[a].displayName(in: lang), source: pack.attributes[a].source))
        }
        if needs.timeZone, !needs.attributes.contains(where: { pack.attributes[$0].id.value.lowercased() == "timezone" }) {
            out.field("  timeZone", messages.templateTimeZone)
        }
        if needs.channels { out.field("channels", messages.templateChannels, value: "[<channel>]") }
        let channelAttributes = needs.attributes.filter { pack.attributes[$0].scope == .channel }
        if !channelAttributes.isEmpty || needs.timeZone {
            out.line("channelInfo:")
            var fields = channelAttributes.map { TemplateText.scalar(pack.attributes[$0].id.value) + ": ~" }
            if needs.timeZone { fields.append("timeZone: ~") }
            out.field("  <channel>", messages.templateChannelInfo(channelAttributes.map { pack.attributes[$0].displayName(in: lang) }), value: "{\(fields.joined(separator: ", "))}")
        }
        if !needs.features.isEmpty {
            out.line("features:")
            for f in needs.features {
                let feature = pack.features[f]
                out.comment(describe(feature.displayName(in: lang), source: feature.source), indent: 2)
                out.line("  " + TemplateText.scalar(feature.id.value) + ":")
                out.field("    enabled", messages.templateEnabled(system: feature.system?.text(in: lang)))
                if needs.enabledAt.contains(f) { out.field("    enabledAt", messages.templateEnabledAt) }
            }
        }
        if !needs.settings.isEmpty {
            out.line("settings:")
            for s in needs.settings {
                let setting = pack.settings[s]
                out.comment(describe(setting.displayName(in: lang), source: setting.whereToFind), indent: 2)
                let what = messages.templateSettingValue(setting.type.rawValue, allowed: setting.allowedValues.map(\.value.description))
                let changed = needs.changedAt.contains(s)
                if needs.settingsPerChannel.contains(s) {
                    out.field(
                        "  " + TemplateText.scalar(setting.id.value), what + "; " + messages.templatePerChannel + (changed ? "; " + messages.templateChangedAt : ""),
                        value: changed ? "{channels: {<channel>: {value: ~, changedAt: ~}}}" : "{channels: {<channel>: ~}}")
                } else if changed {
                    out.field("  " + TemplateText.scalar(setting.id.value), what + "; " + messages.templateChangedAt, value: "{value: ~, changedAt: ~}")
                } else {
                    out.field("  " + TemplateText.scalar(setting.id.value), what)
                }
            }
        }
        if !needs.jobs.isEmpty {
            out.line("jobs:")
            for j in needs.jobs {
                let job = pack.jobs[j]
                out.comment(describe(job.displayName(in: lang), source: job.source), indent: 2)
                out.line("  " + TemplateText.scalar(job.code?.value ?? job.id.value) + ":")
                out.field("    lastSuccess", messages.templateLastSuccess)
                if needs.schedules.contains(j) { out.field("    schedule", messages.templateSchedule) }
                if needs.states.contains(j) {
                    out.field("    status", messages.templateStatus)
                    out.field("    firstAppliedAt", messages.templateFirstAppliedAt)
                }
                if needs.jobsPerChannel.contains(j) {
                    out.field("    channels", messages.templateJobChannels, value: "{<channel>: {lastSuccess: ~}}")
                }
            }
        }
        if !needs.records.isEmpty {
            out.line("records:")
            for r in needs.records {
                let check = pack.records[r]
                out.comment(describe(check.displayName(in: lang), source: check.source), indent: 2)
                for table in check.tables {
                    out.line("  - table: " + TemplateText.scalar(table.value))
                    var condition = check.condition.map { TemplateText.scalar($0.field) + ": " + TemplateText.value($0.value) }
                    condition += check.per.map { TemplateText.scalar($0.value) + ": <key>" }
                    if !condition.isEmpty { out.line("    where: {\(condition.joined(separator: ", "))}") }
                    out.field("    count", check.per.isEmpty ? messages.templateCount : messages.templateCountPer(check.per.map(\.value)))
                    if needs.oldest.contains(r) { out.field("    oldest", messages.templateOldest) }
                    if needs.newest.contains(r) { out.field("    newest", messages.templateNewest) }
                }
            }
        }
        if !needs.components.isEmpty {
            out.line("components:")
            for c in needs.components {
                let component = pack.components[c]
                out.comment(describe(component.displayName(in: lang), source: component.source), indent: 2)
                out.field("  " + TemplateText.scalar(component.id.value), messages.templateComponent(product: component.isProduct))
            }
        }
        return out.text
    }

    /// "NAME. Where: SOURCE."
    private func describe(_ name: String, source: LocalizedText?) -> String {
        source.flatMap { $0.text(in: lang) }.map { messages.templateWhere(name, $0) } ?? name
    }
}

/// YAML text written line by line: keys and scalars quoted where YAML would read them as
/// something else, comments kept on one line.
struct TemplateText {
    private(set) var text = ""

    mutating func line(_ s: String) { text += s + "\n" }

    mutating func comment(_ s: String, indent: Int = 0) {
        text += String(repeating: " ", count: indent) + "# " + Self.oneLine(s) + "\n"
    }

    /// `key: value  # what`, the value `~` unless given.
    mutating func field(_ key: String, _ what: String, value: String = "~") {
        text += "\(key): \(value)  # \(Self.oneLine(what))\n"
    }

    /// Comment text on one line, without control characters.
    static func oneLine(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
    }

    /// A value as a snapshot writes it: numbers and switches plain, text as `scalar`.
    static func value(_ v: SettingValue) -> String {
        switch v {
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .string(let s): scalar(s)
        case .list(let items): "[" + items.map(value).joined(separator: ", ") + "]"
        }
    }

    /// A key or text as written: plain when YAML reads it back as the same text, else quoted.
    static func scalar(_ s: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " _.-/()".unicodeScalars.contains($0)) }
            && !s.hasPrefix(" ") && !s.hasSuffix(" ") && !s.hasPrefix("-") && !reserved.contains(s.lowercased())
            && ProductVersion(s) == nil && Int(s) == nil && Double(s) == nil
        return plain ? s : YAMLQuoting.doubleQuoted(s)
    }
}
