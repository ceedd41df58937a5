import PrereqModel

/// The pack's release train (`releases`) as answers read it: names to versions, and the
/// release that covers a version.
extension RuleGraph {
    /// Releases by name, ignoring case and surrounding spaces.
    static func releaseIndex(_ pack: RulePack) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, r) in pack.releases.enumerated() {
            let key = r.id.value.trimmingCharacters(in: .whitespaces).lowercased()
            if out[key] == nil { out[key] = i }
        }
        return out
    }

    /// The release a name stands for, if the pack declares it.
    public func release(named name: String) -> Int? {
        releaseIndex[name.trimmingCharacters(in: .whitespaces).lowercased()]
    }

    /// The version a pack's reference stands for (nil for a release the pack does not declare).
    public func version(of reference: VersionReference) -> ProductVersion? {
        switch reference {
        case .version(let v): v
        case .release(let name): release(named: name).map { pack.releases[$0].version.value }
        }
    }

    /// A version as a snapshot writes it: dotted numbers, or the name of a declared release.
    public func version(written text: String) -> ProductVersion? {
        ProductVersion(text) ?? release(named: text).map { pack.releases[$0].version.value }
    }

    /// The declared release that covers `version` (the most specific one), if any.
    public func release(covering version: ProductVersion) -> Int? {
        var best: Int?
        for (i, r) in pack.releases.enumerated() where r.covers(version) {
            if best.map({ r.version.value.components.count > pack.releases[$0].version.value.components.count }) ?? true { best = i }
        }
        return best
    }

    /// The lowest version of at least `version` that is in service at `now`: `version` itself
    /// unless the release that covers it has reached its end of service, then the first later
    /// release of the train still in service (nil when there is none).
    public func supportedVersion(atLeast version: ProductVersion, at now: Timestamp?) -> ProductVersion? {
        guard let now, let r = release(covering: version), let end = pack.releases[r].endOfService?.value, end <= now else { return version }
        return pack.releases.filter { $0.version.value > version && ($0.endOfService.map { $0.value > now } ?? true) }.map(\.version.value).min()
    }
}
