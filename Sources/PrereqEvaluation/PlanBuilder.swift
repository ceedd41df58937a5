import PrereqModel

/// Turns explanations into one ordered plan: provide missing data, upgrade, set settings,
/// switch off conflicting features, do the manual steps by hand, switch on prerequisites in
/// dependency order, run the jobs in an order that meets every `after` constraint, then wait
/// for the settle time. Only failing conditions contribute steps (never a step for what is
/// already done); for alternatives the cheapest is taken and the others are mentioned.
public struct PlanBuilder {
    public struct Plan: Sendable {
        public var steps: [PlanStep]
        /// Alternatives not taken, in the answer's language.
        public var notes: [String]
        /// What performing the steps leads to, for plans that were simulated.
        public var verification: PlanVerification?
        /// Other valid plans (each verified too), after the chosen one.
        public var alternatives: [Plan] = []

        public init(steps: [PlanStep], notes: [String], verification: PlanVerification? = nil) {
            self.steps = steps
            self.notes = notes
            self.verification = verification
        }
    }

    let evaluator: Evaluator
    private var collected: [PlanStep] = []
    private var notes: [String] = []
    private var visited = Set<Int>()
    /// Features already on whose jobs the plan may run: their settle time follows the jobs.
    var settlingFeatures: [Int] = []
    /// The job runs that make a record check or a schedule hold (`key(_:)`): done before the
    /// switches, which a gate must already allow.
    private var beforeSwitches = Set<StepKey>()

    public init(evaluator: Evaluator) {
        self.evaluator = evaluator
    }

    /// Adds steps found elsewhere (a search over switch states), in their order; with
    /// `beforeSwitches`, steps that make gates hold.
    public mutating func add(steps: [PlanStep], beforeSwitches: Bool = false) {
        collected += steps
        if beforeSwitches { for step in steps { self.beforeSwitches.insert(key(step)) } }
    }

    /// What makes two steps the same step: action, subject and wording.
    private struct StepKey: Hashable {
        var action: PlanAction
        var subject: String
        var message: String
    }

    private func key(_ step: PlanStep) -> StepKey { StepKey(action: step.action, subject: step.subject ?? "", message: step.message) }

    /// Adds the steps that make the condition at `root` hold; with `only`, just the steps of
    /// those actions.
    public mutating func add(root: Int, only: Set<PlanAction>? = nil) {
        let nodes = evaluator.nodes
        // Post-order over failing conditions: what a condition needs comes before its own fix.
        var stack: [(node: Int, expanded: Bool)] = [(root, false)]
        while let (n, expanded) = stack.popLast() {
            let node = nodes[n]
            if expanded {
                let fix = only.map { kept in node.fix.filter { kept.contains($0.action) } } ?? node.fix
                collected += fix
                if node.cause == .records || node.cause == .schedule || node.fixesBeforeSwitches { for step in fix { beforeSwitches.insert(key(step)) } }
                continue
            }
            guard node.truth != .satisfied, visited.insert(n).inserted else { continue }
            stack.append((n, true))
            var next = node.children.filter { nodes[$0].truth != .satisfied }
            let taken = node.chosen.map { [$0] } ?? node.chosenSeveral
            if !taken.isEmpty {
                // An alternative no step can make hold is no alternative.
                let others = next.filter { !taken.contains($0) && nodes[$0].cost < Evaluator.unfixableCost }
                if !others.isEmpty {
                    notes.append(evaluator.messages.alternatives(taken.map(describe).joined(separator: ", "), others.map(describe)))
                }
                next = taken
            }
            stack += next.reversed().map { ($0, false) }
        }
    }

    /// Notes that feature `f` is on: when the plan runs jobs, its settle time follows them.
    public mutating func addSettleTime(of f: Int) {
        settlingFeatures.append(f)
    }

    /// Adds switching on feature `f` itself; `plan()` then adds its jobs and settle time.
    public mutating func addEnablement(of f: Int) {
        collected.append(evaluator.switchStep(f, on: true))
    }

