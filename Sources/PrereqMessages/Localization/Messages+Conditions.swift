import PrereqModel

/// The sentences about conditions on values (`{setting: id, in: [...]}`, `{feature: id, serving: v}`):
/// their decoding errors, their findings, explanations and plan steps, in English and Brazilian
/// Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    func values(_ vs: [SettingValue]) -> String { vs.map(value).joined(separator: ", ") }

    // MARK: - Decoding

    public var conditionHelp: String {
        say(
            "write a value condition as {setting: id, equals: v} (or in, notIn, atLeast, atMost, contains, order), {attribute: id, notIn: [v]}, or {feature: id, serving: v}",
            "escreva uma condição de valor como {setting: id, equals: v} (ou in, notIn, atLeast, atMost, contains, order), {attribute: id, notIn: [v]} ou {feature: id, serving: v}")
    }
    /// For `{feature: id}` without a test: the feature on is its id alone.
    public func featureConditionHelp(_ id: String) -> String {
        say("to require \(id) on, write its id alone (`- \(id)`); to test the value it serves, {feature: \(id), serving: v}",
            "para exigir \(id) ativado, escreva só o seu id (`- \(id)`); para testar o valor que entrega, {feature: \(id), serving: v}")
    }
    public var conditionOneSubject: String {
        say("a value condition names one feature, setting or attribute, not two", "uma condição de valor nomeia um recurso, uma configuração ou um atributo, não dois")
    }
    public var conditionNeedsSubject: String {
        say("a value condition needs `setting:`, `attribute:` or `feature:`, the value it tests", "uma condição de valor precisa de `setting:`, `attribute:` ou `feature:`, o valor que ela testa")
    }
    public func conditionNeedsTest(_ id: String) -> String {
        say("the condition on \(id) needs a test (equals, in, notIn, atLeast, atMost, contains, order or serving)",
            "a condição sobre \(id) precisa de um teste (equals, in, notIn, atLeast, atMost, contains, order ou serving)")
    }
    public func conditionTestsConflict(_ a: String, _ b: String) -> String {
        say("a value condition has one test: `\(a)` and `\(b)` cannot stand together (only atLeast and atMost can)",
            "uma condição de valor tem um só teste: `\(a)` e `\(b)` não podem ficar juntos (só atLeast e atMost podem)")
    }
    public func featureConditionServes(_ id: String, _ key: String) -> String {
        say("the condition on feature \(id) uses `\(key)`: a feature is tested on the value it serves (`serving`)",
            "a condição sobre o recurso \(id) usa `\(key)`: um recurso é testado pelo valor que entrega (`serving`)")
    }
    public func conditionEmptyRange(_ id: String, _ low: Int, _ high: Int) -> String {
        say("the condition on \(id) asks for at least \(low) and at most \(high): no value is both",
            "a condição sobre \(id) pede pelo menos \(low) e no máximo \(high): nenhum valor atende aos dois")
    }
    public func listSettingAllowedValues(_ what: String) -> String {
        say("\(what) is a list setting: it cannot declare allowedValues", "\(what) é uma configuração de lista: não pode declarar allowedValues")
    }
    public func allowedValueDoesNotFit(_ v: SettingValue, type: SettingType, _ what: String) -> String {
        say("the allowed value \"\(v)\" of \(what) is not \(typeDescription(type))", "o valor permitido \"\(v)\" de \(what) não é \(typeDescription(type))")
    }

    // MARK: - Lint

    /// `owner`: what compares, as `element` words it ("feature a", "o recurso a").
    public func valueNotAllowed(_ v: SettingValue, setting: String, owner: String, allowed: [SettingValue]) -> String {
        say("\(owner) compares \(setting) with \"\(v)\", which is not one of its allowed values (\(values(allowed)))",
            "\(owner) compara \(setting) com \"\(v)\", que não é um dos valores permitidos dela (\(values(allowed)))")
    }
    public var valueNotAllowedHelp: String {
        say("Write one of the setting's allowedValues, or add the value to them.", "Escreva um dos allowedValues da configuração ou acrescente o valor a eles.")
    }
    /// A test that cannot apply to what it tests: `atLeast` on text, `contains` on a number, `serving` on a setting.
    public func testDoesNotFit(_ test: String, setting: String, type: SettingType, owner: String) -> String {
        say("\(owner) tests \(setting) with `\(test)`, which does not apply to \(typeDescription(type))",
            "\(owner) testa \(setting) com `\(test)`, que não se aplica a \(typeDescription(type))")
    }
    public func testDoesNotFitHelp(_ test: String) -> String {
        switch test {
        case "serving": say("`serving` tests the value a feature serves: write {feature: id, serving: v}, or `equals` for a setting.",
                            "`serving` testa o valor que um recurso entrega: escreva {feature: id, serving: v}, ou `equals` para uma configuração.")
        case "contains", "order": say("`contains` and `order` test list settings (type: list).", "`contains` e `order` testam configurações de lista (type: list).")
        default: say("`atLeast` and `atMost` test whole numbers (type: int).", "`atLeast` e `atMost` testam números inteiros (type: int).")
        }
    }
    public func snapshotValueNotAllowed(_ v: SettingValue, setting: String, channel: String?, allowed: [SettingValue]) -> String {
        say("the value \"\(v)\" of \(setting)\(within(channel)) is not one of its allowed values (\(values(allowed)))",
            "o valor \"\(v)\" de \(setting)\(within(channel)) não é um dos valores permitidos dela (\(values(allowed)))")
    }
    public var snapshotValueNotAllowedHelp: String {
        say("Check the export, or add the value to the setting's allowedValues if the product now takes it.",
            "Confira a exportação, ou acrescente o valor aos allowedValues da configuração se o produto passou a aceitá-lo.")
    }

    // MARK: - Explanations

    /// What a test asks, after "needs it": `to be at least 10` / (pt) `seja pelo menos 10`.
    func testPhrase(_ test: ValueCondition.Test, negated: Bool) -> (en: String, pt: String) {
        let not = negated ? (" not", " não") : ("", "")
        switch test {
        case .serving(let v), .equals(let v): return ("\(not.0) to be \(value(v))".trimmedStart, "\(not.1) seja \(value(v))".trimmedStart)
        case .oneOf(let vs) where vs.count == 1, .noneOf(let vs) where vs.count == 1:
            let isOneOf: Bool
            if case .oneOf = test { isOneOf = !negated } else { isOneOf = negated }
            return testPhrase(.equals(vs[0]), negated: !isOneOf)
        case .oneOf(let vs):
            return negated ? ("not to be any of \(values(vs))", "não seja nenhum de \(values(vs))") : ("to be one of \(values(vs))", "seja um de \(values(vs))")
        case .noneOf(let vs):
            return negated ? ("to be one of \(values(vs))", "seja um de \(values(vs))") : ("not to be any of \(values(vs))", "não seja nenhum de \(values(vs))")
        case .range(let low?, let high?):
            return negated ? ("to be below \(low) or above \(high)", "seja menor que \(low) ou maior que \(high)") : ("to be between \(low) and \(high)", "esteja entre \(low) e \(high)")
        case .range(let low?, nil): return negated ? ("to be below \(low)", "seja menor que \(low)") : ("to be at least \(low)", "seja pelo menos \(low)")
        case .range(nil, let high?): return negated ? ("to be above \(high)", "seja maior que \(high)") : ("to be at most \(high)", "seja no máximo \(high)")
        case .range(nil, nil): return ("", "")
        case .contains(let v): return negated ? ("not to contain \(value(v))", "não contenha \(value(v))") : ("to contain \(value(v))", "contenha \(value(v))")
        case .order(let vs):
            let list = vs.map(value).joined(separator: say(" before ", " antes de "))
            return negated ? ("not to list \(list)", "não liste \(list)") : ("to list \(list)", "liste \(list)")
        }
    }

    /// A condition on a value in a few words, inside a sentence about a requirement ("when
    /// "mode" is A"): `subject` is the setting or the feature that serves the value.
    public func conditionValue(_ subject: String, _ test: ValueCondition.Test, negated: Bool) -> String {
        let (en, pt): (String, String)
        switch test {
        case .serving(let v): (en, pt) = ("serves \(value(v))", "entrega \(value(v))")
        case .equals(let v): (en, pt) = ("is \(value(v))", "é \(value(v))")
        case .oneOf(let vs): (en, pt) = ("is one of \(values(vs))", "é um de \(values(vs))")
        case .noneOf(let vs): (en, pt) = ("is none of \(values(vs))", "não é nenhum de \(values(vs))")
        case .range(let low, let high):
            let bounds = [low.map { say("at least \($0)", "pelo menos \($0)") }, high.map { say("at most \($0)", "no máximo \($0)") }].compactMap { $0 }
            (en, pt) = ("is \(bounds.joined(separator: " and "))", "é \(bounds.joined(separator: " e "))")
        case .contains(let v): (en, pt) = ("contains \(value(v))", "contém \(value(v))")
        case .order(let vs):
            (en, pt) = ("lists \(vs.map(value).joined(separator: " before "))", "lista \(vs.map(value).joined(separator: " antes de "))")
        }
        let said = say("\(quote(subject)) \(en)", "\(quote(subject)) \(pt)")
        return negated ? say("not (\(said))", "não (\(said))") : said
    }

    /// A setting put to a test other than equality (equality keeps `setting(_:needs:…)`).
    public func settingCondition(_ s: String, _ test: ValueCondition.Test, negated: Bool, has: SettingValue?, in c: String?, for f: String, _ truth: Truth) -> String {
        let p = testPhrase(test, negated: negated)
        switch truth {
        case .satisfied: return say("\(s) is \(has.map(value) ?? "")\(within(c)), as \(quote(f)) needs (\(p.en))", "\(s) está definido como \(has.map(value) ?? "")\(within(c)), como o recurso \(quote(f)) precisa (que \(p.pt))")
        case .violated: return say("\(s) is \(has.map(value) ?? "")\(within(c)); \(quote(f)) needs it \(p.en)", "\(s) está definido como \(has.map(value) ?? "")\(within(c)); o recurso \(quote(f)) precisa que \(p.pt)")
        case .unknown: return say("the snapshot does not give the value of \(s)\(within(c)); \(quote(f)) needs it \(p.en)", "o snapshot não informa o valor de \(s)\(within(c)); o recurso \(quote(f)) precisa que \(p.pt)")
        }
    }

    /// A setting that fails a test in channels with different values: each value with its
    /// channels (`[A] in s1, [B] in s2, s3`).
    public func settingConditionFails(_ s: String, _ test: ValueCondition.Test, negated: Bool, values: [(value: SettingValue, channels: [String])], for f: String) -> String {
        let p = testPhrase(test, negated: negated)
        let has = values.map { "\(value($0.value))\(within($0.channels.isEmpty ? nil : $0.channels.joined(separator: ", ")))" }.joined(separator: ", ")
        return say("\(s) is \(has); \(quote(f)) needs it \(p.en)", "\(s) está definido como \(has); o recurso \(quote(f)) precisa que \(p.pt)")
    }

    /// The value a switched-on feature serves.
    public func served(_ f: String, _ test: ValueCondition.Test, negated: Bool, has: SettingValue?, for owner: String, _ truth: Truth) -> String {
        let p = testPhrase(test, negated: negated)
        switch truth {
        case .satisfied: return say("\(quote(f)) serves \(has.map(value) ?? "")", "o recurso \(quote(f)) entrega \(has.map(value) ?? "")")
        case .violated: return say("\(quote(f)) serves \(has.map(value) ?? ""); \(quote(owner)) needs it \(p.en)", "o recurso \(quote(f)) entrega \(has.map(value) ?? ""); o recurso \(quote(owner)) precisa que \(p.pt)")
        case .unknown: return say("the snapshot does not say which value \(quote(f)) serves (servedVariation); \(quote(owner)) needs it \(p.en)", "o snapshot não informa qual valor o recurso \(quote(f)) entrega (servedVariation); o recurso \(quote(owner)) precisa que \(p.pt)")
        }
    }

    /// "f is on and serves v" (or, negated, "is off or serves another value").
    public func featureServes(_ f: String, _ test: ValueCondition.Test, negated: Bool, _ truth: Truth) -> String {
        let v = test.literals.map(value).joined(separator: ", ")
        switch (truth, negated) {
        case (.satisfied, false): return say("\(quote(f)) is on and serves \(v)", "o recurso \(quote(f)) está ativado e entrega \(v)")
        case (.violated, false): return say("\(quote(f)) must be on and serve \(v)", "o recurso \(quote(f)) precisa estar ativado e entregar \(v)")
        case (.unknown, false): return say("whether \(quote(f)) is on and serves \(v) is unknown", "não se sabe se o recurso \(quote(f)) está ativado e entrega \(v)")
        case (.satisfied, true): return say("\(quote(f)) is off or serves another value than \(v)", "o recurso \(quote(f)) está desativado ou entrega um valor diferente de \(v)")
        case (.violated, true): return say("\(quote(f)) must be off or serve another value than \(v)", "o recurso \(quote(f)) precisa estar desativado ou entregar um valor diferente de \(v)")
        case (.unknown, true): return say("whether \(quote(f)) is off or serves another value than \(v) is unknown", "não se sabe se o recurso \(quote(f)) está desativado ou entrega um valor diferente de \(v)")
        }
    }

    public func missingServed(_ f: String) -> String { say("the value \(quote(f)) serves (servedVariation)", "o valor que o recurso \(quote(f)) entrega (servedVariation)") }

    // MARK: - Steps

    public func stepServe(_ f: String, _ v: SettingValue) -> String {
        say("Make \(quote(f)) serve \(value(v))", "Faça o recurso \(quote(f)) entregar \(value(v))")
    }

    /// A value Prereq cannot name (the test only excludes values, and none are declared allowed).
    public func stepChooseValue(_ s: String, _ test: ValueCondition.Test, negated: Bool, channels: [String], whereToFind: String?) -> String {
        let p = testPhrase(test, negated: negated)
        let place = channels.isEmpty ? "" : say(" in \(channels.joined(separator: ", "))", " em \(channels.joined(separator: ", "))")
        let find = whereToFind.map { " (\($0))" } ?? ""
        return say("Change \(s)\(place) to a value you choose\(find); what is needed: \(p.en). Prereq cannot name the value, nor check this step",
                   "Altere \(s)\(place) para um valor que você escolher\(find); o que se precisa: que \(p.pt). O Prereq não consegue indicar o valor nem verificar este passo")
    }
}

private extension String {
    var trimmedStart: String { String(drop { $0 == " " }) }
}

extension Messages {
    /// Two tests on one value that no value passes together.
    public func contradictoryCondition(_ s: String, _ a: ValueCondition.Test, negated aNegated: Bool, _ b: ValueCondition.Test, negated bNegated: Bool) -> String {
        let (pa, pb) = (testPhrase(a, negated: aNegated), testPhrase(b, negated: bNegated))
        return say("no value of \(s) meets both needs: \(pa.en), and \(pb.en)", "nenhum valor de \(s) atende às duas necessidades: que \(pa.pt), e que \(pb.pt)")
    }
}
