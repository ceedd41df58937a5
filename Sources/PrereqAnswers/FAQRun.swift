import PrereqEvaluation
import PrereqGraph
import PrereqMessages
import PrereqModel

/// `prereq faq`: every question of the pack answered for one environment.
public struct FAQAnswer: Sendable {
    public struct Item: Sendable {
        public var questionId: String
        public var question: String
        /// satisfied: nothing is wrong; violated: a problem; unknown: data missing.
        public var truth: Truth
        /// Extra first line, e.g. "the feature is already on".
        public var lead: String?
        /// The failing facts (root causes), or, when nothing is wrong, what was checked.
        public var causes: [ExplanationNode]
        public var checked: [ExplanationNode]
        public var plan: PlanBuilder.Plan
        /// The question's `docs`, and the `note` of the feature it is about.
        public var remarks = Remarks()
        /// For a question with a problem (or unknown) about features: what they depend on,
        /// coloured by the environment. Nil when nothing is wrong, to keep pages short, and for
        /// questions about jobs or records alone.
        public var picture: AnswerPicture? = nil
    }

    public var title: String
    public var snapshotLine: String
    /// The snapshot's file and the environment it names (nil when it names none).
    public var snapshotFile: String
    public var environment: String?
    public var items: [Item]
    public var language: Language

    /// Whether any answer finds a problem or lacks the data to tell (what `faq` exits 1 on).
    public var hasProblem: Bool { items.contains { $0.truth != .satisfied } }
}

extension Evaluator {
    /// What makes two nodes the same statement: the same fact, worded the same, from the same line.
    /// The question's plan, checked as `why` checks its plans: performed on the snapshot, the
    /// features the question asks about must end up on and in effect. A plan that would not
    /// get there is replaced by the verified plan for those features (or by the statement of
    /// what cannot be fixed).
    private mutating func verified(_ plan: PlanBuilder.Plan, question: Question) -> PlanBuilder.Plan {
        let goals = question.features(in: graph)
        guard !goals.isEmpty, !plan.steps.isEmpty else { return plan }
        var checked = plan
        checked.verification = PlanSimulator.verify(plan.steps, goals: goals, from: facts, language: language)
        guard checked.verification?.outcome == .fails else { return checked }
        return verifiedPlan(goals: goals.map { ($0, explainFeature($0).root) })
    }

    private func statedKey(_ n: ExplanationNode) -> String {
        "\(n.cause?.rawValue ?? "")|\(n.subject ?? "")|\(n.message)|\(n.evidence.snapshot?.description ?? "")"
    }

    /// Node n with the remarks of what it is about.
    private func remarked(_ n: Int) -> ExplanationNode {
        var node = nodes[n]
        if node.cause != nil { node.remarks = remarks(cause: node.cause, subject: node.subject) }
        return node
    }

    /// Answers every question of the pack, in the order the pack lists them.
    public mutating func answerQuestions() -> FAQAnswer {
        let title = pack.metadata?.title?.text(in: language.tag) ?? pack.metadata?.id?.value ?? "Prereq"
        let snapshot = facts.snapshot
        var items: [FAQAnswer.Item] = []
        for question in pack.questions {
            var roots: [Int] = []
            var lead: String?
            var settling: [Int] = []
            for check in question.checks {
                switch check {
                case .canEnable(let ref):
                    guard let f = graph.featureIndex[ref.value] else { continue }
                    if facts.isOn(f) == true {
                        // Already on: nothing stands in the way (whether it works is `inEffect`'s question).
                        lead = messages.faqAlreadyOn(featureName(f))
                        roots.append(featureOnNode(f, rule: ref.location))
                    } else {
                        roots.append(canEnableNode(f))
                    }
                case .inEffect(let ref):
                    guard let f = graph.featureIndex[ref.value] else { continue }
                    if facts.isOn(f) == false { lead = messages.faqNotOn(featureName(f)) }
                    if facts.isOn(f) == true { settling.append(f) }
                    roots.append(explainFeature(f).root)
                case .jobsInOrder(let jobs, let at):
                    roots.append(jobsInOrderNode(jobs, at: at))
                case .records(let ref):
                    guard let r = graph.recordIndex[ref.value] else { continue }
                    roots.append(recordsNode(r, rule: ref.location))
                }
            }
            let truth = Truth.all(roots.map { nodes[$0].truth })
            // Each cause once: the same fact reached by two checks (a feature's version asked by
            // `canEnable` and `inEffect`) is one cause, even when it was worded twice.
            var causes: [Int] = []
            var stated = Set<String>()
            for root in roots {
                for c in explanation(root: root).rootCauses where stated.insert(statedKey(nodes[c])).inserted { causes.append(c) }
            }
            var builder = PlanBuilder(evaluator: self)
            for root in roots { builder.add(root: root) }
            for f in settling { builder.addSettleTime(of: f) }
            // A question about a feature that is off and can be switched on: switching it on is the answer.
            for check in question.checks {
                if case .canEnable(let ref) = check, let f = graph.featureIndex[ref.value], facts.isOn(f) != true {
                    builder.addEnablement(of: f)
                }
                if case .inEffect(let ref) = check, let f = graph.featureIndex[ref.value], facts.isOn(f) == false {
                    builder.addEnablement(of: f)
                }
            }
            var context = Set<String>()
            let checked = roots.flatMap { root -> [Int] in
                let children = nodes[root].children
                return children.isEmpty ? [root] : children
            }.filter { context.insert(statedKey(nodes[$0])).inserted }
            let about = question.about.flatMap { graph.featureIndex[$0.value] }
            var item = FAQAnswer.Item(
                questionId: question.id.value, question: question.text.text(in: language.tag) ?? question.id.value,
                truth: truth, lead: lead, causes: causes.map(remarked), checked: checked.map(remarked),
                plan: withRemarks(verified(builder.plan(), question: question)))
            item.remarks = Remarks(note: about.flatMap { pack.features[$0].note?.text(in: language.tag) }, docs: question.docs)
            let asked = question.features(in: graph)
            if truth != .satisfied, !asked.isEmpty { item.picture = picture(of: asked) }
            items.append(item)
        }
        return FAQAnswer(
            title: messages.faqTitle(title, environment: snapshot.environment?.value ?? "?"),
            snapshotLine: messages.faqSnapshotLine(file: snapshot.file, takenAt: snapshot.takenAt?.value, version: snapshot.version?.value),
            snapshotFile: snapshot.file, environment: snapshot.environment?.value, items: items, language: language)
    }
}

extension Question {
    /// The features its checks ask about (`canEnable`, `inEffect`), each once, in order.
    func features(in graph: RuleGraph) -> [Int] {
        var out: [Int] = []
        for check in checks {
            switch check {
            case .canEnable(let ref), .inEffect(let ref):
                if let f = graph.featureIndex[ref.value], !out.contains(f) { out.append(f) }
            case .jobsInOrder, .records: break
            }
        }
        return out
    }
}
