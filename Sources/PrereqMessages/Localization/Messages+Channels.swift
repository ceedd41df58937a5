import PrereqModel

/// The sentences about requirements judged in each channel on its own (`eachChannel`) and the
/// verdicts per channel, in English and Brazilian Portuguese (part of the one message catalog,
/// `Messages`).
extension Messages {
    /// "every channel" / "every channel where C".
    private func everyChannel(where condition: String?) -> String {
        condition.map { say("every channel where \($0)", "todo canal em que \($0)") } ?? say("every channel", "todo canal")
    }

    /// The requirement over every channel (or, `negated`, its opposite: some channel fails it).
    public func eachChannel(where condition: String?, negated: Bool, _ truth: Truth) -> String {
        let every = everyChannel(where: condition)
        switch (negated, truth) {
        case (false, .satisfied): return say("met in \(every)", "atendido em \(every)")
        case (false, _): return say("needed in \(every), each judged on its own", "necessário em \(every), cada um avaliado por si")
        case (true, .satisfied): return say("not met in some channel, as needed", "não atendido em algum canal, como necessário")
        case (true, _): return say("must not be met in \(every)", "não pode estar atendido em \(every)")
        }
    }

    /// One channel's part of an `eachChannel` requirement.
    public func inChannel(_ channel: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: say("in channel \(channel): met", "no canal \(channel): atendido")
        case .violated: say("in channel \(channel): not met", "no canal \(channel): não atendido")
        case .unknown: say("in channel \(channel): the snapshot does not say whether this is met", "no canal \(channel): o snapshot não informa se isso está atendido")
        }
    }

    /// "(P in every channel)" / "(P in every channel where C)", for a sentence about it.
    public func conditionEachChannel(_ part: String, where condition: String?) -> String {
        say("(\(part) in \(everyChannel(where: condition)))", "(\(part) em \(everyChannel(where: condition)))")
    }

    /// " (in channels store-001, store-002)", after a finding that holds there only.
    public func inChannels(_ channels: [String]) -> String {
        let list = channels.joined(separator: ", ")
        return channels.count == 1 ? say(" (in channel \(list))", " (no canal \(list))") : say(" (in channels \(list))", " (nos canais \(list))")
    }

    /// The verdicts of a feature's answer per channel, grouped by verdict ("blocked in store-002;
    /// can be switched on in store-001").
    public func channelVerdicts(_ groups: [(verdict: Verdict, channels: [String])]) -> String {
        let parts = groups.map { group in "\(verdictPhrase(group.verdict)) \(say("in", "em")) \(group.channels.joined(separator: ", "))" }
        return say("By channel: ", "Por canal: ") + parts.joined(separator: "; ")
    }

    /// A verdict in a few words, for the line of verdicts per channel.
    private func verdictPhrase(_ v: Verdict) -> String {
        switch v {
        case .enableable: say("can be switched on", "pode ser ativado")
        case .blocked: say("blocked", "bloqueado")
        case .inEffect: say("in effect", "em vigor")
        case .notInEffect: say("not in effect", "não está em vigor")
        case .unknown: say("not known", "não se sabe")
        }
    }
}
