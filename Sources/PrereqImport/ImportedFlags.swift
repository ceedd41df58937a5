import Diagnostics

/// The flag platforms `prereq import` reads.
public enum FlagPlatform: String, Sendable, CaseIterable {
    case launchDarkly = "launchdarkly"
    case unleash
    case growthBook = "growthbook"

    /// The platform's name as people write it (the `system` of imported features).
    public var displayName: String {
        switch self {
        case .launchDarkly: "LaunchDarkly"
        case .unleash: "Unleash"
        case .growthBook: "GrowthBook"
        }
    }
}

/// What an imported feature requires, in platform-neutral terms.
public enum ImportedRequirement: Sendable, Hashable {
    /// The parent is on.
    case on(String)
    /// The parent is off.
    case off(String)
    /// The parent is on and serves one of these values (one value: `serving`; more: `anyOf`).
    case serving(String, [String])
    /// The flag itself serves `value` only when one of `ways` holds (each all of its items):
    /// the rules that can serve it apply only under these conditions on other flags. Written as
    /// `{when: {feature: FLAG, serving: value}, then: …}`.
    indirect case servesOnlyWhen(flag: String, value: String, ways: [[ImportedRequirement]])
}

/// A requirement only some environments have (the platform keeps prerequisites per
/// environment): the pack writes it as `{when: {attribute: environment, in: [...]}, then: R}`.
public struct EnvironmentRequirement: Sendable, Hashable {
    public var requirement: ImportedRequirement
    /// The environments (as the snapshots name them) where the flag has it, in input order.
    public var environments: [String]
}

/// A flag as the platform defines it, with what the rule pack says about it.
public struct ImportedFlag: Sendable, Hashable {
    public var key: String
    public var description: String?
    /// Every value it can serve, as text; nil when the platform does not say.
    public var variations: [String]?
    public var offVariation: String?
    public var archived = false
    /// What it requires in every environment that defines it.
    public var requires: [ImportedRequirement] = []
    /// What it requires in some environments only.
    public var requiresIn: [EnvironmentRequirement] = []
    /// What the pack cannot say about it (each also reported as an import finding).
    public var notes: [String] = []

    public init(key: String, description: String? = nil, variations: [String]? = nil, offVariation: String? = nil) {
        self.key = key
        self.description = description
        self.variations = variations
        self.offVariation = offVariation
    }
}

/// A flag's state in one environment: on or off, and what it serves when on (nil: depends on
/// targeting, so unknown).
public struct ImportedState: Sendable, Hashable {
    public var enabled: Bool
    public var served: String?

    public init(enabled: Bool, served: String? = nil) {
        self.enabled = enabled
        self.served = served
    }
}

/// One environment's states, in the input's order.
public struct ImportedEnvironment: Sendable {
    public var name: String
    public var states: [(key: String, state: ImportedState)]

    public init(name: String, states: [(key: String, state: ImportedState)] = []) {
        self.name = name
        self.states = states
    }
}

/// Everything an import read: the flags (the rule pack), the environments (the snapshots) and
/// what it could not represent.
public struct ImportResult: Sendable {
    public var platform: FlagPlatform
    public var flags: [ImportedFlag] = []
    public var environments: [ImportedEnvironment] = []
    /// `import-unsupported` warnings, one per note written into the pack.
    public var findings: [Diagnostic] = []

    public init(platform: FlagPlatform) {
        self.platform = platform
    }

    /// Sets a flag's requirements from each environment's own (the environments that define the
    /// flag, in input order): those all of them have stay plain, the others are kept with the
    /// environments that have them, so no environment's prerequisites are lost.
    mutating func setRequirements(of index: Int, perEnvironment: [(environment: String, requires: [ImportedRequirement])]) {
        var seen: [ImportedRequirement] = []
        for (_, requires) in perEnvironment {
            for r in requires where !seen.contains(r) { seen.append(r) }
        }
        for r in seen {
            let having = perEnvironment.filter { $0.requires.contains(r) }.map(\.environment)
            if having.count == perEnvironment.count {
                flags[index].requires.append(r)
            } else {
                flags[index].requiresIn.append(EnvironmentRequirement(requirement: r, environments: having))
            }
        }
    }

    /// Whether some flag has prerequisites in some environments only.
    public var requirementsDifferByEnvironment: Bool { flags.contains { !$0.requiresIn.isEmpty } }

    /// Adds a note to a flag and the matching finding.
    mutating func note(_ text: String, flag index: Int) {
        guard !flags[index].notes.contains(text) else { return }
        flags[index].notes.append(text)
        findings.append(
            Diagnostic(
                code: "import-unsupported", severity: .warning, message: "\(flags[index].key): \(text)",
                location: nil, subject: flags[index].key))
    }
}
