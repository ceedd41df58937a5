import PrereqModel

/// The sentences about manual steps (`manualSteps`, `{manual: id}` in `requires`): what the
/// snapshot says of them, the step a person takes, what a simulation took on trust, and their
/// lint findings, in English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    /// A manual step as a condition, in a few words.
    public func conditionManual(_ step: String) -> String { say("\(quote(step)) was done", "\(quote(step)) foi feito") }

    /// A manual step without `confirmedBy`: nothing in a snapshot shows it.
    public func manualUnchecked(_ step: String) -> String {
        say(
            "\(quote(step)) is a manual step no snapshot can show: it could not be checked",
            "\(quote(step)) é um passo manual que nenhum snapshot mostra: não foi possível verificá-lo")
    }

    /// A manual step whose `confirmedBy` condition holds, fails or is undecided (`because`: what the snapshot says).
    public func manualConfirmed(_ step: String, because: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("\(quote(step)) was done (\(because))", "\(quote(step)) foi feito (\(because))")
        case .violated: say("\(quote(step)) has not been done: \(because)", "\(quote(step)) não foi feito: \(because)")
        case .unknown: say("whether \(quote(step)) was done could not be checked: \(because)", "não foi possível verificar se \(quote(step)) foi feito: \(because)")
        }
    }

    /// A manual step a simulated plan performed: taken on trust.
    public func manualTakenOnTrust(_ step: String) -> String {
        say("\(quote(step)) was done by the plan (taken on trust)", "\(quote(step)) foi feito pelo plano (aceito em confiança)")
    }

    /// The plan step: the person does it by hand, as its text says.
    public func stepManual(_ step: String, text: String) -> String {
        say("By hand: \(step). \(text)", "Manualmente: \(step). \(text)")
    }

    /// `plan --verify`: a manual step the simulation could only take on trust, and what can confirm it.
    public func takenOnTrust(_ step: String, confirmedBy: String?) -> String {
        guard let confirmedBy else {
            return say(
                "Taken on trust: \(quote(step)) is done by hand and no snapshot can show it.",
                "Aceito em confiança: \(quote(step)) é feito à mão e nenhum snapshot o mostra.")
        }
        return say(
            "Taken on trust: \(quote(step)) is done by hand; a new snapshot confirms it when \(confirmedBy).",
            "Aceito em confiança: \(quote(step)) é feito à mão; um novo snapshot o confirma quando \(confirmedBy).")
    }

    // MARK: - Lint and decoding

    public var manualInConfirmedBy: String {
        say("confirmedBy must be a condition the snapshot can report; it cannot name a manual step",
            "confirmedBy precisa ser uma condição que o snapshot informa; não pode citar um passo manual")
    }

    public func unusedManualStep(_ id: String) -> String {
        say("manual step \(id) is not required by any feature", "o passo manual \(id) não é exigido por nenhum recurso")
    }

    public var unusedManualStepHelp: String {
        say("require it with {manual: id} in a feature's requires, or remove it",
            "exija-o com {manual: id} nos requires de um recurso ou remova-o")
    }

    public var manualStepUncheckedHelp: String {
        say("Do the step by hand if it is not done; give it confirmedBy in the pack when the snapshot can show it.",
            "Faça o passo à mão se ainda não foi feito; dê a ele confirmedBy no pacote quando o snapshot puder mostrá-lo.")
    }
}
