import Diagnostics
import PrereqMessages
import PrereqModel

/// End of service of the releases an environment runs (`releases` with `endOfService`),
/// compared with the snapshot's moment: `end-of-service` once it has passed, and
/// `end-of-service-soon` within the release's warning time before it.
extension EnvironmentFacts {
    /// One finding per version the snapshot gives (the product's, and each instance of a
    /// component the pack declares) whose release is out of service or about to be.
    package func endOfServiceFindings(_ messages: Messages) -> [Diagnostic] {
        guard !graph.pack.releases.isEmpty, let now = snapshot.takenAt?.value else { return [] }
        let language = messages.language.tag
        var running: [(subject: String, name: String, component: Int?, version: Located<String>)] = []
        if let v = snapshot.version {
            running.append(("version", messages.theProductName, nil, Located(v.value.description, at: v.location)))
        }
        for (c, component) in graph.pack.components.enumerated() where givesComponent(c) {
            for instance in instances(of: c) ?? [] {
                guard let v = instance.version else { continue }
                let own = component.displayName(in: language)
                let name = instance.name.lowercased() == component.id.value.lowercased() ? own : "\(own) \(instance.name)"
                running.append((instance.name, name, c, v))
            }
        }
        var out: [Diagnostic] = []
        for item in running {
            guard let version = graph.version(written: item.version.value), let r = graph.release(covering: version) else { continue }
            let release = graph.pack.releases[r]
            guard let end = release.endOfService, let warnFrom = release.warnFrom, now >= warnFrom else { continue }
            let passed = now >= end.value
            let what = messages.runningName(item.name, component: item.component != nil)
            let next = graph.supportedVersion(atLeast: version, at: now).flatMap { $0 == version ? nil : $0 }
            out.append(
                Diagnostic(
                    code: passed ? "end-of-service" : "end-of-service-soon", severity: passed ? .error : .warning,
                    message: passed
                        ? messages.outOfService(what, release: release.id.value, since: end.value)
                        : messages.outOfServiceSoon(what, release: release.id.value, on: end.value, days: end.value.since(now) / 86_400),
                    location: item.version.location, related: [RelatedLocation(end.location, messages.endOfServiceHere)],
                    help: messages.outOfServiceHelp(next: next), subject: item.subject, subjectName: item.name))
        }
        return out
    }
}
