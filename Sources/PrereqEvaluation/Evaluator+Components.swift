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
        guard let have = instance.version.flatMap({ ProductVersion($0.value) }) else {
            let message = instance.version.map { messages.componentVersionUnreadable(name, $0.value) } ?? messages.componentNotGiven(name)
            return [missingVersionNode(instance.name, name, message, at: at, rule: condition.location)]
        }
        let component = pack.components[c].id.value
        var out: [Int] = []
        if let need = condition.atLeast?.value {
            let truth: Truth = have >= need ? .satisfied : .violated
            out.append(
                versionNode(truth, messages.componentAtLeast(name, needs: need, has: have, truth), instance.name, name, component, at: at, rule: condition.location,
                            fix: truth == .violated ? [upgradeStep(c, instance.name, name, to: need)] : []))
        }
        if let limit = condition.atMost?.value {
            let truth: Truth = have <= limit ? .satisfied : .violated
            out.append(versionNode(truth, messages.componentAtMost(name, limit: limit, has: have, truth), instance.name, name, component, at: at, rule: condition.location))
        }
        guard let (o, all) = other else { return out }
        // Against the instance this one targets, else every instance of the other component; a
        // newer instance is fixed by updating the one it may not be newer than.
        let targeted = all.filter { i in instance.target.map { $0.lowercased() == i.name.lowercased() } ?? false }
        for reference in targeted.isEmpty ? all : targeted {
            let otherName = instanceName(o, reference)
            guard let otherHas = reference.version.flatMap({ ProductVersion($0.value) }) else {
                out.append(missingVersionNode(reference.name, otherName, messages.componentNotGiven(otherName), at: reference.location, rule: condition.location))
                continue
            }
            let truth: Truth = have <= otherHas ? .satisfied : .violated
            out.append(
                versionNode(truth, messages.componentNotNewer(name, has: have, than: otherName, otherHas: otherHas, truth), instance.name, name, component, at: at,
                            rule: condition.location, fix: truth == .violated ? [upgradeStep(o, reference.name, otherName, to: have)] : []))
        }
        return out
    }

    /// A cause of kind `version` about one instance of `component`.
    private mutating func versionNode(
        _ truth: Truth, _ message: String, _ subject: String, _ subjectName: String, _ component: String,
        at: SourceLocation, rule: SourceLocation, fix: [PlanStep] = []
    ) -> Int {
        let n = add(truth, words(truth) ? message : "", cause: .version, subject: subject, subjectName: subjectName, evidence: Evidence(snapshot: at, rule: rule), fix: fix)
        nodes[n].component = component
        return n
    }

    /// A version the snapshot does not give (or not as dotted numbers): unknown, asked for.
    private mutating func missingVersionNode(_ subject: String, _ name: String, _ message: String, at: SourceLocation, rule: SourceLocation) -> Int {
        add(.unknown, message, cause: .missingData, subject: subject, subjectName: name, evidence: Evidence(snapshot: at, rule: rule),
            fix: [provide(messages.missingComponentVersion(name))])
    }

    /// Updating one instance of component `c` to at least `version`.
    func upgradeStep(_ c: Int, _ instance: String, _ name: String, to version: ProductVersion) -> PlanStep {
        PlanStep(
            action: .upgrade, subject: instance, subjectName: name, message: messages.stepUpgradeComponent(name, to: version),
            details: ["version": version.description, "component": pack.components[c].id.value])
    }
}
