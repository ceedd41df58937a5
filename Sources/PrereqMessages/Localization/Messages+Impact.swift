import PrereqModel

/// The sentences of `prereq impact`: what depends on an element, and what a change would do to
/// each environment.
extension Messages {
    /// The kind of element, as a noun with its article ("the job").
    public func impactKind(_ kind: String) -> String {
        switch kind {
        case "feature": say("the feature", "o recurso")
        case "job": say("the job", "o trabalho")
        case "setting": say("the setting", "a configuração")
        case "attribute": say("the attribute", "o atributo")
        case "component": say("the component", "o componente")
        case "records": say("the record check", "a verificação de registros")
        case "manual-step": say("the manual step", "a etapa manual")
        default: say("the product version", "a versão do produto")
        }
    }

    /// `What depends on the job "1010 (Customers)" (cdx-1010)`.
    public func impactHeading(kind: String, name: String?, id: String) -> String {
        let named = name.map { " \(quote($0))" + ($0 == id ? "" : " (\(id))") } ?? ""
        return say("What depends on \(impactKind(kind))\(named)", "O que depende \(ofKind(kind))\(named)")
    }

    /// The kind after Portuguese "de", contracted ("do trabalho", "da configuração").
    private func ofKind(_ kind: String) -> String {
        let noun = impactKind(kind)
        return (noun.hasPrefix("a ") ? "da " : "do ") + noun.dropFirst(2)
    }

    public func impactDependentCount(_ n: Int) -> String {
        switch n {
        case 0: say("No feature depends on it.", "Nenhum recurso depende disso.")
        case 1: say("1 feature depends on it, nearest first:", "1 recurso depende disso, os mais próximos primeiro:")
        default: say("\(n) features depend on it, nearest first:", "\(n) recursos dependem disso, os mais próximos primeiro:")
        }
    }

    public var impactStepRulesHeading: String {
        say("Step rules that name it (they change how plans run a step, not whether a feature works):",
            "Regras de etapas que o mencionam (mudam como os planos executam uma etapa, não se um recurso funciona):")
    }

    /// How `user` uses `name` (one link of a chain), without the user: "requires "X"".
    public func impactUse(_ form: String, value: String?, of name: String, kind: String, negated: Bool) -> String {
        let n = quote(name)
        let v = value ?? ""
        switch form {
        case "requires": return negated ? say("needs \(n) off", "precisa de \(n) desativado") : say("requires \(n)", "exige \(n)")
        case "serving":
            return negated ? say("needs \(n) not to serve \(quote(v))", "precisa que \(n) não sirva \(quote(v))") : say("needs \(n) to serve \(quote(v))", "precisa que \(n) sirva \(quote(v))")
        case "conflicts": return say("cannot be on together with \(n)", "não pode estar ativado junto com \(n)")
        case "enabledBefore": return say("needs \(n) on before \(eventWord(v))", "precisa de \(n) ativado antes d\(eventWordPt(v))")
        case "setting-value": return say("reads \(n) (\(v))", "lê \(n) (\(v))")
        case "attribute-value": return say("reads \(n) (\(v))", "lê \(n) (\(v))")
        case "component-version":
            return value == nil ? say("needs the version of \(n)", "precisa da versão de \(n)") : say("needs the version of \(n) \(v)", "precisa da versão de \(n) \(v)")
        case "not-newer-than": return say("needs \(quote(v)) not newer than \(n)", "precisa que \(quote(v)) não seja mais novo que \(n)")
        case "product-version": return say("needs the product version \(v)", "precisa da versão do produto \(v)")
        case "records": return negated ? say("needs \(n) to fail", "precisa que \(n) falhe") : say("needs \(n) to pass", "precisa que \(n) seja atendida")
        case "schedule": return say("needs \(n) on a recurring schedule", "precisa de \(n) em um agendamento recorrente")
        case "manual": return say("needs \(n) done", "precisa de \(n) feita")
        case "succeeded-after": return say("needs \(n) to succeed after \(eventWord(v))", "precisa que \(n) tenha êxito após \(eventWordPt(v))")
        case "event" where kind == "version": return say("counts a job's run from the last update", "conta a execução de um trabalho a partir da última atualização")
        case "event" where kind == "component": return say("counts a job's run from the last update of \(n)", "conta a execução de um trabalho a partir da última atualização de \(n)")
        case "event": return say("counts a job's run from the last change of \(n)", "conta a execução de um trabalho a partir da última mudança de \(n)")
        case "takes-effect": return say("takes effect only after \(n) succeeds after its switch", "só entra em vigor depois que \(n) tem êxito após a ativação")
        case "manual-after": return say("takes effect only after \(n) is done", "só entra em vigor depois que \(n) é feita")
        case "settle-from": return say("settles from the newest row of \(n)", "se estabiliza a partir da linha mais nova de \(n)")
        case "setting-takes-effect": return say("takes effect after a change only once \(n) succeeds", "só entra em vigor após uma mudança quando \(n) tem êxito")
        case "after":
            return value.map { say("must run after \(n) reached \($0)", "precisa ser executado após \(n) atingir \($0)") } ?? say("must run after \(n)", "precisa ser executado após \(n)")
        case "created-by": return say("is created by \(n)", "é criado por \(n)")
        case "cleared-by": return say("has its rows cleared by \(n)", "tem suas linhas processadas por \(n)")
        case "confirmed-by": return say("is confirmed done by \(n)", "é confirmada como feita por \(n)")
        default: return say("uses \(n)", "usa \(n)")
        }
    }

