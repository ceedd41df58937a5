import CYaml

/// A position as libyaml reports it: 0-based line and column, and `index`, the 0-based count
/// of code points before it (not bytes; a byte order mark is not counted).
struct RawMark: Sendable {
    // Stored in 32 bits (files are at most 256 MiB), so that an event stays small to move.
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedIndex: Int32

    init(line: Int, column: Int, index: Int = 0) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        storedIndex = Int32(clamping: index)
    }

    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }
    var index: Int { Int(storedIndex) }
}

/// An anchor or a tag of an event: where the reader put its bytes in the text arena (right
/// after the event's scalar text, if any), or none. Plain data, so that events copy as bytes.
struct RawName: Sendable {
    private var lower: Int32
    private var upper: Int32

    static let none = RawName(lower: -1, upper: -1)

    private init(lower: Int32, upper: Int32) {
        self.lower = lower
        self.upper = upper
    }

    init(_ range: Range<Int>) {
        self.init(lower: Int32(clamping: range.lowerBound), upper: Int32(clamping: range.upperBound))
    }

    var isPresent: Bool { lower >= 0 }
    /// Its bytes in the arena; nil for none.
    var range: Range<Int>? { isPresent ? Int(lower)..<Int(upper) : nil }
}

/// One libyaml event, with every pointer already turned into Swift values. Scalar text, then
/// the anchor and the tag, are appended to the caller's byte arena and given as ranges into it
/// (never NUL-terminated: a quoted `"\0"` puts a NUL inside a value).
enum RawEvent: Sendable {
    /// `hasDirectives`: the document has `%YAML` or `%TAG` directives.
    case documentStart(start: RawMark, explicit: Bool, hasDirectives: Bool)
    /// `explicit`: the document ended with a `...` marker.
    case documentEnd(end: RawMark, explicit: Bool)
    case scalar(text: Range<Int>, style: ScalarStyle, anchor: RawName, tag: RawName, start: RawMark, end: RawMark)
    case sequenceStart(anchor: RawName, tag: RawName, flow: Bool, start: RawMark)
    case mappingStart(anchor: RawName, tag: RawName, flow: Bool, start: RawMark)
    case collectionEnd(end: RawMark)
    case alias(anchor: RawName, start: RawMark, end: RawMark)

    /// Where the event is in the input: its start, or an end's end.
    var position: RawMark {
        switch self {
        case .documentStart(let start, _, _), .scalar(_, _, _, _, let start, _), .sequenceStart(_, _, _, let start),
            .mappingStart(_, _, _, let start), .alias(_, let start, _):
            start
        case .documentEnd(let end, _), .collectionEnd(let end): end
        }
    }

    /// The event's anchor and tag, none for the events that carry neither.
    var names: (anchor: RawName, tag: RawName) {
        switch self {
        case .scalar(_, _, let anchor, let tag, _, _), .sequenceStart(let anchor, let tag, _, _), .mappingStart(let anchor, let tag, _, _):
            (anchor, tag)
        case .alias(let anchor, _, _): (anchor, .none)
        case .documentStart, .documentEnd, .collectionEnd: (.none, .none)
        }
    }

    /// The anchor and the tag as text, their bytes taken off the end of `arena`, where the
    /// reader put them last (so the arena keeps only scalar text). Call it once per event, as
    /// soon as it arrives.
    func takeNames(from arena: inout [UInt8]) -> (anchor: String?, tag: String?) {
        let (anchor, tag) = names
        guard anchor.isPresent || tag.isPresent else { return (nil, nil) }
        func text(_ name: RawName) -> String? {
            name.range.map { String(decoding: arena[$0], as: UTF8.self) }
        }
        let taken = (text(anchor), text(tag))
        let first = min(anchor.range?.lowerBound ?? .max, tag.range?.lowerBound ?? .max)
        if first < arena.count { arena.removeSubrange(first...) }
        return taken
    }
}

/// A parse failure as libyaml reports it.
struct RawParseError: Sendable {
    enum Kind: Sendable { case reader, scanner, parser, memory }
    var kind: Kind
    var problem: String
    var context: String?
    var problemMark: RawMark
    var contextMark: RawMark?
    /// For reader errors (bad encoding) libyaml gives no mark, only this byte offset.
    var problemOffset: Int
    /// The offending byte or code point for reader errors, -1 when there is none.
    var problemValue: Int
}

/// The only place that touches libyaml's C API: runs the event loop over a byte buffer and
/// hands each event up as a safe `RawEvent`.
enum LibYAMLEventReader {
    /// Whether the visitor wants more events.
    enum Control { case proceed, stop }

