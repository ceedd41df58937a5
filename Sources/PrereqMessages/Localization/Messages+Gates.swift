import PrereqModel

/// The sentences about gates that are not features (a record check that must pass, a job that
/// must be on a schedule, written in `requires`), in English and Brazilian Portuguese (part of
/// the one message catalog, `Messages`).
extension Messages {
    public func minAboveMax(_ what: String) -> String {
        say("\(what): min must not be above max", "\(what): min não pode ser maior que max")
    }

    private func matching(_ table: String, _ condition: String) -> (en: String, pt: String) {
        condition.isEmpty ? ("in \(table)", "em \(table)") : ("in \(table) with \(condition)", "em \(table) com \(condition)")
    }

    /// "T has 0 rows with C; at least 1 must exist".
    public func recordsTooFew(_ count: Int, table: String, condition: String, minCount: Int) -> String {
        let m = matching(table, condition)
        return say("\(count) rows \(m.en) exist; at least \(minCount) must", "existem \(count) linhas \(m.pt); pelo menos \(minCount) precisam existir")
    }

    /// The step for rows that must exist: a person creates them, and a new snapshot shows it.
    public func stepCreateRows(_ minCount: Int, table: String, condition: String) -> String {
        let m = matching(table, condition)
        return say(
            "Create at least \(minCount) \(minCount == 1 ? "row" : "rows") \(m.en) (the documentation of the check says how), then take a new snapshot",
            "Crie pelo menos \(minCount) linhas \(m.pt) (a documentação da verificação explica como) e tire um novo snapshot")
    }

    /// What a new snapshot must give after rows were created or a job processed them.
    public func missingRowsAfter(_ check: String) -> String {
        say("the counts of \(check) after the step", "as contagens de \(check) depois do passo")
    }

    /// A record check whose rows that must exist are missing (the check as a whole).
    public func recordsMissing(_ check: String) -> String {
        say("\(check): rows that must exist are missing", "\(check): faltam linhas que precisam existir")
    }

    /// A gate as a condition, in a few words.
    public func conditionRecords(_ check: String) -> String { say("\"\(check)\" passes", "\"\(check)\" é atendida") }

    public func conditionSchedule(_ job: String, maxInterval: TimeSpan?) -> String {
        guard let maxInterval else { return say("\(job) is on a recurring schedule", "\(job) está em um agendamento recorrente") }
        return say("\(job) runs at least every \(span(maxInterval))", "\(job) é executado pelo menos a cada \(span(maxInterval))")
    }

    /// A gate under `not`: what must not hold.
    public func gateMustNotHold(_ condition: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("not (\(condition)), as required", "não (\(condition)), como exigido")
        case .violated: say("\(condition), but it must not", "\(condition), mas não pode")
        case .unknown: say("whether \(condition) is unknown; it must not hold", "não se sabe se \(condition); isso não pode valer")
        }
    }

    /// A gate naming a record check or job the pack does not define.
    public func gateUndefined(_ id: String) -> String {
        say("\(id) is not defined in the pack", "\(id) não está definido no pacote")
    }
}
