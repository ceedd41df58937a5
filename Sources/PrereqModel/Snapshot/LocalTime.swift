import Foundation

extension Timestamp {
    /// This moment on the wall clock of an IANA time zone (`America/Chicago`): the moment
    /// shifted by the zone's offset at that moment, and the offset in seconds; nil for a zone
    /// this machine does not know.
    public func local(in zone: String) -> (wallClock: Timestamp, offset: Int)? {
        guard let tz = TimeZone(identifier: zone.trimmingCharacters(in: .whitespaces)) else { return nil }
        let offset = tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)))
        return (self + TimeSpan(seconds: offset), offset)
    }

    /// ISO 8601 with the zone's offset (`2026-11-20T04:00:25-06:00`), for machine-readable output.
    public func localISO(in zone: String) -> String? {
        guard let (clock, offset) = local(in: zone) else { return nil }
        let text = clock.description.dropLast()  // without its "Z"
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(text)\(sign)\(String(format: "%02d:%02d", minutes / 60, minutes % 60))"
    }

    /// `2026-11-20 10:00:25`, to the second.
    public var secondText: String {
        description.dropLast().replacingOccurrences(of: "T", with: " ")
    }
}
