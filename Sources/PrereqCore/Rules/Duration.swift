import Foundation

/// A length of time in whole seconds, written `90s`, `15m`, `1h30m`, `2d` or ISO 8601 `PT15M`.
public struct TimeSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    /// Parses the forms above; nil for anything else (including zero-length or overflowing text).
    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        var iso = false
        if s.hasPrefix("pt") { s = s.dropFirst(2); iso = true } else if s.hasPrefix("p") { s = s.dropFirst(1); iso = true }
        var total = 0
        var number = ""
        var sawUnit = false
        for ch in s {
            if ch.isASCII, ch.isNumber {
                number.append(ch)
                guard number.count <= 9 else { return nil }
                continue
            }
            guard let n = Int(number) else { return nil }
            let unit: Int
            switch ch {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86400
            case "w" where !iso: unit = 7 * 86400
            default: return nil
            }
            let (product, o1) = n.multipliedReportingOverflow(by: unit)
            let (sum, o2) = total.addingReportingOverflow(product)
            guard !o1, !o2 else { return nil }
            total = sum
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit else { return nil }
        seconds = total
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

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}

