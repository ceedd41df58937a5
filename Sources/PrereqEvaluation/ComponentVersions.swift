import Diagnostics
import PrereqModel

/// One instance of a component as the snapshot gives it: the name it goes by (the component's
/// own key when it has one version), its version as written, and the instance it targets (an
/// extension's `target`).
package struct ComponentInstanceVersion {
    package var name: String
    package var version: Located<String>?
    var target: String?
    var location: SourceLocation
    /// When it was last updated (`installedAt`), as written.
    var installedAt: Located<String>? = nil
}

extension EnvironmentFacts {
    /// Where the snapshot gives pack component `c` (its key matched ignoring case), if it does.
    private func componentEntry(_ c: Int) -> Int? {
        let id = graph.pack.components[c].id.value.lowercased()
        return snapshot.components.firstIndex { $0.name.value.trimmingCharacters(in: .whitespaces).lowercased() == id }
    }

    /// Whether the snapshot's `components` gives pack component `c` itself (not through the
    /// product version).
    func givesComponent(_ c: Int) -> Bool { componentEntry(c) != nil }

    /// The instances of pack component `c`; nil when the snapshot does not give the component
    /// (for the product's own component, the snapshot's `version` stands in).
    package func instances(of c: Int) -> [ComponentInstanceVersion]? {
        guard let e = componentEntry(c) else {
            guard graph.pack.components[c].isProduct, let v = snapshot.version else { return nil }
            // The product's version stands in, installed when the snapshot says the version was.
            return [ComponentInstanceVersion(
                name: graph.pack.components[c].id.value, version: Located(v.value.description, at: v.location), location: v.location,
                installedAt: snapshot.versionInstalledAt.map { Located($0.value.description, at: $0.location) })]
        }
        let entry = snapshot.components[e]
        if entry.instances.isEmpty {
            return [ComponentInstanceVersion(name: entry.name.value, version: entry.version, location: entry.name.location)]
        }
        return entry.instances.map { i in
            let field = { (key: String) in i.fields.first { $0.key == key }?.value }
            return ComponentInstanceVersion(
                name: i.name.value, version: i.version ?? field("compiledAgainst") ?? field("version"), target: field("target")?.value,
                location: i.name.location, installedAt: field("installedAt"))
        }
    }

    /// When an instance was last updated (its `installedAt` field), if the snapshot says.
    func installedAt(_ i: ComponentInstanceVersion) -> Located<Timestamp>? {
        i.installedAt.flatMap { t in Timestamp.parse(t.value).map { Located($0.timestamp, at: t.location) } }
    }

    /// Sets the version of an instance of pack component `c` (a simulated upgrade, at `moment`:
    /// its `installedAt` moves too); the product's own component and the product version move together.
    mutating func setVersion(_ version: ProductVersion, instance: String, of c: Int, at here: SourceLocation, moment: Timestamp? = nil) {
        let text = Located(version.description, at: here)
        if let e = componentEntry(c), let moment, let i = snapshot.components[e].instances.firstIndex(where: { $0.name.value == instance }) {
            let stamp = Located(moment.description, at: here)
            if let f = snapshot.components[e].instances[i].fields.firstIndex(where: { $0.key == "installedAt" }) {
                snapshot.components[e].instances[i].fields[f].value = stamp
            } else {
                snapshot.components[e].instances[i].fields.append((key: "installedAt", value: stamp))
            }
        }
        if let e = componentEntry(c) {
            if snapshot.components[e].instances.isEmpty {
                snapshot.components[e].version = text
            } else if let i = snapshot.components[e].instances.firstIndex(where: { $0.name.value == instance }) {
                // Where `instances(of:)` reads it: the version, else an extension's `compiledAgainst`.
                if snapshot.components[e].instances[i].version == nil,
                    let f = snapshot.components[e].instances[i].fields.firstIndex(where: { $0.key == "compiledAgainst" })
                {
                    snapshot.components[e].instances[i].fields[f].value = text
                } else {
                    snapshot.components[e].instances[i].version = text
                }
            }
        }
        if graph.pack.components[c].isProduct { setProductVersion(version, at: here) }
    }

    /// A simulated upgrade of the product: the product's own component, where the snapshot
    /// gives it as one version, moves with it.
    mutating func setProductVersion(_ version: ProductVersion, at here: SourceLocation) {
        snapshot.version = Located(version, at: here)
        for (c, component) in graph.pack.components.enumerated() where component.isProduct {
            if let e = componentEntry(c), snapshot.components[e].instances.isEmpty { snapshot.components[e].version = Located(version.description, at: here) }
        }
        refreshLifecycles()
    }
}
