import PrereqModel

/// Moments in the local time of the environment or of a channel: the snapshot's `timeZone`,
/// or a channel's `timeZone` in `channelInfo` (IANA names).
extension Evaluator {
    /// The time zone a channel's clocks show (its own, else the environment's); nil when the
    /// snapshot gives none.
    func timeZone(channel: String?) -> String? {
        if let channel, let info = facts.snapshot.channelInfo.first(where: { $0.channel.value == channel }),
            case .string(let zone)? = info.attributes.first(where: { $0.key.lowercased() == "timezone" })?.value.value
        {
            return zone
        }
        return facts.snapshot.timeZone?.value
    }

    /// A `wait` step with the moment it waits for also in local time: said after the step
    /// (`local time in Europe/Berlin: 2026-11-20 11:00`) and given as `untilLocal` (ISO 8601 with
    /// the offset) and `timeZone`. Unchanged when the snapshot gives no zone this machine knows.
    package func withLocalTime(_ step: PlanStep, channel: String? = nil) -> PlanStep {
        guard let until = step.details["until"].flatMap({ Timestamp.parse($0)?.timestamp }), let zone = timeZone(channel: channel),
            let (clock, _) = until.local(in: zone), let iso = until.localISO(in: zone)
        else { return step }
        var out = step
        out.message += messages.localTime(clock, zone: zone, seconds: until.secondsSinceEpoch % 60 != 0)
        out.details["untilLocal"] = iso
        out.details["timeZone"] = zone
        return out
    }
}
