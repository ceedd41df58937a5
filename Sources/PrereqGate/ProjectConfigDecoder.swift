import Diagnostics
import PrereqBasics
import PrereqLoading
import PrereqMessages
import PrereqModel
import PrereqOutput
import PrereqYAML

/// Decodes `.prereq.yml` from its node tree, so every problem keeps its line and column.
enum ProjectConfigDecoder {
    static func decode(_ document: YAMLDocument, into config: inout ProjectConfig) {
        var d = NodeDecoder(nodeCount: document.nodeCount)
        defer { config.diagnostics += d.diagnostics }
        let root = document.root
        if root.isNull { return }
        guard let entries = d.mapping(root, "the project config") else { return }
        d.rejectUnknownKeys(entries, allowed: ProjectConfig.keys, in: "the project config")
        let codes = FindingCatalog.all.map(\.code)
        func checkCode(_ code: Located<String>, _ what: String) {
            if !codes.contains(code.value) {
                d.report(
                    .warning(
                        "schema-value",
                        "unknown finding code \"\(code.value)\" in \(what)\(Suggestions.didYouMean(code.value, in: codes))",
                        at: code.location, help: "prereq explain lists every code"))
            }
        }
        for (key, value) in entries {
            switch key.value {
            case "prereq":
                if let v = d.int(value, "prereq"), v.value != 1 {
                    d.error("schema-version", "config format version \(v.value) is not supported; this Prereq reads 1", at: value)
                }
            case "rules":
                let paths = d.identifiers(value, "rules")
                config.rules = paths.map(\.value)
            case "snapshots":
                config.snapshots = d.identifiers(value, "snapshots").map(\.value)
            case "format":
                config.format = d.oneOf(value, "format", as: ReportFormat.self)
            case "failOn":
                config.failOn = d.oneOf(value, "failOn", as: Severity.self)
            case "severity":
                guard let overrides = d.mapping(value, "severity") else { continue }
                for (code, level) in overrides {
                    checkCode(code, "severity")
                    if let text = level.resolved.scalarText, ["off", "none", "false"].contains(text.lowercased()) {
                        config.severity[code.value] = .some(nil)
                    } else if case .bool(false)? = level.resolved.value {
                        config.severity[code.value] = .some(nil)
                    } else if let s = d.oneOf(level, "severity of \(code.value)", as: Severity.self) {
                        config.severity[code.value] = s
                    }
                }
            case "disable":
                for code in d.identifiers(value, "disable") {
                    checkCode(code, "disable")
                    config.disable.insert(code.value)
                }
            case "baseline":
                config.baseline = d.identifier(value, "baseline")?.value
            case "exclude":
                config.exclude = d.identifiers(value, "exclude").map(\.value)
            case "language":
                guard let tag = d.identifier(value, "language") else { continue }
                if LanguageTag.isValid(tag.value) {
                    config.language = LanguageTag.canonical(tag.value)
                } else {
                    d.error("schema-value", "language \"\(tag.value)\" is not a language tag (en, pt-BR)", at: value)
                }
            case "githubAnnotations":
                guard let n = d.int(value, "githubAnnotations") else { continue }
                if n.value >= 0 {
                    config.githubAnnotations = n.value
                } else {
                    d.error("schema-value", "githubAnnotations must be 0 or more", at: value)
                }
            case "inlineIgnores":
                if let allowed = d.bool(value, "inlineIgnores") { config.inlineIgnores = allowed.value }
            case "informationUri":
                config.informationUri = d.string(value, "informationUri")?.value
            default:
                break
            }
        }
    }
}
