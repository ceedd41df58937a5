import Diagnostics
import PrereqModel

/// Conditions on components' versions (`{component: pos, atLeast: 10.0.38}`): every instance
/// the snapshot gives is judged on its own, a cause of kind `version` with the instance as its
/// subject, fixed by an `upgrade` of that instance (for `notNewerThan`, of the instance it may
/// not be newer than). A version cannot be lowered: `atMost` has no fix.
extension Evaluator {
    func componentName(_ c: Int) -> String { pack.components[c].displayName(in: language.tag) }

    /// How an instance is named in an answer: the component's name, then the instance's own.
    func instanceName(_ c: Int, _ instance: ComponentInstanceVersion) -> String {
        instance.name.lowercased() == pack.components[c].id.value.lowercased() ? componentName(c) : "\(componentName(c)) \(instance.name)"
    }

    /// The condition's node (built once per evaluation); nil when the pack does not declare the component.
    package mutating func componentVersionNode(_ condition: ComponentVersionCondition) -> Int? {
        guard let c = graph.componentIndex[condition.component.value] else { return nil }
        return memoisedNode(.componentVersion(condition)) { e in e.buildComponentVersionNode(condition, c) }
    }

    private mutating func buildComponentVersionNode(_ condition: ComponentVersionCondition, _ c: Int) -> Int {
        let phrase = gatePhrase(.version(condition))
        let whole = facts.snapshot.header ?? facts.snapshot.location
        guard let instances = facts.instances(of: c) else {
            let missing = missingVersionNode(pack.components[c].id.value, componentName(c), messages.componentNotGiven(componentName(c)), at: whole, rule: condition.location)
            return add(.unknown, phrase, evidence: Evidence(rule: condition.location), children: [missing])
        }
        // The other component of `notNewerThan`, read once for every instance.
        var other: (index: Int, instances: [ComponentInstanceVersion])?
        var children: [Int] = []
        if let o = condition.notNewerThan.flatMap({ graph.componentIndex[$0.value] }) {
            if let all = facts.instances(of: o) {
                other = (o, all)
            } else {
                children.append(missingVersionNode(pack.components[o].id.value, componentName(o), messages.componentNotGiven(componentName(o)), at: whole, rule: condition.location))
            }
        }
        for instance in instances {
            children += instanceNodes(c, instance, condition, other: other)
        }
        let truth = Truth.all(children.map { nodes[$0].truth })
        return add(truth, words(truth) ? phrase : "", evidence: Evidence(rule: condition.location), children: children)
    }

    /// The instance's version against each bound of the condition.
    private mutating func instanceNodes(
        _ c: Int, _ instance: ComponentInstanceVersion, _ condition: ComponentVersionCondition, other: (index: Int, instances: [ComponentInstanceVersion])?
    ) -> [Int] {
        let name = instanceName(c, instance)
        let at = instance.version?.location ?? instance.location
        guard let written = instance.version, let have = graph.version(written: written.value) else {
            let message = instance.version.map { messages.componentVersionUnreadable(name, $0.value) } ?? messages.componentNotGiven(name)
            return [missingVersionNode(instance.name, name, message, at: at, rule: condition.location)]
        }
        // How the answer says the instance's version: worded only for a sentence that is shown
        // (by a copy of the messages: the sentences are made while the evaluator changes).
        let has = { Self.versionText(written.value, have) }
        let sentences = messages
        let component = pack.components[c].id.value
        var out: [Int] = []
        if let bound = condition.atLeast {
            out.append(
                boundNode(bound, rule: condition.location) { e, need, needs in
                    let truth: Truth = have >= need ? .satisfied : .violated
                    return e.versionNode(
                        truth, sentences.componentAtLeast(name, needs: needs(), has: has(), truth), instance.name, name, component, at: at, rule: condition.location,
                        fix: truth == .violated ? [e.upgradeStep(c, instance.name, name, to: need)] : [])
                })
        }
        if let bound = condition.atMost {
            out.append(
                boundNode(bound, rule: condition.location) { e, limit, text in
                    let truth: Truth = have <= limit ? .satisfied : .violated
                    return e.versionNode(truth, sentences.componentAtMost(name, limit: text(), has: has(), truth), instance.name, name, component, at: at, rule: condition.location)
                })
        }
        guard let (o, all) = other else { return out }
        // Against the instance this one targets, else every instance of the other component; a
        // newer instance is fixed by updating the one it may not be newer than.
        let targeted = all.filter { i in instance.target.map { $0.lowercased() == i.name.lowercased() } ?? false }
        for reference in targeted.isEmpty ? all : targeted {
            let otherName = instanceName(o, reference)
            guard let otherWritten = reference.version, let otherHas = graph.version(written: otherWritten.value) else {
                out.append(missingVersionNode(reference.name, otherName, messages.componentNotGiven(otherName), at: reference.location, rule: condition.location))
                continue
            }
            let truth: Truth = have <= otherHas ? .satisfied : .violated
            out.append(
                versionNode(truth, sentences.componentNotNewer(name, has: has(), than: otherName, otherHas: Self.versionText(otherWritten.value, otherHas), truth), instance.name, name, component, at: at,
                            rule: condition.location, fix: truth == .violated ? [upgradeStep(o, reference.name, otherName, to: have)] : []))
        }
        return out
    }

