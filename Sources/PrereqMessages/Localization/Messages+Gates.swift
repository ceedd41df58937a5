import PrereqModel

/// The sentences about gates that are not features (a record check that must pass, a job that
/// must be on a schedule, written in `requires`), in English and Brazilian Portuguese (part of
/// the one message catalog, `Messages`).
extension Messages {
    public func minAboveMax(_ what: String) -> String {
        say("\(what): min must not be above max", "\(what): min não pode ser maior que max")
    }

    /// `in T with C for K`: the rows a limit applies to (`key` for a check counted `per` fields).
    func matching(_ table: String, _ condition: String, key: String? = nil) -> (en: String, pt: String) {
        var m = condition.isEmpty ? ("in \(table)", "em \(table)") : ("in \(table) with \(condition)", "em \(table) com \(condition)")
        if let key {
            m.0 += " for \(key)"
            m.1 += " para \(key)"
        }
        return m
    }

    /// `1 row`, `2 rows` (and in Portuguese).
    func rowCount(_ n: Int) -> (en: String, pt: String) {
        n == 1 ? ("1 row", "1 linha") : ("\(n) rows", "\(n) linhas")
    }

    /// "0 rows in T with C exist; at least 1 must".
    public func recordsTooFew(_ count: Int, table: String, condition: String, key: String? = nil, minCount: Int) -> String {
        let m = matching(table, condition, key: key), n = rowCount(count)
        return count == 1
            ? say("\(n.en) \(m.en) exists; at least \(minCount) must", "existe \(n.pt) \(m.pt); pelo menos \(minCount) precisam existir")
            : say("\(n.en) \(m.en) exist; at least \(minCount) must", "existem \(n.pt) \(m.pt); pelo menos \(minCount) precisam existir")
    }

    /// The step for rows that must exist: a person creates them, and a new snapshot shows it.
    public func stepCreateRows(_ minCount: Int, table: String, condition: String, key: String? = nil) -> String {
        let m = matching(table, condition, key: key)
        return say(
            "Create at least \(minCount) \(minCount == 1 ? "row" : "rows") \(m.en) (the documentation of the check says how), then take a new snapshot",
            "Crie pelo menos \(minCount) linhas \(m.pt) (a documentação da verificação explica como) e tire um novo snapshot")
    }

    /// The step for rows beyond a check's maximum that no job clears: a person corrects them.
    public func stepCorrectRows(_ maxCount: Int, table: String, condition: String, key: String? = nil) -> String {
        let m = matching(table, condition, key: key)
        let left =
            maxCount == 0 ? ("none remain", "não restar nenhuma")
            : maxCount == 1 ? ("at most 1 remains", "restar no máximo 1") : ("at most \(maxCount) remain", "restarem no máximo \(maxCount)")
        return say(
            "Correct or remove rows \(m.en) until \(left.0) (the documentation of the check says how), then take a new snapshot",
            "Corrija ou remova linhas \(m.pt) até \(left.1) (a documentação da verificação explica como) e tire um novo snapshot")
    }

    /// What a new snapshot must give after rows were created or a job processed them.
    public func missingRowsAfter(_ check: String) -> String {
        say("the counts of \(check) after the step", "as contagens de \(check) depois do passo")
    }

    /// A record check whose rows that must exist are missing (the check as a whole).
    public func recordsMissing(_ check: String) -> String {
        say("\(check): rows that must exist are missing", "\(check): faltam linhas que precisam existir")
    }

    // MARK: - Limits per key (`expect: {max: 1, per: [Profile, Group]}`)

    /// A key of a check counted per fields: `Profile = FP-EAST, Group = G1`.
    public func recordKey(_ values: [(field: String, value: SettingValue)]) -> String {
        values.map { "\($0.field) = \($0.value)" }.joined(separator: ", ")
    }

    /// A table's rows of one key, as a place: `T for Profile = FP-EAST`.
    public func rowsOfKey(_ table: String, key: String) -> String { say("\(table) for \(key)", "\(table) para \(key)") }

    /// Rows a snapshot entry counts without the fields that would say which key they belong to.
    public func recordsWithoutKey(_ count: Int, table: String, condition: String, missing: [String], per: [String]) -> String {
        let m = matching(table, condition), n = rowCount(count)
        let fields = missing.joined(separator: ", "), keys = per.joined(separator: ", ")
        return count == 1
            ? say(
                "the snapshot counts \(n.en) \(m.en) without its \(fields): it cannot be counted per \(keys)",
                "o snapshot conta \(n.pt) \(m.pt) sem informar \(fields): não é possível contá-la por \(keys)")
            : say(
                "the snapshot counts \(n.en) \(m.en) without their \(fields): they cannot be counted per \(keys)",
                "o snapshot conta \(n.pt) \(m.pt) sem informar \(fields): não é possível contá-las por \(keys)")
    }

    /// What to add to the snapshot for such rows.
    public func missingRecordsPerKey(_ table: String, condition: String, per: [String]) -> String {
        let m = matching(table, condition)
        let keys = per.joined(separator: ", ")
        return say(
            "the counts of rows \(m.en) per \(keys) (one entry per key, its where giving \(keys))",
            "as contagens de linhas \(m.pt) por \(keys) (uma entrada por chave, com \(keys) no where)")
    }

    /// Every key of a table within the check's limits.
    public func recordsWithinPerKey(_ check: String, table: String, per: [String]) -> String {
        let keys = per.joined(separator: ", ")
        return say("\(check): every \(keys) in \(table) is within the limits", "\(check): todas as combinações de \(keys) em \(table) estão dentro dos limites")
    }

    /// A check counted per fields with a key beyond its maximum (the check as a whole).
    public func recordsPerKeyExceeded(_ check: String, per: [String]) -> String {
        let keys = per.joined(separator: ", ")
        return say("\(check): more rows than allowed per \(keys)", "\(check): mais linhas do que o permitido por \(keys)")
    }

    public func fieldTwiceInPer(_ field: String) -> String {
        say("\(field) is named twice in per", "\(field) aparece duas vezes em per")
    }

    public func perNeedsALimit(_ what: String) -> String {
        say("\(what) needs max or min: the limit each key's rows must respect", "\(what) precisa de max ou min: o limite que as linhas de cada chave devem respeitar")
    }

    /// Lint: a `per` field that the check's `where` fixes to one value.
    public func perFieldFixed(_ check: String, field: String, value: SettingValue) -> String {
        say(
            "record check \(check) counts per \(field), but its where keeps only rows with \(field) = \(value): there is one key, and the limit is that of all its rows",
            "a verificação de registros \(check) conta por \(field), mas o where só mantém linhas com \(field) = \(value): há uma só chave, e o limite é o de todas as linhas")
    }

    public var recordCheckHere: String { say("the record check", "a verificação de registros") }

    public var perFieldFixedHelp: String {
        say("remove the field from per (or from where, to count each of its values)", "remova o campo de per (ou do where, para contar cada um dos seus valores)")
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
