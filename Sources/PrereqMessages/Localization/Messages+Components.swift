import PrereqModel

/// The sentences about components' versions (headquarters, scale units, registers,
/// extensions), in English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {

    public var componentNeedsTest: String {
        say("a component condition needs `atLeast`, `atMost` or `notNewerThan`", "uma condição de componente requer `atLeast`, `atMost` ou `notNewerThan`")
    }

    /// "every instance of Store Commerce runs 10.0.38 or later and no later than 10.0.41, not newer than Headquarters"
    public func componentCondition(_ component: String, atLeast: ProductVersion?, atMost: ProductVersion?, notNewerThan other: String?) -> String {
        var parts: [String] = []
        if let atLeast { parts.append(say("\(atLeast) or later", "\(atLeast) ou posterior")) }
        if let atMost { parts.append(say("no later than \(atMost)", "no máximo \(atMost)")) }
        if let other { parts.append(say("not newer than \(quote(other))", "não mais nova que \(quote(other))")) }
        return say("every instance of \(quote(component)) runs a version \(parts.joined(separator: " and "))",
                   "toda instância de \(quote(component)) executa uma versão \(parts.joined(separator: " e "))")
    }

    public func componentNotGiven(_ component: String) -> String {
        say("the snapshot does not give the version of \(quote(component))", "o snapshot não informa a versão de \(quote(component))")
    }

    public func missingComponentVersion(_ component: String) -> String {
        say("the version of \(quote(component)) (`components`)", "a versão de \(quote(component)) (`components`)")
    }

    public func componentVersionUnreadable(_ instance: String, _ text: String) -> String {
        say("\(quote(instance)) runs \(quote(text)), which is not a version of dotted numbers", "\(quote(instance)) executa \(quote(text)), que não é uma versão de números separados por pontos")
    }

    public func componentAtLeast(_ instance: String, needs: ProductVersion, has: ProductVersion, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(quote(instance)) runs \(has), at least \(needs)", "\(quote(instance)) executa \(has), pelo menos \(needs)")
            : say("\(quote(instance)) runs \(has); it needs \(needs) or later", "\(quote(instance)) executa \(has); requer \(needs) ou posterior")
    }

    public func componentAtMost(_ instance: String, limit: ProductVersion, has: ProductVersion, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(quote(instance)) runs \(has), no later than \(limit)", "\(quote(instance)) executa \(has), no máximo \(limit)")
            : say("\(quote(instance)) runs \(has), later than the \(limit) it may run at most", "\(quote(instance)) executa \(has), posterior à \(limit) que pode executar no máximo")
    }

    public func componentNotNewer(_ instance: String, has: ProductVersion, than other: String, otherHas: ProductVersion, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(quote(instance)) runs \(has), not newer than \(quote(other)) (\(otherHas))", "\(quote(instance)) executa \(has), não mais nova que \(quote(other)) (\(otherHas))")
            : say("\(quote(instance)) runs \(has), newer than \(quote(other)) (\(otherHas))", "\(quote(instance)) executa \(has), mais nova que \(quote(other)) (\(otherHas))")
    }

    public func stepUpgradeComponent(_ instance: String, to v: ProductVersion) -> String {
        say("Update \(quote(instance)) to version \(v) or later", "Atualize \(quote(instance)) para a versão \(v) ou posterior")
    }
}
