import Foundation
import PrereqBasics

/// A length of time in whole seconds, written `90s`, `15m`, `1h30m`, `2d` or ISO 8601 `PT15M`.
///
/// Spans read from files are at most ``maximum`` (100 years), so adding one to a ``Timestamp``
/// can never overflow; the arithmetic below saturates besides, for spans built in code.
public struct TimeSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    /// The longest span a file may write: 100 years of 365.25 days.
    public static let maximum = TimeSpan(seconds: 36_525 * 86_400)

    /// Why a text is not a duration.
    public enum ReadError: Error, Sendable, Equatable {
        /// Not of the forms above, or a unit written twice or out of order (`1w2w`, `5m1h`).
        case malformed
        /// Well formed but longer than ``TimeSpan/maximum``.
        case tooLong
    }

    /// Parses the forms above; nil for anything else (see ``read(_:)`` for why).
    public init?(_ text: String) {
        guard case .success(let span) = Self.read(text) else { return nil }
        self = span
    }

    /// Parses the forms above. Units run from the largest to the smallest, each at most once
    /// (`1w2d`, not `1w2w` or `2d1w`); the total is zero or more and at most ``maximum``.
    public static func read(_ text: String) -> Result<TimeSpan, ReadError> {
        // Only ASCII can be a duration, so it is read byte by byte, letters in any case; white
        // space around it (rare) is trimmed first.
        let trimmed = text.hasVisibleASCIIEnds ? text : text.trimmingCharacters(in: .whitespaces)
        var s = trimmed.utf8[...]
        var iso = false
        if s.first.map(lowercase) == UInt8(ascii: "p") {
            s = s.dropFirst()
            iso = true
            if s.first.map(lowercase) == UInt8(ascii: "t") { s = s.dropFirst() }
        }
        var total = 0
        var number = 0
        var digits = 0
        var previousUnit = Int.max
        var tooLong = false
        for byte in s {
            let b = lowercase(byte)
            if (48...57).contains(b) {
                digits += 1
                guard digits <= 9 else { tooLong = true; continue }
                number = number * 10 + Int(b - 48)
                continue
            }
            guard digits > 0 else { return .failure(.malformed) }
            let unit: Int
            switch b {
            case UInt8(ascii: "s"): unit = 1
            case UInt8(ascii: "m"): unit = 60
            case UInt8(ascii: "h"): unit = 3600
            case UInt8(ascii: "d"): unit = 86400
            case UInt8(ascii: "w") where !iso: unit = 7 * 86400
            default: return .failure(.malformed)
            }
            guard unit < previousUnit else { return .failure(.malformed) }
            previousUnit = unit
            // number < 10^9 and unit ≤ 604800, so neither the product nor the sum of at most
            // five of them overflows 64 bits.
            total += number * unit
            number = 0
            digits = 0
        }
        guard digits == 0, previousUnit != Int.max else { return .failure(.malformed) }
        guard !tooLong, total <= maximum.seconds else { return .failure(.tooLong) }
        return .success(TimeSpan(seconds: total))
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// Compact form: `1h30m`, `45s`, `0s`.
    public var description: String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var out = ""
        for (unit, name) in [(86400, "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
            out += "\(rest / unit)\(name)"
            rest %= unit
        }
        return out
    }

    /// The span `factor` times as long, saturating at the bounds of `Int` instead of trapping.
    public static func * (span: TimeSpan, factor: Int) -> TimeSpan {
        let (product, overflow) = span.seconds.multipliedReportingOverflow(by: factor)
        guard overflow else { return TimeSpan(seconds: product) }
        return TimeSpan(seconds: (span.seconds < 0) == (factor < 0) ? Int.max : Int.min)
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}
