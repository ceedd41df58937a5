import PrereqModel

extension Evaluator {
    /// Why flag y serves `served`, when that is its off variation while it is on: its own
    /// prerequisites do not hold (a flag platform then serves the off variation). The node of
    /// those requirements, to stand below "y serves …" so that answers go down to the root and
    /// plans meet them first; none when y has no `flag.offVariation`, is not on, serves
    /// another value, or its requirements hold.
    mutating func offVariationCauses(_ y: Int, served: SettingValue) -> [Int] {
        let feature = pack.features[y]
        guard let off = feature.flag?.offVariation, let r = feature.requires, facts.isOn(y) == true,
            ValueCondition.Test.serving(off.value).holds(for: served)
        else { return [] }
        let n = requirementNode(r, owner: y)
        return nodes[n].truth == .satisfied ? [] : [n]
    }
}
