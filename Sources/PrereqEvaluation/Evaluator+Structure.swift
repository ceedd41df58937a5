import Diagnostics
import PrereqModel

/// Groups (`exactlyOne`, `atLeast`/`atMost`), conditional requirements (`when`/`then`) and
/// recommendations (`severity: warning`).
extension Evaluator {
    /// The node of a group, a conditional requirement or a recommendation.
    package mutating func structureNode(_ r: Requirement, owner: Int, negated: Bool) -> Int {
        switch r {
        case .count(let parts, let min, let max, let at):
            if negated { return requirementNode(.outside(parts, min: min, max: max, at: at), owner: owner) }
            return groupNode(parts, min: min, max: max, at: at, owner: owner)
        case .when(let condition, let then, let at):
            // Not (C then R) is C and not R: what the author wrote, taken literally.
            if negated { return requirementNode(.allOf([condition, .not(then, at: at)], at: at), owner: owner) }
            return whenNode(condition, then: then, at: at, owner: owner)
        case .recommended(let part, let at):
            // It counts as holding for what contains it, so its negation never holds.
            if negated { return add(.violated, messages.recommendationNegated, evidence: Evidence(rule: at)) }
            let inner = requirementNode(part, owner: owner)
            let truth = nodes[inner].truth
            let n = add(
                .satisfied, messages.recommended(phrase(part, negated: false), for: featureName(owner), truth), subject: pack.features[owner].id.value,
                subjectName: featureName(owner), evidence: Evidence(rule: at), children: [inner])
            nodes[n].isRecommendation = true
            hasRecommendations = true
            return n
        case .feature, .allOf, .anyOf, .not, .value, .gate, .eachChannel:
            return requirementNode(r, owner: owner, negated: negated)
        }
    }

    /// At least `min` and at most `max` of the parts, with three values: the parts that hold
    /// and those the snapshot does not decide bound how many hold. Too few: the parts that do
    /// not hold, the plan taking the cheapest it needs; too many: the parts that hold must stop
    /// holding, the plan taking the cheapest that the owner does not need on its own account.
    mutating func groupNode(_ parts: [Requirement], min: Int, max: Int?, at: SourceLocation, owner: Int) -> Int {
        let members = parts.map { requirementNode($0, owner: owner) }
        let holding = members.indices.filter { nodes[members[$0]].truth == .satisfied }
        let open = members.indices.filter { nodes[members[$0]].truth == .unknown }
        let upper = max ?? parts.count
        let names = parts.map { phrase($0, negated: false, asMember: true) }
        let truth: Truth =
            holding.count + open.count < min || holding.count > upper ? .violated
            : holding.count >= min && holding.count + open.count <= upper ? .satisfied : .unknown
        let message = words(truth) ? messages.group(min: min, max: max, of: names, holding: holding.map { names[$0] }, open: open.map { names[$0] }, truth) : ""
        let evidence = Evidence(rule: at)
        switch truth {
        case .satisfied:
            return add(truth, message, evidence: evidence, children: members)
        case .unknown:
            // Undecided by the parts the snapshot does not give: those are the causes, not the
            // parts that do not hold (whether they must depends on what the others are).
            return add(truth, message, evidence: evidence, children: members.filter { nodes[$0].truth != .violated })
        case .violated where holding.count > upper:
            // Parts the owner needs anyway (all-of) are the last to be switched off.
            let needed = Set(pack.features[owner].requires?.mandatoryFeatures.map(\.value) ?? [])
            // A recommendation always counts as holding: it cannot be the one that stops.
            let against = holding.filter { !parts[$0].isRecommendation }.map { i in (i, excessNode(parts[i], max: upper, owner: owner)) }
            let ranked = against.sorted { a, b in
                let x = (neededAnyway(parts[a.0], needed) ? 1 : 0, nodes[a.1].cost, a.0)
                let y = (neededAnyway(parts[b.0], needed) ? 1 : 0, nodes[b.1].cost, b.0)
                return x < y
            }
            return group(truth, message, evidence, children: against.map(\.1), taking: ranked.prefix(holding.count - upper).map(\.1))
        case .violated:
            let failing = members.filter { nodes[$0].truth != .satisfied }
            let ranked = failing.enumerated().sorted { (nodes[$0.element].cost, $0.offset) < (nodes[$1.element].cost, $1.offset) }.map(\.element)
            return group(truth, message, evidence, children: members, taking: Array(ranked.prefix(min - holding.count)))
        }
    }

    /// A part of a group that holds, where too many do: it must stop holding.
    private mutating func excessNode(_ part: Requirement, max: Int, owner: Int) -> Int {
        guard case .feature(let id) = part, let y = graph.featureIndex[id.value], facts.isOn(y) == true else {
            return requirementNode(part, owner: owner, negated: true)
        }
        let name = featureName(y)
        let entry = facts.feature(y)
        if pack.features[y].lifecycle.forbidsSwitchingOff(at: facts.snapshot.version?.value) != nil {
            return featureOffNode(y, because: owner, rule: id.location)
        }
        return add(
            .violated, messages.groupMemberOn(name, max: max, for: featureName(owner)), cause: .featureOn, subject: id.value, subjectName: name,
            evidence: Evidence(snapshot: entry?.enabled?.location ?? entry?.name.location, rule: id.location),
            fix: [PlanStep(action: .disable, subject: id.value, subjectName: name, message: messages.stepDisable(name))])
    }

