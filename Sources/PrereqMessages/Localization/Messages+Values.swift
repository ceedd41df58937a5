import PrereqModel

/// The sentences about setting values read by their declared type, about notes and
/// documentation shown with answers, and about facts shared by several features, in English
/// and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {

    /// What a value of `type` looks like, as a noun phrase.
    public func typeDescription(_ type: SettingType) -> String {
        switch type {
        case .bool: say("a switch (true/false, on/off)", "um valor de ativação (true/false, on/off)")
        case .int: say("a whole number", "um número inteiro")
        case .string: say("text", "um texto")
        case .list: say("a list", "uma lista")
        }
    }

    public func snapshotValueDoesNotFit(_ value: SettingValue, setting: String, type: SettingType, channel: String?) -> String {
        let place = within(channel)
        return say(
            "the value \"\(value)\" of \(setting)\(place) is not \(typeDescription(type)), as the setting is declared",
            "o valor \"\(value)\" de \(setting)\(place) não é \(typeDescription(type)), como a configuração foi declarada")
    }

    public func snapshotValueHelp(_ type: SettingType) -> String {
        say(
            "Export the value as \(typeDescription(type)); until then the setting counts as unknown.",
            "Exporte o valor como \(typeDescription(type)); até lá, a configuração é tratada como desconhecida.")
    }

    public var settingDeclaredHere: String { say("the setting is declared here", "a configuração é declarada aqui") }

    public func requiredValueDoesNotFit(_ value: SettingValue, setting: String, type: SettingType, owner: String) -> String {
        say(
            "\(owner) needs \(setting) to be \"\(value)\", which is not \(typeDescription(type)), as the setting is declared",
            "\(owner) precisa que \(setting) seja \"\(value)\", que não é \(typeDescription(type)), como a configuração foi declarada")
    }

    public func requiredValueHelp(_ type: SettingType) -> String {
        say(
            "Write \(typeDescription(type)), or declare the setting with the type its values have.",
            "Escreva \(typeDescription(type)) ou declare a configuração com o tipo que seus valores têm.")
    }

    public var versionNotGiven: String {
        say("the snapshot does not give the product version (snapshot.version)", "o snapshot não informa a versão do produto (snapshot.version)")
    }

    // MARK: - Rows waiting for a job

    public func recordsWaitingUnscheduled(_ count: Int, table: String, job: String) -> String {
        say(
            "\(count) rows in \(table) wait for the next run of \(job), but \(job) is not on a recurring schedule: no run is coming",
            "\(count) linhas em \(table) aguardam a próxima execução de \(job), mas \(job) não está em um agendamento recorrente: nenhuma execução está prevista")
    }

    public func recordsWaitingOverdue(_ count: Int, table: String, job: String, lastRun: Timestamp, interval: TimeSpan) -> String {
        say(
            "\(count) rows in \(table) wait for the next run of \(job), but \(job) last succeeded at \(time(lastRun)), more than \(span(interval)) before the snapshot: its runs have stopped",
            "\(count) linhas em \(table) aguardam a próxima execução de \(job), mas \(job) foi executado com êxito pela última vez em \(time(lastRun)), mais de \(span(interval)) antes do snapshot: suas execuções pararam")
    }

    public func recordsWaitingScheduleUnknown(_ count: Int, table: String, job: String) -> String {
        say(
            "\(count) rows in \(table) wait for the next run of \(job), but the snapshot does not say whether \(job) is on a recurring schedule",
            "\(count) linhas em \(table) aguardam a próxima execução de \(job), mas o snapshot não informa se \(job) está em um agendamento recorrente")
    }

    /// The help of `records-found`: rows a check does not allow and that no job clears.
    public var recordsFoundHelp: String {
        say(
            "No job of the pack clears these rows: correct or remove them in the product (the check's documentation says how).",
            "Nenhum trabalho do pacote limpa essas linhas: corrija-as ou remova-as no produto (a documentação da verificação explica como).")
    }

    // MARK: - Remarks shown with answers

    public var noteLabel: String { say("Note", "Observação") }
    public var docsLabel: String { say("Docs", "Documentação") }
    public var settleSourceLabel: String { say("Settle time from", "Tempo de estabilização segundo") }

    /// The lines of a definition's remarks, each `Label: text`, in a fixed order.
    public func remarkLines(_ r: Remarks) -> [String] {
        var out: [String] = []
        if let note = r.note { out.append("\(noteLabel): \(note)") }
        if let source = r.settleSource { out.append("\(settleSourceLabel): \(source)") }
        if let docs = r.docs { out.append("\(docsLabel): \(docs)") }
        return out
    }

    /// A feature the snapshot does not mention (and that has no default).
    public func stateUnknown(_ f: String, prerequisites: Truth) -> String {
        switch prerequisites {
        case .satisfied:
            say("the snapshot does not say whether \"\(f)\" is on; its prerequisites hold", "o snapshot não informa se o recurso \"\(f)\" está ativado; os pré-requisitos dele estão atendidos")
        case .violated:
            say("the snapshot does not say whether \"\(f)\" is on; a prerequisite of it does not hold", "o snapshot não informa se o recurso \"\(f)\" está ativado; um pré-requisito dele não está atendido")
        case .unknown:
            say("the snapshot does not say whether \"\(f)\" is on", "o snapshot não informa se o recurso \"\(f)\" está ativado")
        }
    }

    /// A related place of a finding about the environment: a feature that needs the fact.
    public var aFeatureThatNeedsIt: String { say("a feature that needs it", "um recurso que depende disso") }
}