    /// The plan: steps deduplicated and put in order.
    public func plan() -> Plan {
        var enables: [PlanStep] = []
        var others: [PlanStep] = []
        var seen = Set<StepKey>()
        // One upgrade per thing upgraded (the product, or a component's instance): the highest.
        var upgrades: [PlanStep] = []
        for step in collected {
            if step.action == .upgrade {
                if let i = upgrades.firstIndex(where: { $0.subject == step.subject && $0.details["component"] == step.details["component"] }) {
                    if let a = upgrades[i].details["version"].flatMap(ProductVersion.init),
                        let b = step.details["version"].flatMap(ProductVersion.init), a < b
                    {
                        upgrades[i] = step
                    }
                    continue
                }
                upgrades.append(step)
                continue
            }
            guard seen.insert(key(step)).inserted else { continue }
            if step.action == .enable { enables.append(step) } else { others.append(step) }
        }
        // Jobs enabled features need, after the switches.
        let gateRuns = orderedByAfter(mergeChannels(others.filter { $0.action == .runJob && beforeSwitches.contains(key($0)) }))
        var jobs: [PlanStep] = others.filter { $0.action == .runJob && !beforeSwitches.contains(key($0)) }
        var featuresSwitchedOn = Set<String>()
        for step in enables { if let s = step.subject { featuresSwitchedOn.insert(s) } }
        var settle: TimeSpan?
        for feature in evaluator.pack.features where featuresSwitchedOn.contains(feature.id.value) {
            for ref in feature.takesEffect?.jobs ?? [] {
                guard let j = evaluator.graph.jobIndex[ref.value] else { continue }
                let channels = evaluator.channels(of: j).compactMap { $0 }
                let step = evaluator.runStep(j, channels: channels)
                if !jobs.contains(where: { $0.subject == step.subject && $0.message == step.message }) { jobs.append(step) }
            }
            if let s = feature.takesEffect?.settle?.value, settle.map({ s > $0 }) ?? true { settle = s }
        }
        let goals = settlingFeatures + evaluator.pack.features.indices.filter { featuresSwitchedOn.contains(evaluator.pack.features[$0].id.value) }
        let obliged = settingObligations(of: others, features: goals, runs: jobs + gateRuns)
        for step in obliged.jobs where !jobs.contains(where: { $0.subject == step.subject && $0.message == step.message }) { jobs.append(step) }
        if let s = obliged.settle, settle.map({ s > $0 }) ?? true { settle = s }
        // A feature already on waits its settle time again after the plan's jobs, or after a run
        // before the switches of one of its own jobs (a condition of a switch can need it).
        var afterRun = !obliged.jobs.isEmpty || obliged.settle != nil
        for f in settlingFeatures {
            let own = Set(evaluator.pack.features[f].takesEffect?.jobs.map(\.value) ?? [])
            guard !jobs.isEmpty || gateRuns.contains(where: { own.contains($0.subject ?? "") }) else { continue }
            afterRun = true
            if let s = evaluator.pack.features[f].takesEffect?.settle?.value, settle.map({ s > $0 }) ?? true { settle = s }
        }
        jobs = withStaleSuccessors(mergeChannels(jobs), needed: featuresSwitchedOn)
        // A wait until a moment (a settle time already running), the latest one; then the settle
        // time after what the plan itself does.
        let until = others.filter { $0.action == .wait && $0.details["until"] != nil }.max { ($0.details["until"] ?? "") < ($1.details["until"] ?? "") }
        var waits = until.map { [$0] } ?? []
        if let settle {
            let message = jobs.isEmpty && !afterRun ? evaluator.messages.stepWaitAfterSwitch(settle) : evaluator.messages.stepWaitAfterJobs(settle)
            waits.append(PlanStep(action: .wait, subject: nil, subjectName: nil, message: message, details: ["settle": settle.description]))
        }
        var steps: [PlanStep] = []
        steps += others.filter { $0.action == .provideData }
        steps += inUpdateOrder(mergingProductUpgrade(upgrades))
        steps += others.filter { $0.action == .set }
        steps += others.filter { $0.action == .disable }
        steps += others.filter { $0.action == .manual && $0.details["afterEnabling"] == nil }
        steps += gateRuns
        steps += enables
        steps += orderedByAfter(jobs)
        steps += afterEnablingManualSteps(others, switchedOn: enables)
        steps = lastStepsAtEnd(steps) + waits
        return Plan(steps: withStepRulesWorded(evaluator.placingRunsInWindows(steps)), notes: notes, verification: nil)
    }

    /// The upgrade of the product and that of the component whose version is the product's
    /// (headquarters, given as one version) are one upgrade: the higher version, said as the
    /// component's.
    private func mergingProductUpgrade(_ upgrades: [PlanStep]) -> [PlanStep] {
        let graph = evaluator.graph
        let isProductComponent = { (step: PlanStep) -> Bool in
            guard let c = step.details["component"].flatMap({ graph.componentIndex[$0] }) else { return false }
            return graph.pack.components[c].isProduct && graph.pack.components[c].id.value == step.subject
        }
        guard let p = upgrades.firstIndex(where: { $0.details["component"] == nil }), let c = upgrades.firstIndex(where: isProductComponent),
            let a = upgrades[p].details["version"].flatMap(ProductVersion.init), let b = upgrades[c].details["version"].flatMap(ProductVersion.init),
            let ci = upgrades[c].details["component"].flatMap({ graph.componentIndex[$0] }), let subject = upgrades[c].subject
        else { return upgrades }
        var out = upgrades
        if a > b { out[c] = evaluator.upgradeStep(ci, subject, upgrades[c].subjectName ?? subject, to: a) }
        out.remove(at: p)
        return out
    }