    /// Parses `bytes`, calling `visit` for each event until the stream ends, the visitor stops,
    /// or libyaml fails (the failure is returned). Stream start and end are not reported.
    static func read(
        _ input: UnsafeBufferPointer<UInt8>, textArena: inout [UInt8], visit: (RawEvent, inout [UInt8]) -> Control
    ) -> RawParseError? {
        guard let base = input.baseAddress, !input.isEmpty else { return nil }  // libyaml asserts on a NULL input pointer.
        // libyaml keeps a pointer to the parser itself, so it must not live in a movable `var`.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return RawParseError(
                kind: .memory, problem: "libyaml could not allocate a parser", context: nil,
                problemMark: RawMark(line: 0, column: 0), contextMark: nil, problemOffset: 0, problemValue: -1)
        }
        defer { yaml_parser_delete(parser) }
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        yaml_parser_set_input_string(parser, base, input.count)
        while true {
            guard yaml_parser_parse(parser, event) == 1 else { return error(of: parser.pointee) }
            defer { yaml_event_delete(event) }
            let e = event.pointee
            let start = mark(e.start_mark), end = mark(e.end_mark)
            let raw: RawEvent
            switch e.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_STREAM_START_EVENT, YAML_NO_EVENT:
                continue
            case YAML_DOCUMENT_START_EVENT:
                let d = e.data.document_start
                raw = .documentStart(
                    start: start, explicit: d.implicit == 0,
                    hasDirectives: d.version_directive != nil || d.tag_directives.start != d.tag_directives.end)
            case YAML_DOCUMENT_END_EVENT:
                raw = .documentEnd(end: end, explicit: e.data.document_end.implicit == 0)
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let lower = textArena.count
                if s.length > 0, let value = s.value {
                    textArena.append(contentsOf: UnsafeBufferPointer(start: value, count: s.length))
                }
                let text = lower..<textArena.count
                let anchor = name(s.anchor, into: &textArena)
                raw = .scalar(
                    text: text, style: style(s.style), anchor: anchor, tag: name(s.tag, into: &textArena), start: start,
                    end: end)
            case YAML_SEQUENCE_START_EVENT:
                let s = e.data.sequence_start
                let anchor = name(s.anchor, into: &textArena)
                raw = .sequenceStart(
                    anchor: anchor, tag: name(s.tag, into: &textArena), flow: s.style == YAML_FLOW_SEQUENCE_STYLE,
                    start: start)
            case YAML_MAPPING_START_EVENT:
                let m = e.data.mapping_start
                let anchor = name(m.anchor, into: &textArena)
                raw = .mappingStart(
                    anchor: anchor, tag: name(m.tag, into: &textArena), flow: m.style == YAML_FLOW_MAPPING_STYLE,
                    start: start)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                raw = .collectionEnd(end: end)
            case YAML_ALIAS_EVENT:
                raw = .alias(anchor: name(e.data.alias.anchor, into: &textArena), start: start, end: end)
            default:
                continue
            }
            if visit(raw, &textArena) == .stop { return nil }
        }
    }

    private static func mark(_ m: yaml_mark_t) -> RawMark {
        RawMark(line: Int(m.line), column: Int(m.column), index: Int(m.index))
    }

    /// An anchor or tag (NUL-terminated in libyaml) appended to `arena`.
    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?, into arena: inout [UInt8]) -> RawName {
        guard let pointer else { return .none }
        var count = 0
        while pointer[count] != 0 { count += 1 }
        let lower = arena.count
        arena.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        return RawName(lower..<arena.count)
    }

    private static func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func error(of p: yaml_parser_t) -> RawParseError {
        let kind: RawParseError.Kind
        switch p.error {
        case YAML_READER_ERROR: kind = .reader
        case YAML_SCANNER_ERROR: kind = .scanner
        case YAML_MEMORY_ERROR: kind = .memory
        default: kind = .parser
        }
        return RawParseError(
            kind: kind,
            problem: p.problem.map { String(cString: $0) } ?? "unknown libyaml error",
            context: p.context.map { String(cString: $0) },
            problemMark: mark(p.problem_mark),
            contextMark: p.context == nil ? nil : mark(p.context_mark),
            problemOffset: Int(p.problem_offset),
            problemValue: Int(p.problem_value))
    }
}

/// The yardstick for Prereq's speed: libyaml alone, running its event loop over a buffer and
/// building nothing. Anything built on libyaml can be no faster than this (the benchmark
/// compares every load against it).
public enum YAMLEventFloor {
    /// Parses `bytes` with libyaml's bare `yaml_parser_parse` loop and returns the number of
    /// events, or -1 when libyaml fails (or cannot allocate a parser).
    public static func countEvents(_ bytes: [UInt8]) -> Int {
        if bytes.isEmpty { return 0 }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return -1 }
        defer { yaml_parser_delete(parser) }
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        return bytes.withUnsafeBufferPointer { input -> Int in
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
            var count = 0
            while true {
                guard yaml_parser_parse(parser, event) == 1 else { return -1 }
                let type = event.pointee.type
                yaml_event_delete(event)
                count += 1
                if type == YAML_STREAM_END_EVENT { return count }
            }
        }
    }
}
