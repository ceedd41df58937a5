
/// Codes about comments in rule packs and snapshots (`# prereq-ignore`).
extension FindingCatalog {
    static let commentCodes: [FindingCode] = [
        FindingCode(
            code: "suppression-incomplete", severity: .warning,
            summary: "A prereq-ignore comment lacks its finding codes or its reason.",
            meaning: "A `# prereq-ignore` comment on or above a finding's line must name the codes it accepts and, after `--`, say why; one that does not suppresses nothing.",
            whyItMatters: "A suppression without a reason hides a problem with no record of why it was accepted, so reviewers cannot tell a decision from a shortcut.",
            example: "features:\n  beta: {name: Beta}  # prereq-ignore unused-setting -- kept for the rollback plan",
            fix: "Write `# prereq-ignore CODE -- reason`, or remove the comment.",
            portuguese: FindingText(
                summary: "Um comentário prereq-ignore não traz os códigos ou o motivo.",
                meaning: "Um comentário `# prereq-ignore` na linha de uma constatação ou acima dela precisa citar os códigos que aceita e, depois de `--`, dizer por quê; um que não faz isso não suprime nada.",
                whyItMatters: "Uma supressão sem motivo esconde um problema sem registro de por que foi aceito, e quem revisa não distingue uma decisão de um atalho.",
                fix: "Escreva `# prereq-ignore CÓDIGO -- motivo` ou remova o comentário.")),
    ]
}
