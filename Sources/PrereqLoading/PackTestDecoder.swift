import Diagnostics
import Foundation
import PrereqBasics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// Decodes a pack test file (docs/pack-tests.md): `prereqTest: 1` and a list of `cases`, each a
/// snapshot (a path relative to the file, or written inline), assumptions and expectations.
/// Every problem is an error at its line and column: a test that silently expects less than
/// its author wrote would pass for the wrong reason.
public struct PackTestDecoder: Sendable {
    /// The top-level key that makes a document a pack test file.
    public static let marker = "prereqTest"
    static let topLevelKeys = [marker, "cases"]
    static let caseKeys = ["name", "snapshot", "assume", "expect"]
    static let expectKeys = ["why", "plan", "check"]
    static let whyKeys = ["verdict", "rootCauses", "plan", "channels"]
    static let planKeys = ["features", "steps"]
    static let checkKeys = ["findings"]
    static let listKeys = ["contains"]

    /// What an item of each list is identified by: its JSON field and the values it may take.
    enum ItemKind {
        case cause, step, finding

        var headKey: String {
            switch self {
            case .cause: "kind"
            case .step: "action"
            case .finding: "code"
            }
        }

        var keys: [String] { self == .finding ? [headKey, "subject", "channels", "severity"] : [headKey, "subject", "channels"] }

        var heads: [String] {
            switch self {
            case .cause: CauseKind.allCases.map(\.rawValue)
            case .step: PlanAction.allCases.map(\.rawValue)
            case .finding: FindingCatalog.all.map(\.code)
            }
        }
    }

    private var decoder: NodeDecoder
    private let messages: Messages
    private let file: String
    /// The case being decoded, in words; places in it are key paths such as
    /// `expect.why.FEATURE.verdict`, named with it (`place`).
    private var currentCase = ""

    private init(document: YAMLDocument, language: Language) {
        decoder = NodeDecoder(nodeCount: document.nodeCount, language: language)
        messages = Messages(language)
        file = document.file
    }

    /// The cases of one pack test document, in the order written, and every problem found.
    public static func decode(_ document: YAMLDocument, language: Language = .english) -> ([PackTestCase], [Diagnostic]) {
        var d = PackTestDecoder(document: document, language: language)
        let cases = d.decodeRoot(document.root)
        return (cases, d.decoder.diagnostics)
    }

    private mutating func decodeRoot(_ root: YAMLNode) -> [PackTestCase] {
        let place = messages.packTestPlace
        guard let entries = decoder.mapping(root, place) else { return [] }
        decoder.rejectUnknownKeys(entries, allowed: Self.topLevelKeys, in: place)
        let fields = Fields(entries)
        if let v = fields[Self.marker], let version = decoder.int(v, Self.marker), version.value != 1 {
            decoder.error("schema-version", messages.packTestFormatUnsupported(version.value), at: v)
        }
        guard let list = fields["cases"] else {
            decoder.report(.error("schema-missing", messages.packTestNeedsCases, at: root.location, help: messages.packTestFormHelp))
            return []
        }
        var cases: [PackTestCase] = []
        var firstOfName: [String: SourceLocation] = [:]
        for node in decoder.list(list, "cases") ?? [] {
            guard let c = decodeCase(node) else { continue }
            if let first = firstOfName[c.name.value] {
                decoder.report(
                    Diagnostic(
                        code: "schema-value", severity: .error, message: messages.caseNamedTwice(c.name.value), location: c.name.location,
                        related: [RelatedLocation(first, messages.firstNamedHere)], help: messages.caseNamedTwiceHelp))
                continue
            }
            firstOfName[c.name.value] = c.name.location
            cases.append(c)
        }
        return cases
    }

