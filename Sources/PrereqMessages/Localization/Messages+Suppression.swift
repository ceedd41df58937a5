
/// The sentences about inline `# prereq-ignore` comments, in English and Brazilian Portuguese.
extension Messages {

    public var suppressionWithoutCodes: String {
        say(
            "this prereq-ignore comment names no finding code, so it suppresses nothing",
            "este comentário prereq-ignore não cita nenhum código de constatação; por isso, não suprime nada")
    }

    public func suppressionWithoutReason(_ codes: [String]) -> String {
        let list = codes.joined(separator: ", ")
        return say(
            "this prereq-ignore comment for \(list) gives no reason, so it suppresses nothing",
            "este comentário prereq-ignore para \(list) não dá um motivo; por isso, não suprime nada")
    }

    public var suppressionHelp: String {
        say(
            "write it as `# prereq-ignore CODE -- why this finding is accepted`",
            "escreva-o como `# prereq-ignore CÓDIGO -- por que esta constatação é aceita`")
    }

    /// "2 suppressed inline" ("2 suprimidas no código").
    public func suppressedInline(_ n: Int) -> String {
        say("\(n) suppressed inline", "\(n) suprimida\(n == 1 ? "" : "s") no código")
    }
}
