import PrereqModel

/// The sentences about settle times and verified plans, in English and Brazilian Portuguese
/// (part of the one message catalog, `Messages`).
extension Messages {

    /// The settle time, decided: from the jobs' first successes after the switch, or from the
    /// switch; with `event`, after that event instead (a setting's change, an update).
    public func settleTime(_ f: String, settle: TimeSpan, from start: Timestamp, afterJobs: Bool, until: Timestamp, _ truth: Truth, event: String? = nil) -> String {
        let since = event.map { settleSince(event: $0, at: start, afterJobs: afterJobs) } ?? (afterJobs
            ? say("after the jobs first succeeded after the switch (by \(time(start)))", "após a primeira execução com êxito dos trabalhos depois da ativação (até \(time(start)))")
            : say("after it was switched on at \(time(start))", "após a ativação em \(time(start))"))
        let of = event == nil ? "do recurso \(quote(f))" : "de \(quote(f))"
        return truth == .satisfied
            ? say("the settle time of \(quote(f)) (\(span(settle))) \(since) has passed",
                "o tempo de estabilização \(of) (\(span(settle))) \(since) já passou")
            : say("cached data may lag until \(time(until)) (settle time \(span(settle)) \(since))",
                "os dados em cache podem ficar defasados até \(time(until)) (tempo de estabilização de \(span(settle)) \(since))")
    }

    /// The settle time, undecided: the snapshot bounds the first success after the switch (or
    /// after `event`) but does not give it.
    public func settleUndecided(
        _ f: String, settle: TimeSpan, job: String, channel: String?, switchedOn: Timestamp, latest: Timestamp, sure: Timestamp, event: String? = nil
    ) -> String {
        let place = within(channel)
        let after = event.map { say("after \($0) at", "depois que \($0) em") } ?? say("after the switch at", "após a ativação em")
        let of = event == nil ? "do recurso \(quote(f))" : "de \(quote(f))"
        return say(
            "whether the settle time of \(quote(f)) (\(span(settle))) has passed is unknown: the snapshot does not say when \(job) first succeeded\(place) \(after) \(time(switchedOn)) (no later than \(time(latest))); it has passed for certain at \(time(sure))",
            "não se sabe se o tempo de estabilização \(of) (\(span(settle))) já passou: o snapshot não informa quando \(job) foi executado com êxito pela primeira vez\(place) \(after) \(time(switchedOn)) (no máximo em \(time(latest))); ele terá passado com certeza em \(time(sure))")
    }

    /// The jobs a job must follow ran in their order, transitively.
    public func upstreamOrder(_ j: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: return say("the jobs \(j) must follow ran in their order", "os trabalhos que precisam vir antes de \(j) foram executados na ordem")
        case .violated: return say("the jobs \(j) must follow did not run in their order", "os trabalhos que precisam vir antes de \(j) não foram executados na ordem")
        case .unknown: return say("whether the jobs \(j) must follow ran in their order is unknown", "não se sabe se os trabalhos que precisam vir antes de \(j) foram executados na ordem")
        }
    }

    /// Switching a feature on switches on others, after which its requirements fail.
    public func requirementAfterSwitch(_ f: String, also: String) -> String {
        say("switching on \(quote(f)) also switches on \(also), and then its requirements do not hold",
              "ativar o recurso \(quote(f)) também ativa \(also), e então os seus requisitos não são atendidos")
    }

    /// A wait after switching on a feature that needs no jobs.
    public func stepWaitAfterSwitch(_ settle: TimeSpan) -> String {
        say("Wait \(span(settle)) after switching it on for cached data to catch up", "Aguarde \(span(settle)) após a ativação para que os dados em cache sejam atualizados")
    }

    // MARK: - Verified plans

    public var planReachesGoal: String {
        say("Verified: performing these steps in order reaches the goal.", "Verificado: executar estes passos na ordem atinge o objetivo.")
    }

    public var planNeedsData: String {
        say("Not verifiable until the missing data is provided: the plan is checked again with it.",
              "Não verificável até que os dados ausentes sejam informados: o plano é verificado de novo com eles.")
    }

    /// No plan reaches the goal; `conditions` are what stays unmet.
    public func noPlan(_ conditions: [String]) -> String {
        let head = say("No plan found that reaches the goal. What cannot be fixed:", "Nenhum plano encontrado que atinja o objetivo. O que não pode ser corrigido:")
        return ([head] + conditions.map { "  - " + $0 }).joined(separator: "\n")
    }

    public var simulatedEndState: String { say("Simulated end state", "Estado final simulado") }

    /// One goal's verdict in the simulated end state.
    public func endVerdict(_ f: String, _ verdict: Verdict) -> String {
        let word: String
        switch verdict {
        case .inEffect: word = say("on and in effect", "ativado e em vigor")
        case .notInEffect: word = say("on but not in effect", "ativado, mas não em vigor")
        case .enableable: word = say("off, can be switched on", "desativado, pode ser ativado")
        case .blocked: word = say("off and blocked", "desativado e bloqueado")
        case .unknown: word = say("unknown", "desconhecido")
        }
        return "\(quote(f)): \(word)"
    }

    /// A switch the plan needs in both states at once.
    public func contradictoryFeature(_ f: String, on: String, off: String) -> String {
        say("\(quote(f)) must be on (for \(quote(on))) and off (for \(quote(off))) at the same time",
              "o recurso \(quote(f)) precisa estar ativado (para \(quote(on))) e desativado (para \(quote(off))) ao mesmo tempo")
    }

    /// A setting the plan needs at two values at once.
    public func contradictorySetting(_ s: String, _ a: String, _ b: String) -> String {
        say("\(s) must be \(a) and \(b) at the same time", "\(s) precisa ser \(a) e \(b) ao mesmo tempo")
    }

    /// Versions the plan cannot meet together.
    public func contradictoryVersion(needs: ProductVersion, removedIn: ProductVersion, feature: String) -> String {
        say("the product must be at least \(needs), but \(quote(feature)) is gone from \(removedIn) on",
              "o produto precisa estar na versão \(needs) ou superior, mas o recurso \(quote(feature)) não existe a partir da \(removedIn)")
    }
}
