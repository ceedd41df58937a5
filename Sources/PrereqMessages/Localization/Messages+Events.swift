import PrereqModel

/// The sentences about events that oblige jobs (a feature switched on, a setting changed, the
/// product updated) and about conditions relative to them (`succeededAfter`, `enabledBefore`),
/// in English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    // Events as clauses: "… since <event> at <time>".

    public func eventSwitchedOn(_ f: String) -> String { say("\(quote(f)) was switched on", "o recurso \(quote(f)) foi ativado") }
    public var eventUpdate: String { say("the current product version was installed", "a versão atual do produto foi instalada") }
    public func eventSettingChanged(_ s: String) -> String { say("\(quote(s)) last changed", "a configuração \(quote(s)) foi alterada") }

    /// The next such event, for what counts only from then on ("from the next update on",
    /// "a partir da próxima atualização").
    public var nextUpdate: String { say("the next update", "da próxima atualização") }
    public func nextSettingChange(_ s: String) -> String { say("the next change of \(quote(s))", "da próxima alteração de \(quote(s))") }

    /// The snapshot does not give the event's moment (a sentence), and what to add (a noun phrase).
    public func eventTimeMissing(_ event: String, in c: String? = nil) -> String {
        say("the snapshot does not say when \(event)\(within(c))", "o snapshot não informa quando \(event)\(within(c))")
    }
    public var missingVersionInstalledAt: String {
        say("when the current product version was installed (versionInstalledAt)", "quando a versão atual do produto foi instalada (versionInstalledAt)")
    }
    public func missingChangedAt(_ s: String, in c: String?) -> String {
        say("when \(s) last changed\(within(c)) (changedAt)", "quando \(s) foi alterada pela última vez\(within(c)) (changedAt)")
    }

    /// The conditions in a few words.
    public func conditionSucceededAfter(_ j: String, event: String) -> String { say("\(j) succeeded after \(event)", "\(j) foi executado com êxito depois que \(event)") }
    public func conditionEnabledBefore(_ f: String, event: String) -> String {
        say("\(quote(f)) was switched on no later than when \(event)", "o recurso \(quote(f)) foi ativado no mais tardar no momento em que \(event)")
    }

    /// A job's runs after an event, over its channels.
    public func succeededAfter(_ j: String, event: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("\(j) succeeded after \(event), in every channel", "\(j) foi executado com êxito depois que \(event), em todos os canais")
        case .violated: say("\(j) has not succeeded in every channel since \(event)", "\(j) não foi executado com êxito em todos os canais desde que \(event)")
        case .unknown: say("whether \(j) succeeded after \(event) in every channel is unknown", "não se sabe se \(j) foi executado com êxito em todos os canais depois que \(event)")
        }
    }

    /// A feature on, switched on before the event or after it (then it counts from `next` on).
    public func enabledBefore(_ f: String, at enabledAt: Timestamp, event: String, eventAt: Timestamp, next: String, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(quote(f)) was switched on at \(time(enabledAt)), before \(event) at \(time(eventAt))",
                "o recurso \(quote(f)) foi ativado em \(time(enabledAt)), antes do momento em que \(event) (\(time(eventAt)))")
            : say("\(quote(f)) was switched on at \(time(enabledAt)), after \(event) at \(time(eventAt)): it takes care of this automatically only from \(next) on",
                "o recurso \(quote(f)) foi ativado em \(time(enabledAt)), depois que \(event) em \(time(eventAt)): ele cuida disso automaticamente só a partir \(next)")
    }

    /// A feature that is off where it had to be on before the event: switching it on now counts only from `next` on.
    public func enabledBeforeButOff(_ f: String, next: String) -> String {
        say("\(quote(f)) is off: switched on now, it would take care of this automatically only from \(next) on",
            "o recurso \(quote(f)) está desativado: ativado agora, ele cuidaria disso automaticamente só a partir \(next)")
    }

    /// An event key that is neither `update` nor `{setting: id}`.
    public func unknownEvent(_ text: String, for what: String) -> String {
        say("\(what) must be `update` or `{setting: id}`, not \"\(text)\"", "\(what) precisa ser `update` ou `{setting: id}`, não \"\(text)\"")
    }

    /// Since when a settle time after an event counts: the jobs' first successes after it, or the event itself.
    public func settleSince(event: String, at start: Timestamp, afterJobs: Bool) -> String {
        afterJobs
            ? say("after the jobs first succeeded after \(event) (by \(time(start)))", "após a primeira execução com êxito dos trabalhos depois que \(event) (até \(time(start)))")
            : say("after \(event) at \(time(start))", "depois que \(event) em \(time(start))")
    }

    public func eventComponentUpdated(_ c: String) -> String { say("\(quote(c)) was last updated", "\(quote(c)) foi atualizado pela última vez") }

    public func missingInstalledAt(_ c: String) -> String {
        say("when each instance of \(quote(c)) was last updated (`installedAt` of its instances under `components`)",
            "quando cada instância de \(quote(c)) foi atualizada pela última vez (`installedAt` das instâncias em `components`)")
    }
}
