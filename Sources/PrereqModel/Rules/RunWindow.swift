import Diagnostics

/// When a job may run, in the local time of where it runs (a channel's `timeZone` in
/// `channelInfo`, else the environment's): between two times of day (`{from: "01:00", to:
/// "06:00"}`, across midnight when `to` is earlier), or outside hours a channel gives in
/// `channelInfo` (`{outside: storeHours}` with `storeHours: "08:00-22:00"`).
public struct RunWindow: Sendable, Hashable {
    public enum Hours: Sendable, Hashable {
        /// Minutes after local midnight: from `from` up to (not including) `to`.
        case between(from: Int, to: Int)
        /// Outside the hours the `channelInfo` key of this name gives.
        case outside(String)
    }

    public var hours: Hours
    public var location: SourceLocation

    public init(hours: Hours, location: SourceLocation) {
        self.hours = hours
        self.location = location
    }

    /// Minutes after midnight of `HH:MM` (00:00 to 24:00); nil for anything else.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }

    /// `08:00-22:00` (also with an en dash) as minutes after midnight; nil for anything else.
    public static func range(_ text: String) -> (from: Int, to: Int)? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, let a = minuteOfDay(String(parts[0])), let b = minuteOfDay(String(parts[1])) else { return nil }
        return (a, b)
    }

    /// Whether local minute `m` of a day lies inside `from..<to` (a range across midnight when
    /// `to` is not later than `from`).
    public static func inside(_ m: Int, from: Int, to: Int) -> Bool {
        from < to ? (from <= m && m < to) : (m >= from || m < to)
    }
}
