import PrereqModel

/// The tool's own sentences for explanations, plans and answers, in English and Brazilian
/// Portuguese side by side. Names passed in are already in the answer's language.
public struct Messages: Sendable {
    public let language: Language
    private let pt: Bool

    public init(_ language: Language) {
        self.language = language
        pt = language.isPortuguese
    }

    /// The sentence in the language of the answer: every part of the catalog words through this
    /// (only the one asked for is built).
    func say(_ en: @autoclosure () -> String, _ ptBR: @autoclosure () -> String) -> String { pt ? ptBR() : en() }

    /// ` (did you mean "x"?)` after a name that matched nothing, or nothing without a suggestion.
    public func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { say(" (did you mean \"\($0)\"?)", " (você quis dizer \"\($0)\"?)") } ?? ""
    }

    /// A moment as people read it: `2026-11-20 10:00 UTC`.
    public func time(_ t: Timestamp) -> String { t.minuteText + " UTC" }

    public func span(_ s: TimeSpan) -> String {
        if s.seconds == 0 { return "0 s" }
        var rest = s.seconds
        var parts: [String] = []
        for (unit, name) in [(86400, say("d", "d")), (3600, "h"), (60, "min"), (1, "s")] where rest >= unit {
            parts.append("\(rest / unit) \(name)")
            rest %= unit
        }
        return parts.joined(separator: " ")
    }

    /// A feature's name in quotes: names are phrases ("Enable …") that need setting apart.
    /// A name in double quotes, as every sentence quotes features and steps.
    func quote(_ f: String) -> String { "\"\(f)\"" }

    /// A feature opening a sentence: quoted in English, "O recurso …" in Portuguese.
    private func fp(_ f: String) -> String { pt ? "O recurso \(quote(f))" : quote(f) }
    /// " in <place>" (a channel, a list of channels, another system), or nothing without one.
    func within(_ place: String?) -> String { place.map { say(" in \($0)", " em \($0)") } ?? "" }


    /// How a feature is named at the start of a finding.
    public func featureLabel(_ f: String) -> String { quote(f) }

    // MARK: - Feature conditions

    public func canEnable(_ f: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("\(fp(f)) can be switched on", "\(fp(f)) pode ser ativado")
        case .violated: say("\(fp(f)) cannot be switched on yet", "\(fp(f)) ainda não pode ser ativado")
        case .unknown: say("whether \(quote(f)) can be switched on is unknown", "não se sabe se o recurso \(quote(f)) pode ser ativado")
        }
    }

    public func prerequisitesHold(_ f: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("the prerequisites of \(quote(f)) hold", "os pré-requisitos do recurso \(quote(f)) estão atendidos")
        case .violated: say("a prerequisite of \(quote(f)) does not hold", "um pré-requisito do recurso \(quote(f)) não está atendido")
        case .unknown: say("whether the prerequisites of \(quote(f)) hold is unknown", "não se sabe se os pré-requisitos do recurso \(quote(f)) estão atendidos")
        }
    }

    public func featureOn(_ f: String, _ truth: Truth, system: String? = nil) -> String {
        let s = within(system)
        switch truth {
        case .satisfied: return say("\(fp(f)) is on\(s)", "\(fp(f)) está ativado\(s)")
        case .violated: return say("\(fp(f)) is off\(s)", "\(fp(f)) está desativado\(s)")
        case .unknown: return say("the snapshot does not say whether \(quote(f)) is on\(s)", "o snapshot não informa se o recurso \(quote(f)) está ativado\(s)")
        }
    }

    public func featureOff(_ f: String, because other: String, _ truth: Truth, system: String? = nil) -> String {
        let s = within(system)
        switch truth {
        case .satisfied: return say("\(fp(f)) is off\(s)", "\(fp(f)) está desativado\(s)")
        case .violated:
            return say("\(fp(f)) is on\(s), and \(quote(other)) cannot be on together with it", "\(fp(f)) está ativado\(s), e o recurso \(quote(other)) não pode ficar ativado junto com ele")
        case .unknown:
            return say("the snapshot does not say whether \(quote(f)) is on\(s) (it must be off for \(quote(other)))", "o snapshot não informa se o recurso \(quote(f)) está ativado\(s) (ele precisa estar desativado para o recurso \(quote(other)))")
        }
    }

    public func allOf(_ truth: Truth) -> String {
        truth == .satisfied ? say("all of these hold", "todas estas condições estão atendidas") : say("all of these must hold", "todas estas condições precisam ser atendidas")
    }

    public func anyOf(_ truth: Truth) -> String {
        truth == .satisfied ? say("one of these alternatives holds", "uma destas alternativas está atendida") : say("one of these alternatives must hold", "uma destas alternativas precisa ser atendida")
    }

    // MARK: - Versions and settings

    public func minimumVersion(_ f: String, needs: ProductVersion, has: ProductVersion?, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("version \(has?.description ?? "") meets the minimum \(needs) of \(quote(f))", "a versão \(has?.description ?? "") atende ao mínimo \(needs) do recurso \(quote(f))")
        case .violated: say("\(fp(f)) needs version \(needs) or later; the environment runs \(has?.description ?? "")", "\(fp(f)) requer a versão \(needs) ou posterior; o ambiente está na versão \(has?.description ?? "")")
        case .unknown: say("\(fp(f)) needs version \(needs) or later", "\(fp(f)) requer a versão \(needs) ou posterior")
        }
    }

    public func removedVersion(_ f: String, removedIn: ProductVersion, has: ProductVersion?, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("\(fp(f)) still exists in version \(has?.description ?? "")", "\(fp(f)) ainda existe na versão \(has?.description ?? "")")
        case .violated: say("\(fp(f)) no longer exists from version \(removedIn); the environment runs \(has?.description ?? "")", "\(fp(f)) não existe mais a partir da versão \(removedIn); o ambiente está na versão \(has?.description ?? "")")
        case .unknown: say("\(fp(f)) exists only before version \(removedIn)", "\(fp(f)) só existe antes da versão \(removedIn)")
        }
    }

    public func setting(_ s: String, needs: SettingValue, has: SettingValue?, in c: String?, for f: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("\(s) is \(needs)\(within(c))", "\(s) está definido como \(value(needs))\(within(c))")
        case .violated: say("\(s) is \(has?.description ?? "")\(within(c)); \(quote(f)) needs it to be \(needs)", "\(s) está definido como \(has.map(value) ?? "")\(within(c)); o recurso \(quote(f)) precisa que seja \(value(needs))")
        case .unknown: say("the snapshot does not give the value of \(s)\(within(c)); \(quote(f)) needs it to be \(needs)", "o snapshot não informa o valor de \(s)\(within(c)); o recurso \(quote(f)) precisa que seja \(value(needs))")
        }
    }

    /// A setting value in the answer's language (`on` is `ativado`).
    public func value(_ v: SettingValue) -> String {
        switch v {
        case .bool(let b): b ? say("on", "ativado") : say("off", "desativado")
        default: v.description
        }
    }

    // MARK: - Jobs

    public func inEffect(_ f: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("\(fp(f)) is in effect", "\(fp(f)) está em vigor")
        case .violated: say("\(fp(f)) is on but not in effect", "\(fp(f)) está ativado, mas ainda não está em vigor")
        case .unknown: say("whether \(quote(f)) is in effect is unknown", "não se sabe se o recurso \(quote(f)) está em vigor")
        }
    }

    /// Job j's runs after an event (`event`: a clause such as `eventSwitchedOn(f)`).
    public func jobSince(_ j: String, in c: String?, event: String, since: Timestamp, last: Timestamp?, _ truth: Truth) -> String {
        switch truth {
        case .satisfied:
            say("\(j) succeeded\(within(c)) at \(time(last ?? since)), after \(event) at \(time(since))",
                "\(j) foi executado com êxito\(within(c)) em \(time(last ?? since)), depois que \(event) em \(time(since))")
        case .violated:
            say("\(j) has not succeeded\(within(c)) since \(event) at \(time(since)) (last success \(last.map(time) ?? "never"))",
                "\(j) não foi executado com êxito\(within(c)) desde que \(event) em \(time(since)) (última execução com êxito: \(last.map(time) ?? "nunca"))")
        case .unknown:
            say("the snapshot does not say when \(j) last succeeded\(within(c))", "o snapshot não informa quando \(j) foi executado com êxito pela última vez\(within(c))")
        }
    }

    public func enabledAtMissing(_ f: String) -> String {
        say("the snapshot does not say when \(quote(f)) was switched on", "o snapshot não informa quando o recurso \(quote(f)) foi ativado")
    }

    public func jobLastSuccessMissing(_ j: String, in c: String? = nil) -> String {
        say("the snapshot does not say when \(j) last succeeded\(within(c))", "o snapshot não informa quando \(j) foi executado com êxito pela última vez\(within(c))")
    }

    public func jobOrder(_ j: String, after k: String, jobTime: Timestamp, otherTime: Timestamp, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(j) ran at \(time(jobTime)), after \(k) at \(time(otherTime))", "\(j) foi executado em \(time(jobTime)), depois de \(k) em \(time(otherTime))")
            : say("\(j) last succeeded at \(time(jobTime)), before \(k) at \(time(otherTime)); it must run after \(k)",
                "\(j) foi executado com êxito pela última vez em \(time(jobTime)), antes de \(k) em \(time(otherTime)); ele precisa ser executado depois de \(k)")
    }

    public func jobsInOrder(_ jobs: [String], _ truth: Truth) -> String {
        let list = jobs.joined(separator: say(", then ", ", depois "))
        switch truth {
        case .satisfied: return say("\(list) succeeded in this order", "\(list) foram executados com êxito nesta ordem")
        case .violated: return say("\(list) did not succeed in this order", "\(list) não foram executados com êxito nesta ordem")
        case .unknown: return say("whether \(list) succeeded in this order is unknown", "não se sabe se \(list) foram executados com êxito nesta ordem")
        }
    }

    public func schedule(_ j: String, every: TimeSpan?, maxInterval: TimeSpan?, _ truth: Truth) -> String {
        switch truth {
        case .satisfied:
            return say("\(j) is on a recurring schedule", "\(j) está em um agendamento recorrente")
        case .violated:
            if let every, let maxInterval {
                return say("\(j) runs every \(span(every)); it must run at least every \(span(maxInterval))",
                    "\(j) é executado a cada \(span(every)); ele precisa ser executado pelo menos a cada \(span(maxInterval))")
            }
            return say("\(j) is not on a recurring schedule", "\(j) não está em um agendamento recorrente")
        case .unknown:
            return say("the snapshot does not say whether \(j) is on a recurring schedule", "o snapshot não informa se \(j) está em um agendamento recorrente")
        }
    }

    public func overdue(_ j: String, last: Timestamp, maxInterval: TimeSpan, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(j) last succeeded at \(time(last)), within \(span(maxInterval))", "\(j) foi executado com êxito em \(time(last)), dentro de \(span(maxInterval))")
            : say("\(j) is overdue: it last succeeded at \(time(last)), more than \(span(maxInterval)) before the snapshot",
                "\(j) está atrasado: foi executado com êxito pela última vez em \(time(last)), mais de \(span(maxInterval)) antes do snapshot")
    }

    // MARK: - Records

    public func recordsClear(_ check: String, table: String) -> String {
        say("\(check): no rows left in \(table)", "\(check): nenhuma linha pendente em \(table)")
    }

    public func recordsWaiting(_ count: Int, table: String, job: String, lastRun: Timestamp?) -> String {
        let since = lastRun.map { say(" (written after its last run at \(time($0)))", " (gravadas depois da última execução em \(time($0)))") } ?? ""
        return say("\(count) rows in \(table) are waiting for the next run of \(job)\(since)",
            "\(count) linhas em \(table) aguardam a próxima execução de \(job)\(since)")
    }

    /// Rows beyond what a check allows. `condition` is empty for a check without `where` (then
    /// every row of the table counts).
    /// With `key` (a check counted `per` fields), the rows of that key: "2 rows in T for
    /// Profile = FP-EAST, Group = G1; at most 1 allowed".
    public func recordsStuck(
        _ count: Int, table: String, condition: String, key: String? = nil, maxCount: Int, job: String?, lastRun: Timestamp?, oldest: Timestamp?
    ) -> String {
        var en = condition.isEmpty ? "\(table) has \(count) rows" : "\(count) rows in \(table) still have \(condition)"
        var p = condition.isEmpty ? "\(table) tem \(count) linhas" : "\(count) linhas em \(table) ainda estão com \(condition)"
        if let key {
            let m = matching(table, condition, key: key), n = rowCount(count)
            en = "\(n.en) \(m.en); " + (maxCount > 0 ? "at most \(maxCount) allowed" : "none allowed")
            p = "\(n.pt) \(m.pt); " + (maxCount > 1 ? "no máximo \(maxCount) permitidas" : maxCount == 1 ? "no máximo 1 permitida" : "nenhuma permitida")
        } else if maxCount > 0 {
            en += ", more than the \(maxCount) allowed"
            p += ", mais do que as \(maxCount) permitidas"
        } else if condition.isEmpty {
            en += ", and none are allowed"
            p += ", e nenhuma é permitida"
        }
        if let job, let lastRun, let oldest {
            en += " although \(job) last succeeded at \(time(lastRun)) and the oldest row is from \(time(oldest)): they were not processed"
            p += ", embora \(job) tenha sido executado com êxito em \(time(lastRun)) e a linha mais antiga seja de \(time(oldest)): elas não foram processadas"
        } else if let job {
            en += "; \(job) has not processed them"
            p += "; \(job) não as processou"
        }
        return say(en, p)
    }

    /// The rows a check counts, as a phrase: `rows in T with F = 0`, or `rows in T`; with
    /// `key`, those of one key (`… for Profile = FP-EAST`).
    private func rows(_ tables: String, condition: String, key: String? = nil) -> (en: String, pt: String) {
        var r = condition.isEmpty
            ? ("rows in \(tables)", "linhas de \(tables)") : ("rows in \(tables) with \(condition)", "linhas de \(tables) com \(condition)")
        if let key {
            r.0 += " for \(key)"
            r.1 += " para \(key)"
        }
        return r
    }

    public func recordsUnknown(_ table: String, condition: String, key: String? = nil) -> String {
        let r = rows(table, condition: condition, key: key)
        return say("the snapshot gives no count of \(r.en)", "o snapshot não informa quantas \(r.pt) existem")
    }

    public func recordsCheck(_ check: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("\(check): nothing is left to process", "\(check): nada pendente de processamento")
        case .violated: say("\(check): rows were left unprocessed", "\(check): há linhas não processadas")
        case .unknown: say("\(check): the counts are unknown", "\(check): as contagens são desconhecidas")
        }
    }

    // MARK: - Verdicts

    /// The answer's first line; `reachable` is false when no plan gets the feature on and in
    /// effect (then "yet" would promise what no step gives); `onlyManual` when all that is
    /// unknown is manual steps (more data would not settle them).
    public func verdict(_ v: Verdict, feature f: String, reachable: Bool = true, onlyManual: Bool = false) -> String {
        switch v {
        case .enableable: say("\(fp(f)) can be switched on now.", "\(fp(f)) pode ser ativado agora.")
        case .blocked where !reachable:
            say("\(fp(f)) cannot be switched on in this environment.", "\(fp(f)) não pode ser ativado neste ambiente.")
        case .blocked: say("\(fp(f)) cannot be switched on yet.", "\(fp(f)) ainda não pode ser ativado.")
        case .inEffect: say("\(fp(f)) is on and in effect.", "\(fp(f)) está ativado e em vigor.")
        case .notInEffect: say("\(fp(f)) is on but not in effect yet.", "\(fp(f)) está ativado, mas ainda não está em vigor.")
        case .unknown where onlyManual:
            say("Prereq cannot tell about \(quote(f)): the snapshot does not confirm the manual steps it needs.",
                "O Prereq não consegue responder sobre o recurso \(quote(f)): o snapshot não confirma os passos manuais de que ele precisa.")
        case .unknown: say("Prereq cannot tell yet: the snapshot lacks data about \(quote(f)).", "O Prereq ainda não consegue responder: faltam dados no snapshot sobre o recurso \(quote(f)).")
        }
    }

    public var rootCausesHeading: String { say("Why", "Por quê") }
    public var planHeading: String { say("What to do", "O que fazer") }
    public var nothingToDo: String { say("Nothing to do.", "Nada a fazer.") }
    public var snapshotWord: String { say("snapshot", "snapshot") }
    public var ruleWord: String { say("rule", "regra") }
    public func seeAbove(_ n: Int) -> String { say("(see \(n) above)", "(veja \(n) acima)") }
    public func alternatives(_ chosen: String, _ others: [String]) -> String {
        say("Instead of \(chosen), you may also: \(others.joined(separator: "; or "))", "Em vez de \(chosen), você também pode: \(others.joined(separator: "; ou "))")
    }

    // MARK: - Plan steps

    public func stepUpgrade(_ v: ProductVersion) -> String {
        say("Upgrade the product to version \(v) or later", "Atualize o produto para a versão \(v) ou posterior")
    }

    public func stepSet(_ s: String, _ v: SettingValue, channels: [String], whereToFind: String? = nil) -> String {
        let where_ = channels.isEmpty ? "" : say(" in \(channels.joined(separator: ", "))", " em \(channels.joined(separator: ", "))")
        let place = whereToFind.map { " (\($0))" } ?? ""
        return say("Set \(s) to \(value(v))\(where_)\(place)", "Defina \(s) como \(value(v))\(where_)\(place)")
    }

    public func stepSchedule(_ j: String, maxInterval: TimeSpan?) -> String {
        let every = maxInterval.map { say(", at least every \(span($0))", ", pelo menos a cada \(span($0))") } ?? ""
        return say("Put \(j) on a recurring schedule\(every)", "Coloque \(j) em um agendamento recorrente\(every)")
    }

    public func stepDisable(_ f: String, system: String? = nil) -> String { say("Switch off \(quote(f))", "Desative o recurso \(quote(f))") + within(system) }
    public func stepEnable(_ f: String, system: String? = nil) -> String { say("Switch on \(quote(f))", "Ative o recurso \(quote(f))") + within(system) }

    public func stepRun(_ j: String, channels: [String]) -> String {
        let where_ = channels.isEmpty ? "" : say(" for \(channels.joined(separator: ", "))", " para \(channels.joined(separator: ", "))")
        return say("Run \(j)\(where_)", "Execute \(j)\(where_)")
    }

    public func stepInvestigate(_ j: String, table: String) -> String {
        say("Run \(j) again and check its history for the rows of \(table) it did not process",
            "Execute \(j) novamente e verifique no histórico por que as linhas de \(table) não foram processadas")
    }

    public func stepWait(until: Timestamp, settle: TimeSpan) -> String {
        say("Wait until \(time(until)) for cached data to catch up (settle time \(span(settle)))",
            "Aguarde até \(time(until)) para que os dados em cache sejam atualizados (tempo de estabilização de \(span(settle)))")
    }

    public func stepWaitAfterJobs(_ settle: TimeSpan) -> String {
        say("Wait \(span(settle)) after the last job for cached data to catch up", "Aguarde \(span(settle)) após o último trabalho para que os dados em cache sejam atualizados")
    }

    public func stepProvide(_ what: String) -> String {
        say("Add to the snapshot: \(what)", "Inclua no snapshot: \(what)")
    }

    // Noun phrases for `stepProvide`: what the snapshot lacks.
    public var missingVersion: String { say("the product version", "a versão do produto") }
    public func missingState(_ f: String, system: String? = nil) -> String {
        guard let system else { return say("whether \(quote(f)) is on", "se o recurso \(quote(f)) está ativado") }
        return say("whether \(quote(f)) is on in \(system) (externalFeatures)", "se o recurso \(quote(f)) está ativado em \(system) (externalFeatures)")
    }
    public func missingEnabledAt(_ f: String) -> String { say("when \(quote(f)) was switched on (enabledAt)", "quando o recurso \(quote(f)) foi ativado (enabledAt)") }
    public func missingLastSuccess(_ j: String, in c: String?) -> String {
        say("when \(j) last succeeded\(within(c)) (lastSuccess)", "quando \(j) foi executado com êxito pela última vez\(within(c)) (lastSuccess)")
    }
    public func missingSetting(_ s: String, in c: String?) -> String { say("the value of \(s)\(within(c))", "o valor de \(s)\(within(c))") }
    public func missingRecords(_ tables: String, condition: String, key: String? = nil) -> String {
        let r = rows(tables, condition: condition, key: key)
        return say("the count of \(r.en)", "a contagem de \(r.pt)")
    }
    public func missingSchedule(_ j: String) -> String { say("the schedule of \(j)", "o agendamento de \(j)") }

    // MARK: - FAQ

    public func faqTitle(_ pack: String, environment: String) -> String {
        say("\(pack): answers for \(environment)", "\(pack): respostas para \(environment)")
    }

    public func faqSnapshotLine(file: String, takenAt: Timestamp?, version: ProductVersion?) -> String {
        let at = takenAt.map { say(" taken at \(time($0))", " tirado em \(time($0))") } ?? ""
        let v = version.map { say(", product version \($0)", ", versão do produto \($0)") } ?? say(", product version unknown", ", versão do produto desconhecida")
        return say("Snapshot \(file)\(at)\(v).", "Snapshot \(file)\(at)\(v).")
    }

    public var faqAnswerLabel: String { say("Answer", "Resposta") }
    public var faqCausesLabel: String { say("Causes", "Causas") }
    public var faqContextLabel: String { say("What Prereq checked", "O que o Prereq verificou") }
    public var faqNothingWrong: String { say("Nothing is wrong here.", "Não há nenhum problema aqui.") }
    public var faqProblem: String { say("There is a problem.", "Há um problema.") }
    public var faqUnknown: String { say("Prereq cannot tell: the snapshot lacks data.", "O Prereq não consegue responder: faltam dados no snapshot.") }

    public func faqAlreadyOn(_ f: String) -> String {
        say("\(quote(f)) is already on.", "O recurso \(quote(f)) já está ativado.")
    }

    public func faqNotOn(_ f: String) -> String {
        say("\(quote(f)) is not switched on.", "O recurso \(quote(f)) não está ativado.")
    }

    public func faqEvidence(snapshot: String?, rule: String?) -> String {
        var parts: [String] = []
        if let snapshot { parts.append(say("snapshot", "snapshot") + " " + snapshot) }
        if let rule { parts.append(say("rule", "regra") + " " + rule) }
        return parts.joined(separator: ", ")
    }
}
