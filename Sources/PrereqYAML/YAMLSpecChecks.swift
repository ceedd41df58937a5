import Diagnostics

/// Cheap checks for YAML 1.2 rules that libyaml 0.2.5 does not enforce, so that input other
/// YAML 1.2 parsers refuse is not silently accepted (yaml-test-suite cases in brackets):
///
/// - a comment must be separated by white space: `"value"# x` [SU5Z], `]#` [9JBA], `,#` [CVW2],
///   `>#` [X4QW], `%YAML 1.1#` [MUS6-00];
/// - lines inside a flow collection or a multi-line flow scalar that sits in a block collection
///   must be indented past that block collection, with spaces (tabs are not indentation)
///   [9C9N, QB6E, DK95-01, Y79Y-003];
/// - a lone `-` is not a plain scalar in a flow collection [G5U8, YJV2];
/// - directives must follow a `...` when a document precedes them [9HCY, EB22, MUS6-01, RHX7].
///
/// Every finding is a `yaml-syntax` error. Each check looks only at bytes next to event marks,
/// so the cost stays linear in the input. Input in UTF-16 is not checked.
struct YAMLSpecChecks {
    let file: String
    /// The input, valid while the loader reads it.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let enabled: Bool
    private(set) var diagnostics: [Diagnostic] = []

