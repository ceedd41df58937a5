import PrereqModel

/// The sentences about groups (`exactlyOne`, `atLeast`/`atMost`), conditional requirements
/// (`when`/`then`) and recommendations (`severity: warning`), in English and Brazilian
/// Portuguese (part of the one message catalog, `Messages`).
extension Messages {

    // MARK: - Conditions in a few words

    /// "\"X\" is on" / "\"X\" is off".
    public func conditionFeature(_ f: String, on: Bool) -> String {
        on ? say("\(quote(f)) is on", "\(quote(f)) está ativado") : say("\(quote(f)) is off", "\(quote(f)) está desativado")
    }

    /// Parts joined by "and" (`all`) or "or", in parentheses when there are several.
    public func conditionJoined(_ parts: [String], all: Bool) -> String {
        "(" + parts.joined(separator: all ? say(" and ", " e ") : say(" or ", " ou ")) + ")"
    }

    public func conditionNot(_ part: String) -> String { say("not (\(part))", "não (\(part))") }

    /// "\"A\" when \"C\" is on".
    public func conditionWhen(_ then: String, when condition: String) -> String {
        say("(\(then) when \(condition))", "(\(then) quando \(condition))")
    }

    /// "exactly one of A, B" / "at least 2 of …" / "at most 1 of …" / "between 1 and 2 of …".
    public func groupLabel(min: Int, max: Int?, of members: [String]) -> String {
        let list = members.map { $0.hasPrefix("\"") || $0.hasPrefix("(") ? $0 : quote($0) }.joined(separator: ", ")
        switch (min, max) {
        case (1, 1?): return say("exactly one of \(list)", "exatamente um de \(list)")
        case (let n, nil): return say("at least \(n) of \(list)", "pelo menos \(n) de \(list)")
        case (0, let m?): return say("at most \(m) of \(list)", "no máximo \(m) de \(list)")
        case (let n, let m?) where n == m: return say("exactly \(n) of \(list)", "exatamente \(n) de \(list)")
        case (let n, let m?): return say("between \(n) and \(m) of \(list)", "entre \(n) e \(m) de \(list)")
        }
    }

    public func conditionGroup(min: Int, max: Int?, of members: [String]) -> String {
        say("(\(groupLabel(min: min, max: max, of: members)) hold)", "(valem \(groupLabel(min: min, max: max, of: members)))")
    }

    // MARK: - Groups

    /// A group, with how many of its members hold and which (and those the snapshot does not decide).
    public func group(min: Int, max: Int?, of members: [String], holding: [String], open: [String], _ truth: Truth) -> String {
        let label = groupLabel(min: min, max: max, of: members)
        let names = holding.map { $0.hasPrefix("\"") || $0.hasPrefix("(") ? $0 : quote($0) }.joined(separator: ", ")
        let count: String
        switch holding.count {
        case 0: count = say("none of them holds", "nenhum deles vale")
        case 1: count = say("1 holds (\(names))", "1 vale (\(names))")
        default: count = say("\(holding.count) hold (\(names))", "\(holding.count) valem (\(names))")
        }
        let unknown = open.map { $0.hasPrefix("\"") || $0.hasPrefix("(") ? $0 : quote($0) }.joined(separator: ", ")
        switch truth {
        case .satisfied: return say("\(label) must hold, and \(count)", "\(label) precisa valer, e \(count)")
        case .violated: return say("\(label) must hold, but \(count)", "\(label) precisa valer, mas \(count)")
        case .unknown:
            return say("\(label) must hold: \(count), and the snapshot does not say about \(unknown)",
                       "\(label) precisa valer: \(count), e o snapshot não informa sobre \(unknown)")
        }
    }

    /// A member of a group that is on where too many are.
    public func groupMemberOn(_ f: String, max: Int, for owner: String) -> String {
        max == 0
            ? say("\(quote(f)) is on, and none of its group may be for \(quote(owner))", "\(quote(f)) está ativado, e nenhum do seu grupo pode estar para \(quote(owner))")
            : say("\(quote(f)) is on, and at most \(max) of its group may be for \(quote(owner))",
                  "\(quote(f)) está ativado, e no máximo \(max) do seu grupo pode estar para \(quote(owner))")
    }

    // MARK: - Conditional requirements

    /// The condition holds, so the requirement applies.
    public func whenApplies(_ condition: String, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("needed because \(condition), and met", "necessário porque \(condition), e atendido")
            : say("needed because \(condition)", "necessário porque \(condition)")
    }

    /// The condition does not hold: the requirement does not apply.
    public func whenDoesNotApply(_ condition: String) -> String {
        say("does not apply: needed only when \(condition), which does not hold", "não se aplica: necessário apenas quando \(condition), o que não vale")
    }

    /// The condition is undecided, but the requirement holds anyway.
    public func whenHoldsAnyway(_ condition: String) -> String {
        say("met, whether or not \(condition)", "atendido, valha ou não \(condition)")
    }

    /// The condition is undecided and the requirement does not hold.
    public func whenUndecided(_ condition: String) -> String {
        say("needed only when \(condition), which the snapshot does not say",
            "necessário apenas quando \(condition), o que o snapshot não informa")
    }

    // MARK: - Recommendations

