import PrereqModel

/// The comments of snapshot templates and the sentences of `prereq snapshot check`, in
/// English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    public func templateHeading(about features: [String]) -> String {
        features.isEmpty
            ? say("Snapshot template: every fact the rule pack reads, for all its features.", "Modelo de snapshot: todos os fatos que o pacote de regras lê, para todos os seus recursos.")
            : say("Snapshot template: every fact the rule pack reads to answer about \(features.joined(separator: ", ")).",
                  "Modelo de snapshot: todos os fatos que o pacote de regras lê para responder sobre \(features.joined(separator: ", ")).")
    }

    public var templateHowTo: String {
        say("Replace each ~ and <…> with what the environment shows; remove what you cannot give (Prereq then says it is unknown, never guesses).",
            "Substitua cada ~ e <…> pelo que o ambiente mostra; remova o que não puder informar (o Prereq então diz que é desconhecido, nunca adivinha).")
    }

    public var templateEnvironment: String { say("required: the environment's name", "obrigatório: o nome do ambiente") }
    public var templateTakenAt: String {
        say("required: when these facts were read, ISO 8601 with a zone (2026-11-20T10:00:00Z)", "obrigatório: quando estes fatos foram lidos, ISO 8601 com fuso (2026-11-20T10:00:00Z)")
    }
    public var templateVersion: String { say("the product version, dotted numbers (10.0.40)", "a versão do produto, números separados por pontos (10.0.40)") }
    public var templateTimeZone: String {
        say("the environment's time zone, an IANA name (Europe/Berlin): run windows and local times", "o fuso horário do ambiente, um nome IANA (Europe/Berlin): janelas de execução e horários locais")
    }
    public var templateChannels: String { say("the channels (stores) of the environment", "os canais (lojas) do ambiente") }
    public func templateChannelInfo(_ attributes: [String]) -> String {
        let list = (attributes + ["timeZone"]).joined(separator: ", ")
        return say("one entry per channel: \(list)", "uma entrada por canal: \(list)")
    }
    public func templateWhere(_ name: String, _ source: String) -> String { say("\(name). Where: \(source)", "\(name). Onde: \(source)") }
    public func templateEnabled(system: String?) -> String {
        system.map { say("on or off, in \($0)", "ativado ou desativado, em \($0)") } ?? say("on or off", "ativado ou desativado")
    }
    public var templateEnabledAt: String {
        say("when it was switched on (ISO 8601): what must follow the switch counts from then", "quando foi ativado (ISO 8601): o que deve seguir a ativação conta a partir daí")
    }
    public func templateSettingValue(_ type: String, allowed: [String]) -> String {
        let values = allowed.isEmpty ? "" : say(": one of \(allowed.joined(separator: ", "))", ": um de \(allowed.joined(separator: ", "))")
        return say("its value (\(type))\(values)", "o valor (\(type))\(values)")
    }
    public var templateVersionInstalledAt: String {
        say("when the current version was installed (ISO 8601)", "quando a versão atual foi instalada (ISO 8601)")
    }
    public var templateChangedAt: String { say("changedAt: when the value last changed (ISO 8601)", "changedAt: quando o valor mudou pela última vez (ISO 8601)") }
    public var templateStatus: String { say("the state of its last run (e.g. Applied)", "o estado da última execução (por exemplo, Applied)") }
    public var templateFirstAppliedAt: String { say("when it first reached Applied (ISO 8601)", "quando chegou a Applied pela primeira vez (ISO 8601)") }
    public func missingJobStatus(_ j: String) -> String { say("the state of the last run of \(j) (status)", "o estado da última execução de \(j) (status)") }
    public func missingFirstApplied(_ j: String) -> String { say("when \(j) first reached Applied (firstAppliedAt)", "quando \(j) chegou a Applied pela primeira vez (firstAppliedAt)") }
    public var templatePerChannel: String { say("one value per channel", "um valor por canal") }
    public var templateLastSuccess: String { say("when it last succeeded (ISO 8601)", "quando teve êxito pela última vez (ISO 8601)") }
    public var templateSchedule: String {
        say("its schedule: {recurring: true, every: 1h}, or none", "o agendamento: {recurring: true, every: 1h} ou none")
    }
    public var templateJobChannels: String {
        say("per channel, the last success of its run for that channel", "por canal, o último êxito da execução para esse canal")
    }
    public var templateCount: String { say("how many rows the query counts", "quantas linhas a consulta conta") }
    public func templateCountPer(_ fields: [String]) -> String {
        say("how many rows, one entry per \(fields.joined(separator: ", "))", "quantas linhas, uma entrada por \(fields.joined(separator: ", "))")
    }
    public var templateOldest: String { say("when the oldest counted row was written (ISO 8601)", "quando a linha contada mais antiga foi gravada (ISO 8601)") }
    public var templateNewest: String { say("when the newest counted row was written (ISO 8601)", "quando a linha contada mais recente foi gravada (ISO 8601)") }
    public func templateComponent(product: Bool) -> String {
        let base = say("its version, or {INSTANCE: version, …} for several instances", "a versão, ou {INSTÂNCIA: versão, …} para várias instâncias")
        return product ? base + say(" (else the snapshot's version stands for it)", " (senão, a versão do snapshot vale por ela)") : base
    }
}

