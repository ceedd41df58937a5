import Diagnostics
import PrereqGraph
import PrereqMessages
import PrereqModel

extension EnvironmentFacts {
    /// The channels of the environment: the snapshot's `channels`, else those its `channelInfo`
    /// lists (empty when it gives neither).
    package var channelNames: [String] {
        snapshot.channels?.map(\.value) ?? snapshot.channelInfo.map(\.channel.value)
    }

    /// The values an attribute has, as text: the environment's, or one per channel for a
    /// channel attribute (`channelNames`; with `channel`, that channel's only). Nil values are
    /// not given.
    package func attributeValues(_ a: Int, in channel: String? = nil) -> [PlacedValue] {
        let attribute = graph.pack.attributes[a]
        let key = attribute.id.value.lowercased()
        guard attribute.scope == .channel else { return [(nil, environmentAttribute(key))] }
        let info = snapshot.channelInfo
        let channels = channel.map { [$0] } ?? channelNames
        guard !channels.isEmpty else { return [(nil, nil)] }
        return channels.map { c in
            let entry = info.first { $0.channel.value.lowercased() == c.lowercased() }
            let value = entry?.attributes.first { $0.key.lowercased() == key }?.value
            return (c, value.map { Located($0.value.asText, at: $0.location) })
        }
    }

    /// The header field an environment attribute reads (its id lowercased).
    private func environmentAttribute(_ key: String) -> Located<SettingValue>? {
        let text = { (v: Located<String>?) in v.map { Located(SettingValue.string($0.value), at: $0.location) } }
        switch key {
        case "environment": return text(snapshot.environment)
        case "region": return text(snapshot.region)
        case "deployment": return text(snapshot.deployment)
        case "kind": return text(snapshot.kind)
        case "timezone": return text(snapshot.timeZone)
        case "legalentities":
            guard let entities = snapshot.legalEntities else { return nil }
            return Located(.list(entities.map { .string($0.value) }), at: entities.first?.location ?? snapshot.header ?? snapshot.location)
        default: return nil
        }
    }

    /// Whether the attribute passes every test wherever it applies (nil: some value is not given).
    package func attributeMeets(_ a: Int, _ tests: [ValueTest]) -> Bool? {
        PlacedValues.meet(attributeValues(a), tests.map { ($0.test.asText, $0.negated) })
    }
}

/// What an attribute condition comes to where the snapshot stands: its truth, the sentence
/// saying it, and the snapshot line it rests on.
package struct AttributeVerdict {
    package var truth: Truth
    package var message: String
    package var snapshot: SourceLocation?
    /// Where the missing values are, for the step that asks for them (unknown only).
    package var missing: String?
    /// The channels the verdict is about (those that rule it out, or do not say); empty for
    /// the environment.
    package var channels: [String] = []
}

extension Evaluator {
    func attributeName(_ a: Int) -> String { pack.attributes[a].displayName(in: language.tag) }

    /// The verdict on attribute a passing the test (failing it, `negated`) for `owner`: a value
    /// that does not pass rules the feature out where it stands (no step can change it).
    package func attributeVerdict(_ a: Int, _ written: ValueCondition.Test, negated: Bool, owner: Int) -> AttributeVerdict {
        let attribute = pack.attributes[a]
        let name = attributeName(a)
        let ownerName = featureName(owner)
        let test = written.asText
        let field = attribute.scope == .channel ? attribute.id.value : Attribute.environmentField(attribute.id.value) ?? attribute.id.value
        let source = messages.attributeSource(field, perChannel: attribute.scope == .channel)
        let checks = facts.attributeValues(a, in: focus)
        let channelList = PlacedValues.channels
        let wrong = checks.filter { $0.value.map { !test.holds(for: $0.value, negated: negated) } ?? false }
        if let first = wrong.first?.value {
            // One sentence per value that rules it out, with the channels that have it.
            let sentences = PlacedValues.byValue(wrong).map {
                messages.attributeCondition(
                    name, test, negated: negated, has: $0.value, in: $0.channels.isEmpty ? nil : $0.channels.joined(separator: ", "), source: source,
                    for: ownerName, .violated)
            }
            return AttributeVerdict(truth: .violated, message: sentences.joined(separator: "; "), snapshot: first.location, channels: wrong.compactMap(\.channel))
        }
        let missing = checks.filter { $0.value == nil }
        if !missing.isEmpty {
            let channels = channelList(missing)
            return AttributeVerdict(
                truth: .unknown, message: messages.attributeCondition(name, test, negated: negated, has: nil, in: channels, source: source, for: ownerName, .unknown),
                snapshot: nil, missing: messages.missingAttribute(name, source: source, in: channels), channels: missing.compactMap(\.channel))
        }
        let has = checks.first?.value
        return AttributeVerdict(
            truth: .satisfied, message: messages.attributeCondition(name, test, negated: negated, has: has?.value, in: nil, source: source, for: ownerName, .satisfied),
            snapshot: has?.location)
    }

    /// "Attribute a passes the test" wherever it applies: a cause of kind `attribute` with no
    /// fix when it does not, a `provide-data` step when the snapshot does not give it.
    package mutating func attributeConditionNode(_ a: Int, _ test: ValueCondition.Test, negated: Bool, rule: SourceLocation, owner: Int) -> Int {
        memoisedNode(inFocus(.attribute(a, test, negated: negated))) { e in
            let verdict = e.attributeVerdict(a, test, negated: negated, owner: owner)
            let id = e.pack.attributes[a].id.value
            let name = e.attributeName(a)
            let evidence = Evidence(snapshot: verdict.snapshot, rule: rule)
            let n: Int
            switch verdict.truth {
            case .unknown:
                n = e.add(
                    .unknown, verdict.message, cause: .missingData, subject: id, subjectName: name, evidence: evidence,
                    fix: verdict.missing.map { [e.provide($0)] } ?? [])
            case .violated, .satisfied:
                n = e.add(
                    verdict.truth, e.words(verdict.truth) ? verdict.message : "", cause: .attribute, subject: id, subjectName: name, evidence: evidence)
            }
            e.nodes[n].channels = verdict.channels
            return n
        }
    }
}
