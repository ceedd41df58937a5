import PrereqModel

/// The sentences about components' versions (headquarters, scale units, registers,
/// extensions), in English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {

    public var componentNeedsTest: String {
        say("a component condition needs `atLeast`, `atMost` or `notNewerThan`", "uma condição de componente requer `atLeast`, `atMost` ou `notNewerThan`")
    }

    /// "every instance of Store Commerce runs 10.0.38 or later and no later than 10.0.41, not newer than Headquarters"
    public func componentCondition(_ component: String, atLeast: VersionReference?, atMost: VersionReference?, notNewerThan other: String?) -> String {
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

    public func componentAtLeast(_ instance: String, needs: String, has: String, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(quote(instance)) runs \(has), at least \(needs)", "\(quote(instance)) executa \(has), pelo menos \(needs)")
            : say("\(quote(instance)) runs \(has); it needs \(needs) or later", "\(quote(instance)) executa \(has); requer \(needs) ou posterior")
    }

    public func componentAtMost(_ instance: String, limit: String, has: String, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(quote(instance)) runs \(has), no later than \(limit)", "\(quote(instance)) executa \(has), no máximo \(limit)")
            : say("\(quote(instance)) runs \(has), later than the \(limit) it may run at most", "\(quote(instance)) executa \(has), posterior à \(limit) que pode executar no máximo")
    }

    public func componentNotNewer(_ instance: String, has: String, than other: String, otherHas: String, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("\(quote(instance)) runs \(has), not newer than \(quote(other)) (\(otherHas))", "\(quote(instance)) executa \(has), não mais nova que \(quote(other)) (\(otherHas))")
            : say("\(quote(instance)) runs \(has), newer than \(quote(other)) (\(otherHas))", "\(quote(instance)) executa \(has), mais nova que \(quote(other)) (\(otherHas))")
    }

    public func stepUpgradeComponent(_ instance: String, to v: ProductVersion) -> String {
        say("Update \(quote(instance)) to version \(v) or later", "Atualize \(quote(instance)) para a versão \(v) ou posterior")
    }

    // MARK: - Update order and releases

    public func updateOrderCycle(_ ids: [String]) -> String {
        say("update order forms a cycle: \(ids.joined(separator: " updated after "))",
            "a ordem de atualização forma um ciclo: \(ids.joined(separator: " atualizado depois de "))")
    }

    public var updateOrderCycleHelp: String {
        say("remove one of these `updatedAfter` entries; no update order can follow them all",
            "remova uma destas entradas `updatedAfter`; nenhuma ordem de atualização atende a todas")
    }

    public func releaseOutOfOrder(_ id: String, _ version: ProductVersion, after previous: String, _ previousVersion: ProductVersion) -> String {
        say("release \(id) (\(version)) is declared after \(previous) (\(previousVersion)) but is not newer",
            "o lançamento \(id) (\(version)) é declarado depois de \(previous) (\(previousVersion)), mas não é mais novo")
    }

    public var releaseOutOfOrderHelp: String {
        say("declare the release train oldest first, one release per version", "declare a trilha de lançamentos da mais antiga para a mais nova, um lançamento por versão")
    }

    public var previousReleaseHere: String { say("the release before it", "o lançamento anterior") }

    public func minimumOutOfService(_ what: String, _ version: String, release: String, since end: Timestamp) -> String {
        say("\(what) needs at least \(version), but release \(release) is out of service since \(end.minuteText) UTC",
            "\(what) requer pelo menos \(version), mas o lançamento \(release) está fora de serviço desde \(end.minuteText) UTC")
    }

    public func minimumOutOfServiceHelp(next: ProductVersion?) -> String {
        guard let next else { return say("raise the minimum to a release in service", "eleve o mínimo para um lançamento em serviço") }
        return say("raise the minimum to \(next), the first later release in service, if the docs allow it", "eleve o mínimo para \(next), o primeiro lançamento posterior em serviço, se a documentação permitir")
    }

    /// "Commerce Scale Unit must run 10.0.42 or later, but may run at most 10.0.41 (not newer than Headquarters)"
    public func impossibleVersionWindow(_ what: String, component: String, atLeast: ProductVersion, atMost: ProductVersion, through others: [String]) -> String {
        let via = others.isEmpty ? "" : say(" (not newer than \(others.map(quote).joined(separator: ", then ")))", " (não mais nova que \(others.map(quote).joined(separator: ", depois ")))")
        return say("\(what) can never hold: \(quote(component)) must run \(atLeast) or later but at most \(atMost)\(via)",
                   "\(what) nunca pode ser atendido: \(quote(component)) precisa executar \(atLeast) ou posterior, mas no máximo \(atMost)\(via)")
    }

    public var impossibleVersionWindowHelp: String {
        say("check the bounds against the docs: no environment can run versions that meet them all",
            "confira os limites na documentação: nenhum ambiente executa versões que atendam a todos")
    }

    public var boundHere: String { say("bound given here", "limite dado aqui") }

    public func releaseNeedsVersion(_ id: String) -> String {
        say("release \(id) needs a `version` (dotted numbers), or a version as its key", "o lançamento \(id) requer uma `version` (números separados por pontos) ou uma versão como chave")
    }

    public func releaseNotDeclared(_ name: String) -> String {
        say("the pack declares no release \(quote(name))", "o pacote não declara o lançamento \(quote(name))")
    }

    /// Said after an upgrade step that goes past a release out of service.
    public func releaseOutOfService(_ version: ProductVersion, endedAt end: Timestamp) -> String {
        say("(\(version) is out of service since \(end.minuteText) UTC: the first later release in service)",
            "(\(version) está fora de serviço desde \(end.minuteText) UTC: o primeiro lançamento posterior em serviço)")
    }

    public func noSupportedRelease(_ version: ProductVersion, endedAt end: Timestamp) -> String {
        say("(\(version) is out of service since \(end.minuteText) UTC, and the pack declares no later release in service)",
            "(\(version) está fora de serviço desde \(end.minuteText) UTC, e o pacote não declara lançamento posterior em serviço)")
    }

    public var theProductName: String { say("the product", "o produto") }

    /// An instance's name in quotes, or the product's name (`component` nil) as it is.
    public func runningName(_ name: String, component: Bool) -> String { component ? quote(name) : name }

    public var endOfServiceHere: String { say("end of service declared here", "fim do serviço declarado aqui") }

    public func outOfService(_ what: String, release: String, since end: Timestamp) -> String {
        say("\(what) runs release \(release), out of service since \(end.minuteText) UTC",
            "\(what) executa o lançamento \(release), fora de serviço desde \(end.minuteText) UTC")
    }

    public func outOfServiceSoon(_ what: String, release: String, on end: Timestamp, days: Int) -> String {
        say("\(what) runs release \(release), which goes out of service at \(end.minuteText) UTC (in \(days) days)",
            "\(what) executa o lançamento \(release), que sai de serviço em \(end.minuteText) UTC (em \(days) dias)")
    }

    public func outOfServiceHelp(next: ProductVersion?) -> String {
        guard let next else {
            return say("update to a release in service; the pack declares none later", "atualize para um lançamento em serviço; o pacote não declara nenhum posterior")
        }
        return say("update to \(next) or later, the first later release in service", "atualize para \(next) ou posterior, o primeiro lançamento posterior em serviço")
    }
}
