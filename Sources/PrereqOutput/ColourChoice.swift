
/// `--color auto|always|never`: whether text output is coloured.
public enum ColourChoice: String, Sendable, CaseIterable {
    case auto, always, never

    /// `always` and `never` decide alone. `auto` colours only a terminal, and not when
    /// `NO_COLOR` is set to something (an empty `NO_COLOR` counts as unset, as no-color.org
    /// says) or `TERM` is `dumb`.
    public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}
