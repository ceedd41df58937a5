import PrereqModel

/// The kinds of element a pack defines, named in findings.
public enum ElementKind: Sendable {
    case feature, setting, job, recordCheck, question, attribute, manualStep, component, release
}

/// The sentences of `prereq lint` and of snapshot name binding, in English and Brazilian
/// Portuguese (part of the one message catalog, `Messages`).
extension Messages {

    /// "feature", "recurso", …
    public func kind(_ k: ElementKind) -> String {
        switch k {
        case .feature: say("feature", "recurso")
        case .setting: say("setting", "configuração")
        case .job: say("job", "trabalho")
        case .recordCheck: say("record check", "verificação de registros")
        case .question: say("question", "pergunta")
        case .attribute: say("attribute", "atributo")
        case .manualStep: say("manual step", "passo manual")
        case .component: say("component", "componente")
        case .release: say("release", "lançamento")
        }
    }

    /// "feature a", "o recurso a", …
    public func element(_ k: ElementKind, _ id: String) -> String {
        guard language.isPortuguese else { return "\(kind(k)) \(id)" }
        return feminine(k) ? "a \(kind(k)) \(id)" : "o \(kind(k)) \(id)"
    }

    /// Whether the Portuguese noun for the kind is feminine (configuração, verificação, pergunta).
    private func feminine(_ k: ElementKind) -> Bool { k == .setting || k == .recordCheck || k == .question }

    /// "um recurso desconhecido", "uma configuração desconhecida", …
    private func unknownKind(_ k: ElementKind) -> String {
        feminine(k) ? "uma \(kind(k)) desconhecida" : "um \(kind(k)) desconhecido"
    }

    // MARK: - References and usage

    public func unknownReference(from subject: String, kind k: ElementKind, id: String, suggestion: String?) -> String {
        let hint = didYouMean(suggestion)
        return say("\(subject) refers to the unknown \(kind(k)) \"\(id)\"\(hint)", "\(subject) se refere a \(unknownKind(k)), \"\(id)\"\(hint)")
    }

    public func unknownReferenceHelp(_ k: ElementKind) -> String {
        say("define the \(kind(k)) in the pack, or correct the id", "defina \(feminine(k) ? "essa" : "esse") \(kind(k)) no pacote ou corrija o id")
    }

    public func unusedJob(_ id: String) -> String {
        say("job \(id) is not used by any feature, job, record check or question", "o trabalho \(id) não é usado por nenhum recurso, trabalho, verificação de registros ou pergunta")
    }

    public var unusedJobHelp: String {
        say("refer to it (e.g. in a feature's takesEffect.jobs) or remove it", "faça referência a ele (por exemplo, em takesEffect.jobs de um recurso) ou remova-o")
    }

    public func unusedSetting(_ id: String) -> String {
        say("setting \(id) is not required by any feature", "a configuração \(id) não é exigida por nenhum recurso")
    }

    public var unusedSettingHelp: String {
        say("require it from a feature's settings, or remove it", "exija-a nas settings de um recurso ou remova-a")
    }

    // MARK: - Cycles

    public func requiresCycle(_ ids: [String]) -> String {
        say("requirements form a cycle: \(ids.joined(separator: " → "))", "os requisitos formam um ciclo: \(ids.joined(separator: " → "))")
    }

    public var requiresCycleHelp: String {
        say("remove one of these requirements; no feature in a cycle can ever be switched on first",
             "remova um destes requisitos; nenhum recurso de um ciclo pode ser ativado primeiro")
    }

    public func afterCycle(_ ids: [String]) -> String {
        say("job order constraints form a cycle: \(ids.joined(separator: " after "))",
             "as restrições de ordem dos trabalhos formam um ciclo: \(ids.joined(separator: " depois de "))")
    }

    public var afterCycleHelp: String {
        say("remove one of these `after` entries; no order of runs can satisfy them all",
             "remova uma destas entradas `after`; nenhuma ordem de execução atende a todas")
    }

