import Diagnostics
import Foundation
import PrereqBasics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// Reads typed values out of YAML nodes, collecting every problem as a diagnostic at the
/// node's line and column (decoding never stops at the first error). Follows aliases, with a
/// budget so that an alias bomb cannot make decoding exponential.
public struct NodeDecoder: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// The catalog the findings are worded from (and `what` phrases built with).
    public let messages: Messages
    private var budget: Int
    private var budgetExhausted = false
    /// Shared by every copy, so that ids decoded in parallel pieces share their text too.
    private let identifierTable = IdentifierTable()

    /// `nodeCount` is the size of the document being decoded; decoding may visit a few times
    /// that many nodes (aliases count each time they are followed). Findings are in `language`.
    public init(nodeCount: Int, language: Language = .english) {
        budget = nodeCount * 8 + 10_000
        messages = Messages(language)
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Findings of a decoder that worked on another part of the same document, after these.
    public mutating func report(_ more: [Diagnostic]) {
        diagnostics += more
    }

    /// The same decoder without the findings so far (to decode another part of the document).
    func withoutFindings() -> NodeDecoder {
        var copy = self
        copy.diagnostics = []
        return copy
    }

    /// The same decoder without the findings so far, to decode a document of `nodeCount` nodes
    /// (a piece of a section: see `YAMLSectionSink`).
    func withoutFindings(nodeCount: Int) -> NodeDecoder {
        var copy = withoutFindings()
        copy.budget = nodeCount * 8 + 10_000
        copy.budgetExhausted = false
        return copy
    }

    public mutating func error(_ code: String, _ message: String, at node: YAMLNode, help: String? = nil) {
        diagnostics.append(.error(code, message, at: node.location, help: help))
    }

    /// The node with aliases followed, or nil once the alias budget is spent.
    public mutating func resolve(_ node: YAMLNode) -> YAMLNode? {
        spendBudget(at: node) ? node.resolved : nil
    }

    /// Counts one more node visited; false (reported once) when the budget is spent.
    private mutating func spendBudget(at node: YAMLNode) -> Bool {
        budget -= 1
        if budget < 0 {
            if !budgetExhausted {
                budgetExhausted = true
                error(
                    "schema-alias-expansion", messages.aliasExpansion, at: node, help: messages.aliasExpansionHelp)
            }
            return false
        }
        return true
    }

    // MARK: - Shapes

    /// A mapping's entries with scalar keys as text; reports anything else.
    public mutating func mapping(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [(key: Located<String>, value: YAMLNode)]? {
        guard let n = resolve(node) else { return nil }
        guard n.kind == .mapping else {
            if n.isNull { return [] }
            typeError(n, expected: messages.expectedMapping, what())
            return nil
        }
        var out: [(key: Located<String>, value: YAMLNode)] = []
        out.reserveCapacity(n.count)
        for position in 0..<n.count {
            let (k, v) = n.entry(position)
            guard let key = keyText(k) else {
                error("schema-type", messages.keysMustBeText(what()), at: k)
                continue
            }
            out.append((key, v))
        }
        return out
    }

    /// A mapping key's text and place; nil for a key that is not text, or once the budget is spent.
    private mutating func keyText(_ k: YAMLNode) -> Located<String>? {
        // A key is almost always a scalar: read in one look, with no alias to follow.
        if let (text, location) = k.scalarTextAndPlace(identifierTable.text(of:)) {
            return spendBudget(at: k) ? Located(text, at: location) : nil
        }
        guard let key = resolve(k), let text = key.scalarText(identifierTable.text(of:)) else { return nil }
        return Located(text, at: k.location)
    }

    /// A sequence's elements; a single scalar counts as a one-element list; null as empty.
    public mutating func list(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [YAMLNode]? {
        guard let n = resolve(node) else { return nil }
        switch n.kind {
        case .sequence: return n.elements
        case .scalar: return n.isNull ? [] : [n]
        default:
            typeError(n, expected: messages.expectedList, what())
            return nil
        }
    }

    /// The entries of a definition's mapping (a null body is an empty definition), with keys
    /// not in `allowed` reported.
    public mutating func fields(_ node: YAMLNode, _ what: @autoclosure () -> String, allowed: [String]) -> Fields {
        guard let entries = mapping(node, what()) else { return Fields([]) }
        rejectUnknownKeys(entries, allowed: allowed, in: what())
        return Fields(entries)
    }

    /// Reports keys not in `allowed`, with a suggestion.
    /// Rule files treat unknown keys as errors; snapshots, which outside exporters write and may
    /// extend, as warnings.
    public mutating func rejectUnknownKeys(
        _ entries: [(key: Located<String>, value: YAMLNode)], allowed: [String], in what: @autoclosure () -> String,
        severity: Severity = .error
    ) {
        for i in entries.indices where !allowed.contains(entries[i].key.value) {
            let key = entries[i].key
            diagnostics.append(
                Diagnostic(
                    code: "schema-unknown-key", severity: severity,
                    message: messages.unknownKey(key.value, in: what(), suggestion: Suggestions.closest(to: key.value, in: allowed)),
                    location: key.location, help: messages.allowedKeys(allowed)))
        }
    }

    /// An ISO 8601 timestamp; a missing zone is read as UTC and noted.
    public mutating func timestamp(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<Timestamp>? {
        guard let s = string(node, what()) else { return nil }
        guard let parsed = Timestamp.parse(s.value) else {
            error(
                "schema-value", messages.notTimestamp(s.value, for: what()),
                at: node)
            return nil
        }
        if parsed.zoneMissing {
            diagnostics.append(
                .note(
                    "timestamp-without-zone", messages.timestampWithoutZone(what(), s.value), at: s.location,
                    help: messages.timestampWithoutZoneHelp))
        }
        return Located(parsed.timestamp, at: s.location)
    }

    /// A day (`2027-10-31`: its start, in UTC, with no note) or a timestamp as `timestamp` reads it.
    public mutating func date(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<Timestamp>? {
        guard let n = resolve(node) else { return nil }
        if n.kind == .scalar, let text = n.scalarText, text.utf8.count == 10, let parsed = Timestamp.parse(text) {
            return Located(parsed.timestamp, at: n.location)
        }
        return timestamp(n, what())
    }

    // MARK: - Scalars

    /// Any non-null scalar as its text (numbers too: a job code `1110` is text).
    public mutating func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<String>? {
        guard let n = resolve(node) else { return nil }
        guard n.kind == .scalar, !n.isNull, let text = n.scalarText else {
            typeError(n, expected: messages.expectedText, what())
            return nil
        }
        return Located(text, at: n.location)
    }

    /// A non-empty identifier: text or a number (a job code such as `1110`), not a boolean.
    public mutating func identifier(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<String>? {
        let id: Located<String>
        if let (text, location) = node.scalarTextAndPlace(textOnly: true, identifierTable.text(of:)) {
            // Most ids: untagged text that can be nothing else, read in one look at the node.
            guard spendBudget(at: node) else { return nil }
            id = Located(text, at: location)
        } else {
            if node.isBool {
                typeError(node.resolved, expected: messages.expectedId, what())
                return nil
            }
            guard let n = resolve(node) else { return nil }
            guard !n.isNull, let text = n.scalarText(identifierTable.text(of:)) else {
                typeError(n, expected: messages.expectedText, what())
                return nil
            }
            id = Located(text, at: n.location)
        }
        if !id.value.hasVisibleASCIIEnds && id.value.trimmingCharacters(in: .whitespaces).isEmpty {
            error("schema-value", messages.mustNotBeEmpty(what()), at: node)
            return nil
        }
        return id
    }

    /// A list of identifiers (a single one may be written without brackets).
    public mutating func identifiers(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [Located<String>] {
        guard let items = list(node, what()) else { return [] }
        return items.compactMap { identifier($0, what()) }
    }

    /// `true`/`false` (also `on`/`off`, `yes`/`no`, any case).
    public mutating func bool(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<Bool>? {
        guard let n = resolve(node) else { return nil }
        if case .bool(let b) = n.value { return Located(b, at: n.location) }
        if n.kind == .scalar, let text = n.scalarText, let b = Self.boolWord(text) {
            return Located(b, at: n.location)
        }
        typeError(n, expected: messages.expectedSwitch, what())
        return nil
    }

    static func boolWord(_ text: String) -> Bool? {
        switch (text.hasVisibleASCIIEnds ? text : text.trimmingCharacters(in: .whitespaces)).lowercased() {
        case "true", "on", "yes", "enabled": true
        case "false", "off", "no", "disabled": false
        default: nil
        }
    }

    public mutating func int(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<Int>? {
        guard let n = resolve(node) else { return nil }
        if case .int(let i) = n.value { return Located(i, at: n.location) }
        typeError(n, expected: messages.expectedWholeNumber, what())
        return nil
    }

    /// A dotted product version such as `10.0.38`.
    public mutating func version(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<ProductVersion>? {
        guard let s = string(node, what()) else { return nil }
        guard let v = ProductVersion(s.value) else {
            error("schema-value", messages.notVersion(s.value, for: what()), at: node)
            return nil
        }
        return Located(v, at: s.location)
    }

    /// A duration such as `15m`, `1h30m` or `PT15M`.
    public mutating func timeSpan(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<TimeSpan>? {
        guard let s = string(node, what()) else { return nil }
        switch TimeSpan.read(s.value) {
        case .success(let t): return Located(t, at: s.location)
        case .failure(.malformed): error("schema-value", messages.notDuration(s.value, for: what()), at: node)
        case .failure(.tooLong): error("schema-value", messages.durationTooLong(s.value, for: what()), at: node)
        }
        return nil
    }

    /// One of `cases`, compared ignoring case.
    public mutating func oneOf<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: @autoclosure () -> String, as: E.Type) -> E?
    where E.RawValue == String {
        guard let s = string(node, what()) else { return nil }
        if let e = E.allCases.first(where: { $0.rawValue.lowercased() == s.value.lowercased() }) { return e }
        let names = E.allCases.map(\.rawValue)
        error(
            "schema-value",
            messages.notOneOf(s.value, what(), suggestion: Suggestions.closest(to: s.value, in: names), options: names),
            at: node)
        return nil
    }

    /// A typed setting value from a scalar: booleans, whole numbers, otherwise text.
    public mutating func settingValue(_ node: YAMLNode, _ what: @autoclosure () -> String) -> SettingValue? {
        guard let n = resolve(node) else { return nil }
        switch n.value {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .string(let s):
            if n.scalarStyle == .plain, let b = Self.boolWord(s) { return .bool(b) }
            return .string(s)
        case .float: return .string(n.scalarText ?? "")
        default:
            typeError(n, expected: messages.expectedValue, what())
            return nil
        }
    }

    /// Text a person reads: a string, or a mapping of language tags to strings.
    public mutating func localizedText(_ node: YAMLNode, _ what: @autoclosure () -> String, defaultLanguage: String) -> LocalizedText? {
        guard let n = resolve(node) else { return nil }
        if n.kind == .mapping {
            guard let entries = mapping(n, what()) else { return nil }
            var translations: [(language: String, text: String)] = []
            for (language, value) in entries {
                if !LanguageTag.isValid(language.value) {
                    diagnostics.append(
                        .error(
                            "schema-value", messages.notLanguageTag(language.value, in: what()),
                            at: language.location))
                    continue
                }
                let place = messages.language(language.value, of: what())
                if let text = string(value, place) {
                    translations.append((LanguageTag.canonical(language.value), text.value))
                }
            }
            return LocalizedText(translations)
        }
        guard let text = string(n, what()) else { return nil }
        return LocalizedText(language: defaultLanguage, text: text.value)
    }

    private mutating func typeError(_ node: YAMLNode, expected: String, _ what: @autoclosure () -> String) {
        error("schema-type", messages.mustBe(what(), expected: expected, found: describe(node)), at: node)
    }

    func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: return messages.foundMapping
        case .sequence: return messages.foundList
        case .alias: return messages.foundAlias
        case .scalar:
            if node.isNull { return messages.foundNull }
            let text = node.scalarText ?? ""
            return text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
        }
    }
}

/// A mapping's entries looked up by key: a linear scan over the few keys a definition has, so no
/// dictionary is built per mapping (the first entry wins; duplicates are the loader's error).
public struct Fields {
    public let entries: [(key: Located<String>, value: YAMLNode)]
    /// One bit per key, by its length and first byte: most keys asked for (a definition has a
    /// few of the many it may have) are told absent from this alone.
    private let keyBits: UInt64

    public init(_ entries: [(key: Located<String>, value: YAMLNode)]) {
        self.entries = entries
        keyBits = entries.reduce(0) { $0 | Self.bit(length: $1.key.value.utf8.count, first: $1.key.value.utf8.first) }
    }

    public subscript(_ key: String) -> YAMLNode? {
        let length = key.utf8.count
        guard keyBits & Self.bit(length: length, first: key.utf8.first) != 0 else { return nil }
        // By index, so that no entry is copied (and no reference counted) just to compare keys;
        // lengths first, which tell most keys apart without comparing their text.
        for i in entries.indices where entries[i].key.value.utf8.count == length && entries[i].key.value == key {
            return entries[i].value
        }
        return nil
    }

    /// A key's bit, by its length and first byte. The keys asked for are ASCII letters, which
    /// no other text equals (Unicode maps only K, `;` and a backtick from other characters), so
    /// the key equal to one has the same bytes, and the same bit.
    private static func bit(length: Int, first: UInt8?) -> UInt64 {
        1 << (UInt64(truncatingIfNeeded: length &* 7 &+ Int(first ?? 0)) & 63)
    }
}
