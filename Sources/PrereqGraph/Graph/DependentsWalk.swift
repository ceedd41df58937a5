import PrereqModel

/// An element reached from what `prereq impact` starts from, by the shortest chain of uses.
public struct Dependent: Sendable {
    public var element: PackElement
    /// The uses from the start to this element, the start's first (`path[0].used` is where the
    /// walk began, `path.last.user` this element).
    public var path: [Dependency]
    /// What the start switched off (stopped, failing, changed) does to this element.
    public var effect: Dependency.Effect

    /// 1 for a direct use, more for uses through other elements.
    public var distance: Int { path.count }
}

extension DependencyIndex {
    /// Every element that uses one of `sources`, directly or through other elements, nearest
    /// first (breadth first; in one distance, in the order found, uses in pack order). Each
    /// element comes once, by its shortest chain, with the strongest effect among the chains of
    /// that length. A chain stops where nothing follows (`Dependency.Effect.then`): a feature
    /// that stops working stays on, so what needs it off is unchanged.
    public func dependents(of sources: [PackElement]) -> [Dependent] {
        var out: [Dependent] = []
        var position: [PackElement: Int] = [:]
        let start = Set(sources)
        var frontier: [(element: PackElement, path: [Dependency], effect: Dependency.Effect?)] = sources.map { ($0, [], nil) }
        while !frontier.isEmpty {
            var next: [(element: PackElement, path: [Dependency], effect: Dependency.Effect?)] = []
            var found: [PackElement: Int] = [:]
            for (element, path, effect) in frontier {
                for use in uses(of: element) where !start.contains(use.user) && position[use.user] == nil {
                    guard let combined = effect.map({ $0.then(use.effect) }) ?? use.effect else { continue }
                    if let i = found[use.user] {
                        if combined < next[i].effect ?? .warns { next[i] = (use.user, path + [use], combined) }
                        continue
                    }
                    found[use.user] = next.count
                    next.append((use.user, path + [use], combined))
                }
            }
            for (element, path, effect) in next {
                position[element] = out.count
                out.append(Dependent(element: element, path: path, effect: effect ?? .breaks))
            }
            frontier = next
        }
        return out
    }
}