    public func inTheCycle(_ id: String) -> String { say("\(id) is in the cycle", "\(id) faz parte do ciclo") }

    // MARK: - Features that can never be enabled

    public func neverEnableable(_ id: String, because reason: String) -> String {
        say("feature \(id) can never be enabled: \(reason)", "o recurso \(id) nunca pode ser ativado: \(reason)")
    }

    public var neverEnableableHelp: String {
        say("remove the contradiction from its requirements (or the feature itself)", "remova a contradição dos requisitos (ou o próprio recurso)")
    }

    public func reasonVersionWindow(min: ProductVersion, from a: String, removedIn: ProductVersion, by b: String) -> String {
        say("it needs version \(min) or later (set by \(a)) but \(b) exists only before \(removedIn)",
             "ele requer a versão \(min) ou posterior (exigida por \(a)), mas \(b) só existe antes da versão \(removedIn)")
    }

    public var minimumComesFromHere: String { say("the minimum comes from here", "o mínimo vem daqui") }
    public var upperBoundComesFromHere: String { say("the upper bound comes from here", "o limite superior vem daqui") }

    public func reasonConflictsWithNeeded(_ other: String) -> String {
        say("it cannot be on together with \(other), which it needs", "ele não pode ficar ativado junto com \(other), de que precisa")
    }

    public func reasonNeedsBoth(_ a: String, _ b: String) -> String {
        say("it needs both \(a) and \(b), which cannot be on together", "ele precisa de \(a) e de \(b), que não podem ficar ativados juntos")
    }

    public func excludeEachOther(_ a: String, _ b: String) -> String {
        say("\(a) and \(b) exclude each other here", "\(a) e \(b) se excluem aqui")
    }

    public func reasonRequiresImpossible(_ id: String, cyclic: Bool) -> String {
        cyclic
            ? say("it requires \(id), which is caught in a requirements cycle", "ele requer \(id), que está preso em um ciclo de requisitos")
            : say("it requires \(id), which can never be enabled", "ele requer \(id), que nunca pode ser ativado")
    }

    public func reasonNoAlternative(_ ids: [String]) -> String {
        say("none of its alternatives (\(ids.joined(separator: ", "))) can ever be enabled",
             "nenhuma das alternativas (\(ids.joined(separator: ", "))) pode ser ativada")
    }

    public var reasonDependsOnCycle: String { say("it depends on a requirements cycle", "ele depende de um ciclo de requisitos") }
    public var requiredHere: String { say("required here", "exigido aqui") }
    public var alternativesListedHere: String { say("alternatives listed here", "alternativas listadas aqui") }

    // MARK: - Redundancy and versions

    public func redundantRequirement(_ f: String, requires x: String, alreadyBy d: String) -> String {
        say("feature \(f) requires \(x), which \(d) already requires", "o recurso \(f) requer \(x), que \(d) já requer")
    }

    public var redundantRequirementHelp: String {
        say("you may drop the direct requirement; keep it only if you want it stated", "o requisito direto pode ser removido; mantenha-o só se quiser deixá-lo explícito")
    }

    public func requiredHere(by id: String) -> String { say("\(id) is required here", "\(id) é exigido aqui") }

    public func versionLater(_ f: String, declared: ProductVersion, requires ref: String, needs: ProductVersion, through via: String?) -> String {
        let throughEN = via.map { " (through \($0))" } ?? ""
        let throughPT = via.map { " (por meio de \($0))" } ?? ""
        return say("feature \(f) is declared from \(declared) but requires \(ref), which needs \(needs)\(throughEN); its real minimum is \(needs)",
                    "o recurso \(f) é declarado a partir da versão \(declared), mas requer \(ref), que precisa da versão \(needs)\(throughPT); o mínimo real é \(needs)")
    }

    public func versionLaterHelp(_ f: String, _ needs: ProductVersion) -> String {
        say("raise minVersion of \(f) to \(needs), or correct the versions", "eleve minVersion de \(f) para \(needs) ou corrija as versões")
    }

