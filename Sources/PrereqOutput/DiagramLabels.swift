import PrereqEvaluation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// The words on a `ConditionDiagram`'s nodes and edges, in the answer's language: display names
/// of the pack's definitions (ids when they have none) and the catalog's words for the rest.
/// Raw: the DOT and Mermaid writers escape them.
struct DiagramLabels {
    let graph: RuleGraph
    let messages: Messages
    var tag: String { messages.language.tag }

    func node(_ kind: ConditionDiagram.Kind) -> String {
        let pack = graph.pack
        switch kind {
        case .feature(let f): return pack.features[f].displayName(in: tag)
        case .job(let j): return pack.jobs[j].displayName(in: tag)
        case .undefined(let id): return messages.pictureUndefined(id)
        case .logic(let logic):
            switch logic {
            case .allOf: return messages.pictureAllOf
            case .anyOf: return messages.pictureAnyOf
            case .not: return messages.pictureNot
            case .count(let min, let max): return messages.pictureCount(min: min, max: max)
            case .when: return messages.pictureWhen
            case .recommended: return messages.pictureRecommended
            case .eachChannel: return messages.pictureEachChannel
            }
        case .setting(let id, let test): return messages.pictureCondition(setting(id), test)
        case .attribute(let id, let test):
            return messages.pictureCondition(graph.attributeIndex[id].map { pack.attributes[$0].displayName(in: tag) } ?? id, test)
        case .productAtLeast(let v): return messages.pictureProductAtLeast(v)
        case .productBelow(let v): return messages.pictureProductBelow(v)
        case .componentVersion(let c):
            return messages.pictureComponent(
                component(c.component.value), atLeast: c.atLeast?.value, atMost: c.atMost?.value, notNewerThan: c.notNewerThan.map { component($0.value) })
        case .records(let id): return graph.recordIndex[id].map { pack.records[$0].displayName(in: tag) } ?? id
        case .manual(let id): return graph.manualIndex[id].map { pack.manualSteps[$0].displayName(in: tag) } ?? id
        case .schedule(let id, let maxInterval): return messages.conditionSchedule(job(id), maxInterval: maxInterval)
        case .event(let c):
            let event: String
            switch c.event {
            case .update: event = messages.eventUpdate
            case .setting(let s): event = messages.eventSettingChanged(setting(s.value))
            case .component(let id): event = messages.eventComponentUpdated(component(id.value))
            }
            switch c.kind {
            case .succeededAfter: return messages.conditionSucceededAfter(job(c.subject.value), event: event)
            case .enabledBefore:
                return messages.conditionEnabledBefore(graph.featureIndex[c.subject.value].map { pack.features[$0].displayName(in: tag) } ?? c.subject.value, event: event)
            }
        }
    }

    /// The words on an edge, if any.
    func edge(_ e: ConditionDiagram.Edge) -> String? {
        let words = [kindWords(e.kind), e.serving.map(messages.pictureTest)].compactMap { $0 }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private func kindWords(_ kind: ConditionDiagram.EdgeKind) -> String? {
        switch kind {
        case .requires, .alternative, .negated, .recommends: return nil
        case .condition: return messages.edgeIf
        case .scope: return messages.edgeWhere
        case .then: return messages.edgeThen
        case .conflicts: return messages.edgeConflicts
        case .takesEffect: return messages.edgeThenRun
        case .after: return messages.edgeAfter
        case .afterState(let state): return messages.edgeAfterState(state)
        case .createdBy: return messages.edgeCreatedBy
        }
    }

    /// The legend's words for each state, in the legend's order.
    func legend(_ state: DiagramState) -> String {
        switch state {
        case .on: messages.legendOn
        case .off: messages.legendOff
        case .blocking: messages.legendBlocking
        case .unknown: messages.legendUnknown
        case .notInEffect: messages.legendNotInEffect
        }
    }

    private func setting(_ id: String) -> String { graph.settingIndex[id].map { graph.pack.settings[$0].displayName(in: tag) } ?? id }
    private func component(_ id: String) -> String { graph.componentIndex[id].map { graph.pack.components[$0].displayName(in: tag) } ?? id }
    private func job(_ id: String) -> String { graph.jobIndex[id].map { graph.pack.jobs[$0].displayName(in: tag) } ?? id }
}
