import PrereqModel

/// The codes about groups, conditional requirements and recommendations.
extension FindingCatalog {
    static let structureCodes: [FindingCode] = [
        FindingCode(
            code: "when-never-holds", severity: .warning, summary: "A conditional requirement's condition can never hold.",
            meaning: "The `when` condition contradicts itself (for example `{allOf: [a, {not: a}]}`, two features that conflict both on, `{setting: mode, equals: A}` with `{setting: mode, equals: B}`, or a `notIn` of every declared value), so the requirement never applies.",
            whyItMatters: "The requirement is dead: whatever the documentation meant it to demand is never checked.",
            example: "requires:\n  - {when: {allOf: [a, {not: a}]}, then: b}", fix: "Correct the condition, or remove the requirement.",
            portuguese: FindingText(
                summary: "A condição de um requisito condicional nunca pode valer.",
                meaning: "A condição `when` se contradiz (por exemplo `{allOf: [a, {not: a}]}`, dois recursos em conflito ambos ativados, `{setting: mode, equals: A}` com `{setting: mode, equals: B}`, ou um `notIn` de todos os valores declarados); por isso, o requisito nunca se aplica.",
                whyItMatters: "O requisito é letra morta: o que a documentação queria exigir nunca é verificado.",
                fix: "Corrija a condição ou remova o requisito.")),
        FindingCode(
            code: "when-contradicts", severity: .error, summary: "A conditional requirement contradicts its own condition.",
            meaning: "Whenever the `when` condition holds, the requirement under `then` cannot (for example `{when: a, then: {not: a}}`, or `{when: {setting: level, atLeast: 5}, then: {setting: level, atMost: 3}}`).",
            whyItMatters: "The feature would be blocked whenever the condition holds, and the only way out would be to change the condition, which an answer never advises.",
            example: "requires:\n  - {when: a, then: {not: a}}", fix: "Write the condition or the requirement that was meant.",
            portuguese: FindingText(
                summary: "Um requisito condicional contradiz a sua própria condição.",
                meaning: "Sempre que a condição `when` vale, o requisito em `then` não pode valer (por exemplo `{when: a, then: {not: a}}`, ou `{when: {setting: level, atLeast: 5}, then: {setting: level, atMost: 3}}`).",
                whyItMatters: "O recurso ficaria bloqueado sempre que a condição valesse, e a única saída seria mudar a condição, o que uma resposta nunca aconselha.",
                fix: "Escreva a condição ou o requisito pretendido.")),
        FindingCode(
            code: "group-never-satisfied", severity: .error, summary: "An exactlyOne / atLeast / atMost group can never be satisfied.",
            meaning: "The group asks for more items than it has, its atLeast is above its atMost, or its items exclude each other so that never enough of them hold.",
            whyItMatters: "The feature that requires it could never be switched on.",
            example: "requires:\n  - {atLeast: 3, of: [a, b]}", fix: "Correct the limits or the items.",
            portuguese: FindingText(
                summary: "Um grupo exactlyOne / atLeast / atMost nunca pode ser atendido.",
                meaning: "O grupo pede mais itens do que tem, o seu atLeast é maior que o atMost, ou os seus itens se excluem de modo que nunca valem itens suficientes.",
                whyItMatters: "O recurso que o exige nunca poderia ser ativado.",
                fix: "Corrija os limites ou os itens.")),
        FindingCode(
            code: "severity-misplaced", severity: .warning, summary: "A `severity: warning` stands where it cannot mean what it says.",
            meaning: "A recommendation counts as met for whatever contains it: inside an `anyOf`, a group or a `when` condition it always holds, so the alternative, the group or the condition is decided by it; under a `not` it never holds.",
            whyItMatters: "The requirement around it then always (or never) holds, which is rarely what the documentation says.",
            example: "requires:\n  - anyOf: [a, {allOf: [b], severity: warning}]", fix: "Put `severity` on the outermost requirement that is only recommended.",
            portuguese: FindingText(
                summary: "Um `severity: warning` está onde não pode significar o que diz.",
                meaning: "Uma recomendação conta como atendida para o que a contém: dentro de um `anyOf`, de um grupo ou de uma condição `when` ela sempre vale, e decide a alternativa, o grupo ou a condição; sob um `not`, nunca vale.",
                whyItMatters: "O requisito em volta dela passa a valer sempre (ou nunca), o que raramente é o que a documentação diz.",
                fix: "Coloque `severity` no requisito mais externo que é apenas recomendado.")),
        FindingCode(
            code: "recommendation-unmet", severity: .warning, summary: "A recommended requirement does not hold.",
            meaning: "A requirement marked `severity: warning` (what the documentation only recommends) does not hold, or the snapshot does not say.",
            whyItMatters: "It never blocks the feature, but the documentation advises it; the finding says how to meet it.",
            example: "requires:\n  - {anyOf: [batch-processing], severity: warning}", fix: "Meet the recommendation (the help gives the optional step), or accept the warning.",
            portuguese: FindingText(
                summary: "Um requisito recomendado não é atendido.",
                meaning: "Um requisito marcado com `severity: warning` (o que a documentação apenas recomenda) não é atendido, ou o snapshot não informa.",
                whyItMatters: "Ele nunca bloqueia o recurso, mas a documentação o aconselha; o achado diz como atendê-lo.",
                fix: "Atenda à recomendação (a ajuda traz o passo opcional) ou aceite o aviso.")),
    ]
}
