import Diagnostics
import PrereqModel

/// One value of a fact where it applies: in a channel for a fact judged per channel, else for
/// the environment (`channel` nil); `value` nil where the snapshot does not give it.
package typealias PlacedValue = (channel: String?, value: Located<SettingValue>?)

/// What settings and attributes share when their values are put to tests, place by place.
package enum PlacedValues {
    /// Whether every place passes every test (nil: none fails, but some value is not given).
    package static func meet(_ places: [PlacedValue], _ tests: [ValueTest]) -> Bool? {
        var unknown = false
        for place in places {
            guard let v = place.value?.value else {
                unknown = true
                continue
            }
            if !tests.allSatisfy({ $0.test.holds(for: v, negated: $0.negated) }) { return false }
        }
        return unknown ? nil : true
    }

    /// The channels of `places`, joined for a sentence; nil when none is a channel.
    package static func channels(_ places: [PlacedValue]) -> String? {
        let names = places.compactMap(\.channel)
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// The given values of `places`, each once, in order, with the channels that have it.
    package static func byValue(_ places: [PlacedValue]) -> [(value: SettingValue, channels: [String])] {
        var out: [(value: SettingValue, channels: [String])] = []
        for place in places {
            guard let v = place.value?.value else { continue }
            if let i = out.firstIndex(where: { $0.value == v }) {
                if let c = place.channel { out[i].channels.append(c) }
            } else {
                out.append((v, place.channel.map { [$0] } ?? []))
            }
        }
        return out
    }
}
