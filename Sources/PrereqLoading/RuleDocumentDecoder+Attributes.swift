import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// The `attributes` section: facts of the environment (`region`, `deployment`, …) or of each
/// channel (`scope: channel`) that conditions compare.
extension RuleDocumentDecoder {
    static let attributeKeys = ["name", "values", "scope", "source"]

    /// `region: {name: Region, values: [United States, Europe]}`; an environment attribute must
    /// be one of the fields the snapshot gives (matched ignoring case).
    mutating func decodeAttribute(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.attribute, id.value)
        let f = decoder.fields(node, what, allowed: Self.attributeKeys)
        let scope = f["scope"].flatMap { decoder.oneOf($0, messages.field("scope", of: what), as: SettingScope.self) } ?? .environment
        if scope == .environment, Attribute.environmentField(id.value) == nil {
            decoder.report(
                .error(
                    "schema-value", messages.unknownEnvironmentAttribute(id.value, known: Attribute.environmentFields), at: id.location,
                    help: messages.unknownEnvironmentAttributeHelp))
            return
        }
        var values: [Located<String>] = []
        if let list = f["values"].flatMap({ decoder.list($0, messages.field("values", of: what)) }) {
            values = list.compactMap { item in
                decoder.settingValue(item, messages.field("values", of: what)).map { Located($0.description, at: item.location) }
            }
        }
        var attribute = Attribute(id: id, name: text(f["name"], { $0.nameOf(what) }), values: values, scope: scope, location: node.location)
        attribute.source = text(f["source"], { $0.field("source", of: what) })
        fragment.attributes.append(attribute)
    }
}