extension Messages {
    public var missingTimeZone: String { say("the time zone (timeZone, or each channel's in channelInfo)", "o fuso horário (timeZone, ou o de cada canal em channelInfo)") }
    public func missingOldest(_ table: String) -> String {
        say("when the oldest counted row of \(table) was written (`records[].oldest`)", "quando a linha contada mais antiga de \(table) foi gravada (`records[].oldest`)")
    }
    public func snapshotLacks(_ file: String, _ n: Int) -> String {
        n == 0
            ? say("\(file) gives every fact the rule pack needs", "\(file) informa todos os fatos de que o pacote de regras precisa")
            : say("\(file) lacks \(n) \(n == 1 ? "fact" : "facts") the rule pack needs:", "\(file) não informa \(n) \(n == 1 ? "fato" : "fatos") de que o pacote de regras precisa:")
    }
}

/// The sentences of `prereq diff`.
extension Messages {
    public func verdictWord(_ v: Verdict) -> String {
        switch v {
        case .enableable: say("can be switched on", "pode ser ativado")
        case .blocked: say("blocked", "bloqueado")
        case .inEffect: say("in effect", "em vigor")
        case .notInEffect: say("on but not in effect", "ativado, mas não em vigor")
        case .unknown: say("unknown", "desconhecido")
        }
    }

    public func diffHeading(_ a: String, _ b: String, features n: Int) -> String {
        n == 0
            ? say("\(a) and \(b): every feature has the same verdict", "\(a) e \(b): todos os recursos têm o mesmo veredito")
            : say("\(a) and \(b): \(n) \(n == 1 ? "feature differs" : "features differ")", "\(a) e \(b): \(n) \(n == 1 ? "recurso difere" : "recursos diferem")")
    }

    public func diffFeature(_ f: String, _ va: Verdict, in a: String, _ vb: Verdict, in b: String) -> String {
        say("\(quote(f)): \(verdictWord(va)) in \(a), \(verdictWord(vb)) in \(b)", "\(quote(f)): \(verdictWord(va)) em \(a), \(verdictWord(vb)) em \(b)")
    }

    public func diffOnlyIn(_ file: String) -> String { say("only in \(file)", "somente em \(file)") }

    public var diffOtherFacts: String { say("Facts that differ without changing a verdict", "Fatos que diferem sem mudar um veredito") }

    public var diffNotGiven: String { say("not given", "não informado") }
}

/// The sentences of what-if assumptions (`--assume`).
extension Messages {
    public func assumptionUnreadable(_ text: String) -> String {
        say("cannot read the assumption \(quote(text))", "não é possível ler a suposição \(quote(text))")
    }
    public var assumptionForms: String {
        say("write FEATURE=on|off, SETTING=VALUE (SETTING@CHANNEL=VALUE for one channel), \"job JOB ran [at TIME] [in CHANNEL]\" or version=VERSION",
            "escreva RECURSO=on|off, CONFIGURAÇÃO=VALOR (CONFIGURAÇÃO@CANAL=VALOR para um canal), \"job TRABALHO ran [at HORA] [in CANAL]\" ou version=VERSÃO")
    }
    public func assumptionUnknown(_ kind: ElementKind, _ name: String, suggestion: String?) -> String {
        let hint = suggestion.map { say(" (did you mean \(quote($0))?)", " (você quis dizer \(quote($0))?)") } ?? ""
        return say("the assumption names \(quote(name)), which is no \(self.kind(kind)) of the pack\(hint)", "a suposição cita \(quote(name)), que não é \(self.kind(kind)) do pacote\(hint)")
    }
    public func assumedSwitch(_ f: String, on: Bool) -> String {
        on ? say("\(quote(f)) is on", "\(quote(f)) está ativado") : say("\(quote(f)) is off", "\(quote(f)) está desativado")
    }
    public func assumedSetting(_ s: String, _ v: String, in c: String?) -> String {
        say("\(s) is \(v)\(within(c))", "\(s) é \(v)\(within(c))")
    }
    public func assumedRun(_ j: String, at t: Timestamp, in c: String?) -> String {
        say("\(j) succeeded at \(time(t))\(within(c))", "\(j) foi executado com êxito em \(time(t))\(within(c))")
    }
    public func assumedVersion(_ v: ProductVersion) -> String { say("the product runs \(v)", "o produto executa \(v)") }
    public func assuming(_ items: [String]) -> String {
        say("Assuming: \(items.joined(separator: "; ")).", "Supondo: \(items.joined(separator: "; ")).")
    }
}
