import PrereqGraph

extension RuleGraph {
    /// The features switching f on also switches on: its `alsoEnables`, theirs, and so on (each
    /// once, nearest first; never f itself).
    func alsoEnabled(by f: Int) -> [Int] {
        guard !pack.features[f].alsoEnables.isEmpty else { return [] }
        var out: [Int] = []
        var reached: Set<Int> = [f]
        var i = -1
        var current = f
        while true {
            for ref in pack.features[current].alsoEnables {
                if let g = featureIndex[ref.value], reached.insert(g).inserted { out.append(g) }
            }
            i += 1
            guard i < out.count else { return out }
            current = out[i]
        }
    }
}
