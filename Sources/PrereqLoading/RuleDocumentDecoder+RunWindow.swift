import Diagnostics
import PrereqMessages
import PrereqModel
import PrereqYAML

/// A job's `runWindow`: `{from: "01:00", to: "06:00"}` or `{outside: storeHours}`.
extension RuleDocumentDecoder {
    mutating func runWindow(_ node: YAMLNode, _ what: String) -> RunWindow? {
        let fields = decoder.fields(node, what, allowed: ["from", "to", "outside"])
        if let outside = fields["outside"] {
            guard fields["from"] == nil, fields["to"] == nil else {
                decoder.report(.error("schema-value", messages.runWindowEitherOr, at: node.location))
                return nil
            }
            return decoder.identifier(outside, messages.field("outside", in: what)).map { RunWindow(hours: .outside($0.value), location: node.location) }
        }
        guard let fromNode = fields["from"], let toNode = fields["to"] else {
            decoder.report(.error("schema-missing", messages.runWindowNeedsHours, at: node.location))
            return nil
        }
        var minutes: [Int] = []
        for (key, n) in [("from", fromNode), ("to", toNode)] {
            guard let text = decoder.string(n, messages.field(key, in: what)) else { return nil }
            guard let m = RunWindow.minuteOfDay(text.value) else {
                decoder.report(.error("schema-value", messages.notTimeOfDay(text.value, for: messages.field(key, in: what)), at: text.location))
                return nil
            }
            minutes.append(m)
        }
        guard minutes[0] != minutes[1] else {
            decoder.report(.error("schema-value", messages.runWindowEmpty, at: node.location))
            return nil
        }
        return RunWindow(hours: .between(from: minutes[0], to: minutes[1]), location: node.location)
    }
}
