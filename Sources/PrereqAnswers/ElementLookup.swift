import Diagnostics
import PrereqBasics
import PrereqGraph
import PrereqMessages
import PrereqModel

/// Finds anything a condition can name by what a person typed: a feature, job, setting or
/// record check by id, display name (any language), alias or (jobs) code, as `why` finds
/// features; an attribute, component or manual step by id or name; `version` for the product's
/// version. A name of several things is an error listing them; `kind` (as `PackElement.kind`
/// spells it) picks one kind.
public enum ElementLookup {
    public static func find(_ name: String, kind: String? = nil, in graph: RuleGraph, language: Language = .english) -> Result<PackElement, Diagnostic> {
        let messages = Messages(language)
        let pack = graph.pack
        var matches: [PackElement] = []
        var names: [String] = []
        func small<T>(_ items: [T], _ ids: (T) -> [String], _ make: (Int) -> PackElement) {
            let key = NameIndex.key(name)
            for (i, item) in items.enumerated() {
                let all = ids(item)
                names += all
                if all.contains(where: { NameIndex.key($0) == key }) { matches.append(make(i)) }
            }
        }
        matches += graph.featureNames.lookup(name).map(PackElement.feature)
        matches += graph.jobNames.lookup(name).map(PackElement.job)
        matches += graph.settingNames.lookup(name).map(PackElement.setting)
        matches += graph.recordNames.lookup(name).map(PackElement.recordCheck)
        names += graph.featureNames.names + graph.jobNames.names + graph.settingNames.names + graph.recordNames.names
        small(pack.attributes, { [$0.id.value] + ($0.name?.allTexts ?? []) }, PackElement.attribute)
        small(pack.components, { [$0.id.value] + ($0.name?.allTexts ?? []) }, PackElement.component)
        small(pack.manualSteps, { [$0.id.value] + ($0.name?.allTexts ?? []) }, PackElement.manualStep)
        if ["version", "product version"].contains(NameIndex.key(name)) {
            // The product's version is the product component's, where the pack declares one.
            if let c = pack.components.firstIndex(where: \.isProduct) {
                if !matches.contains(.component(c)) { matches.append(.component(c)) }
            } else {
                matches.append(.productVersion)
            }
        }
        if let kind { matches = matches.filter { $0.kind == kind } }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0:
            return .failure(.error("unknown-reference", messages.noElementCalled(name, suggestion: Suggestions.closest(to: name, in: names)), at: nil, help: messages.giveAnElementName))
        default:
            let listed = matches.map { "\($0.kind) \($0.id(in: pack))" }
            return .failure(.error("ambiguous-name", messages.namesSeveralElements(name, listed), at: nil, help: messages.giveTheKind))
        }
    }
}