    private mutating func decodeCase(_ node: YAMLNode) -> PackTestCase? {
        let anyCase = messages.casePlace
        guard let entries = decoder.mapping(node, anyCase) else { return nil }
        decoder.rejectUnknownKeys(entries, allowed: Self.caseKeys, in: anyCase)
        let fields = Fields(entries)
        guard let nameNode = fields["name"] else {
            decoder.report(.error("schema-missing", messages.caseNeedsName, at: node.location))
            return nil
        }
        guard let name = decoder.identifier(nameNode, messages.field("name", of: anyCase)) else { return nil }
        currentCase = messages.caseNamed(name.value)
        guard let snapshotNode = fields["snapshot"] else {
            decoder.report(.error("schema-missing", messages.caseNeedsSnapshot(name.value), at: node.location, help: messages.caseSnapshotHelp))
            return nil
        }
        let place = placer
        guard let snapshot = snapshotSource(snapshotNode, place("snapshot")) else { return nil }
        var c = PackTestCase(name: name, location: node.location, snapshot: snapshot)
        if let assume = fields["assume"] {
            c.assume = (decoder.list(assume, place("assume")) ?? []).compactMap {
                decoder.string($0, place("assume"))
            }
        }
        guard let expect = fields["expect"] else {
            decoder.report(.error("schema-missing", messages.caseExpectsNothing(name.value), at: node.location, help: messages.caseExpectHelp))
            return nil
        }
        let before = decoder.diagnostics.count
        decodeExpectations(expect, into: &c, path: "expect")
        // Said once: an expectation that could not be read has its own error already.
        if !c.expectsSomething && decoder.diagnostics.count == before {
            decoder.report(.error("schema-missing", messages.caseExpectsNothing(name.value), at: expect.location, help: messages.caseExpectHelp))
        }
        return c
    }

    /// A path (relative to the case file) or a snapshot written in place.
    private mutating func snapshotSource(_ node: YAMLNode, _ what: String) -> PackTestCase.SnapshotSource? {
        guard let n = decoder.resolve(node) else { return nil }
        if n.kind == .mapping {
            let (snapshot, found) = SnapshotDecoder.decode(root: n, language: messages.language)
            decoder.report(found.filter { $0.severity == .error })
            return .inline(snapshot, findings: found.filter { $0.severity != .error })
        }
        guard let path = decoder.identifier(n, what) else { return nil }
        return .file(Located(Self.resolve(path.value, besides: file), at: path.location))
    }

    private mutating func decodeExpectations(_ node: YAMLNode, into c: inout PackTestCase, path: String) {
        let place = placer
        let fields = decoder.fields(node, place(path), allowed: Self.expectKeys)
        if let why = fields["why"] {
            for (feature, body) in decoder.mapping(why, place(path + ".why")) ?? [] {
                c.why.append(whyExpectation(feature, body, path: path + ".why." + feature.value))
            }
        }
        if let plan = fields["plan"] {
            let planPath = path + ".plan"
            let f = decoder.fields(plan, place(planPath), allowed: Self.planKeys)
            if let features = f["features"] {
                var p = PlanExpectation(features: decoder.identifiers(features, place(planPath + ".features")), location: plan.location)
                p.steps = f["steps"].flatMap { list($0, .step, planPath + ".steps") }
                c.plan = p
            } else {
                decoder.report(.error("schema-missing", messages.planExpectationNeedsFeatures, at: plan.location))
            }
        }
        if let check = fields["check"] {
            let f = decoder.fields(check, place(path + ".check"), allowed: Self.checkKeys)
            var e = CheckExpectation(location: check.location)
            e.findings = f["findings"].flatMap { list($0, .finding, path + ".check.findings") }
            c.check = e
        }
    }

    private mutating func whyExpectation(_ feature: Located<String>, _ node: YAMLNode, path: String) -> WhyExpectation {
        let place = placer
        var e = WhyExpectation(feature: feature)
        let f = decoder.fields(node, place(path), allowed: Self.whyKeys)
        if let v = f["verdict"], let verdict = decoder.oneOf(v, place(path + ".verdict"), as: Verdict.self) {
            e.verdict = Located(verdict, at: v.location)
        }
        e.rootCauses = f["rootCauses"].flatMap { list($0, .cause, path + ".rootCauses") }
        e.plan = f["plan"].flatMap { list($0, .step, path + ".plan") }
        if let channels = f["channels"] {
            var out: [ChannelVerdictExpectation] = []
            for (channel, verdict) in decoder.mapping(channels, place(path + ".channels")) ?? [] {
                if let v = decoder.oneOf(verdict, place(path + ".channels." + channel.value), as: Verdict.self) {
                    out.append(ChannelVerdictExpectation(channel: channel.value, verdict: v))
                }
            }
            e.channels = Located(out, at: channels.location)
        }
        return e
    }

