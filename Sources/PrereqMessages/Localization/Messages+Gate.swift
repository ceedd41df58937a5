
/// Sentences of the gate's text report, in English and Brazilian Portuguese.
extension Messages {
    /// The line after a text report cut short by `--max-findings` or `--quiet`.
    public func findingsNotShown(_ n: Int) -> String {
        language.isPortuguese
            ? "\(n) \(n == 1 ? "achado não mostrado" : "achados não mostrados") (--max-findings, --quiet)"
            : "\(n) more finding\(n == 1 ? "" : "s") not shown (--max-findings, --quiet)"
    }

    /// A YAML file among the rules that is neither a rule file nor a snapshot.
    public func notAPrereqFile(_ path: String) -> String {
        language.isPortuguese
            ? "\(path) não é um arquivo de regras nem um snapshot do Prereq; ignorado"
            : "\(path) is neither a Prereq rule file nor a snapshot; skipped"
    }
}
