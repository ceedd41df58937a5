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

    package mutating func componentVersionNode(_ condition: ComponentVersionCondition) -> Int? {
        guard let c = graph.componentIndex[condition.component.value] else { return nil }
        let other = condition.notNewerThan.flatMap { graph.componentIndex[$0.value] }
        let phrase = messages.componentCondition(
            componentName(c), atLeast: condition.atLeast?.value, atMost: condition.atMost?.value, notNewerThan: other.map(componentName) ?? condition.notNewerThan?.value)
        guard let instances = facts.instances(of: c) else {
            let missing = add(
                .unknown, messages.componentNotGiven(componentName(c)), cause: .missingData, subject: pack.components[c].id.value, subjectName: componentName(c),
                evidence: Evidence(snapshot: facts.snapshot.header ?? facts.snapshot.location, rule: condition.location),
                fix: [provide(messages.missingComponentVersion(componentName(c)))])
            return add(.unknown, phrase, evidence: Evidence(rule: condition.location), children: [missing])
        }
        var children: [Int] = []
        for instance in instances {
            children += instanceNodes(c, instance, condition, other: other)
        }
        let truth = Truth.all(children.map { nodes[$0].truth })
        return add(truth, words(truth) ? phrase : "", evidence: Evidence(rule: condition.location), children: children)
    }

    /// The instance's version against each bound of the condition.
    private mutating func instanceNodes(_ c: Int, _ instance: ComponentInstanceVersion, _ condition: ComponentVersionCondition, other: Int?) -> [Int] {
        let name = instanceName(c, instance)
        let evidence = Evidence(snapshot: instance.version?.location ?? instance.location, rule: condition.location)
        func versionNode(_ truth: Truth, _ message: String, fix: [PlanStep] = [], subject: String = instance.name, subjectName: String = name) -> Int {
            let n = add(truth, words(truth) ? message : "", cause: .version, subject: subject, subjectName: subjectName, evidence: evidence, fix: fix)
            nodes[n].component = pack.components[c].id.value
            return n
        }
        guard let text = instance.version else {
            return [add(.unknown, messages.componentNotGiven(name), cause: .missingData, subject: instance.name, subjectName: name, evidence: evidence,
                        fix: [provide(messages.missingComponentVersion(name))])]
        }
        guard let have = ProductVersion(text.value) else {
            return [add(.unknown, messages.componentVersionUnreadable(name, text.value), cause: .missingData, subject: instance.name, subjectName: name, evidence: evidence,
                        fix: [provide(messages.missingComponentVersion(name))])]
        }
        var out: [Int] = []
        if let need = condition.atLeast?.value {
            let truth: Truth = have >= need ? .satisfied : .violated
            out.append(versionNode(truth, messages.componentAtLeast(name, needs: need, has: have, truth), fix: truth == .violated ? [upgradeStep(c, instance.name, name, to: need)] : []))
        }
        if let limit = condition.atMost?.value {
            let truth: Truth = have <= limit ? .satisfied : .violated
            out.append(versionNode(truth, messages.componentAtMost(name, limit: limit, has: have, truth)))
        }
        if let o = other {
            out += notNewerNodes(have, instance, name, than: o, c, evidence)
        }
        return out
    }

    /// `notNewerThan`: against the instance the instance targets, else every instance of the
    /// other component; a newer instance is fixed by updating the one it may not be newer than.
    private mutating func notNewerNodes(_ have: ProductVersion, _ instance: ComponentInstanceVersion, _ name: String, than o: Int, _ c: Int, _ evidence: Evidence) -> [Int] {
        guard let all = facts.instances(of: o) else {
            return [add(.unknown, messages.componentNotGiven(componentName(o)), cause: .missingData, subject: pack.components[o].id.value, subjectName: componentName(o),
                        evidence: Evidence(snapshot: facts.snapshot.header ?? facts.snapshot.location, rule: evidence.rule),
                        fix: [provide(messages.missingComponentVersion(componentName(o)))])]
        }
        let targeted = all.filter { i in instance.target.map { $0.lowercased() == i.name.lowercased() } ?? false }
        var out: [Int] = []
        for reference in targeted.isEmpty ? all : targeted {
            let otherName = instanceName(o, reference)
            guard let otherHas = reference.version.flatMap({ ProductVersion($0.value) }) else {
                out.append(add(.unknown, messages.componentNotGiven(otherName), cause: .missingData, subject: reference.name, subjectName: otherName,
                               evidence: Evidence(snapshot: reference.location, rule: evidence.rule), fix: [provide(messages.missingComponentVersion(otherName))]))
                continue
            }
            let truth: Truth = have <= otherHas ? .satisfied : .violated
            let n = add(
                truth, words(truth) ? messages.componentNotNewer(name, has: have, than: otherName, otherHas: otherHas, truth) : "", cause: .version,
                subject: instance.name, subjectName: name, evidence: evidence, fix: truth == .violated ? [upgradeStep(o, reference.name, otherName, to: have)] : [])
            nodes[n].component = pack.components[c].id.value
            out.append(n)
        }
        return out
    }

    /// Updating one instance of component `c` to at least `version`.
    func upgradeStep(_ c: Int, _ instance: String, _ name: String, to version: ProductVersion) -> PlanStep {
        PlanStep(
            action: .upgrade, subject: instance, subjectName: name, message: messages.stepUpgradeComponent(name, to: version),
            details: ["version": version.description, "component": pack.components[c].id.value])
    }
}
