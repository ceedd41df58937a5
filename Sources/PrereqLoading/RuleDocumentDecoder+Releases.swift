import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// The `releases` section: the product's release train, oldest first, with the names a
/// snapshot may write for a version and the end of each release's service.
extension RuleDocumentDecoder {
    static let releaseKeys = ["version", "endOfService", "warnAhead"]

    /// `Autumn 2026: {version: 10.0.46, endOfService: 2027-10-31}`, or `10.0.38: {endOfService: …}`
    /// for a version without a name.
    mutating func decodeRelease(_ id: Located<String>, _ node: YAMLNode) {
        let what = messages.element(.release, id.value)
        let f = decoder.fields(node, what, allowed: Self.releaseKeys)
        let version: Located<ProductVersion>?
        if let v = f["version"] {
            version = decoder.version(v, messages.field("version", of: what))
        } else if let v = ProductVersion(id.value) {
            version = Located(v, at: id.location)
        } else {
            decoder.report(.error("schema-missing", messages.releaseNeedsVersion(id.value), at: id.location))
            version = nil
        }
        guard let version else { return }
        let end = f["endOfService"].flatMap { decoder.date($0, messages.field("endOfService", of: what)) }
        let ahead = f["warnAhead"].flatMap { decoder.timeSpan($0, messages.field("warnAhead", of: what)) }
        fragment.releases.append(Release(id: id, version: version, endOfService: end, warnAhead: ahead, location: node.location))
    }

    /// A bound of a component condition: dotted numbers or a release's name.
    mutating func versionReference(_ node: YAMLNode, _ what: String) -> Located<VersionReference>? {
        guard let text = decoder.identifier(node, what) else { return nil }
        return Located(VersionReference(text.value), at: text.location)
    }
}
