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
        FindingCode(
            code: "each-channel-unscoped", severity: .warning, summary: "An `eachChannel` requirement reads nothing per channel.",
            meaning: "No setting or attribute inside the `eachChannel` requirement (or its `where`) is declared with `scope: channel`, so every channel would be judged on the same environment-wide values.",
            whyItMatters: "The rule looks per channel but is not: a setting each store has its own value of is then read as one value, and the answer cannot say which channels are blocked.",
            example: "settings:\n  offline-db: {type: bool}\nfeatures:\n  local-orders:\n    requires:\n      - eachChannel: {setting: offline-db, equals: true}",
            fix: "Declare the setting or attribute with `scope: channel` if each channel has its own value, or remove `eachChannel`.",
            portuguese: FindingText(
                summary: "Um requisito `eachChannel` não lê nada por canal.",
                meaning: "Nenhuma configuração ou atributo dentro do requisito `eachChannel` (ou do seu `where`) é declarado com `scope: channel`; assim, todo canal seria avaliado pelos mesmos valores do ambiente.",
                whyItMatters: "A regra parece ser por canal, mas não é: uma configuração que cada loja tem com valor próprio passa a ser lida como um só valor, e a resposta não consegue dizer quais canais estão bloqueados.",
                fix: "Declare a configuração ou o atributo com `scope: channel` se cada canal tiver o seu próprio valor, ou remova `eachChannel`.")),
        FindingCode(
            code: "mandatory-feature-off", severity: .warning, summary: "A snapshot says a mandatory feature is off.",
            meaning: "The pack says the feature is mandatory from a version (`mandatorySince`), the environment runs that version or later, and the snapshot says the feature is off. Prereq reads it as on, as the product has it.",
            whyItMatters: "The export is stale or wrong about this switch; answers that rest on it use the product's state, not the export's.",
            example: "features:\n  perf: {mandatorySince: 10.0.28}\n# snapshot at 10.0.38:\nfeatures: {perf: off}", fix: "Check the export; a mandatory feature cannot be switched off.",
            portuguese: FindingText(
                summary: "Um snapshot diz que um recurso obrigatório está desativado.",
                meaning: "O pacote diz que o recurso é obrigatório a partir de uma versão (`mandatorySince`), o ambiente executa essa versão ou uma posterior, e o snapshot diz que o recurso está desativado. O Prereq o lê como ativado, como o produto o tem.",
                whyItMatters: "A exportação está desatualizada ou errada quanto a esse recurso; as respostas que dependem dele usam o estado do produto, não o da exportação.",
                fix: "Verifique a exportação; um recurso obrigatório não pode ser desativado.")),
        FindingCode(
            code: "preview-in-production", severity: .warning, summary: "A preview feature is on in production.",
            meaning: "The feature is declared `preview: true`, the snapshot's `kind` is production, and the feature is on.",
            whyItMatters: "Preview features are for trying out: they can change or go away, and are usually not supported in production.",
            example: "features:\n  beta-view: {preview: true}", fix: "Switch it off in production, unless the product's terms allow it there.",
            portuguese: FindingText(
                summary: "Um recurso em versão prévia está ativado em produção.",
                meaning: "O recurso é declarado `preview: true`, o `kind` do snapshot é produção, e o recurso está ativado.",
                whyItMatters: "Recursos em versão prévia são para experimentar: podem mudar ou desaparecer e geralmente não são suportados em produção.",
                fix: "Desative-o em produção, a menos que os termos do produto o permitam.")),
        FindingCode(
            code: "lifecycle", severity: .error, summary: "A lifecycle state stands in the way.",
            meaning: "A feature that must be off cannot be switched off (mandatory from a version, or `cannotSwitchOff: true` once on), or a prerequisite is only scheduled to be switched on later (Feature management's scheduled enablement).",
            whyItMatters: "A feature switched on while a prerequisite is only scheduled does not work until that date; one that needs a mandatory feature off can never work.",
            example: "features:\n  legacy: {conflicts: [perf]}\n  perf: {mandatorySince: 10.0.28}", fix: "Switch the scheduled prerequisite on now, or wait for its date; a feature that needs a mandatory one off cannot be used on that version.",
            portuguese: FindingText(
                summary: "Um estado do ciclo de vida atrapalha.",
                meaning: "Um recurso que precisa estar desativado não pode ser desativado (obrigatório a partir de uma versão, ou `cannotSwitchOff: true` uma vez ativado), ou um pré-requisito só tem a ativação agendada para mais tarde (ativação agendada do Gerenciamento de recursos).",
                whyItMatters: "Um recurso ativado enquanto um pré-requisito só está agendado não funciona até essa data; um que precisa de um recurso obrigatório desativado nunca pode funcionar.",
                fix: "Ative o pré-requisito agendado agora ou aguarde a data; um recurso que precisa de um obrigatório desativado não pode ser usado nessa versão.")),
        FindingCode(
            code: "mandatory-required-off", severity: .warning, summary: "A feature needs off a feature that becomes mandatory.",
            meaning: "The feature conflicts with (or requires `not`) a feature that is mandatory from a version (`mandatorySince`), and nothing says the feature itself goes away by then (`removedIn`).",
            whyItMatters: "From that version on the mandatory feature is always on, so this feature can never be switched on again: the answers say so, but the pack likely misses a `removedIn`.",
            example: "features:\n  perf: {mandatorySince: 10.0.28}\n  legacy: {conflicts: [perf]}", fix: "Give the feature `removedIn` with that version, or correct the requirement.",
            portuguese: FindingText(
                summary: "Um recurso precisa desativado de um recurso que se torna obrigatório.",
                meaning: "O recurso entra em conflito com (ou exige `not`) um recurso obrigatório a partir de uma versão (`mandatorySince`), e nada diz que o próprio recurso deixa de existir até lá (`removedIn`).",
                whyItMatters: "A partir dessa versão o recurso obrigatório está sempre ativado; assim, este recurso nunca mais pode ser ativado: as respostas dizem isso, mas provavelmente falta um `removedIn` no pacote.",
                fix: "Dê ao recurso `removedIn` com essa versão, ou corrija o requisito.")),
    ]
}