    public var declaredMinimum: String { say("declared minimum", "mínimo declarado") }
    public func versionComesFromHere(_ v: ProductVersion) -> String { say("\(v) comes from here", "\(v) vem daqui") }

    // MARK: - Names and translations

    public func ambiguousFeatureName(_ a: String, _ b: String, name: String) -> String {
        say("features \(a) and \(b) are both called \"\(name)\"; a snapshot using that name is ambiguous",
             "os recursos \(a) e \(b) se chamam \"\(name)\"; um snapshot que use esse nome é ambíguo")
    }

    public var ambiguousFeatureNameHelp: String { say("give each feature its own name, or drop the alias", "dê a cada recurso um nome próprio ou remova o alias") }
    public func usesTheNameHere(_ id: String) -> String { say("\(id) uses the name here", "\(id) usa o nome aqui") }

    public func nameOf(_ k: ElementKind, _ id: String) -> String {
        k == .question ? element(k, id) : say("the name of \(element(k, id))", "o nome d\(element(k, id))")
    }

    public func missingTranslation(_ what: String, languages: [String]) -> String {
        say("\(what) has no \(languages.joined(separator: ", ")) text, which the pack promises",
             "\(what) não tem texto em \(languages.joined(separator: ", ")), que o pacote promete")
    }

    public func missingTranslationHelp(_ languages: [String]) -> String {
        say("write it as a mapping: {\(languages.map { "\($0): …" }.joined(separator: ", "))}",
             "escreva-o como um mapeamento: {\(languages.map { "\($0): …" }.joined(separator: ", "))}")
    }

    public func packPromises(_ languages: [String]) -> String {
        say("the pack promises \(languages.joined(separator: ", ")) here", "o pacote promete \(languages.joined(separator: ", ")) aqui")
    }

    // MARK: - Snapshot names

    public func unknownName(_ k: ElementKind, _ name: String, suggestion: String?) -> String {
        let hint = didYouMean(suggestion)
        return say("the snapshot names the \(kind(k)) \"\(name)\", which the rule pack does not know\(hint)",
                    "o snapshot cita \"\(name)\" como \(kind(k)), mas o pacote de regras não o conhece\(hint)")
    }

    public func unknownNameHelp(_ k: ElementKind) -> String {
        say("use the \(kind(k))'s id, display name or alias as the pack defines it", "use o id, o nome de exibição ou um alias como o pacote define")
    }

    public func duplicateEntry(_ k: ElementKind, _ id: String) -> String {
        say("the \(kind(k)) \(id) is given twice in the snapshot; the first entry is used", "\(element(k, id)) aparece duas vezes no snapshot; vale a primeira entrada")
    }

    public var firstGivenHere: String { say("first given here", "informado primeiro aqui") }
    public func duplicateEntryHelp(_ k: ElementKind) -> String { say("keep one entry per \(kind(k))", "mantenha uma entrada por \(kind(k))") }

    public func ambiguousSnapshotName(_ k: ElementKind, _ name: String, matches: [String]) -> String {
        say("the \(kind(k)) name \"\(name)\" matches \(matches.joined(separator: ", ")); it is ignored",
             "o nome \"\(name)\" corresponde a \(matches.joined(separator: ", ")); a entrada é ignorada")
    }

    public func useIdHelp(_ k: ElementKind) -> String { say("use the \(kind(k))'s id instead", "use o id em vez do nome") }

    // MARK: - Check findings

    public var ruleThatDemandsIt: String { say("the rule that demands it", "a regra que o exige") }
    public var featureInTheSnapshot: String { say("the feature in the snapshot", "o recurso no snapshot") }

    /// The last line of a text report.
    public func summary(errors: Int, warnings: Int, notes: Int) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return language.isPortuguese
            ? "\(count(errors, "erro", "erros")), \(count(warnings, "aviso", "avisos")), \(count(notes, "nota", "notas"))"
            : "\(count(errors, "error", "errors")), \(count(warnings, "warning", "warnings")), \(count(notes, "note", "notes"))"
    }
}
