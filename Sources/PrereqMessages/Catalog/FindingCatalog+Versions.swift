import PrereqModel

/// The codes about components' versions, their update order and the release train.
extension FindingCatalog {
    static let versionCodes: [FindingCode] = [
        FindingCode(
            code: "update-order-cycle", severity: .error, summary: "Components must be updated after each other in a cycle.",
            meaning: "Following `updatedAfter` from a component leads back to it.",
            whyItMatters: "No update order can follow every entry, so plans cannot put the upgrades in a documented order.",
            example: "components:\n  hq: {updatedAfter: [csu]}\n  csu: {updatedAfter: [hq]}", fix: "Remove one `updatedAfter` entry of the cycle.",
            portuguese: FindingText(
                summary: "Componentes precisam ser atualizados uns depois dos outros em ciclo.",
                meaning: "Seguindo `updatedAfter` a partir de um componente, chega-se de volta a ele.",
                whyItMatters: "Nenhuma ordem de atualização atende a todas as entradas; por isso, os planos não conseguem seguir uma ordem documentada.",
                fix: "Remova uma das entradas `updatedAfter` do ciclo.")),
        FindingCode(
            code: "release-order", severity: .error, summary: "The release train is not declared oldest first.",
            meaning: "A release under `releases` has a version that is not newer than the release declared before it.",
            whyItMatters: "Release names stand for versions in conditions and snapshots; a train out of order means one of the versions is wrong.",
            example: "releases:\n  Autumn 2026: {version: 10.0.46}\n  Spring 2026: {version: 10.0.44}", fix: "Declare the releases oldest first, each with its own version.",
            portuguese: FindingText(
                summary: "A trilha de lançamentos não está declarada da mais antiga para a mais nova.",
                meaning: "Um lançamento em `releases` tem uma versão que não é mais nova que a do lançamento declarado antes dele.",
                whyItMatters: "Os nomes de lançamento representam versões em condições e snapshots; uma trilha fora de ordem indica que uma das versões está errada.",
                fix: "Declare os lançamentos do mais antigo para o mais novo, cada um com sua versão.")),
        FindingCode(
            code: "minimum-out-of-service", severity: .warning, summary: "A minimum version is out of service.",
            meaning: "A feature's `introducedIn` or `minVersion`, or the `atLeast` of a component condition, names a version whose release has passed its `endOfService` date (compared with the moment `prereq lint` runs).",
            whyItMatters: "No supported environment runs that version any more; plans already upgrade past it, but the pack is likely older than the product's documentation.",
            example: "releases:\n  10.0.38: {endOfService: 2025-06-30}\nfeatures:\n  f: {minVersion: 10.0.38}", fix: "Raise the minimum to a release in service if the docs allow it, or leave it: answers stay right.",
            portuguese: FindingText(
                summary: "Uma versão mínima está fora de serviço.",
                meaning: "O `introducedIn` ou o `minVersion` de um recurso, ou o `atLeast` de uma condição de componente, cita uma versão cujo lançamento já passou da data `endOfService` (comparada com o momento em que `prereq lint` é executado).",
                whyItMatters: "Nenhum ambiente suportado executa mais essa versão; os planos já atualizam além dela, mas o pacote provavelmente é mais antigo que a documentação do produto.",
                fix: "Eleve o mínimo para um lançamento em serviço, se a documentação permitir, ou mantenha-o: as respostas continuam certas.")),
        FindingCode(
            code: "impossible-versions", severity: .error, summary: "Component version conditions can never hold together.",
            meaning: "Among the component conditions a feature needs all of, one component must run at least a version above the most it (or a component it may not be newer than, through `notNewerThan`) may run.",
            whyItMatters: "No environment can meet them, so the feature could never be switched on, and plans would ask for upgrades that cannot help.",
            example: "requires:\n  - {component: csu, atLeast: 10.0.46}\n  - {component: csu, notNewerThan: hq}\n  - {component: hq, atMost: 10.0.45}",
            fix: "Check the bounds against the docs and correct the one that is wrong.",
            portuguese: FindingText(
                summary: "Condições de versão de componentes nunca valem juntas.",
                meaning: "Entre as condições de componente de que um recurso precisa, um componente precisa executar pelo menos uma versão acima do máximo que ele (ou um componente do qual não pode ser mais novo, por `notNewerThan`) pode executar.",
                whyItMatters: "Nenhum ambiente as atende; o recurso nunca poderia ser ativado, e os planos pediriam atualizações que não ajudam.",
                fix: "Confira os limites na documentação e corrija o que estiver errado.")),
        FindingCode(
            code: "end-of-service", severity: .error, summary: "An environment runs a release out of service.",
            meaning: "The product version, or an instance of a component, runs a release of the pack's `releases` whose `endOfService` date is not later than the snapshot's `takenAt`.",
            whyItMatters: "Releases out of service get no fixes and may stop being able to connect to the services they need.",
            example: "releases:\n  10.0.38: {endOfService: 2025-06-30}\n# snapshot taken 2026-11-20:\ncomponents:\n  pos: {reg-1: 10.0.38}", fix: "Update it to the first later release in service (the help names it).",
            portuguese: FindingText(
                summary: "Um ambiente executa um lançamento fora de serviço.",
                meaning: "A versão do produto, ou uma instância de um componente, executa um lançamento de `releases` do pacote cuja data `endOfService` não é posterior ao `takenAt` do snapshot.",
                whyItMatters: "Lançamentos fora de serviço não recebem correções e podem deixar de se conectar aos serviços de que precisam.",
                fix: "Atualize-o para o primeiro lançamento posterior em serviço (a ajuda o indica).")),
        FindingCode(
            code: "end-of-service-soon", severity: .warning, summary: "An environment runs a release that goes out of service soon.",
            meaning: "As `end-of-service`, but the date is still ahead of the snapshot's `takenAt`, within the release's `warnAhead` (30 days unless the release says otherwise).",
            whyItMatters: "An update takes planning; the warning comes while there is time for it.",
            example: "releases:\n  10.0.47: {endOfService: 2026-12-10, warnAhead: 30d}", fix: "Plan the update to a later release before the date.",
            portuguese: FindingText(
                summary: "Um ambiente executa um lançamento que logo sai de serviço.",
                meaning: "Como `end-of-service`, mas a data ainda está à frente do `takenAt` do snapshot, dentro do `warnAhead` do lançamento (30 dias, salvo indicação do lançamento).",
                whyItMatters: "Uma atualização exige planejamento; o aviso chega enquanto há tempo para isso.",
                fix: "Planeje a atualização para um lançamento posterior antes da data.")),
    ]
}
