import Foundation

/// Runs libyaml's event loop on a thread of its own and hands the events over in batches, so
/// that whatever the visitor does with them (building the node tree, the spec checks) overlaps
/// parsing instead of following it. The visitor sees exactly what `LibYAMLEventReader.read`
/// would give it, in the same order, on the calling thread.
enum PipelinedEventReader {
    /// Events per batch: big enough that handing a batch over costs nothing that shows.
    static let batchSize = 4096
    /// Batches parsed ahead of the visitor at most, which bounds the memory in flight.
    static let batchesAhead = 8

    /// Same contract as `LibYAMLEventReader.read`: parses `bytes`, calling `visit` for each event
    /// until the stream ends, the visitor stops, or libyaml fails (the failure is returned).
    /// The input stays valid until this returns: it waits for the parsing thread to be done.
    static func read(
        _ input: UnsafeBufferPointer<UInt8>, textArena: inout [UInt8], visit: (RawEvent, inout [UInt8]) -> LibYAMLEventReader.Control
    ) -> RawParseError? {
        let channel = BatchChannel(capacity: batchesAhead)
        let bytes = BorrowedBytes(buffer: input)
        let producer = Thread {
            var events = Batch.emptyEvents(), text: [UInt8] = []
            let failure = LibYAMLEventReader.read(bytes.buffer, textArena: &text) { event, text in
                events.append(event)
                if events.count >= batchSize {
                    // The next batch's text is about as long: made room for at once, not by doubling.
                    let length = text.count
                    guard channel.send(Batch(events: events, text: text)) else { return .stop }
                    events = Batch.emptyEvents()
                    text = []
                    text.reserveRoom(afterOneOf: length)
                }
                return .proceed
            }
            if !events.isEmpty { _ = channel.send(Batch(events: events, text: text)) }
            channel.finish(failure)
        }
        producer.start()

        while let batch = channel.receive() {
            for event in batch.events {
                if visit(moved(event, from: batch.text, to: &textArena), &textArena) == .stop {
                    channel.cancel()
                    channel.waitUntilFinished()
                    return nil
                }
            }
        }
        return channel.failure
    }

    /// The event with its scalar text, anchor and tag copied (in that order) from the batch's
    /// bytes to the end of `arena`.
    private static func moved(_ event: RawEvent, from text: [UInt8], to arena: inout [UInt8]) -> RawEvent {
        func move(_ range: Range<Int>) -> Range<Int> {
            let lower = arena.count
            arena.append(contentsOf: text[range])
            return lower..<arena.count
        }
        func move(_ name: RawName) -> RawName {
            name.range.map { RawName(move($0)) } ?? .none
        }
        switch event {
        case let .scalar(range, style, anchor, tag, start, end):
            let moved = move(range), anchor = move(anchor)
            return .scalar(text: moved, style: style, anchor: anchor, tag: move(tag), start: start, end: end)
        case let .sequenceStart(anchor, tag, flow, start):
            let anchor = move(anchor)
            return .sequenceStart(anchor: anchor, tag: move(tag), flow: flow, start: start)
        case let .mappingStart(anchor, tag, flow, start):
            let anchor = move(anchor)
            return .mappingStart(anchor: anchor, tag: move(tag), flow: flow, start: start)
        case let .alias(anchor, start, end):
            return .alias(anchor: move(anchor), start: start, end: end)
        case .documentStart, .documentEnd, .collectionEnd:
            return event
        }
    }

    /// The input, handed to the parsing thread; `read` outlives that thread's use of it.
    private struct BorrowedBytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    /// Events in stream order; scalar ranges point into `text`.
    private struct Batch: Sendable {
        var events: [RawEvent]
        var text: [UInt8]

        static func emptyEvents() -> [RawEvent] {
            var events: [RawEvent] = []
            events.reserveCapacity(PipelinedEventReader.batchSize)
            return events
        }
    }

    /// A bounded queue of batches from the parsing thread to the visitor, behind one condition.
    private final class BatchChannel: @unchecked Sendable {
        private let condition = NSCondition()
        private let capacity: Int
        private var queue: [Batch] = []
        private var head = 0
        private var finished = false
        private var cancelled = false
        private var storedFailure: RawParseError?

        init(capacity: Int) {
            self.capacity = capacity
        }

        /// Waits for room and enqueues; false when the visitor has stopped reading.
        func send(_ batch: Batch) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while queue.count - head >= capacity && !cancelled { condition.wait() }
            if cancelled { return false }
            queue.append(batch)
            condition.broadcast()
            return true
        }

        /// The next batch, or nil once the producer has finished and everything was taken.
        func receive() -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while head == queue.count && !finished { condition.wait() }
            guard head < queue.count else { return nil }
            let batch = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
            return batch
        }

        func finish(_ failure: RawParseError?) {
            condition.lock()
            defer { condition.unlock() }
            storedFailure = failure
            finished = true
            condition.broadcast()
        }

        /// Waits for the producer to have finished (after `cancel`, at its next `send`).
        func waitUntilFinished() {
            condition.lock()
            defer { condition.unlock() }
            while !finished { condition.wait() }
        }

        /// The visitor stopped: the producer's next `send` returns false.
        func cancel() {
            condition.lock()
            defer { condition.unlock() }
            cancelled = true
            condition.broadcast()
        }

        var failure: RawParseError? {
            condition.lock()
            defer { condition.unlock() }
            return storedFailure
        }
    }
}
