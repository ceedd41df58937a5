import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// `takesEffect.settleFrom: {records: check}`: the settle time counts from the newest row the
/// record check counts.
extension RuleDocumentDecoder {
    mutating func settleFrom(_ node: YAMLNode, settle: Bool, _ what: () -> String) -> Located<String>? {
        let label = messages.field("settleFrom", of: what())
        let fields = decoder.fields(node, label, allowed: ["records"])
        guard let records = fields["records"] else {
            decoder.report(.error("schema-missing", messages.settleFromNeedsRecords, at: node.location))
            return nil
        }
        guard settle else {
            decoder.report(.error("schema-missing", messages.settleFromNeedsSettle, at: node.location))
            return nil
        }
        return decoder.identifier(records, label)
    }
}
