import PrereqModel

/// The sentences about features imported from flag platforms (`flag:`), in English and
/// Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    public func servingUnknownVariation(_ f: String, target: String, value: String, has: [String]) -> String {
        let list = has.map(quote).joined(separator: ", ")
        return say("feature \(f) needs \(quote(target)) to serve \(quote(value)), a variation it does not have (it has \(list)): the condition can never hold",
            "o recurso \(f) precisa que \(quote(target)) sirva \(quote(value)), uma variação que ele não tem (ele tem \(list)): a condição nunca pode valer")
    }

    /// Why a feature can never be switched on: it needs `target` to serve a variation it does not have.
    public func reasonUnservable(_ target: String, _ value: String) -> String {
        say("it needs \(quote(target)) to serve \(quote(value)), a variation \(quote(target)) does not have",
            "ele precisa que \(quote(target)) sirva \(quote(value)), uma variação que \(quote(target)) não tem")
    }

    public var servingUnknownVariationHelp: String {
        say("correct the value, or add the variation to the flag on its platform and import again",
            "corrija o valor, ou acrescente a variação à flag na plataforma e importe de novo")
    }

    public func prerequisiteArchived(_ f: String, target: String) -> String {
        say("feature \(f) requires \(quote(target)), which is archived on its platform",
            "o recurso \(f) exige \(quote(target)), que está arquivado na plataforma")
    }

    public var prerequisiteArchivedHelp: String {
        say("remove the prerequisite, or restore the flag", "remova o pré-requisito ou restaure a flag")
    }

    public func platformOneParent(_ f: String, platform: String, parents: [String]) -> String {
        let list = parents.map(quote).joined(separator: ", ")
        return say("feature \(f) is imported from \(platform), which allows one parent per feature, but it requires \(list)",
            "o recurso \(f) é importado de \(platform), que permite um pai por recurso, mas ele exige \(list)")
    }

    public func platformParentHasParent(_ f: String, platform: String, parent: String, grandparent: String) -> String {
        say("feature \(f) is imported from \(platform), which allows no parent that has a parent, but its parent \(quote(parent)) requires \(quote(grandparent))",
            "o recurso \(f) é importado de \(platform), que não permite um pai que tenha pai, mas o seu pai \(quote(parent)) exige \(quote(grandparent))")
    }

    public var platformLimitHelp: String {
        say("the platform will not accept this dependency: keep one level of one parent, or say the extra requirement in a rule file of your own without `flag:`",
            "a plataforma não aceita esta dependência: mantenha um nível com um só pai, ou escreva o requisito extra num arquivo de regras próprio, sem `flag:`")
    }
}
