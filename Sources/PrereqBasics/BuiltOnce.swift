import Foundation

/// A value made when first asked for, then kept; copies of what holds it share it, and it may
/// be asked for from several threads at once (the first one makes it, the others wait).
public final class BuiltOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var built: Value?

    /// Holds `value` already when it is given.
    public init(_ value: Value? = nil) {
        built = value
    }

    /// The value, made by `make` if it was not made yet.
    public func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let value = make()
        built = value
        return value
    }
}
