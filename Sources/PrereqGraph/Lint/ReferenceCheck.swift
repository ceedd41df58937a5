import Diagnostics
import PrereqBasics
import PrereqMessages
import PrereqModel

/// Every reference to a feature, setting, attribute, job, record check, manual step, component or release that the pack does not define,
/// at the line of the reference, with the closest defined id as a suggestion.
package enum ReferenceCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pack = graph.pack
        // The defined ids of each kind, prepared once for suggestions (only if one is needed).
        var suggestions: [ElementKind: SuggestionIndex] = [:]
        let releaseIds = IdIndex(pack.releases.map(\.id.value))
        func check(_ ref: Located<String>, _ kind: ElementKind, _ index: IdIndex, from owner: ElementKind, _ ownerId: String) {
            guard index[ref.value] == nil else { return }
            if suggestions[kind] == nil { suggestions[kind] = SuggestionIndex(index.distinctIds.sorted()) }
            let suggestion = suggestions[kind]?.closest(to: ref.value)
            out.append(
                Diagnostic(
                    code: "unknown-reference", severity: .error,
                    message: messages.unknownReference(from: messages.element(owner, ownerId), kind: kind, id: ref.value, suggestion: suggestion),
                    location: ref.location, help: messages.unknownReferenceHelp(kind), subject: ownerId))
        }
        // What a condition names besides features: settings and attributes, and its gates' ids.
        func checkConditions(_ r: Requirement, from owner: ElementKind, _ ownerId: String) {
            for subject in r.valueConditions.map(\.subject) {
                switch subject {
                case .setting(let s): check(s, .setting, graph.settingIndex, from: owner, ownerId)
                case .attribute(let a): check(a, .attribute, graph.attributeIndex, from: owner, ownerId)
                case .feature: break
                }
            }
            for g in r.gates {
                switch g {
                case .records(let ref, _): check(ref, .recordCheck, graph.recordIndex, from: owner, ownerId)
                case .schedule(let j, _, _): check(j, .job, graph.jobIndex, from: owner, ownerId)
                case .manual(let ref, _): check(ref, .manualStep, graph.manualIndex, from: owner, ownerId)
                case .version(let c):
                    check(c.component, .component, graph.componentIndex, from: owner, ownerId)
                    if let other = c.notNewerThan { check(other, .component, graph.componentIndex, from: owner, ownerId) }
                    // A bound that names a release: declared under that name, ignoring case.
                    for case let bound? in [c.atLeast, c.atMost] {
                        guard case .release(let name) = bound.value, graph.release(named: name) == nil else { continue }
                        check(Located(name, at: bound.location), .release, releaseIds, from: owner, ownerId)
                    }
                case .event(let c):
                    switch c.kind {
                    case .succeededAfter: check(c.subject, .job, graph.jobIndex, from: owner, ownerId)
                    case .enabledBefore: check(c.subject, .feature, graph.featureIndex, from: owner, ownerId)
                    }
                    if case .setting(let s) = c.event { check(s, .setting, graph.settingIndex, from: owner, ownerId) }
                    if case .component(let comp) = c.event { check(comp, .component, graph.componentIndex, from: owner, ownerId) }
                }
            }
        }
        let features = pack.features
        for i in features.indices {
            let id = features[i].id.value
            // `requires` and `conflicts` were resolved with the graph's edges already.
            if graph.unresolvedFeatureReferences.contains(i) {
                features[i].requires?.forEachFeature { r, _ in check(r, .feature, graph.featureIndex, from: .feature, id) }
                for r in features[i].conflicts { check(r, .feature, graph.featureIndex, from: .feature, id) }
            }
            for r in features[i].alsoEnables { check(r, .feature, graph.featureIndex, from: .feature, id) }
            for s in features[i].settings { check(s.setting, .setting, graph.settingIndex, from: .feature, id) }
            if graph.usesConstructs[i], let r = features[i].requires { checkConditions(r, from: .feature, id) }
            if let effect = features[i].takesEffect {
                for j in effect.jobs { check(j, .job, graph.jobIndex, from: .feature, id) }
                if let r = effect.settleFrom { check(r, .recordCheck, graph.recordIndex, from: .feature, id) }
                for m in effect.manual { check(m, .manualStep, graph.manualIndex, from: .feature, id) }
            }
        }
        // A parameter's `when` is a condition of the same grammar, like `confirmedBy`.
        let parameters = pack.jobs.map { ($0.stepRules.parameters, ElementKind.job, $0.id.value) }
            + pack.manualSteps.map { ($0.stepRules.parameters, ElementKind.manualStep, $0.id.value) }
        for (list, kind, ownerId) in parameters {
            for c in list.compactMap(\.when) {
                c.forEachFeature { r, _ in check(r, .feature, graph.featureIndex, from: kind, ownerId) }
                checkConditions(c, from: kind, ownerId)
            }
        }
        // A manual step's `confirmedBy` is a condition of the same grammar; its feature
        // references are no edges of the graph, so each is looked up here.
        for m in pack.manualSteps {
            guard let c = m.confirmedBy else { continue }
            c.forEachFeature { r, _ in check(r, .feature, graph.featureIndex, from: .manualStep, m.id.value) }
            checkConditions(c, from: .manualStep, m.id.value)
        }
        for s in pack.settings {
            for j in s.takesEffect?.jobs ?? [] { check(j, .job, graph.jobIndex, from: .setting, s.id.value) }
        }
        for j in pack.jobs {
            for a in j.after { check(a, .job, graph.jobIndex, from: .job, j.id.value) }
            for o in j.afterReached { check(o.job, .job, graph.jobIndex, from: .job, j.id.value) }
            if let c = j.createdBy { check(c, .job, graph.jobIndex, from: .job, j.id.value) }
        }
        for c in pack.components {
            for a in c.updatedAfter { check(a, .component, graph.componentIndex, from: .component, c.id.value) }
        }
        for r in pack.records {
            if let c = r.clearedBy { check(c, .job, graph.jobIndex, from: .recordCheck, r.id.value) }
        }
        for q in pack.questions {
            let id = q.id.value
            if let about = q.about { check(about, .feature, graph.featureIndex, from: .question, id) }
            for c in q.checks {
                switch c {
                case .canEnable(let f), .inEffect(let f): check(f, .feature, graph.featureIndex, from: .question, id)
                case .records(let r): check(r, .recordCheck, graph.recordIndex, from: .question, id)
                case .jobsInOrder(let jobs, _): for j in jobs { check(j, .job, graph.jobIndex, from: .question, id) }
                }
            }
        }
        return out
    }
}
