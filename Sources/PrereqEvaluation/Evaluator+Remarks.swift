import PrereqModel

extension Evaluator {
    /// A feature's remarks (its settle source only when `settling`).
    public func remarks(ofFeature f: Int, settling: Bool = false) -> Remarks {
        let features = facts.graph.pack.features
        return Remarks(
            note: features[f].note?.text(in: language.tag), docs: features[f].docs,
            settleSource: settling ? features[f].takesEffect?.settleSource : nil)
    }

    /// The remarks of what a cause or a step is about, found by its kind and subject id.
    package func remarks(cause: CauseKind?, action: PlanAction? = nil, subject: String?) -> Remarks {
        guard let subject else { return Remarks() }
        // A settle time's cause and its wait are about the settle time: only its source is news.
        let settling = cause == .settling || action == .wait
        let lookups: [RemarksKind]
        switch (cause, action) {
        case (.settling?, _), (_, .wait?): lookups = [.feature, .setting]
        case (.featureOff?, _), (.featureOn?, _), (.version?, _), (_, .enable?), (_, .disable?):
            lookups = [.feature]
        case (.setting?, _): lookups = [.setting, .job]
        case (.jobNotRun?, _), (.jobOrder?, _), (.schedule?, _), (_, .runJob?): lookups = [.job]
        case (.records?, _): lookups = [.check]
        case (.manual?, _), (_, .manual?): lookups = [.manual]
        case (_, .set?): lookups = [.setting, .job]
        default: lookups = [.feature, .job, .setting, .check, .manual]
        }
        for kind in lookups { if let found = remarks(of: kind, subject, settling: settling) { return found } }
        return Remarks()
    }

    /// What a remark can be about.
    private enum RemarksKind { case feature, setting, job, check, manual }

    /// The remarks of the definition of `kind` with id `subject`, nil when there is none. It
    /// reads the graph in place: an answer asks this for each of its nodes and steps.
    private func remarks(of kind: RemarksKind, _ subject: String, settling: Bool) -> Remarks? {
        let graph = facts.graph
        switch kind {
        case .feature:
            guard let f = graph.featureIndex[subject] else { return nil }
            return settling ? Remarks(settleSource: graph.pack.features[f].takesEffect?.settleSource) : remarks(ofFeature: f)
        case .setting:
            guard let s = graph.settingIndex[subject] else { return nil }
            if settling { return Remarks(settleSource: graph.pack.settings[s].takesEffect?.settleSource) }
            return Remarks(note: graph.pack.settings[s].note?.text(in: language.tag), docs: graph.pack.settings[s].docs)
        case .job:
            guard let j = graph.jobIndex[subject] else { return nil }
            return Remarks(note: graph.pack.jobs[j].note?.text(in: language.tag), docs: graph.pack.jobs[j].docs)
        case .check:
            guard let r = graph.recordIndex[subject] else { return nil }
            return Remarks(note: graph.pack.records[r].note?.text(in: language.tag), docs: graph.pack.records[r].docs)
        case .manual:
            guard let m = graph.manualIndex[subject] else { return nil }
            return Remarks(note: graph.pack.manualSteps[m].note?.text(in: language.tag), docs: graph.pack.manualSteps[m].docs)
        }
    }

    /// Every node and step of an answer with the remarks of what it is about.
    package func withRemarks(_ explanation: Explanation) -> Explanation {
        var out = explanation
        for i in out.nodes.indices where out.nodes[i].cause != nil {
            out.nodes[i].remarks = remarks(cause: out.nodes[i].cause, subject: out.nodes[i].subject)
        }
        return out
    }

    package func withRemarks(_ plan: PlanBuilder.Plan) -> PlanBuilder.Plan {
        var out = plan
        for i in out.steps.indices {
            out.steps[i].remarks = remarks(cause: nil, action: out.steps[i].action, subject: out.steps[i].subject)
        }
        return out
    }
}
