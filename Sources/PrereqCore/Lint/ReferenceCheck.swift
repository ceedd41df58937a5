import Diagnostics

/// Every reference to a feature, setting, job or record check that the pack does not define,
/// at the line of the reference, with the closest defined id as a suggestion.
enum ReferenceCheck {
    static func run(_ graph: RuleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pack = graph.pack
        func check(_ ref: Located<String>, _ kind: String, _ index: [String: Int], from subject: String) {
            guard index[ref.value] == nil else { return }
            out.append(
                Diagnostic(
                    code: "unknown-reference",
                    message: "\(subject) refers to the unknown \(kind) \"\(ref.value)\"\(Suggestions.didYouMean(ref.value, in: index.keys.sorted()))",
                    location: ref.location, subject: subject, kind: kind))
        }
        for f in pack.features {
            let subject = "feature \(f.id.value)"
            for r in f.requires?.featureReferences ?? [] { check(r, "feature", graph.featureIndex, from: subject) }
            for r in f.conflicts { check(r, "feature", graph.featureIndex, from: subject) }
            for r in f.alsoEnables { check(r, "feature", graph.featureIndex, from: subject) }
            for s in f.settings { check(s.setting, "setting", graph.settingIndex, from: subject) }
            for j in f.takesEffect?.jobs ?? [] { check(j, "job", graph.jobIndex, from: subject) }
        }
        for j in pack.jobs {
            for a in j.after { check(a, "job", graph.jobIndex, from: "job \(j.id.value)") }
        }
        for r in pack.records {
            if let c = r.clearedBy { check(c, "job", graph.jobIndex, from: "record check \(r.id.value)") }
        }
        for q in pack.questions {
            let subject = "question \(q.id.value)"
            if let about = q.about { check(about, "feature", graph.featureIndex, from: subject) }
            for c in q.checks {
                switch c {
                case .canEnable(let f), .inEffect(let f): check(f, "feature", graph.featureIndex, from: subject)
                case .records(let r): check(r, "record check", graph.recordIndex, from: subject)
                case .jobsInOrder(let jobs, _): for j in jobs { check(j, "job", graph.jobIndex, from: subject) }
                }
            }
        }
        return out
    }
}

extension Diagnostic {
    fileprivate init(code: String, message: String, location: SourceLocation, subject: String, kind: String) {
        self.init(
            code: code, severity: .error, message: message, location: location,
            help: "define the \(kind) in the pack, or correct the id", subject: subject)
    }
}
