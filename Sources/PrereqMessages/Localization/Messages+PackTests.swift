import PrereqModel

/// The sentences of `prereq test`: reading pack test files, running their cases, and what a
/// failing case expected and got.
extension Messages {
    // MARK: - Reading case files

    public var packTestPlace: String { say("a pack test file", "um arquivo de testes do pacote") }
    public var casePlace: String { say("a case", "um caso") }
    public func caseNamed(_ name: String) -> String { say("the case \"\(name)\"", "o caso \"\(name)\"") }

    public func packTestFormatUnsupported(_ v: Int) -> String {
        say("pack test format \(v) is not supported; this Prereq reads prereqTest: 1", "o formato de testes do pacote \(v) não é suportado; este Prereq lê prereqTest: 1")
    }

    public var packTestNeedsCases: String { say("a pack test file needs a list of cases", "um arquivo de testes do pacote precisa de uma lista de casos") }
    public var packTestFormHelp: String {
        say("a pack test file is `prereqTest: 1` and `cases:`, each case with name, snapshot and expect",
            "um arquivo de testes do pacote é `prereqTest: 1` e `cases:`, cada caso com name, snapshot e expect")
    }

    public var caseNeedsName: String { say("a case needs a name", "um caso precisa de um nome (name)") }
    public func caseNamedTwice(_ name: String) -> String {
        say("two cases of this file are named \"\(name)\"", "dois casos deste arquivo se chamam \"\(name)\"")
    }

    public var firstNamedHere: String { say("the first one", "o primeiro") }
    public var caseNamedTwiceHelp: String { say("give every case a name of its own", "dê a cada caso um nome próprio") }

    public func caseNeedsSnapshot(_ name: String) -> String { say("the case \"\(name)\" needs a snapshot", "o caso \"\(name)\" precisa de um snapshot") }
    public var caseSnapshotHelp: String {
        say("give a snapshot file's path (relative to this file) or write the snapshot under `snapshot:`",
            "informe o caminho de um arquivo de snapshot (relativo a este arquivo) ou escreva o snapshot sob `snapshot:`")
    }

    public func caseExpectsNothing(_ name: String) -> String { say("the case \"\(name)\" expects nothing", "o caso \"\(name)\" não espera nada") }
    public var caseExpectHelp: String {
        say("add `expect:` with the answers of why (verdict, rootCauses, plan, channels), plan (steps) or check (findings)",
            "acrescente `expect:` com as respostas de why (verdict, rootCauses, plan, channels), plan (steps) ou check (findings)")
    }

    public var planExpectationNeedsFeatures: String {
        say("a plan expectation needs the features to plan for (features: [...])", "uma expectativa de plan precisa dos recursos do plano (features: [...])")
    }

    public func listNeedsContains(_ what: String) -> String {
        say("\(what) must be a list, or `contains:` with a list", "\(what) precisa ser uma lista, ou `contains:` com uma lista")
    }

    public func itemNeedsHead(_ key: String, in what: String) -> String {
        say("an item of \(what) needs `\(key)`", "um item de \(what) precisa de `\(key)`")
    }

    public func notAFindingCode(_ code: String, suggestion: String?) -> String {
        say("unknown finding code \"\(code)\"\(didYouMean(suggestion))", "código de diagnóstico desconhecido \"\(code)\"\(didYouMean(suggestion))")
    }

    public var findingCodesHelp: String { say("prereq explain --list shows every code", "prereq explain --list mostra todos os códigos") }

    public func notAPackTestFile(_ path: String) -> String {
        say("\(path) is neither a pack test file nor a snapshot", "\(path) não é um arquivo de testes do pacote nem um snapshot")
    }

    public var notAPackTestFileHelp: String {
        say("a pack test file starts with `prereqTest: 1`; keep other files out of the test folder",
            "um arquivo de testes do pacote começa com `prereqTest: 1`; mantenha outros arquivos fora da pasta de testes")
    }

    public func noCaseFound(_ paths: [String]) -> String {
        say("no pack test case in \(paths.joined(separator: ", "))", "nenhum caso de teste do pacote em \(paths.joined(separator: ", "))")
    }

    public var noCaseFoundHelp: String {
        say("write cases in files that start with `prereqTest: 1` (docs/pack-tests.md)",
            "escreva os casos em arquivos que começam com `prereqTest: 1` (docs/pack-tests.md)")
    }

    public var packTestsUnusable: String {
        say("the pack test cases cannot be used", "os casos de teste do pacote não podem ser usados")
    }

    // MARK: - Running cases

    public var snapshotOfTheCase: String { say("the snapshot the case names", "o snapshot que o caso indica") }

    public func caseSnapshotHoldsSeveral(_ path: String, _ count: Int) -> String {
        say("\(path) holds \(count) snapshots; a case reads a file with one", "\(path) contém \(count) snapshots; um caso lê um arquivo com um só")
    }

    /// A failing case's one difference: `verdict of "async-customer-editing": expected blocked, got in-effect`.
    public func expectedGot(_ field: String, expected: String, got: String) -> String {
        say("\(field): expected \(expected), got \(got)", "\(field): esperado \(expected), obtido \(got)")
    }

    /// The same for `contains:`, whose items may have others between them.
    public func expectedToContain(_ field: String, expected: String, got: String) -> String {
        say("\(field): expected to contain \(expected) in this order, got \(got)", "\(field): esperado que contenha \(expected) nesta ordem, obtido \(got)")
    }

    public func verdictField(_ feature: String) -> String { say("verdict of \(quote(feature))", "veredito de \(quote(feature))") }
    public func rootCausesField(_ feature: String) -> String { say("root causes of \(quote(feature))", "causas raiz de \(quote(feature))") }
    public func whyPlanField(_ feature: String) -> String { say("plan of \(quote(feature))", "plano de \(quote(feature))") }
    public func channelsField(_ feature: String) -> String { say("verdicts by channel of \(quote(feature))", "vereditos por canal de \(quote(feature))") }
    public func planStepsField(_ features: [String]) -> String {
        say("plan for \(features.map(quote).joined(separator: ", "))", "plano para \(features.map(quote).joined(separator: ", "))")
    }

    public var findingsField: String { say("check findings", "diagnósticos do check") }

    /// `3 cases, 2 passed, 1 failed` (`, 1 error` when cases could not run).
    public func packTestSummary(cases: Int, passed: Int, failed: Int, errors: Int) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let line = say(
            "\(count(cases, "case", "cases")), \(passed) passed, \(failed) failed",
            "\(count(cases, "caso", "casos")), \(count(passed, "passou", "passaram")), \(count(failed, "falhou", "falharam"))")
        guard errors > 0 else { return line }
        return line + say(", \(count(errors, "error", "errors"))", ", \(count(errors, "com erro", "com erro"))")
    }

    public var caseCouldNotRun: String { say("the case could not run", "o caso não pôde ser executado") }
}