    /// Every byte before `asciiEnd` is ASCII (a code point index is then the byte offset), and
    /// the byte at `asciiEnd` is not, unless it is the end; found as the marks move on, so that
    /// only the bytes next to the parse are read.
    private var asciiEnd = 0
    private var foundNonASCII = false
    /// Code point index (libyaml's `mark.index`) and byte offset of the same position, past
    /// `asciiEnd`.
    private var cursorIndex = 0
    private var cursorByte = 0
    /// 1-based columns of the open block collections, innermost last. 0 while unknown: a
    /// collection with an anchor or tag starts (for libyaml) at those, so its column is taken
    /// from its first child instead.
    private var blockColumns: [Int] = []
    /// Whether the innermost block collection's column is still unknown, and its kind.
    private var unresolvedIsMapping: Bool?
    /// For each open collection, whether it is a flow one.
    private var openIsFlow: [Bool] = []
    private var flowDepth = 0
    /// Whether the previous document ended with `...`; nil before the first document.
    private var previousEndExplicit: Bool?

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        enabled = !utf16
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // Marks do not count the byte order mark: from the start, index and offset differ.
            foundNonASCII = true
            cursorByte = 3
        }
    }

    mutating func handle(_ event: RawEvent, arena: [UInt8]) {
        guard enabled else { return }
        switch event {
        case let .documentStart(start, _, hasDirectives):
            if hasDirectives, previousEndExplicit == false {
                report(
                    start, "a directive after a document needs a \"...\" line before it",
                    help: "end the previous document with \"...\" on its own line")
            }
            if hasDirectives { checkVersionDirectives(from: start) }
        case let .documentEnd(_, explicit):
            previousEndExplicit = explicit
            blockColumns = []
            openIsFlow = []
            flowDepth = 0
        case let .scalar(text, style, _, _, start, end):
            resolveBlockColumn(start)
            checkFlowLine(start)
            switch style {
            case .literal, .folded:
                checkBlockScalarHeader(start)
            case .singleQuoted, .doubleQuoted:
                checkContinuationLines(from: start, to: end)
                checkCommentAfter(end)
            case .plain:
                if flowDepth > 0, text.count == 1, arena[text.lowerBound] == UInt8(ascii: "-") {
                    report(
                        start, "a lone \"-\" is not a valid entry in a flow collection",
                        help: "quote it (\"-\") if you mean the text, or remove it")
                }
                if start.line != end.line { checkContinuationLines(from: start, to: end) }
                if flowDepth > 0 { checkCommentAfter(end) }
            }
        case let .alias(_, start, end):
            resolveBlockColumn(start)
            checkFlowLine(start)
            checkCommentAfter(end)
        case let .sequenceStart(anchor, tag, flow, start):
            openCollection(mapping: false, flow: flow, hasProperties: anchor.isPresent || tag.isPresent, start: start)
        case let .mappingStart(anchor, tag, flow, start):
            openCollection(mapping: true, flow: flow, hasProperties: anchor.isPresent || tag.isPresent, start: start)
        case let .collectionEnd(end):
            guard let flow = openIsFlow.popLast() else { return }
            if flow {
                flowDepth -= 1
                checkCommentAfter(end)
            } else {
                blockColumns.removeLast()
                unresolvedIsMapping = nil
            }
        }
    }

    private mutating func openCollection(mapping: Bool, flow: Bool, hasProperties: Bool, start: RawMark) {
        resolveBlockColumn(start)
        checkFlowLine(start)
        openIsFlow.append(flow)
        if flow {
            flowDepth += 1
        } else if hasProperties {
            blockColumns.append(0)
            unresolvedIsMapping = mapping
        } else {
            blockColumns.append(start.column + 1)
        }
    }

    /// Sets the column of a block collection that has properties from its first child: a
    /// mapping's first key starts at the mapping's column; a sequence's first entry follows its
    /// "-", which is the first thing on that line.
    private mutating func resolveBlockColumn(_ child: RawMark) {
        guard let isMapping = unresolvedIsMapping, !blockColumns.isEmpty else { return }
        unresolvedIsMapping = nil
        if isMapping {
            blockColumns[blockColumns.count - 1] = child.column + 1
        } else {
            var lineStart = byteOffset(of: child)
            while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
            blockColumns[blockColumns.count - 1] = leadingSpaces(from: lineStart) + 1
        }
    }

    // MARK: - Checks

    /// A node that starts a line inside a flow collection must be indented past the block
    /// collection around it, with spaces.
    private mutating func checkFlowLine(_ start: RawMark) {
        guard flowDepth > 0, let required = blockColumns.last, required > 0 else { return }
        let at = byteOffset(of: start)
        var lineStart = at
        while lineStart > 0 {
            let b = bytes[lineStart - 1]
            if b == 0x0A || b == 0x0D { break }
            if b != 0x20 && b != 0x09 { return }  // not the first thing on its line
            lineStart -= 1
        }
        let indent = leadingSpaces(from: lineStart)
        if indent < required {
            report(
                RawMark(line: start.line, column: indent),
                "this line of a flow collection is indented \(indent) spaces, less than the \(required) its block collection needs",
                help: "indent it by at least \(required) spaces (tabs do not count as indentation)")
        }
    }

    /// Every non-blank continuation line of a multi-line flow scalar inside a block collection
    /// must be indented past that collection, with spaces.
    private mutating func checkContinuationLines(from start: RawMark, to end: RawMark) {
        guard start.line != end.line, let required = blockColumns.last, required > 0 else { return }
        let first = byteOffset(of: start)
        let last = min(byteOffset(of: end), bytes.count)
        var i = first
        var line = start.line
        while i < last {
            let b = bytes[i]
            i += 1
            guard b == 0x0A || b == 0x0D else { continue }
            if b == 0x0D, i < bytes.count, bytes[i] == 0x0A { i += 1 }
            line += 1
            let indent = leadingSpaces(from: i)
            var j = i + indent
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            let blank = j >= bytes.count || bytes[j] == 0x0A || bytes[j] == 0x0D
            if !blank, indent < required {
                report(
                    RawMark(line: line, column: indent),
                    "this continuation line of a multi-line scalar is indented \(indent) spaces, less than the \(required) its block collection needs",
                    help: "indent it by at least \(required) spaces (tabs do not count as indentation)")
                return
            }
        }
    }

    /// `#` right after a quoted scalar, an alias, a flow collection's end or a `,` in a flow
    /// collection is a comment without the white space before it.
    private mutating func checkCommentAfter(_ end: RawMark) {
        var i = byteOffset(of: end)
        var column = end.column
        if flowDepth > 0 {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
                i += 1
                column += 1
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
                i += 1
                column += 1
            } else {
                if i != byteOffset(of: end) { return }  // white space came before whatever follows
            }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            report(
                RawMark(line: end.line, column: column),
                "a comment needs white space before the \"#\"", help: "put a space before \"#\"")
        }
    }

    /// `%YAML 1.2#x`: a comment must not touch the version number. Looks at the directive lines
    /// from `start` (where libyaml says the directives begin) up to the first other line.
    private mutating func checkVersionDirectives(from start: RawMark) {
        var i = byteOffset(of: start)
        var line = start.line
        while i < bytes.count {
            let lineStart = i
            let first = bytes[i]
            guard first == UInt8(ascii: "%") || first == UInt8(ascii: "#") || first == 0x0A || first == 0x0D
                || first == 0x20 || first == 0x09
            else { return }
            if bytes[i...].starts(with: "%YAML".utf8) {
                i += 5
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                while i < bytes.count, bytes[i] == UInt8(ascii: ".") || (bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
                    report(
                        RawMark(line: line, column: i - lineStart),
                        "a comment needs white space before the \"#\"", help: "put a space before \"#\"")
                }
            }
            while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            if i < bytes.count, bytes[i] == 0x0D { i += 1 }
            if i < bytes.count, bytes[i] == 0x0A { i += 1 }
            line += 1
        }
    }

    /// A block scalar header (`|`, `>`, then indentation and chomping indicators) must not run
    /// straight into a comment.
    private mutating func checkBlockScalarHeader(_ start: RawMark) {
        var i = byteOffset(of: start)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "|") || bytes[i] == UInt8(ascii: ">") else { return }
        var column = start.column
        repeat {
            i += 1
            column += 1
        } while i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") || (bytes[i] >= 0x30 && bytes[i] <= 0x39))
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            report(
                RawMark(line: start.line, column: column),
                "a comment needs white space before the \"#\"", help: "put a space before \"#\"")
        }
    }

    // MARK: - Positions

    private func leadingSpaces(from lineStart: Int) -> Int {
        var n = 0
        while lineStart + n < bytes.count, bytes[lineStart + n] == 0x20 { n += 1 }
        return n
    }

    /// The byte offset of a mark, found by walking a cursor from the previous position: marks
    /// arrive nearly in order, so the walks add up to about one pass over the input. While
    /// every byte so far is ASCII, the offset is the index, and the bytes up to it are checked
    /// eight at a time.
    private mutating func byteOffset(of mark: RawMark) -> Int {
        let target = min(max(mark.index, 0), bytes.count)
        if !foundNonASCII {
            if target <= asciiEnd { return target }
            asciiEnd = Self.asciiRun(bytes, from: asciiEnd, to: target)
            if asciiEnd == target { return target }
            foundNonASCII = true
            (cursorIndex, cursorByte) = (asciiEnd, asciiEnd)
        }
        // (Not at `asciiEnd` itself: after a byte order mark, index 0 is byte 3.)
        if target < asciiEnd { return target }
        while cursorIndex < target, cursorByte < bytes.count {
            cursorByte += 1
            while cursorByte < bytes.count, bytes[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
            cursorIndex += 1
        }
        while cursorIndex > target, cursorByte > asciiEnd {
            cursorByte -= 1
            while cursorByte > asciiEnd, bytes[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorIndex -= 1
        }
        return cursorByte
    }

    /// Where the run of ASCII bytes starting at `start` ends, looking no further than `end`.
    private static func asciiRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        var i = start
        while i + 8 <= end, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        while i < end, bytes[i] < 0x80 { i += 1 }
        return i
    }

    private mutating func report(_ mark: RawMark, _ message: String, help: String) {
        diagnostics.append(
            .error(
                "yaml-syntax", message, at: SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1),
                help: help))
    }
}
