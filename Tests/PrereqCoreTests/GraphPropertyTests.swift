import Foundation
import PrereqBasics
import PrereqCore
import Testing

/// `prereq graph` on generated packs (every condition kind, nested at random, names made of
/// hostile text) and snapshots: the DOT and the Mermaid are well formed (quotes and brackets
/// balanced, ids unique, every edge between declared nodes, nothing but the known line forms),
/// draw the same nodes and edges, carry no text that could act (a Mermaid directive, a
/// backtick, markup, a bar or quote that ends a label, a line break inside a DOT string), and
/// are the same bytes every time. `PREREQ_PROPERTY_CASES=2000 swift test --filter
/// GraphPropertyTests` runs more cases.
@Suite struct GraphPropertyTests {
    static var cases: Int {
        ProcessInfo.processInfo.environment["PREREQ_PROPERTY_CASES"].flatMap(Int.init) ?? 40
    }

    @Test func generatedPacksDrawWellFormedDeterministicGraphs() {
        var failures: [String] = []
        for seed in 0..<UInt64(Self.cases) {
            let c = GraphCase(seed: seed)
            let problems = Self.problems(c)
            if !problems.isEmpty { failures.append("seed \(seed):\n" + problems.joined(separator: "\n") + "\n\(c.pack)") }
            if failures.count >= 3 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    @Test func injectedLabelsAreEscaped() {
        for seed in 0..<UInt64(10) {
            let c = GraphCase(seed: seed, hostile: true)
            let f = facts(pack: c.pack, snapshot: c.snapshot)
            for language in [Language.english, .brazilianPortuguese] {
                let export = GraphExport(graph: f.graph, language: language)
                let mermaid = export.render(.mermaid, facts: f)
                // A quote, bar or bracket from a name cannot end a label: the line forms say so.
                for forbidden in ["%%", "`", "<script"] { #expect(!mermaid.contains(forbidden), "seed \(seed): Mermaid carries \(forbidden)") }
                #expect(Self.mermaidProblems(mermaid).isEmpty, "seed \(seed): \(Self.mermaidProblems(mermaid))")
                let dot = export.render(.dot, facts: f)
                #expect(Self.dotProblems(dot).isEmpty, "seed \(seed): \(Self.dotProblems(dot))")
            }
        }
        // Each hostile name on a feature, as each format writes it.
        var yaml = "prereq: 1\nfeatures:\n"
        for (i, name) in GraphCase.hostileNames.enumerated() { yaml += "  h\(i): {name: \(GraphCase.quoted(name))}\n" }
        let (p, _) = pack(yaml)
        let export = GraphExport(graph: RuleGraph(p), language: .english)
        let mermaid = export.render(.mermaid), dot = export.render(.dot)
        for written in ["Say #quot;hi#quot;", "#37;#37;{init: {'theme': 'dark'}}#37;#37; A", "#96;**B**#96;", "#lt;script#gt;alert(1)#lt;/script#gt;", "two lines",
                        "#quot;] --#gt; n0[ x", "a#124;b", "#35;quot; #35;35;", #"back\slash"#] {
            #expect(mermaid.contains("\"\(written)\""), "Mermaid writes \(written)")
        }
        for written in [#"Say \"hi\""#, #"two\nlines"#, #"\"] --> n0[ x"#, #"back\\slash"#, "}{ ; n0 -> n1"] {
            #expect(dot.contains("label=\"\(written)\""), "DOT writes \(written)")
        }
    }

    static func problems(_ c: GraphCase) -> [String] {
        let f = facts(pack: c.pack, snapshot: c.snapshot)
        let again = facts(pack: c.pack, snapshot: c.snapshot)
        var out: [String] = []
        let export = GraphExport(graph: f.graph, language: .english)
        let focus = f.graph.pack.features.indices.first
        for (feature, colours) in [(nil, nil), (focus, nil), (nil, f), (focus, f)] as [(Int?, EnvironmentFacts?)] {
            let mermaid = export.render(.mermaid, feature: feature, facts: colours)
            let dot = export.render(.dot, feature: feature, facts: colours)
            out += mermaidProblems(mermaid).map { "mermaid: \($0)" } + dotProblems(dot).map { "dot: \($0)" }
            let repeated = GraphExport(graph: again.graph, language: .english)
            if repeated.render(.mermaid, feature: feature, facts: colours.map { _ in again }) != mermaid { out.append("Mermaid differs between runs") }
            if repeated.render(.dot, feature: feature, facts: colours.map { _ in again }) != dot { out.append("DOT differs between runs") }
            let count = { (text: String, pattern: Regex<Substring>) in text.split(separator: "\n").filter { $0.wholeMatch(of: pattern) != nil }.count }
            if count(mermaid, #/  n\d+[^ \d].*/#) != count(dot, #/  n\d+ \[.*/#) { out.append("DOT and Mermaid draw different nodes") }
            if count(mermaid, #/  n\d+ .*/#) != count(dot, #/  n\d+ -> .*/#) { out.append("DOT and Mermaid draw different edges") }
        }
        return out
    }

    /// Every line of a Mermaid drawing in one of the forms `GraphExport` writes.
    static func mermaidProblems(_ text: String) -> [String] {
        var out: [String] = []
        let closing = ["[": "]", "([": "])", "((": "))", "{{": "}}", "[/": "/]", "[\\": "\\]", "[[": "]]", "[(": ")]", ">": "]"]
        var declared = Set<Int>()
        var edges: [(Int, Int)] = []
        var open = 0
        func checkLabel(_ label: Substring) {
            if label.contains(where: { "\"`%<>|\n\r".contains($0) }) { out.append("label carries markup: \(label)") }
            for i in label.indices where label[i] == "#" && label[i...].prefixMatch(of: #/#(\d+|quot|lt|gt);/#) == nil {
                out.append("a # that is no entity code: \(label)")
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first != "flowchart LR" { out.append("no flowchart header") }
        if lines.last != "" { out.append("no final line break") }
        for line in lines.dropFirst().dropLast() {
            if let m = line.wholeMatch(of: #/  n(\d+)(\[\/|\[\\|\[\[|\[\(|\(\[|\(\(|\{\{|\[|>)"([^"]*)"(\]\)|\)\)|\}\}|\/\]|\\\]|\]\]|\)\]|\])/#) {
                if !declared.insert(Int(m.1) ?? -1).inserted { out.append("id n\(m.1) declared twice") }
                if closing[String(m.2)] != String(m.4) { out.append("shape \(m.2) closed by \(m.4)") }
                checkLabel(m.3)
            } else if let m = line.wholeMatch(of: #/  n(\d+) (-->|-\.->|--x|x--x)(?:\|"([^"]*)"\|)? n(\d+)/#) {
                edges.append((Int(m.1) ?? -1, Int(m.4) ?? -1))
                if let label = m.3 { checkLabel(label) }
            } else if let m = line.wholeMatch(of: #/  subgraph legend\["([^"]*)"\]/#) {
                open += 1
                checkLabel(m.1)
            } else if let m = line.wholeMatch(of: #/    legend\d+\["([^"]*)"\]:::(on|off|blocking|unknown|notInEffect)/#) {
                checkLabel(m.1)
            } else if line == "  end" {
                open -= 1
            } else if line.wholeMatch(of: #/  classDef (on|off|blocking|unknown|notInEffect) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}(,stroke-width:3px|,stroke-dasharray:5 3)?/#) != nil {
                continue
            } else if let m = line.wholeMatch(of: #/  class (n\d+(?:,n\d+)*) (on|off|blocking|unknown|notInEffect)/#) {
                for id in m.1.split(separator: ",") where !declared.contains(Int(id.dropFirst()) ?? -1) { out.append("class of undeclared \(id)") }
            } else {
                out.append("unexpected line: \(line)")
            }
        }
        if open != 0 { out.append("subgraph not closed") }
        for (a, b) in edges where !declared.contains(a) || !declared.contains(b) { out.append("edge n\(a) → n\(b) between undeclared nodes") }
        return out
    }

    /// A DOT drawing: strings closed on their line, brackets and braces balanced outside them,
    /// nodes and edges in the forms `GraphExport` writes.
    static func dotProblems(_ text: String) -> [String] {
        var out: [String] = []
        var inString = false, escaped = false, depth = 0
        for ch in text {
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false } else if ch == "\n" { out.append("line break inside a string") }
                continue
            }
            switch ch {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth < 0 { out.append("closing bracket without an opening one") }
            default: break
            }
        }
        if inString || depth != 0 { out.append("unbalanced quotes or brackets") }
        var declared = Set<Int>()
        var edges: [(Int, Int)] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first != "digraph prereq {" || lines.dropLast().last != "}" { out.append("no digraph around the drawing") }
        for line in lines.dropFirst().dropLast(2) {
            if let m = line.wholeMatch(of: #/  n(\d+) \[label="(?:[^"\\]|\\.)*"(?:, [a-z]+=(?:[a-z0-9.]+|"[a-z,]+"|"#[0-9a-f]{6}"))*\];/#) {
                if !declared.insert(Int(m.1) ?? -1).inserted { out.append("id n\(m.1) declared twice") }
            } else if let m = line.wholeMatch(of: #/  n(\d+) -> n(\d+)(?: \[.*\])?;/#) {
                edges.append((Int(m.1) ?? -1, Int(m.2) ?? -1))
            } else if line.wholeMatch(of: #/  (rankdir=LR|node \[shape=box, fontname="Helvetica"\]|edge \[fontname="Helvetica", fontsize=10\]);/#) != nil
                || line.wholeMatch(of: #/  subgraph cluster_legend \{|    label=("(?:[^"\\]|\\.)*");|    fontname="Helvetica";|    legend_\w+ \[.*\];|  \}/#) != nil {
                continue
            } else {
                out.append("unexpected line: \(line)")
            }
        }
        for (a, b) in edges where !declared.contains(a) || !declared.contains(b) { out.append("edge n\(a) → n\(b) between undeclared nodes") }
        return out
    }
}

/// One generated pack and snapshot for the graph: features whose requirements nest every
/// condition form, settings, attributes, components, record checks, manual steps and jobs, with
/// names drawn from hostile text when `hostile` (else now and then).
struct GraphCase {
    let pack: String
    let snapshot: String

    static let hostileNames = [
        #"Say "hi""#, "%%{init: {'theme': 'dark'}}%% A", "`**B**`", "<script>alert(1)</script>", "two\nlines", #""] --> n0[ x"#,
        "a|b", "#quot; #35;", #"back\slash"#, "}{ ; n0 -> n1", "«plain» Ünïcødé",
    ]

    init(seed: UInt64, hostile: Bool = false) {
        var r = SeededRandom(seed: seed)
        func name() -> String { Self.quoted(hostile || r.chance(30) ? r.pick(Self.hostileNames) : "Name \(r.below(100))") }
        let features = 2 + r.below(6)
        let jobs = 1 + r.below(3)
        var p = """
            prereq: 1
            attributes:
              region: {name: \(name()), values: [US, EU]}
            components:
              hq: {name: \(name()), productVersion: true}
              pos: {name: \(name())}
            settings:
              mode: {name: \(name()), type: string}
              size: {name: \(name()), type: int}
              shop: {name: \(name()), scope: channel}
            records:
              pending: {name: \(name()), table: T, where: {Done: 0}}
            manualSteps:
              step: {name: \(name()), text: Do it.}
            jobs:

            """
        for j in 0..<jobs { p += "  j\(j): {code: \"\(j)\", name: \(name())\(j > 0 ? ", after: [j\(j - 1)]" : "")}\n" }
        p += "features:\n"
        for f in 0..<features {
            var parts = ["name: \(name())"]
            if f + 1 < features || r.chance(50) {
                let items = (0..<(1 + r.below(3))).map { _ in Self.requirement(&r, from: f + 1, to: features, jobs: jobs, depth: 0) }
                parts.append("requires: [\(items.joined(separator: ", "))]")
            }
            if r.chance(20) { parts.append("introducedIn: 10.0.\(30 + r.below(10))") }
            if r.chance(10) { parts.append("removedIn: 10.0.\(40 + r.below(10))") }
            if r.chance(20) { parts.append("settings: {mode: \(r.pick(["A", "B"]))}") }
            if r.chance(20), f + 1 < features { parts.append("conflicts: [f\(f + 1 + r.below(features - f - 1))]") }
            if r.chance(40) { parts.append("takesEffect: {jobs: [j\(r.below(jobs))]}") }
            p += "  f\(f): {\(parts.joined(separator: ", "))}\n"
        }
        pack = p
        var s = "prereq: 1\nsnapshot: {environment: e, takenAt: 2026-11-20T10:00:00Z\(r.chance(70) ? ", version: 10.0.\(30 + r.below(15))" : "")\(r.chance(50) ? ", region: \(r.pick(["US", "EU"]))" : "")}\n"
        s += "channels: [c1]\nfeatures:\n"
        for f in 0..<features where r.chance(80) { s += "  f\(f): \(r.chance(50) ? "on" : "off")\n" }
        s += "settings:\n  mode: \(r.pick(["A", "B"]))\n  size: \(r.below(20))\n  shop: {channels: {c1: \(r.chance(50))}}\n"
        s += "components:\n  hq: 10.0.40\n  pos: 10.0.\(35 + r.below(8))\n"
        s += "jobs:\n" + (0..<jobs).map { "  \"\($0)\": {lastSuccess: 2026-11-20T09:00:00Z}\n" }.joined()
        s += "records:\n  - {table: T, where: {Done: 0}, count: \(r.below(2))}\n"
        snapshot = s
    }

    /// Text as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// A requirement naming features f\(from)..<f\(to) (so the pack has no cycle) and every other
    /// condition kind, nested up to three levels.
    static func requirement(_ r: inout SeededRandom, from: Int, to: Int, jobs: Int, depth: Int) -> String {
        let feature = from < to ? "f\(from + r.below(to - from))" : "{setting: mode, equals: A}"
        let leaves = [
            feature, feature, "{not: \(feature)}", "{setting: mode, in: [A, B]}", "{setting: size, atLeast: 3}", "{attribute: region, notIn: [EU]}",
            "{component: pos, atLeast: 10.0.38, notNewerThan: hq}", "{records: pending}", "{manual: step}", "{schedule: j0, maxInterval: 1h}",
            "{job: j\(r.below(jobs)), succeededAfter: update}",
            from < to ? "{feature: \(feature), serving: \"true\"}" : "{setting: size, atMost: 9}",
        ]
        guard depth < 3, r.chance(45) else { return r.pick(leaves) }
        let parts = (0..<(1 + r.below(3))).map { _ in requirement(&r, from: from, to: to, jobs: jobs, depth: depth + 1) }.joined(separator: ", ")
        let one = requirement(&r, from: from, to: to, jobs: jobs, depth: depth + 1)
        switch r.below(8) {
        case 0: return "{allOf: [\(parts)]}"
        case 1: return "{anyOf: [\(parts)]}"
        case 2: return "{exactlyOne: [\(parts)]}"
        case 3: return "{atLeast: 1, atMost: 2, of: [\(parts)]}"
        case 4: return "{not: \(one)}"
        case 5: return "{when: \(one), then: {anyOf: [\(parts)]}}"
        case 6: return "{anyOf: [\(parts)], severity: warning}"
        default: return "{eachChannel: {setting: shop, equals: true}, where: \(one)}"
        }
    }
}
