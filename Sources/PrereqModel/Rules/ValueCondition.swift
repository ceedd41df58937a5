import Diagnostics

/// A condition on a value: a setting's value, the value (variation) a feature serves, or an
/// attribute of the environment, put to one test (`{setting: mode, in: [A, B]}`, `{feature: flag-x, serving: "true"}`).
public struct ValueCondition: Sendable, Hashable {
    /// What the condition is about.
    public enum Subject: Sendable, Hashable {
        /// A feature: it must be on and serve the value.
        case feature(Located<String>)
        case setting(Located<String>)
        /// An attribute of the environment or of each channel (`attributes`), compared as text.
        case attribute(Located<String>)

        public var id: Located<String> {
            switch self {
            case .feature(let id), .setting(let id), .attribute(let id): id
            }
        }
    }

    /// The test the value is put to. Literals are compared as the setting's declared type.
    public enum Test: Sendable, Hashable {
        /// A feature serves this value or variation.
        case serving(SettingValue)
        case equals(SettingValue)
        /// One of these values (`in`).
        case oneOf([SettingValue])
        /// None of these values (`notIn`).
        case noneOf([SettingValue])
        /// A whole number within the bounds (`atLeast`, `atMost`, or both); at least one is given.
        case range(atLeast: Int?, atMost: Int?)
        /// A list setting holds this item.
        case contains(SettingValue)
        /// A list setting holds these items in this order (others may stand between them).
        case order([SettingValue])

        /// Every literal the test compares with, in written order.
        public var literals: [SettingValue] {
            switch self {
            case .serving(let v), .equals(let v), .contains(let v): [v]
            case .oneOf(let vs), .noneOf(let vs), .order(let vs): vs
            case .range(let low, let high): [low, high].compactMap { $0 }.map(SettingValue.int)
            }
        }

        /// Whether `value` passes. Values are compared as `SettingValue.matches` does; list items
        /// also match by their text (a list setting's items have no declared type).
        public func holds(for value: SettingValue) -> Bool {
            switch self {
            case .serving(let v):
                // A served variation has no declared type: `"true"` serves true.
                return value.matches(v) || value.read(as: v.type)?.matches(v) == true || v.read(as: value.type)?.matches(value) == true
            case .equals(let v): return value.matches(v)
            case .oneOf(let vs): return vs.contains { value.matches($0) }
            case .noneOf(let vs): return !vs.contains { value.matches($0) }
            case .range(let low, let high):
                guard case .int(let i) = value else { return false }
                return (low.map { i >= $0 } ?? true) && (high.map { i <= $0 } ?? true)
            case .contains(let item):
                guard case .list(let items) = value else { return false }
                return items.contains { Self.sameItem($0, item) }
            case .order(let wanted):
                guard case .list(let items) = value else { return false }
                var position = items.startIndex
                for w in wanted {
                    guard let i = items[position...].firstIndex(where: { Self.sameItem($0, w) }) else { return false }
                    position = i + 1
                }
                return true
            }
        }

        /// The test with its values read as a setting of `type` means them (`"15"` is 15 for an
        /// int); a value that does not fit stays as written (the lint reports it). Serving a
        /// value on a setting is equality.
        public func reading(as type: SettingType) -> Test {
            let read = { (v: SettingValue) in v.read(as: type) ?? v }
            switch self {
            case .serving(let v), .equals(let v): return .equals(read(v))
            case .oneOf(let vs): return .oneOf(vs.map(read))
            case .noneOf(let vs): return .noneOf(vs.map(read))
            case .range, .contains, .order: return self
            }
        }

        /// Whether `value` passes the test, or fails it when `negated`.
        public func holds(for value: SettingValue, negated: Bool) -> Bool {
            holds(for: value) != negated
        }

        /// A value that passes the test (fails it when `negated`), changing `current` as little
        /// as the test allows: the value named, the first listed, the nearest bound, the list
        /// with the item added or removed, or reordered. Values the setting allows are tried
        /// where the test only excludes; nil when no value can be named (then a person must
        /// choose one).
        public func satisfyingValue(from current: SettingValue?, negated: Bool, allowed: [SettingValue]) -> SettingValue? {
            let firstAllowed = allowed.first { holds(for: $0, negated: negated) }
            let candidate: SettingValue?
            switch (self, negated) {
            case (.serving(let v), false), (.equals(let v), false): candidate = v
            case (.oneOf(let vs), false), (.noneOf(let vs), true): candidate = vs.first
            case (.serving, true), (.equals, true), (.oneOf, true), (.noneOf, false): candidate = firstAllowed
            case (.range(let low, let high), false):
                if case .int(let i)? = current, let high, i > high { candidate = .int(high) } else { candidate = (low ?? high).map(SettingValue.int) }
            case (.range(let low, let high), true):
                if let low, low > Int.min { candidate = .int(low - 1) } else if let high, high < Int.max { candidate = .int(high + 1) } else { candidate = firstAllowed }
            case (.contains(let item), false):
                guard case .list(let items)? = current else { candidate = .list([item]); break }
                candidate = .list(items + [item])
            case (.contains(let item), true):
                guard case .list(let items)? = current else { candidate = .list([]); break }
                candidate = .list(items.filter { !Self.sameItem($0, item) })
            case (.order(let wanted), false):
                guard case .list(let items)? = current else { candidate = .list(wanted); break }
                // The wanted items, in their order, where the first of them stood; the others keep theirs.
                let others = items.filter { item in !wanted.contains { Self.sameItem(item, $0) } }
                let first = items.firstIndex { item in wanted.contains { Self.sameItem(item, $0) } } ?? items.count
                let before = items[..<first].filter { item in !wanted.contains { Self.sameItem(item, $0) } }.count
                candidate = .list(Array(others[..<before]) + wanted + Array(others[before...]))
            case (.order, true): candidate = nil
            }
            guard let candidate, holds(for: candidate, negated: negated) else { return nil }
            return candidate
        }

        static func sameItem(_ a: SettingValue, _ b: SettingValue) -> Bool {
            a.matches(b) || SettingValue.string(a.description).matches(.string(b.description))
        }
    }

    public var subject: Subject
    public var test: Test
    /// Where the condition is written (its mapping).
    public var location: SourceLocation

    public init(subject: Subject, test: Test, location: SourceLocation) {
        self.subject = subject
        self.test = test
        self.location = location
    }
}

extension ValueCondition.Test {
    /// The key the test is written with (`atLeast` for a range with a lower bound).
    public var key: String {
        switch self {
        case .serving: "serving"
        case .equals: "equals"
        case .oneOf: "in"
        case .noneOf: "notIn"
        case .range(let low, _): low == nil ? "atMost" : "atLeast"
        case .contains: "contains"
        case .order: "order"
        }
    }
}

extension Requirement {
    /// Every value condition in the tree, in written order.
    public var valueConditions: [ValueCondition] {
        collect { node in
            guard case .value(let c) = node else { return nil }
            return c
        }
    }
}