    /// A list written out (exact), or `{contains: [...]}`.
    private mutating func list(_ node: YAMLNode, _ kind: ItemKind, _ path: String) -> ListExpectation? {
        let what = placer(path)
        guard let n = decoder.resolve(node) else { return nil }
        var items = n
        var contains = false
        if n.kind == .mapping {
            let f = decoder.fields(n, what, allowed: Self.listKeys)
            guard let inner = f["contains"] else {
                decoder.report(.error("schema-missing", messages.listNeedsContains(what), at: n.location))
                return nil
            }
            items = inner
            contains = true
        }
        guard let elements = decoder.list(items, what) else { return nil }
        return ListExpectation(items: elements.compactMap { item($0, kind, what) }, contains: contains, location: n.location)
    }

    /// `HEAD [SUBJECT] [(CHANNEL, …)]`, or a mapping with the JSON output's field names.
    private mutating func item(_ node: YAMLNode, _ kind: ItemKind, _ what: String) -> ItemPattern? {
        guard let n = decoder.resolve(node) else { return nil }
        if n.kind == .mapping {
            let f = decoder.fields(n, what, allowed: kind.keys)
            guard let headNode = f[kind.headKey] else {
                decoder.report(.error("schema-missing", messages.itemNeedsHead(kind.headKey, in: what), at: n.location))
                return nil
            }
            guard let head = decoder.identifier(headNode, what), checkHead(head, kind, what) else { return nil }
            var pattern = ItemPattern(head: head.value)
            pattern.subject = f["subject"].flatMap { decoder.identifier($0, what)?.value }
            pattern.channels = f["channels"].map { decoder.identifiers($0, what).map(\.value) }
            pattern.severity = f["severity"].flatMap { decoder.oneOf($0, what, as: Severity.self) }
            return pattern
        }
        guard let text = decoder.identifier(n, what) else { return nil }
        var words = text.value.trimmingCharacters(in: .whitespaces)
        var channels: [String]?
        if words.hasSuffix(")"), let open = words.range(of: " (", options: .backwards) {
            let inner = words[open.upperBound..<words.index(before: words.endIndex)]
            channels = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            words = String(words[..<open.lowerBound])
        }
        let parts = words.split(separator: " ", maxSplits: 1).map(String.init)
        guard let headText = parts.first, checkHead(Located(headText, at: text.location), kind, what) else { return nil }
        return ItemPattern(head: headText, subject: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil, channels: channels)
    }

    /// Whether `head` is a kind, action or code the answers use; else an error with a suggestion.
    private mutating func checkHead(_ head: Located<String>, _ kind: ItemKind, _ what: String) -> Bool {
        let heads = kind.heads
        if heads.contains(head.value) { return true }
        let suggestion = Suggestions.closest(to: head.value, in: heads)
        if kind == .finding {
            decoder.report(.error("schema-value", messages.notAFindingCode(head.value, suggestion: suggestion), at: head.location, help: messages.findingCodesHelp))
        } else {
            decoder.report(.error("schema-value", messages.notOneOf(head.value, messages.field(kind.headKey, of: what), suggestion: suggestion, options: heads), at: head.location))
        }
        return false
    }

    /// Words a place in the current case: `expect.why.FEATURE.verdict of the case "…"`. Taken
    /// into a local first, so that the decoder's autoclosures do not read `self` while it changes.
    private var placer: @Sendable (String) -> String { { [messages, currentCase] in messages.field($0, of: currentCase) } }

    /// `path` as seen from the folder of `file` (absolute paths as they are), with `.` and
    /// `..` taken out where they can be.
    static func resolve(_ path: String, besides file: String) -> String {
        if path.hasPrefix("/") { return normalized(path) }
        let folder = (file as NSString).deletingLastPathComponent
        return normalized(folder.isEmpty ? path : folder + "/" + path)
    }

    package static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
