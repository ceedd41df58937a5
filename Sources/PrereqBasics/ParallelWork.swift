import Foundation

/// Runs independent pieces of work on several threads and gives their results back in order,
/// so that output never depends on the number of workers or on timing.
package enum ParallelWork {
    /// `body(0..<count)` on up to `workers` threads; `progress(done, count)` is called after
    /// each piece, one call at a time.
    package static func map<T: Sendable>(
        count: Int, workers: Int, progress: (@Sendable (Int, Int) -> Void)? = nil, _ body: @Sendable (Int) -> T
    ) -> [T] {
        let state = SharedState<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while let i = state.take() {
                state.store(body(i), at: i, progress: progress)
            }
        }
        return state.results
    }

    /// `body` over the items `0..<count`: in two halves, the second on a thread of its own, when
    /// there are at least `splitFrom` of them (below that a second thread costs more than it
    /// saves); else over all of them on this thread, with nil for the second half. For loops
    /// whose items are independent and only read what they share.
    package static func inHalves<T: Sendable>(
        count: Int, splitFrom: Int = 20_000, _ body: @escaping @Sendable (Range<Int>) -> T
    ) -> (first: T, second: T?) {
        guard count >= splitFrom else { return (body(0..<count), nil) }
        let half = count / 2
        return alongside({ body(0..<half) }, { body(half..<count) })
    }

    /// Runs `side` on a thread of its own while `main` runs on this one; returns both results
    /// once both are done (also when `main` throws: the error is passed on after `side` ends).
    package static func alongside<A, B: Sendable>(_ main: () throws -> A, _ side: @escaping @Sendable () -> B) rethrows -> (A, B) {
        let box = ResultBox<B>()
        let thread = Thread { box.set(side()) }
        thread.start()
        let a: A
        do {
            a = try main()
        } catch {
            _ = box.wait()
            throw error
        }
        return (a, box.wait())
    }

    /// One result handed from another thread, waited for.
    private final class ResultBox<T>: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: T?

        func set(_ v: T) {
            condition.lock()
            value = v
            condition.broadcast()
            condition.unlock()
        }

        func wait() -> T {
            condition.lock()
            defer { condition.unlock() }
            while value == nil { condition.wait() }
            return value!
        }
    }

    /// The next piece to take and one result per piece, all behind one lock (pieces are coarse:
    /// a file or a group of checks, so the lock costs nothing that shows).
    private final class SharedState<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private var slots: [T?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: T, at index: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = value
            done += 1
            progress?(done, slots.count)
        }

        /// Every result, in order (all pieces are done when `map` reads it).
        var results: [T] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