    /// A group node whose plan takes `taking` of its failing children.
    private mutating func group(_ truth: Truth, _ message: String, _ evidence: Evidence, children: [Int], taking: [Int]) -> Int {
        let n = add(truth, message, evidence: evidence, children: children)
        nodes[n].chosenSeveral = taking
        nodes[n].cost = taking.reduce(0) { min($0 + nodes[$1].cost, Self.costCeiling) }
        return n
    }

    private func neededAnyway(_ part: Requirement, _ needed: Set<String>) -> Bool {
        if case .feature(let id) = part { return needed.contains(id.value) }
        return false
    }

    /// `then` applies while `condition` holds. A condition that does not hold is never a
    /// cause (nor a way around the requirement); one the snapshot does not decide leaves the
    /// requirement undecided unless it holds anyway, with what is missing about the condition
    /// (never a step that changes it) as causes.
    mutating func whenNode(_ condition: Requirement, then: Requirement, at: SourceLocation, owner: Int) -> Int {
        let c = requirementNode(condition, owner: owner)
        // Worded only for a message that is kept (a check does not word what holds).
        var said: String { phrase(condition, negated: false) }
        let evidence = Evidence(rule: at)
        switch nodes[c].truth {
        case .satisfied:
            let t = requirementNode(then, owner: owner)
            let truth = nodes[t].truth
            return add(truth, words(truth) ? messages.whenApplies(said, truth) : "", evidence: evidence, children: [c, t])
        case .violated:
            return add(.satisfied, words(.satisfied) ? messages.whenDoesNotApply(said) : "", evidence: evidence)
        case .unknown:
            let t = requirementNode(then, owner: owner)
            let truth: Truth = nodes[t].truth == .satisfied ? .satisfied : .unknown
            guard truth == .unknown else { return add(.satisfied, words(.satisfied) ? messages.whenHoldsAnyway(said) : "", evidence: evidence, children: [t]) }
            let missing = explanation(root: c).rootCauses.filter { nodes[$0].truth == .unknown }
            return add(.unknown, messages.whenUndecided(said), evidence: evidence, children: missing + [t])
        }
    }

    /// A requirement in a few words, for a sentence about it ("X is on and Y is off").
    /// `asMember` words a feature by its name alone (a member of a group).
    func phrase(_ r: Requirement, negated: Bool, asMember: Bool = false) -> String {
        func name(_ id: Located<String>) -> String { graph.featureIndex[id.value].map(featureName) ?? id.value }
        switch r {
        case .feature(let id):
            if asMember && !negated { return name(id) }
            return messages.conditionFeature(name(id), on: !negated)
        case .allOf(let parts, _), .anyOf(let parts, _):
            var isAll = true
            if case .anyOf = r { isAll = false }
            if negated { isAll.toggle() }
            let said = parts.map { phrase($0, negated: negated) }
            return said.count == 1 ? said[0] : messages.conditionJoined(said, all: isAll)
        case .not(let part, _):
            return phrase(part, negated: !negated, asMember: asMember)
        case .count(let parts, let min, let max, _):
            let said = messages.conditionGroup(min: min, max: max, of: parts.map { phrase($0, negated: false, asMember: true) })
            return negated ? messages.conditionNot(said) : said
        case .when(let condition, let then, _):
            let said = messages.conditionWhen(phrase(then, negated: false), when: phrase(condition, negated: false))
            return negated ? messages.conditionNot(said) : said
        case .recommended(let part, _):
            return phrase(part, negated: negated, asMember: asMember)
        case .eachChannel(let part, let condition, _):
            let said = messages.conditionEachChannel(phrase(part, negated: false), where: condition.map { phrase($0, negated: false) })
            return negated ? messages.conditionNot(said) : said
        case .gate(let g):
            return negated ? messages.conditionNot(gatePhrase(g)) : gatePhrase(g)
        case .value(let c):
            let subject: String
            switch c.subject {
            case .setting(let id): subject = graph.settingIndex[id.value].map(settingName) ?? id.value
            case .attribute(let id): subject = graph.attributeIndex[id.value].map(attributeName) ?? id.value
            case .feature(let id): subject = name(id)
            }
            return messages.conditionValue(subject, c.test, negated: negated)
        }
    }

    /// The recommendations (`severity: warning`) met on the way to the explanation's root, that
    /// do not hold: each with its causes and the optional steps that would meet it. They never
    /// change the verdict, and their steps are not part of the plan.
    public func recommendations(in e: Explanation) -> [Recommendation] {
        var out: [Recommendation] = []
        guard hasRecommendations else { return out }
        var seen = Set<Int>()
        var stack = [e.root]
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            let node = e.nodes[n]
            if node.isRecommendation, let inner = node.children.first, e.nodes[inner].truth != .satisfied {
                var builder = PlanBuilder(evaluator: self)
                builder.add(root: inner)
                let causes = Explanation(nodes: e.nodes, root: inner).rootCauses.map { e.nodes[$0] }
                out.append(
                    Recommendation(
                        feature: node.subject ?? "", featureName: node.subjectName ?? "", message: node.message, truth: e.nodes[inner].truth,
                        evidence: node.evidence, causes: causes, steps: builder.plan().steps))
                continue
            }
            stack += node.children.reversed()
        }
        return out
    }
}

/// A recommendation (`severity: warning`) that does not hold: reported, never blocking, and
/// its steps are optional (not part of the plan, and not simulated).
public struct Recommendation: Sendable {
    /// The feature whose requirement recommends it.
    public var feature: String
    public var featureName: String
    public var message: String
    /// Violated, or unknown when the snapshot does not say.
    public var truth: Truth
    public var evidence: Evidence
    /// What does not hold, as root causes.
    public var causes: [ExplanationNode]
    /// Steps that would meet it, if the user wants to.
    public var steps: [PlanStep]
}