    /// The product first, then components in the documented update order (`updatedAfter`,
    /// else as the pack declares them).
    private func inUpdateOrder(_ upgrades: [PlanStep]) -> [PlanStep] {
        let graph = evaluator.graph
        let rank = { (s: PlanStep) in s.details["component"].flatMap { graph.componentIndex[$0] }.map { graph.componentUpdateRank[$0] + 1 } ?? 0 }
        return upgrades.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// One step per job, with the channels of all its steps.
    private func mergeChannels(_ jobs: [PlanStep]) -> [PlanStep] {
        var out: [PlanStep] = []
        for step in jobs {
            if let i = out.firstIndex(where: { $0.subject == step.subject && $0.action == step.action && $0.details["table"] == step.details["table"] }) {
                let a = out[i].details["channels"].map { $0.split(separator: ",").map(String.init) } ?? []
                let b = step.details["channels"].map { $0.split(separator: ",").map(String.init) } ?? []
                if a.isEmpty || b.isEmpty { continue }
                let merged = a + b.filter { !a.contains($0) }
                if let j = evaluator.graph.jobIndex[step.subject ?? ""] { out[i] = evaluator.runStep(j, channels: merged) }
            } else {
                out.append(step)
            }
        }
        return out
    }

    /// The jobs to run, with every job that must run after one of them and whose order the goal
    /// checks: a run makes the last success of every job downstream of it (along `after` and
    /// `createdBy`, and `reached` states other than `Applied`) too early. Only jobs the goal features need, and the jobs those must follow, are checked.
    private func withStaleSuccessors(_ jobs: [PlanStep], needed switchedOn: Set<String>) -> [PlanStep] {
        guard !jobs.isEmpty else { return jobs }
        let graph = evaluator.graph
        var checked = Set<Int>()
        var queue: [Int] = []
        let features = evaluator.pack.features.indices.filter { switchedOn.contains(evaluator.pack.features[$0].id.value) } + settlingFeatures
        for f in features {
            for ref in evaluator.pack.features[f].takesEffect?.jobs ?? [] {
                if let j = graph.jobIndex[ref.value], checked.insert(j).inserted { queue.append(j) }
            }
        }
        var i = 0
        while i < queue.count {
            for k in graph.jobRunsAfter[queue[i]] where checked.insert(k).inserted { queue.append(k) }
            i += 1
        }
        var out = jobs
        let first = jobs.compactMap { $0.subject.flatMap { graph.jobIndex[$0] } }
        var running = Set(first)
        var stack = Array(first.reversed())
        while let j = stack.popLast() {
            for x in graph.jobMovedBy[j] where checked.contains(x) && running.insert(x).inserted {
                out.append(evaluator.runStep(x, channels: []))
                stack.append(x)
            }
        }
        return out
    }

    /// Jobs ordered so that each runs after the jobs it must follow (Kahn's algorithm over the
    /// `after`, `reached` and `createdBy` edges among them; otherwise the order they were found in).
    private func orderedByAfter(_ jobs: [PlanStep]) -> [PlanStep] {
        let index = evaluator.graph.jobIndex
        let ids = jobs.map { $0.subject.flatMap { index[$0] } ?? -1 }
        var pending = [Int](repeating: 0, count: jobs.count)
        var successors = [[Int]](repeating: [], count: jobs.count)
        for (i, j) in ids.enumerated() where j >= 0 {
            for k in evaluator.graph.jobRunsAfter[j] {
                for (p, other) in ids.enumerated() where other == k && p != i {
                    pending[i] += 1
                    successors[p].append(i)
                }
            }
        }
        var out: [PlanStep] = []
        var done = [Bool](repeating: false, count: jobs.count)
        while out.count < jobs.count {
            guard let next = (0..<jobs.count).first(where: { !done[$0] && pending[$0] == 0 })
                ?? (0..<jobs.count).first(where: { !done[$0] })
            else { break }
            done[next] = true
            out.append(jobs[next])
            for s in successors[next] { pending[s] -= 1 }
        }
        return out
    }

    private func describe(_ n: Int) -> String {
        let node = evaluator.nodes[n]
        var steps: [String] = []
        var stack = [n]
        var seen = Set<Int>()
        while let x = stack.popLast(), steps.count < 4 {
            guard seen.insert(x).inserted else { continue }
            let nx = evaluator.nodes[x]
            guard nx.truth != .satisfied else { continue }
            steps += nx.fix.map { $0.message.prefix(1).lowercased() + $0.message.dropFirst() }
            stack += nx.children.reversed()
        }
        return steps.isEmpty ? node.message : steps.joined(separator: ", ")
    }
}
