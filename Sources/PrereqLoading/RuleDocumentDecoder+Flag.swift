import Diagnostics
import PrereqModel
import PrereqYAML

extension RuleDocumentDecoder {
    /// A feature's `flag:`: `{platform: unleash, variations: [a, b], offVariation: a, archived: true}`.
    mutating func flagFacts(_ node: YAMLNode, _ what: () -> String) -> FlagFacts {
        let place = messages.field("flag", of: what())
        let f = decoder.fields(node, place, allowed: FlagFacts.keys)
        let variations: [Located<SettingValue>]? = f["variations"].map { list in
            let field = messages.field("variations", of: place)
            return (decoder.list(list, field) ?? []).compactMap { item in
                decoder.settingValue(item, field).map { Located($0, at: item.location) }
            }
        }
        return FlagFacts(
            platform: f["platform"].flatMap { decoder.identifier($0, messages.field("platform", of: place)) }
                .map { Located($0.value.lowercased(), at: $0.location) },
            variations: variations,
            offVariation: f["offVariation"].flatMap { n in
                decoder.settingValue(n, messages.field("offVariation", of: place)).map { Located($0, at: n.location) }
            },
            archived: f["archived"].flatMap { decoder.bool($0, messages.field("archived", of: place)) },
            location: node.location)
    }
}
