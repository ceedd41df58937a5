import PrereqModel

/// The sentences about lifecycle states (mandatory, on by default, preview, one-way switches,
/// scheduled enablement), in English and Brazilian Portuguese (part of the one message
/// catalog, `Messages`).
extension Messages {

    /// Why a switch cannot be switched off: mandatory since a version, or one-way once on.
    private func why(mandatorySince: ProductVersion?) -> String {
        mandatorySince.map { say("mandatory since \($0)", "obrigatório desde a versão \($0)") } ?? say("once on, it stays on", "uma vez ativado, permanece ativado")
    }

    public func cannotSwitchOff(_ f: String, mandatorySince: ProductVersion?) -> String {
        say("\(quote(f)) cannot be switched off (\(why(mandatorySince: mandatorySince)))",
            "o recurso \(quote(f)) não pode ser desativado (\(why(mandatorySince: mandatorySince)))")
    }

    /// `f` must be off for `owner`, and cannot be.
    public func mustBeOffButCannot(_ f: String, because owner: String, mandatorySince: ProductVersion?) -> String {
        say("\(quote(f)) must be off for \(quote(owner)), but it cannot be switched off (\(why(mandatorySince: mandatorySince)))",
            "o recurso \(quote(f)) precisa estar desativado para \(quote(owner)), mas não pode ser desativado (\(why(mandatorySince: mandatorySince)))")
    }

    public func mandatoryReportedOff(_ f: String, since: ProductVersion, version: ProductVersion) -> String {
        say("the snapshot says \(quote(f)) is off, but it is mandatory since \(since) and the environment runs \(version): it is read as on",
            "o snapshot diz que \(quote(f)) está desativado, mas ele é obrigatório desde a versão \(since) e o ambiente executa a \(version): ele é lido como ativado")
    }

    public func mandatoryRequiredOff(_ f: String, needsOff z: String, since: ProductVersion) -> String {
        say("feature \(f) needs \(z) off, but \(z) is mandatory since \(since): from that version on, \(f) can never be switched on",
            "o recurso \(f) precisa de \(z) desativado, mas \(z) é obrigatório desde a versão \(since): a partir dessa versão, \(f) nunca pode ser ativado")
    }

    public func mandatoryRequiredOffHelp(_ since: ProductVersion) -> String {
        say("give the feature `removedIn: \(since)` if it goes away with that version, or correct the requirement",
            "dê ao recurso `removedIn: \(since)` se ele deixa de existir nessa versão, ou corrija o requisito")
    }

    public var mandatoryHere: String { say("mandatory from this version", "obrigatório a partir desta versão") }

    public var mandatoryReportedOffHelp: String {
        say("check the export: the product has a mandatory feature on whatever a setting says",
            "verifique a exportação: o produto mantém um recurso obrigatório ativado, diga o que disser uma configuração")
    }

    /// A prerequisite that is off and only scheduled to be switched on.
    public func featureScheduled(_ f: String, for date: Timestamp) -> String {
        say("\(quote(f)) is off; it is scheduled to be switched on at \(time(date))",
            "o recurso \(quote(f)) está desativado; a ativação está agendada para \(time(date))")
    }

    /// The step of the other valid plan: let the scheduled switch happen.
    public func stepWaitForSchedule(_ features: [String], until date: Timestamp) -> String {
        let names = features.map(quote).joined(separator: ", ")
        return say("Wait until \(time(date)), when \(names) \(features.count == 1 ? "is" : "are") switched on as scheduled",
                   "Aguarde até \(time(date)), quando \(names) \(features.count == 1 ? "é ativado" : "são ativados") conforme o agendamento")
    }

    public var alternativePlanHeading: String { say("Or, instead", "Ou, em vez disso") }

    /// A remark under the verdict of a feature in preview.
    public var previewRemark: String { say("Preview feature: not meant for production use", "Recurso em versão prévia: não destinado ao uso em produção") }

    public func previewInProduction(_ f: String) -> String {
        say("\(quote(f)) is a preview feature and is on in a production environment",
            "o recurso \(quote(f)) está em versão prévia e está ativado em um ambiente de produção")
    }

    public var previewHere: String { say("declared a preview here", "declarado em versão prévia aqui") }

    public var environmentKindHere: String { say("the environment's kind", "o tipo do ambiente") }

    public var previewInProductionHelp: String {
        say("preview features are for testing: switch it off in production unless the product's terms allow it",
            "recursos em versão prévia são para testes: desative-o em produção, a menos que os termos do produto o permitam")
    }
}
