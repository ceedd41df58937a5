import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// The `components` section (parts of the product with versions of their own) and the
/// requirement form that puts a component's version to a test.
extension RuleDocumentDecoder {
    static let componentKeys = ["name", "productVersion", "updatedAfter", "source"]

    /// `csu: {name: Commerce Scale Unit, updatedAfter: [hq]}`.
    mutating func decodeComponent(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.component, id.value)
        let f = decoder.fields(node, what, allowed: Self.componentKeys)
        let isProduct = f["productVersion"].flatMap { decoder.bool($0, messages.field("productVersion", of: what))?.value } ?? false
        let after = f["updatedAfter"].map { decoder.identifiers($0, messages.field("updatedAfter", of: what)) } ?? []
        var component = Component(id: id, name: text(f["name"], { $0.nameOf(what) }), isProduct: isProduct, updatedAfter: after, location: node.location)
        component.source = text(f["source"], { $0.field("source", of: what) })
        fragment.components.append(component)
    }

    /// `{component: pos, atLeast: 10.0.38, atMost: Autumn 2026, notNewerThan: hq}`: at least one test.
    mutating func componentVersionCondition(
        _ value: YAMLNode, _ fields: Fields, at location: SourceLocation, _ what: () -> String
    ) -> ComponentVersionCondition? {
        guard let component = decoder.identifier(value, messages.field("component", in: what())) else { return nil }
        let (atLeastWhat, atMostWhat) = (messages.field("atLeast", in: what()), messages.field("atMost", in: what()))
        let atLeast = fields["atLeast"].map { versionReference($0, atLeastWhat) }
        let atMost = fields["atMost"].map { versionReference($0, atMostWhat) }
        let newer = fields["notNewerThan"].map { decoder.identifier($0, messages.field("notNewerThan", in: what())) }
        guard atLeast != .some(nil), atMost != .some(nil), newer != .some(nil) else { return nil }
        guard atLeast != nil || atMost != nil || newer != nil else {
            decoder.report(.error("schema-missing", messages.componentNeedsTest, at: location))
            return nil
        }
        return ComponentVersionCondition(component: component, atLeast: atLeast ?? nil, atMost: atMost ?? nil, notNewerThan: newer ?? nil, location: location)
    }
}
