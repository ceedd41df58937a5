import Diagnostics
import PrereqMessages
import PrereqModel

/// `impossible-versions` (an error): the component conditions a feature needs all of
/// cannot hold together — a component bounded below above its own upper bound, or above the
/// upper bound of a component it may not be newer than (following `notNewerThan` through
/// further components). A feature's own minimum version bounds the product's component.
enum ComponentWindowCheck {
    private struct Bound {
        var version: ProductVersion
        var location: SourceLocation
    }

    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        guard !graph.pack.components.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let features = graph.pack.features
        for i in features.indices {
            guard let requires = features[i].requires else { continue }
            // Without an upper bound no window can be empty (most features have none).
            let conditions = conjunctiveConditions(requires)
            guard conditions.contains(where: { $0.atMost != nil }) else { continue }
            var lower: [Int: Bound] = [:], upper: [Int: Bound] = [:]
            var notNewerThan: [Int: [Int]] = [:]
            for c in conditions {
                guard let comp = graph.componentIndex[c.component.value] else { continue }
                if let b = c.atLeast, let v = graph.version(of: b.value), lower[comp].map({ v > $0.version }) ?? true { lower[comp] = Bound(version: v, location: b.location) }
                if let b = c.atMost, let v = graph.version(of: b.value), upper[comp].map({ v < $0.version }) ?? true { upper[comp] = Bound(version: v, location: b.location) }
                if let other = c.notNewerThan.flatMap({ graph.componentIndex[$0.value] }) { notNewerThan[comp, default: []].append(other) }
            }
            if let minimum = features[i].declaredMinimum {
                for (comp, component) in graph.pack.components.enumerated() where component.isProduct && lower[comp].map({ minimum.value > $0.version }) ?? true {
                    lower[comp] = Bound(version: minimum.value, location: minimum.location)
                }
            }
            for (comp, low) in lower.sorted(by: { $0.key < $1.key }) {
                // The components this one may not be newer than, and those beyond, breadth first.
                var path: [Int: [Int]] = [comp: []]
                var queue = [comp]
                var found: (Int, [Int])?
                while !queue.isEmpty, found == nil {
                    let x = queue.removeFirst()
                    if let high = upper[x], low.version > high.version { found = (x, path[x] ?? []) }
                    for y in notNewerThan[x] ?? [] where path[y] == nil {
                        path[y] = (path[x] ?? []) + [y]
                        queue.append(y)
                    }
                }
                guard let (x, through) = found, let high = upper[x] else { continue }
                let name = { (i: Int) in graph.pack.components[i].displayName(in: messages.language.tag) }
                out.append(
                    Diagnostic(
                        code: "impossible-versions", severity: .error,
                        message: messages.impossibleVersionWindow(
                            messages.element(.feature, features[i].id.value), component: name(comp), atLeast: low.version, atMost: high.version, through: through.map(name)),
                        location: low.location, related: [RelatedLocation(high.location, messages.boundHere)], help: messages.impossibleVersionWindowHelp,
                        subject: features[i].id.value))
            }
        }
        return out
    }

    /// The component conditions that must all hold: those reached through all-of only.
    private static func conjunctiveConditions(_ r: Requirement) -> [ComponentVersionCondition] {
        r.collectThroughAllOf { if case .gate(.version(let c)) = $0 { c } else { nil } }
    }
}