    /// A recommendation (`severity: warning`) of feature `f`: it never blocks.
    public func recommended(_ what: String, for f: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: return say("recommended for \(quote(f)): \(what), and it holds", "recomendado para \(quote(f)): \(what), e isso vale")
        case .violated: return say("recommended for \(quote(f)): \(what), which does not hold (this does not block)",
                                   "recomendado para \(quote(f)): \(what), o que não vale (isso não bloqueia)")
        case .unknown: return say("recommended for \(quote(f)): \(what), which the snapshot does not say (this does not block)",
                                  "recomendado para \(quote(f)): \(what), o que o snapshot não informa (isso não bloqueia)")
        }
    }

    /// `not` over a recommendation: a recommendation counts as holding, so this never holds.
    public var recommendationNegated: String {
        say("a recommendation (severity: warning) always counts as met, so `not` over it can never hold",
            "uma recomendação (severity: warning) sempre conta como atendida; por isso, `not` sobre ela nunca pode valer")
    }

    public var recommendationsHeading: String { say("Recommended (does not block)", "Recomendado (não bloqueia)") }
    public var optionalStep: String { say("optional", "opcional") }

    // MARK: - Rule files

    /// A key of a form written without the key that names the form (`then` without `when`).
    public func keyNeedsForm(_ key: String, form: String) -> String {
        say("`\(key)` needs `\(form)` in the same requirement", "`\(key)` precisa de `\(form)` no mesmo requisito")
    }
}

/// Lint findings about conditional requirements and groups.
extension Messages {
    /// `key`: the key of the condition (`when`, or `where` of `eachChannel`).
    public func whenNeverHolds(_ f: String, key: String = "when") -> String {
        say("a conditional requirement of \"\(f)\" can never apply: its `\(key)` condition contradicts itself",
            "um requisito condicional de \"\(f)\" nunca pode se aplicar: a sua condição `\(key)` se contradiz")
    }

    public var whenNeverHoldsHelp: String {
        say("correct the condition, or remove the requirement if it is not needed", "corrija a condição ou remova o requisito se ele não for necessário")
    }

    public var conditionHere: String { say("the condition", "a condição") }
    public var requirementHere: String { say("what it requires", "o que ele exige") }

    public func whenContradicts(_ f: String, key: String = "when") -> String {
        say("a conditional requirement of \"\(f)\" contradicts its own `\(key)`: whenever the condition holds, the requirement cannot",
            "um requisito condicional de \"\(f)\" contradiz o seu próprio `\(key)`: sempre que a condição vale, o requisito não pode valer")
    }

    public func eachChannelUnscoped(_ f: String) -> String {
        say("an `eachChannel` requirement of \"\(f)\" reads nothing per channel: no setting or attribute in it has `scope: channel`, so it means the same as without `eachChannel`",
            "um requisito `eachChannel` de \"\(f)\" não lê nada por canal: nenhuma configuração ou atributo nele tem `scope: channel`, então ele significa o mesmo que sem `eachChannel`")
    }

    public var eachChannelUnscopedHelp: String {
        say("give the setting or attribute `scope: channel` if each channel has its own value, or remove `eachChannel`",
            "dê `scope: channel` à configuração ou ao atributo se cada canal tiver o seu próprio valor, ou remova `eachChannel`")
    }

    public var whenContradictsHelp: String {
        say("a requirement that undoes its condition blocks the feature whenever the condition holds; write the condition or the requirement meant",
            "um requisito que desfaz a sua condição bloqueia o recurso sempre que a condição vale; escreva a condição ou o requisito pretendido")
    }

    public func groupNeverSatisfied(_ f: String, because reason: String) -> String {
        say("a group in the requirements of \"\(f)\" can never be satisfied: \(reason)",
            "um grupo nos requisitos de \"\(f)\" nunca pode ser atendido: \(reason)")
    }

    public func groupTooFewMembers(min: Int, members: Int) -> String {
        say("it needs at least \(min) of \(members) items", "ele exige pelo menos \(min) de \(members) itens")
    }

    public func groupLimitsCross(min: Int, max: Int) -> String {
        say("atLeast (\(min)) is more than atMost (\(max))", "atLeast (\(min)) é maior que atMost (\(max))")
    }

    public var groupMembersExclude: String {
        say("its items exclude each other (conflicts or contradictions) so that never enough of them can hold",
            "os seus itens se excluem (conflitos ou contradições), de modo que nunca valem itens suficientes")
    }

    public func severityMisplaced(_ f: String) -> String {
        say("a `severity: warning` in the requirements of \"\(f)\" stands inside an alternative, a `not`, a group or a condition, where it always counts as met (under `not`, never)",
            "um `severity: warning` nos requisitos de \"\(f)\" está dentro de uma alternativa, de um `not`, de um grupo ou de uma condição, onde sempre conta como atendido (sob `not`, nunca)")
    }

    public var severityMisplacedHelp: String {
        say("put `severity` on the outermost requirement that is only recommended", "coloque `severity` no requisito mais externo que é apenas recomendado")
    }

    /// Why a feature can never be switched on: a group of its needs more than can hold.
    public func reasonGroupTooFew(min: Int, of members: Int, possible: Int) -> String {
        say("a group of its requirements needs at least \(min) of \(members) items, and only \(possible) of them can ever hold",
            "um grupo dos seus requisitos exige pelo menos \(min) de \(members) itens, e só \(possible) deles podem valer")
    }

    public var groupNeverSatisfiedHelp: String {
        say("correct the limits or the items: the feature could never be switched on", "corrija os limites ou os itens: o recurso nunca poderia ser ativado")
    }
}
