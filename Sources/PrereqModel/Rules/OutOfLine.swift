/// A value with a common empty form.
public protocol EmptyInitializable: Equatable {
    /// The empty value: what most definitions have.
    init()
}

extension Optional: EmptyInitializable where Wrapped: Equatable {
    public init() { self = .none }
}

/// A value kept out of line: the struct holding it stores one reference, and none at all while
/// the value is empty. For big fields most definitions leave empty (a feature's lifecycle,
/// flag facts, versions and `takesEffect`), so that a pack's definitions stay small to store
/// and copy. Copies share the box; setting a value makes a new one.
///
/// A struct stores it under an internal name and offers the value through an `@inlinable`
/// computed property, so that reading the field of an array element reads the box in place
/// instead of copying the whole element into a call.
public struct OutOfLine<Value: EmptyInitializable & Sendable>: Sendable {
    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let value: Value
        @usableFromInline init(_ value: Value) { self.value = value }
    }

    @usableFromInline var box: Box?

    /// The empty value, with no box (and nothing compared to find that out).
    @inlinable
    public init() {
        box = nil
    }

    @inlinable
    public init(_ value: Value) {
        box = value == Value() ? nil : Box(value)
    }

    @inlinable
    public var value: Value {
        get { box?.value ?? Value() }
        set { box = newValue == Value() ? nil : Box(newValue) }
    }
}

extension OutOfLine: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
}

extension OutOfLine: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
