import Diagnostics
import Foundation
import PrereqBasics

/// A moment in time, in whole seconds since 1970-01-01T00:00:00Z, read from ISO 8601 text.
///
/// Parsed moments lie in the years 0000 to 9999 (four-digit years), so the time between any two
/// of them, or one of them plus a ``TimeSpan`` read from a file, is far inside `Int`; the
/// operators below saturate besides, so no arithmetic on moments can trap.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The moment it is now, by the system clock.
    public static var current: Timestamp { Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970)) }

    /// The parse of an ISO 8601 timestamp, and whether it lacked a zone (then read as UTC).
    public struct Parsed: Sendable {
        public var timestamp: Timestamp
        public var zoneMissing: Bool
    }

    /// Parses `2026-11-20T10:00:00Z`, `2026-11-20T10:00:00.123+02:00`, `2026-11-20 10:00`,
    /// `2026-11-20` (midnight). Nil for anything else, including impossible dates.
    public static func parse(_ text: String) -> Parsed? {
        let u = Array((text.hasVisibleASCIIEnds ? text : text.trimmingCharacters(in: .whitespaces)).utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= u.count else { return nil }
            var n = 0
            for k in i..<i + digits {
                guard u[k] >= 48, u[k] <= 57 else { return nil }
                n = n * 10 + Int(u[k] - 48)
            }
            i += digits
            return n
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < u.count, u[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")), let day = number(2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var zoneMissing = true
        var offset = 0
        if i < u.count {
            guard u[i] == UInt8(ascii: "T") || u[i] == UInt8(ascii: "t") || u[i] == UInt8(ascii: " ") else { return nil }
            i += 1
            guard let h = number(2), expect(UInt8(ascii: ":")), let m = number(2), h <= 23, m <= 59 else { return nil }
            hour = h
            minute = m
            if expect(UInt8(ascii: ":")) {
                guard let s = number(2), s <= 60 else { return nil }
                second = min(s, 59)
                if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                    let start = i
                    while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
                    guard i > start else { return nil }
                }
            }
            while i < u.count, u[i] == UInt8(ascii: " ") { i += 1 }
            if i < u.count {
                if u[i] == UInt8(ascii: "Z") || u[i] == UInt8(ascii: "z") {
                    i += 1
                    zoneMissing = false
                } else if u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") {
                    let sign = u[i] == UInt8(ascii: "+") ? 1 : -1
                    i += 1
                    guard let oh = number(2), oh <= 23 else { return nil }
                    _ = expect(UInt8(ascii: ":"))
                    let om = number(2) ?? 0
                    guard om <= 59 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                    zoneMissing = false
                } else {
                    return nil
                }
            }
            guard i == u.count else { return nil }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        return Parsed(timestamp: Timestamp(secondsSinceEpoch: seconds), zoneMissing: zoneMissing)
    }

    /// `2026-11-20T10:00:00Z`.
    public var description: String { formatted(separator: UInt8(ascii: "T"), seconds: true) + "Z" }

    /// `2026-11-20 10:00`, to the minute, as answers show times.
    public var minuteText: String { formatted(separator: UInt8(ascii: " "), seconds: false) }

    /// The date and time written digit by digit (answers format thousands of times).
    private func formatted(separator: UInt8, seconds: Bool) -> String {
        let days = secondsSinceEpoch / 86400 - (secondsSinceEpoch % 86400 < 0 ? 1 : 0)
        let rest = (secondsSinceEpoch % 86400 + 86400) % 86400
        let (y, m, d) = Self.civil(fromDays: days)
        var out: [UInt8] = []
        out.reserveCapacity(20)
        if (0...9999).contains(y) {
            out += [UInt8(48 + y / 1000), UInt8(48 + y / 100 % 10), UInt8(48 + y / 10 % 10), UInt8(48 + y % 10)]
        } else {
            out += Array(String(y).utf8)
        }
        func two(_ n: Int) { out += [UInt8(48 + n / 10), UInt8(48 + n % 10)] }
        out.append(UInt8(ascii: "-")); two(m)
        out.append(UInt8(ascii: "-")); two(d)
        out.append(separator); two(rest / 3600)
        out.append(UInt8(ascii: ":")); two(rest % 3600 / 60)
        if seconds { out.append(UInt8(ascii: ":")); two(rest % 60) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    /// The moment `span` later, saturating at the bounds of `Int` instead of trapping.
    public static func + (t: Timestamp, span: TimeSpan) -> Timestamp {
        let (sum, overflow) = t.secondsSinceEpoch.addingReportingOverflow(span.seconds)
        return Timestamp(secondsSinceEpoch: overflow ? (span.seconds < 0 ? Int.min : Int.max) : sum)
    }

    /// Time from `earlier` to this moment in seconds (negative when `earlier` is later),
    /// saturating at the bounds of `Int` instead of trapping.
    public func since(_ earlier: Timestamp) -> Int {
        let (difference, overflow) = secondsSinceEpoch.subtractingReportingOverflow(earlier.secondsSinceEpoch)
        return overflow ? (earlier.secondsSinceEpoch < 0 ? Int.max : Int.min) : difference
    }

    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil and its inverse.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