    /// Where in a requirement a use stands, as a parenthesis (empty when it is plain).
    public func impactContext(alternative: Bool, group: Bool, conditional: Bool, condition: Bool, recommended: Bool, eachChannel: Bool) -> String {
        var parts: [String] = []
        if alternative { parts.append(say("one alternative of an any-of", "uma alternativa de um anyOf")) }
        if group { parts.append(say("in a group", "em um grupo")) }
        if conditional { parts.append(say("only where a condition holds", "só onde uma condição vale")) }
        if condition { parts.append(say("in a when condition", "em uma condição when")) }
        if recommended { parts.append(say("recommended only", "apenas recomendado")) }
        if eachChannel { parts.append(say("in each channel", "em cada canal")) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// ", which " between the links of a chain.
    public var impactWhich: String { say(", which ", ", que ") }

    /// What a change of the subject does to a dependent.
    public func impactEffect(_ effect: String) -> String {
        switch effect {
        case "breaks": say("would break", "deixaria de funcionar")
        case "may-break": say("might break", "pode deixar de funcionar")
        case "may-unblock": say("might be unblocked", "pode ser desbloqueado")
        default: say("a recommendation only", "apenas uma recomendação")
        }
    }

    /// The event a condition measures against, in English ("the last update").
    private func eventWord(_ event: String) -> String {
        event == "update" ? "the last update" : "the last change of \(quote(event))"
    }

    /// The same in Portuguese, with its article ("a última atualização").
    private func eventWordPt(_ event: String) -> String {
        event == "update" ? "a última atualização" : "a última mudança de \(quote(event))"
    }

    // MARK: - With a snapshot

    /// The change simulated, as a clause: "switched off", "archived", "stopped".
    public func impactChange(_ change: String) -> String {
        switch change {
        case "archive": say("archived (removed from its flag platform)", "arquivado (removido da plataforma de flags)")
        case "stop": say("stopped (no run after the snapshot's moment, schedule none)", "parado (nenhuma execução após o momento do snapshot, sem agendamento)")
        default: say("switched off", "desativado")
        }
    }

    /// `examples/snapshots/healthy.yaml (contoso-prod): if "X" were switched off`.
    public func impactEnvironment(_ file: String, environment: String?, subject: String, change: String) -> String {
        let env = environment.map { " (\($0))" } ?? ""
        return say("\(file)\(env): if \(quote(subject)) were \(impactChange(change))", "\(file)\(env): se \(quote(subject)) fosse \(impactChange(change))")
    }

    /// The subject's state in the snapshot, as a sentence.
    public func impactFeatureState(_ name: String, on: Bool?, serving: String?) -> String {
        let s = serving.map { say(", serving \(quote($0))", ", servindo \(quote($0))") } ?? ""
        switch on {
        case true?: return say("Now: \(quote(name)) is on\(s).", "Agora: \(quote(name)) está ativado\(s).")
        case false?: return say("Now: \(quote(name)) is already off\(s).", "Agora: \(quote(name)) já está desativado\(s).")
        case nil: return say("Now: the snapshot does not say whether \(quote(name)) is on.", "Agora: o snapshot não informa se \(quote(name)) está ativado.")
        }
    }

    public func impactAlreadyArchived(_ name: String) -> String {
        say("The pack says \(quote(name)) is already archived.", "O pacote diz que \(quote(name)) já está arquivado.")
    }

    public func impactJobState(_ name: String, lastSuccess: Timestamp?, recurring: Bool?) -> String {
        let run = lastSuccess.map { say("last succeeded \(time($0))", "teve êxito pela última vez em \(time($0))") } ?? say("no last success given", "sem último êxito informado")
        let schedule: String
        switch recurring {
        case true?: schedule = say("on a recurring schedule", "em um agendamento recorrente")
        case false?: schedule = say("already on no schedule", "já sem agendamento")
        case nil: schedule = say("its schedule not given", "agendamento não informado")
        }
        return say("Now: \(quote(name)) \(run), \(schedule).", "Agora: \(quote(name)) \(run), \(schedule).")
    }

    public func impactScheduleRequired(_ name: String, rule: String) -> String {
        say("Stopping it breaks the pack's rule that \(quote(name)) be on a recurring schedule (\(rule)); `prereq check` would report it.",
            "Pará-lo viola a regra do pacote de que \(quote(name)) esteja em um agendamento recorrente (\(rule)); `prereq check` o relataria.")
    }

    public func impactOthers(_ n: Int) -> String {
        say("Other rules that depend on it (\(n)):", "Outras regras que dependem disso (\(n)):")
    }

    /// The product refuses the switch (a feature that cannot be switched off).
    public func impactRefused(_ reason: String) -> String {
        say("Nothing would change: \(reason).", "Nada mudaria: \(reason).")
    }

    public func impactWorse(_ n: Int, change: String) -> String {
        n == 0 && change == "stop" ? say("Nothing would stop working at the snapshot's moment.", "Nada deixaria de funcionar no momento do snapshot.")
            : n == 0 ? say("Nothing would stop working.", "Nada deixaria de funcionar.")
            : say("Would stop working (\(n)), in dependency order:", "Deixaria de funcionar (\(n)), em ordem de dependência:")
    }

    public func impactBetter(_ n: Int) -> String {
        say("Would work better (\(n)), through a condition that needs it off:", "Funcionaria melhor (\(n)), por uma condição que precisa dele desativado:")
    }

    public func impactAlreadyAffected(_ n: Int) -> String {
        say("Already affected now (\(n)), a root cause names it:", "Já afetado agora (\(n)), uma causa raiz o menciona:")
    }

    public func impactAtNextEvent(_ n: Int) -> String {
        say("Working now, but would not take effect again after the next event that needs a run of it (\(n)):",
            "Funciona agora, mas não entraria em vigor de novo após o próximo evento que precisa de uma execução dele (\(n)):")
    }

    /// `"F": in effect → on but not in effect`.
    public func impactVerdictChange(_ name: String, _ before: Verdict, _ after: Verdict) -> String {
        "\(quote(name)): \(verdictWord(before)) → \(verdictWord(after))"
    }

    /// `"F": in effect now`.
    public func impactVerdictNow(_ name: String, _ verdict: Verdict) -> String {
        say("\(quote(name)): \(verdictWord(verdict)) now", "\(quote(name)): \(verdictWord(verdict)) agora")
    }

    /// The line before the snapshot sections when X has dependents and no snapshot was given.
    public var impactGiveSnapshot: String {
        say("Give --snapshot to see what would stop working in an environment.", "Informe --snapshot para ver o que deixaria de funcionar em um ambiente.")
    }

    // MARK: - Names

    public func noElementCalled(_ name: String, suggestion: String?) -> String {
        say("nothing of the pack (feature, job, setting, attribute, component, record check, manual step) is called \"\(name)\"\(didYouMean(suggestion))",
            "nada no pacote (recurso, trabalho, configuração, atributo, componente, verificação de registros, etapa manual) se chama \"\(name)\"\(didYouMean(suggestion))")
    }

    public var giveAnElementName: String {
        say("give an id, display name (any language), alias or job code; `version` is the product version",
            "informe um id, nome de exibição (em qualquer idioma), alias ou código de trabalho; `version` é a versão do produto")
    }

    public func namesSeveralElements(_ name: String, _ candidates: [String]) -> String {
        say("\"\(name)\" names several things: \(candidates.joined(separator: ", "))", "\"\(name)\" corresponde a várias coisas: \(candidates.joined(separator: ", "))")
    }

    public var giveTheKind: String {
        say("add --kind (feature, job, setting, attribute, component, records, manual-step) or give the id",
            "adicione --kind (feature, job, setting, attribute, component, records, manual-step) ou informe o id")
    }

    public func impactCannotSimulate(_ kind: String) -> String {
        say("--snapshot simulates switching off a feature or stopping a job; \(impactKind(kind)) is neither (for a value, ask `prereq why FEATURE --assume NAME=VALUE`)",
            "--snapshot simula desativar um recurso ou parar um trabalho; \(impactKind(kind)) não é nenhum dos dois (para um valor, use `prereq why RECURSO --assume NOME=VALOR`)")
    }

    public var impactArchiveOnlyFeatures: String {
        say("--archive applies to a feature (a flag); give a feature", "--archive se aplica a um recurso (uma flag); informe um recurso")
    }
}
