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
/// flag facts and `takesEffect`), so that a pack's definitions stay small to store and copy.
/// Copies share the box; setting a value makes a new one.
@propertyWrapper
public struct OutOfLine<Value: EmptyInitializable & Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box?

    public init(wrappedValue: Value) {
        box = wrappedValue == Value() ? nil : Box(wrappedValue)
    }

    public var wrappedValue: Value {
        get { box?.value ?? Value() }
        set { box = newValue == Value() ? nil : Box(newValue) }
    }
}

extension OutOfLine: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension OutOfLine: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}
