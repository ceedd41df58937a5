import Foundation

/// A product version of dotted numbers (`10.0.38`), compared number by number; missing
/// trailing numbers count as zero (`10.0` == `10.0.0`).
public struct ProductVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let components: [Int]

    /// Parses `10.0.38`; nil for anything but 1 to 6 dot-separated non-negative numbers.
    public init?(_ text: String) {
        guard let numbers = Self.plainNumbers(text) ?? Self.numbers(text) else { return nil }
        components = numbers
    }

    /// The numbers of `text` (white space around it aside), as `Int` reads each part; nil for
    /// anything but 1 to 6 of them.
    static func numbers(_ text: String) -> [Int]? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...6).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy(\.isASCII), let n = Int(part), n >= 0 else { return nil }
            numbers.append(n)
        }
        return numbers
    }

    /// The numbers of a text of digits and dots only, read byte by byte (nil for any other text,
    /// which `numbers` judges): what nearly every version is, and the same numbers `numbers`
    /// gives it (nil too when it has none).
    static func plainNumbers(_ text: String) -> [Int]? {
        var numbers: [Int] = []
        var n = 0, digits = 0
        for b in text.utf8 {
            if b == UInt8(ascii: ".") {
                guard digits > 0, numbers.count < 5 else { return nil }
                numbers.append(n)
                (n, digits) = (0, 0)
            } else {
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 9 else { return nil }
                n = n * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(n)
        return numbers
    }

    public var description: String { components.map(String.init).joined(separator: ".") }

    private var normalized: [Int] {
        var c = components
        while c.count > 1, c.last == 0 { c.removeLast() }
        return c
    }

    public static func == (lhs: ProductVersion, rhs: ProductVersion) -> Bool { lhs.normalized == rhs.normalized }
    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }

    public static func < (lhs: ProductVersion, rhs: ProductVersion) -> Bool {
        let n = max(lhs.components.count, rhs.components.count)
        for i in 0..<n {
            let a = i < lhs.components.count ? lhs.components[i] : 0
            let b = i < rhs.components.count ? rhs.components[i] : 0
            if a != b { return a < b }
        }
        return false
    }
}

