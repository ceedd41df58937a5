import PrereqModel

/// The sentences about the rules steps have of their own (`last`, `parameters`,
/// `takesEffect.manual`, runs made stale by a later step): in plans, in a plan's verification
/// and in decoding and lint, in English and Brazilian Portuguese (part of the one message
/// catalog, `Messages`).
extension Messages {
    /// A parameter's place in the pack: `parameter "Delete existing configuration" of job init`.
    public func parameter(_ name: String, of what: String) -> String {
        field(say("parameter \(quote(name))", "o parâmetro \(quote(name))"), of: what)
    }

    public var manualInParameterCondition: String {
        say("a parameter's when must be a condition the snapshot can report; it cannot name a manual step",
            "o when de um parâmetro precisa ser uma condição que o snapshot informa; não pode citar um passo manual")
    }

    /// A value that must not be chosen: everywhere (`where` nil), here because `where` holds, or
    /// where it holds when Prereq cannot tell whether it does (`unknownBecause`); then the note.
    public func forbiddenParameter(_ name: String, _ value: String, where place: String?, unknownBecause: String?, note: String?) -> String {
        let rule: String
        switch (place, unknownBecause) {
        case (nil, _):
            rule = say("Do not set \(quote(name)) to \(quote(value)).", "Não defina \(quote(name)) como \(quote(value)).")
        case (let place?, nil):
            rule = say("Do not set \(quote(name)) to \(quote(value)): it is forbidden where \(place), as here.",
                       "Não defina \(quote(name)) como \(quote(value)): é proibido quando \(place), como aqui.")
        case (let place?, let because?):
            rule = say("Do not set \(quote(name)) to \(quote(value)) where \(place); Prereq cannot tell whether that is so here: \(because).",
                       "Não defina \(quote(name)) como \(quote(value)) quando \(place); o Prereq não consegue saber se é o caso aqui: \(because).")
        }
        return note.map { rule + " " + $0 } ?? rule
    }

    /// Data a condition needs that the snapshot does not give (`what`: as a provide-data step names it).
    public func snapshotLacks(_ what: String) -> String { say("the snapshot does not give \(what)", "o snapshot não informa \(what)") }

    /// A job run that repeats an earlier one, and why: `earlier` and `because` are step numbers.
    public func stepRunAgain(_ run: String, earlier: Int, because: Int, _ reason: String) -> String {
        say("\(run) again, because step \(because) \(reason) (the run in step \(earlier) came before it)",
            "\(run) novamente, porque o passo \(because) \(reason) (a execução do passo \(earlier) veio antes dele)")
    }

    /// A `last` step done earlier for a switch, and again as the plan's final step.
    public func stepAgainAsLast(_ step: String, earlier: Int) -> String {
        say("\(step) (again, as the final step: the pack says to do it last; step \(earlier) did it for the switch)",
            "\(step) (novamente, como último passo: o pacote manda fazê-lo por último; o passo \(earlier) o fez para a ativação)")
    }

    /// What a switch does to a job's earlier run: the job must succeed after it.
    public func staleBySwitch(_ feature: String, job: String) -> String {
        say("switches on \(quote(feature)), which needs \(job) to succeed after the switch",
            "ativa \(quote(feature)), que precisa que \(job) tenha sucesso depois da ativação")
    }

    /// What a run of another job does to a job that must run after it.
    public func staleByRun(_ other: String, job: String) -> String {
        say("runs \(other), and \(job) must succeed after it", "executa \(other), e \(job) precisa ter sucesso depois dele")
    }

    // MARK: - Defects a plan's verification finds

    public func lastStepNotLast(_ step: String, step n: Int, followedBy m: Int) -> String {
        say("\(quote(step)) must be the final step, but step \(m) comes after step \(n)",
            "\(quote(step)) precisa ser o último passo, mas o passo \(m) vem depois do passo \(n)")
    }

    public func staleRun(_ job: String, step n: Int, staleSince k: Int, _ reason: String) -> String {
        say("the run of \(job) in step \(n) does not count: step \(k) \(reason), and the plan does not run it again",
            "a execução de \(job) no passo \(n) não conta: o passo \(k) \(reason), e o plano não a executa novamente")
    }

    public func manualBeforeSwitch(_ step: String, step n: Int, switchStep k: Int) -> String {
        say("\(quote(step)) must be done after the switch in step \(k), but the plan does it in step \(n)",
            "\(quote(step)) precisa ser feito depois da ativação do passo \(k), mas o plano o faz no passo \(n)")
    }

    // MARK: - Lint

    public func lastStepUnused(_ what: String) -> String {
        say("\(what) says last: true, but no feature's plan can contain it", "\(what) diz last: true, mas nenhum plano de recurso pode contê-lo")
    }

    public var lastStepUnusedHelp: String {
        say("name it in a feature's takesEffect (jobs or manual) or requires, or remove last",
            "cite-o no takesEffect (jobs ou manual) ou nos requires de um recurso, ou remova last")
    }

    public func lastStepFollowed(_ what: String, by other: String) -> String {
        say("\(what) says last: true, but \(other) must run after it", "\(what) diz last: true, mas \(other) precisa ser executado depois dele")
    }

    public var lastStepFollowedHelp: String {
        say("a plan with both cannot keep both rules: remove last, or the after that names it",
            "um plano com os dois não pode manter as duas regras: remova last ou o after que o cita")
    }

    public func severalLastSteps(first: String, then second: String, feature: String) -> String {
        say("\(first) and \(second) both say last: true, and the plan of \(quote(feature)) can contain both: \(first) comes first",
            "\(first) e \(second) dizem last: true, e o plano de \(quote(feature)) pode conter os dois: \(first) vem antes")
    }

    public var severalLastStepsHelp: String {
        say("plans do them at the end in the order the pack declares them; keep last on one if only one is final",
            "os planos os fazem no fim na ordem em que o pacote os declara; mantenha last em um só se só um for o último")
    }
}
