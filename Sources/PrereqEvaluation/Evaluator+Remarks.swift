import PrereqModel

extension Evaluator {
    /// A feature's remarks (its settle source only when `settling`).
    public func remarks(ofFeature f: Int, settling: Bool = false) -> Remarks {
        let feature = pack.features[f]
        return Remarks(
            note: feature.note?.text(in: language.tag), docs: feature.docs,
            settleSource: settling ? feature.takesEffect?.settleSource : nil)
    }

    /// The remarks of what a cause or a step is about, found by its kind and subject id.
    package func remarks(cause: CauseKind?, action: PlanAction? = nil, subject: String?) -> Remarks {
        guard let subject else { return Remarks() }
        // A settle time's cause and its wait are about the settle time: only its source is news.
        let settling = cause == .settling || action == .wait
        let feature = {
            graph.featureIndex[subject].map { f in
                settling ? Remarks(settleSource: pack.features[f].takesEffect?.settleSource) : remarks(ofFeature: f)
            }
        }
        let setting = {
            graph.settingIndex[subject].map { s in
                Remarks(note: pack.settings[s].note?.text(in: language.tag), docs: pack.settings[s].docs)
            }
        }
        let job = { graph.jobIndex[subject].map { j in Remarks(note: pack.jobs[j].note?.text(in: language.tag), docs: pack.jobs[j].docs) } }
        let check = {
            graph.recordIndex[subject].map { r in Remarks(note: pack.records[r].note?.text(in: language.tag), docs: pack.records[r].docs) }
        }
        let lookups: [() -> Remarks?]
        switch (cause, action) {
        case (.featureOff?, _), (.featureOn?, _), (.version?, _), (.settling?, _), (_, .enable?), (_, .disable?), (_, .wait?):
            lookups = [feature]
        case (.setting?, _): lookups = [setting, job]
        case (.jobNotRun?, _), (.jobOrder?, _), (.schedule?, _), (_, .runJob?): lookups = [job]
        case (.records?, _): lookups = [check]
        case (_, .set?): lookups = [setting, job]
        default: lookups = [feature, job, setting, check]
        }
        for lookup in lookups { if let found = lookup() { return found } }
        return Remarks()
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