    /// A version as answers say it: a release's name with its version (`Autumn 2026 (10.0.46)`),
    /// or the dotted numbers.
    static func versionText(_ written: String, _ version: ProductVersion) -> String {
        ProductVersion(written) == nil ? "\(written.trimmingCharacters(in: .whitespaces)) (\(version))" : version.description
    }

    /// A bound of the condition put to `test` with its version and how answers say it (worded
    /// when asked); a release the pack does not declare (lint reports it) makes the bound unknown.
    private mutating func boundNode(
        _ bound: Located<VersionReference>, rule: SourceLocation, _ test: (inout Evaluator, ProductVersion, () -> String) -> Int
    ) -> Int {
        guard let v = graph.version(of: bound.value) else {
            return add(.unknown, messages.releaseNotDeclared(bound.value.description), cause: .missingData, subject: bound.value.description, evidence: Evidence(rule: bound.location))
        }
        return test(&self, v, { Self.versionText(bound.value.description, v) })
    }

    /// A cause of kind `version` about one instance of `component`.
    private mutating func versionNode(
        _ truth: Truth, _ message: @autoclosure () -> String, _ subject: String, _ subjectName: String, _ component: String,
        at: SourceLocation, rule: SourceLocation, fix: [PlanStep] = []
    ) -> Int {
        let n = add(truth, words(truth) ? message() : "", cause: .version, subject: subject, subjectName: subjectName, evidence: Evidence(snapshot: at, rule: rule), fix: fix)
        nodes[n].component = component
        return n
    }

    /// A version the snapshot does not give (or not as dotted numbers): unknown, asked for.
    private mutating func missingVersionNode(_ subject: String, _ name: String, _ message: String, at: SourceLocation, rule: SourceLocation) -> Int {
        add(.unknown, message, cause: .missingData, subject: subject, subjectName: name, evidence: Evidence(snapshot: at, rule: rule),
            fix: [provide(messages.missingComponentVersion(name))])
    }

    /// Updating one instance of component `c` to at least `version`, or, when the release that
    /// covers it is out of service at the snapshot's moment, to the first later release still
    /// in service (the step says why).
    func upgradeStep(_ c: Int, _ instance: String, _ name: String, to version: ProductVersion) -> PlanStep {
        let target = supportedTarget(version)
        return PlanStep(
            action: .upgrade, subject: instance, subjectName: name,
            message: messages.stepUpgradeComponent(name, to: target.version) + (target.because.map { " " + $0 } ?? ""),
            details: ["version": target.version.description, "component": pack.components[c].id.value])
    }

    /// Upgrading the product to at least `version` (inside the supported window, as for a component).
    package func productUpgradeStep(to version: ProductVersion) -> PlanStep {
        let target = supportedTarget(version)
        return PlanStep(
            action: .upgrade, subject: nil, subjectName: nil, message: messages.stepUpgrade(target.version) + (target.because.map { " " + $0 } ?? ""),
            details: ["version": target.version.description])
    }

    /// The version an upgrade to at least `version` goes to, inside the supported window of the
    /// pack's release train, and why it is not `version` itself.
    func supportedTarget(_ version: ProductVersion) -> (version: ProductVersion, because: String?) {
        let now = facts.snapshot.takenAt?.value
        guard let r = graph.release(covering: version), let end = pack.releases[r].endOfService?.value, let now, end <= now else { return (version, nil) }
        guard let target = graph.supportedVersion(atLeast: version, at: now) else {
            return (version, messages.noSupportedRelease(version, endedAt: end))
        }
        return (target, messages.releaseOutOfService(version, endedAt: end))
    }
}
