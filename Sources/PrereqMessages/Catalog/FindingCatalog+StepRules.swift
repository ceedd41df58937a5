import PrereqModel

/// The codes about the rules of steps of their own (`last: true`).
extension FindingCatalog {
    static let stepRuleCodes: [FindingCode] = [
        FindingCode(
            code: "last-step-unused", severity: .warning, summary: "A job says `last: true`, but no plan can run it.",
            meaning: "The job is named only where no plan runs it (a `schedule` gate, a question's `jobsInOrder`), not in a feature's `takesEffect`, a record check's `clearedBy` or an `after` chain from them; its `last` never applies. (A job or manual step nothing names at all is `unused-job` or `unused-manual-step`.)",
            whyItMatters: "The rule \"do this as the final step\" was meant for some plan; the reference that would put the job in it is probably missing or misspelt.",
            example: "jobs:\n  cdx-9999: {last: true, schedule: {recurring: true}}",
            fix: "Name the job in the `takesEffect` of the feature it finishes, or remove `last`.",
            portuguese: FindingText(
                summary: "Um job diz `last: true`, mas nenhum plano pode executá-lo.",
                meaning: "O job só é citado onde nenhum plano o executa (um gate `schedule`, o `jobsInOrder` de uma pergunta), não no `takesEffect` de um recurso, no `clearedBy` de uma verificação de registros nem numa cadeia `after` a partir deles; o seu `last` nunca se aplica. (Um job ou passo manual que nada cita é `unused-job` ou `unused-manual-step`.)",
                whyItMatters: "A regra \"faça isto como último passo\" era para algum plano; a referência que o poria nele provavelmente falta ou tem erro de digitação.",
                fix: "Cite o job no `takesEffect` do recurso que ele conclui ou remova `last`.")),
        FindingCode(
            code: "last-step-followed", severity: .warning, summary: "A job says `last: true`, but another job must run after it.",
            meaning: "Another job lists this one in its `after`: a plan that runs both must run the other one later, so this one cannot be the final step.",
            whyItMatters: "No plan with both jobs keeps both rules: Prereq finds no plan for such features.",
            example: "jobs:\n  cdx-9999: {last: true}\n  cdx-1010: {after: [cdx-9999]}",
            fix: "Remove `last`, or the `after` that names the job.",
            portuguese: FindingText(
                summary: "Um job diz `last: true`, mas outro job precisa ser executado depois dele.",
                meaning: "Outro job cita este no seu `after`: um plano que executa os dois precisa executar o outro depois, então este não pode ser o último passo.",
                whyItMatters: "Nenhum plano com os dois jobs mantém as duas regras: o Prereq não encontra plano para esses recursos.",
                fix: "Remova `last` ou o `after` que cita o job.")),
        FindingCode(
            code: "several-last-steps", severity: .warning, summary: "One feature's plan can contain two steps that each say `last: true`.",
            meaning: "The feature, or a feature it requires, names two jobs or manual steps marked `last` (in `takesEffect` or as `{manual: id}`). A plan with both does them at the end in the order the pack declares them; only the second is really the final step.",
            whyItMatters: "Each documentation page says its step comes last; the pack's order decides between them, which may not be what either page means.",
            example: "features:\n  f: {takesEffect: {jobs: [cdx-9999], manual: [restart-pos]}}\njobs:\n  cdx-9999: {last: true}\nmanualSteps:\n  restart-pos: {text: Restart the POS, last: true}",
            fix: "Declare the steps in the order they must be done at the end, or keep `last` on the one that must be final.",
            portuguese: FindingText(
                summary: "O plano de um recurso pode conter dois passos que dizem `last: true`.",
                meaning: "O recurso, ou um recurso que ele exige, cita dois jobs ou passos manuais marcados com `last` (em `takesEffect` ou como `{manual: id}`). Um plano com os dois os faz no fim na ordem em que o pacote os declara; só o segundo é de fato o último passo.",
                whyItMatters: "Cada página da documentação diz que o seu passo vem por último; a ordem do pacote decide entre eles, o que pode não ser o que nenhuma das páginas quer dizer.",
                fix: "Declare os passos na ordem em que devem ser feitos no fim ou mantenha `last` só no que precisa ser o último.")),
    ]
}
