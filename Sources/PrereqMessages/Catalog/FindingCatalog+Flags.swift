import PrereqModel

/// The codes about features imported from flag platforms (`flag:`) and about `prereq import`.
extension FindingCatalog {
    static let flagCodes: [FindingCode] = [
        FindingCode(
            code: "unknown-variation", severity: .error, summary: "A condition asks a flag for a variation it does not have.",
            meaning: "A `{feature: F, serving: V}` condition names a feature whose `flag.variations` do not include V (an imported prerequisite on a variation index the flag does not have, or a value misspelt).",
            whyItMatters: "The condition can never hold: where it must, the feature can never be switched on (`never-enableable` names it and what needs it), and on its platform it serves its off variation for ever.",
            example: "a: {requires: [{feature: b, serving: blue}]}\nb: {flag: {variations: [red, green]}}", fix: "Correct the value, or add the variation to the flag.",
            portuguese: FindingText(
                summary: "Uma condição pede a uma flag uma variação que ela não tem.",
                meaning: "Uma condição `{feature: F, serving: V}` nomeia um recurso cujas `flag.variations` não incluem V (um pré-requisito importado com um índice de variação que a flag não tem, ou um valor mal escrito).",
                whyItMatters: "A condição nunca pode valer: onde ela precisa valer, o recurso nunca pode ser ativado (`never-enableable` o nomeia, e ao que dele precisa), e na plataforma ele serve para sempre a sua variação de desligado.",
                fix: "Corrija o valor ou acrescente a variação à flag.")),
        FindingCode(
            code: "prerequisite-archived", severity: .warning, summary: "A feature requires a flag that is archived on its platform.",
            meaning: "A requirement names a feature whose `flag.archived` is true.",
            whyItMatters: "An archived flag is no longer served as configured; what depends on it stops working or is left behind.",
            example: "a: {requires: [b]}\nb: {flag: {archived: true}}", fix: "Remove the prerequisite, or restore the flag.",
            portuguese: FindingText(
                summary: "Um recurso exige uma flag arquivada na sua plataforma.",
                meaning: "Um requisito nomeia um recurso cujo `flag.archived` é verdadeiro.",
                whyItMatters: "Uma flag arquivada deixa de ser servida como configurada; o que depende dela para de funcionar ou fica para trás.",
                fix: "Remova o pré-requisito ou restaure a flag.")),
        FindingCode(
            code: "platform-limit", severity: .error, summary: "An imported feature has more prerequisites than its platform allows.",
            meaning: "A feature with `flag.platform: unleash` requires more than one feature, or requires a feature that has a requirement of its own: Unleash allows one parent per feature and no parent that has a parent.",
            whyItMatters: "The platform will not accept or evaluate the dependency as written, so the pack says something the environments cannot do.",
            example: "a: {flag: {platform: unleash}, requires: [b, c]}", fix: "Keep one level of one parent, or state extra needs in a rule file of your own.",
            portuguese: FindingText(
                summary: "Um recurso importado tem mais pré-requisitos do que a sua plataforma permite.",
                meaning: "Um recurso com `flag.platform: unleash` exige mais de um recurso, ou exige um recurso que tem requisito próprio: o Unleash permite um pai por recurso e nenhum pai que tenha pai.",
                whyItMatters: "A plataforma não aceita nem avalia a dependência como escrita; o pacote diz algo que os ambientes não podem fazer.",
                fix: "Mantenha um nível com um só pai, ou declare as outras necessidades num arquivo de regras próprio.")),
        FindingCode(
            code: "import-format", severity: .error, summary: "A file given to `prereq import` is not in the platform's format.",
            meaning: "The file is not JSON, or its structure is not the one the platform publishes (a field of the wrong type, a required field missing); the message names the file and the JSON path.",
            whyItMatters: "Nothing is written: an import from a file it cannot read would leave flags and prerequisites out.",
            example: "prereq import launchdarkly flags.yaml --out imported", fix: "Export the file again as the platform's documentation says, and give the right platform.",
            portuguese: FindingText(
                summary: "Um arquivo dado a `prereq import` não está no formato da plataforma.",
                meaning: "O arquivo não é JSON, ou a sua estrutura não é a que a plataforma publica (um campo de tipo errado, um campo obrigatório ausente); a mensagem nomeia o arquivo e o caminho JSON.",
                whyItMatters: "Nada é escrito: uma importação de um arquivo que ela não consegue ler deixaria flags e pré-requisitos de fora.",
                fix: "Exporte o arquivo de novo como a documentação da plataforma diz, e informe a plataforma certa.")),
        FindingCode(
            code: "import-unsupported", severity: .warning, summary: "The import met something the rule language cannot say.",
            meaning: "A targeting detail, a condition on a prerequisite that is not an equality, or prerequisites that differ between environments: it is written as a `note` on the feature and reported here, never silently dropped.",
            whyItMatters: "Answers about that feature may be unknown or miss a dependency the platform enforces.",
            example: "prereq import growthbook features.json --out imported", fix: "Read the note; state what it says in a rule file of your own if it matters.",
            portuguese: FindingText(
                summary: "A importação encontrou algo que a linguagem de regras não consegue dizer.",
                meaning: "Um detalhe de segmentação, uma condição sobre um pré-requisito que não é igualdade, ou pré-requisitos que diferem entre ambientes: é escrito como `note` no recurso e relatado aqui, nunca descartado em silêncio.",
                whyItMatters: "As respostas sobre esse recurso podem ficar desconhecidas ou perder uma dependência que a plataforma impõe.",
                fix: "Leia a nota; declare o que ela diz num arquivo de regras próprio, se importar.")),
    ]
}
