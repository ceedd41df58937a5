import PrereqModel

/// The words of `prereq graph` and of the pictures in Markdown answers: logic nodes, condition
/// labels, edge labels and the legend of the colours, in English and Brazilian Portuguese (part
/// of the one message catalog, `Messages`).
extension Messages {
    // MARK: - Logic nodes

    public var pictureAllOf: String { say("all of", "todas") }
    public var pictureAnyOf: String { say("any of", "uma de") }
    public var pictureNot: String { say("not", "não") }
    public var pictureWhen: String { say("when", "quando") }
    public var pictureRecommended: String { say("recommended", "recomendado") }
    public var pictureEachChannel: String { say("in every channel", "em cada canal") }

    /// A count group: "exactly one", "at least 2", "at most 3", "2 to 3".
    public func pictureCount(min: Int, max: Int?) -> String {
        switch (min, max) {
        case (1, 1?): return say("exactly one", "exatamente uma")
        case (let low, let high?) where low == high: return say("exactly \(low)", "exatamente \(low)")
        case (let low, nil): return say("at least \(low)", "pelo menos \(low)")
        case (0, let high?): return say("at most \(high)", "no máximo \(high)")
        case (let low, let high?): return say("\(low) to \(high)", "de \(low) a \(high)")
        }
    }

    // MARK: - Conditions

    /// A test in a few signs and words: `= A`, `in [A, B]`, `≥ 3`, `serving true`.
    public func pictureTest(_ test: ValueCondition.Test) -> String {
        let list = { (vs: [SettingValue]) in "[" + self.values(vs) + "]" }
        switch test {
        case .serving(let v): return say("serving \(value(v))", "entrega \(value(v))")
        case .equals(let v): return "= \(value(v))"
        case .oneOf(let vs): return say("in \(list(vs))", "em \(list(vs))")
        case .noneOf(let vs): return say("not in \(list(vs))", "fora de \(list(vs))")
        case .range(let low, let high): return [low.map { "≥ \($0)" }, high.map { "≤ \($0)" }].compactMap { $0 }.joined(separator: ", ")
        case .contains(let v): return say("contains \(value(v))", "contém \(value(v))")
        case .order(let vs): return say("in order \(list(vs))", "nesta ordem \(list(vs))")
        }
    }

    /// A setting or attribute and its test: `Mode in [A, B]`.
    public func pictureCondition(_ subject: String, _ test: ValueCondition.Test) -> String { "\(subject) \(pictureTest(test))" }

    public func pictureProductAtLeast(_ v: ProductVersion) -> String { say("product version ≥ \(v)", "versão do produto ≥ \(v)") }
    public func pictureProductBelow(_ v: ProductVersion) -> String { say("product version < \(v)", "versão do produto < \(v)") }

    /// A component's version condition: `Store Commerce ≥ 10.0.38, ≤ 10.0.41, not newer than Headquarters`.
    public func pictureComponent(_ component: String, atLeast: VersionReference?, atMost: VersionReference?, notNewerThan other: String?) -> String {
        let parts = [atLeast.map { "≥ \($0)" }, atMost.map { "≤ \($0)" }, other.map { say("not newer than \($0)", "não mais nova que \($0)") }]
        return "\(component) " + parts.compactMap { $0 }.joined(separator: ", ")
    }

    /// A reference to a feature or job the pack does not define.
    public func pictureUndefined(_ id: String) -> String { say("\(id) (undefined)", "\(id) (não definido)") }

    // MARK: - Edges

    public var edgeIf: String { say("if", "se") }
    public var edgeThen: String { say("then", "então") }
    public var edgeWhere: String { say("where", "onde") }
    public var edgeConflicts: String { say("conflicts", "conflita") }
    public var edgeThenRun: String { say("then run", "depois execute") }
    public var edgeAfter: String { say("after", "depois de") }
    public func edgeAfterState(_ state: String) -> String { say("after \(state)", "depois de \(state)") }
    public var edgeCreatedBy: String { say("created by", "criado por") }

    // MARK: - Legend

    public var legendTitle: String { say("Legend", "Legenda") }
    public var legendOn: String { say("on / holds", "ativado / vale") }
    public var legendOff: String { say("off / does not hold", "desativado / não vale") }
    public var legendBlocking: String { say("stands in the way", "bloqueia") }
    public var legendUnknown: String { say("unknown (no data)", "desconhecido (sem dados)") }
    public var legendNotInEffect: String { say("on, not in effect", "ativado, sem efeito") }

    /// Under a picture cut down to what stands in the way.
    public func pictureCut(kept: Int, of total: Int) -> String {
        say("Only what stands in the way is drawn: \(kept) of \(total) conditions and features.",
            "Só o que bloqueia está desenhado: \(kept) de \(total) condições e recursos.")
    }
}
