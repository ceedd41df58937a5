
/// The finding catalog as a Markdown reference (`docs/findings.md`): one section per code,
/// headed by the code itself so that `findings.md#CODE` links to it (SARIF's `helpUri`).
extension FindingCatalog {
    public static func markdownReference() -> String {
        var out = """
            # Finding codes

            Every finding Prereq reports has one of these codes. The code is stable: configs
            (`severity:`, `disable:`), baselines, inline `# prereq-ignore CODE -- reason` comments and
            SARIF rules key on it. `prereq explain CODE` prints the same text in the terminal, in
            Portuguese with `--lang pt-BR`. This file is generated from the catalog in
            `Sources/PrereqMessages/Catalog`; a test keeps it up to date.

            | code | default severity | summary |
            | --- | --- | --- |

            """
        for entry in all {
            out += "| [`\(entry.code)`](#\(entry.code)) | \(entry.severity.rawValue) | \(entry.summary) |\n"
        }
        for entry in all {
            out += "\n## \(entry.code)\n\n"
            out += "**\(entry.summary)** Default severity: \(entry.severity.rawValue).\n\n"
            if !entry.meaning.isEmpty { out += "\(entry.meaning)\n\n" }
            if !entry.whyItMatters.isEmpty { out += "Why it matters: \(entry.whyItMatters)\n\n" }
            if !entry.example.isEmpty { out += "Example:\n\n```\n\(entry.example)\n```\n\n" }
            out += "Fix: \(entry.fix)\n"
        }
        return out
    }
}
