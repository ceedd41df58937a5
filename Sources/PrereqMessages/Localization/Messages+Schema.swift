
/// The sentences of the rule and snapshot decoders (schema findings), in English and Brazilian
/// Portuguese (part of the one message catalog, `Messages`). `what` phrases name the place in a
/// file: "conflicts of feature a" / "conflicts do recurso a".
extension Messages {

    /// Portuguese "de"/"em" before a place: contracted with its article ("do recurso a",
    /// "na pergunta q"), plain before a bare name ("de RETAILASYNCCUSTOMERV2").
    private func de(_ what: String) -> String { contracted("d", "de", what) }
    private func em(_ what: String) -> String { contracted("n", "em", what) }

    private func contracted(_ prefix: String, _ plain: String, _ what: String) -> String {
        for article in ["o ", "a ", "os ", "as ", "um ", "uma "] where what.hasPrefix(article) {
            return article.hasPrefix("u") ? "\(plain) \(what)" : prefix + what
        }
        return "\(plain) \(what)"
    }

    // MARK: - Places

    /// "KEY of WHAT": `conflicts of feature a`, `conflicts do recurso a`.
    public func field(_ key: String, of what: String) -> String {
        say("\(key) of \(what)", "\(key) \(de(what))")
    }

    /// "KEY in WHAT": `canEnable in question q`, `canEnable na pergunta q`.
    public func field(_ key: String, in what: String) -> String {
        say("\(key) in \(what)", "\(key) \(em(what))")
    }

    public func nameOf(_ what: String) -> String { say("the name of \(what)", "o nome \(de(what))") }
    public func noteOf(_ what: String) -> String { say("the note of \(what)", "a nota \(de(what))") }
    public func textOf(_ what: String) -> String { say("the text of \(what)", "o texto \(de(what))") }
    public func settleTimeOf(_ what: String) -> String { say("settle time of \(what)", "o tempo de estabilização \(de(what))") }
    public func requirementOf(_ what: String) -> String { say("a requirement of \(what)", "um requisito \(de(what))") }
    public func checkOf(_ what: String) -> String { say("a check of \(what)", "uma verificação \(de(what))") }
    public func setting(_ key: String, of what: String) -> String { say("setting \(key) of \(what)", "a configuração \(key) \(de(what))") }
    public func language(_ tag: String, of what: String) -> String { "\(what) (\(tag))" }

    public var packPlace: String { say("the pack", "o pacote") }
    public var ruleFilePlace: String { say("a rule file", "um arquivo de regras") }
    public var snapshotPlace: String { say("a snapshot", "um snapshot") }
    public var snapshotHeaderPlace: String { "snapshot" }
    public var recordsEntryPlace: String { say("a records entry", "uma entrada de records") }

    /// A section of a file, named by its key: `features`, `jobs`.
    public func section(_ key: String) -> String { say(key, "a seção \(key)") }

    /// An entry a snapshot names as written: `feature "X"`, `o recurso "X"`.
    public func snapshotEntry(_ k: ElementKind, _ name: String) -> String { element(k, "\"\(name)\"") }

    // MARK: - Shapes and values

    public var expectedMapping: String { say("a mapping", "um mapeamento") }
    public var expectedList: String { say("a list", "uma lista") }
    public var expectedText: String { say("text", "um texto") }
    public var expectedId: String { say("an id", "um id") }
    public var expectedSwitch: String { say("on or off (true or false)", "on ou off (true ou false)") }
    public var expectedWholeNumber: String { say("a whole number", "um número inteiro") }
    public var expectedValue: String { say("a value (on/off, a number or text)", "um valor (on/off, um número ou um texto)") }
    public var foundMapping: String { say("a mapping", "um mapeamento") }
    public var foundList: String { say("a list", "uma lista") }
    public var foundAlias: String { say("an alias", "um alias") }
    public var foundNull: String { say("nothing (null)", "nada (null)") }

    public func mustBe(_ what: String, expected: String, found: String) -> String {
        say("\(what) must be \(expected), found \(found)", "\(what) precisa ser \(expected), mas é \(found)")
    }

    public func keysMustBeText(_ what: String) -> String { say("keys in \(what) must be plain text", "as chaves \(em(what)) precisam ser texto simples") }

    public func unknownKey(_ key: String, in what: String, suggestion: String?) -> String {
        let hint = didYouMean(suggestion)
        return say("unknown key \"\(key)\" in \(what)\(hint)", "chave desconhecida \"\(key)\" \(em(what))\(hint)")
    }

    public func allowedKeys(_ keys: [String]) -> String {
        say("allowed keys: \(keys.joined(separator: ", "))", "chaves permitidas: \(keys.joined(separator: ", "))")
    }

    public func notTimestamp(_ value: String, for what: String) -> String {
        say("\"\(value)\" is not an ISO 8601 timestamp for \(what); expected e.g. 2026-11-20T10:00:00Z",
               "\"\(value)\" não é um instante ISO 8601 para \(what); esperado, por exemplo, 2026-11-20T10:00:00Z")
    }

    public func timestampWithoutZone(_ what: String, _ value: String) -> String {
        say("\(what) \"\(value)\" has no time zone; it is read as UTC", "\(what) \"\(value)\" não tem fuso horário; é lido como UTC")
    }

    public var timestampWithoutZoneHelp: String { say("append Z (UTC) or an offset such as -03:00", "acrescente Z (UTC) ou um deslocamento como -03:00") }
    public func mustNotBeEmpty(_ what: String) -> String { say("\(what) must not be empty", "\(what) não pode ser vazio") }

    public func notVersion(_ value: String, for what: String) -> String {
        say("\"\(value)\" is not a version for \(what); expected dotted numbers such as 10.0.38",
               "\"\(value)\" não é uma versão para \(what); esperados números separados por pontos, como 10.0.38")
    }

    public func notDuration(_ value: String, for what: String) -> String {
        say("\"\(value)\" is not a duration for \(what); expected e.g. 90s, 15m, 1h30m or PT15M",
               "\"\(value)\" não é uma duração para \(what); esperado, por exemplo, 90s, 15m, 1h30m ou PT15M")
    }

    public func notOneOf(_ value: String, _ what: String, suggestion: String?, options: [String]) -> String {
        let hint = didYouMean(suggestion)
        return say("\"\(value)\" is not a valid \(what)\(hint); expected one of \(options.joined(separator: ", "))",
                      "\"\(value)\" não é válido para \(what)\(hint); esperado um de \(options.joined(separator: ", "))")
    }

    public func notLanguageTag(_ value: String, in what: String) -> String {
        say("\"\(value)\" is not a language tag in \(what); expected e.g. en or pt-BR", "\"\(value)\" não é uma etiqueta de idioma \(em(what)); esperado, por exemplo, en ou pt-BR")
    }

    public func notLanguageTag(_ value: String) -> String {
        say("\"\(value)\" is not a language tag; expected e.g. en or pt-BR", "\"\(value)\" não é uma etiqueta de idioma; esperado, por exemplo, en ou pt-BR")
    }

    public var aliasExpansion: String {
        say("aliases expand this document far beyond its size; decoding stopped", "os aliases expandem este documento muito além do seu tamanho; a leitura parou")
    }

    public var aliasExpansionHelp: String { say("share fewer nested aliases, or write the data out", "use menos aliases aninhados ou escreva os dados por extenso") }

    // MARK: - Rule files

    public func schemaVersionUnsupported(_ v: Int) -> String {
        say("schema version \(v) is not supported; this Prereq reads version 1", "a versão de esquema \(v) não é suportada; este Prereq lê a versão 1")
    }

    public var ruleFileNeedsVersion: String { say("a rule file must state its schema version", "um arquivo de regras precisa informar a versão do esquema") }
    public var ruleFileNeedsVersionHelp: String { say("add `prereq: 1` at the top of the document", "acrescente `prereq: 1` no início do documento") }
    public func emptyId(in what: String) -> String { say("an id in \(what) must not be empty", "um id \(em(what)) não pode ser vazio") }

    public var requirementOneKey: String {
        say("a requirement mapping names exactly one form: allOf, anyOf, not, exactlyOne, atLeast/atMost with of, or when with then, or is a condition on a value ({setting: id, equals: v})", "um requisito em forma de mapeamento nomeia exatamente uma forma: allOf, anyOf, not, exactlyOne, atLeast/atMost com of, ou when com then, ou é uma condição de valor ({setting: id, equals: v})")
    }

    public var requirementOneKeyHelp: String { say("write `- anyOf: [a, b]` as its own list item", "escreva `- anyOf: [a, b]` como um item próprio da lista") }

    public func atLeastOneItem(_ what: String) -> String { say("\(what) needs at least one item", "\(what) precisa de pelo menos um item") }

    public func unknownRequirement(_ key: String, in what: String, suggestion: String?) -> String {
        let hint = didYouMean(suggestion)
        return say("unknown requirement \"\(key)\" in \(what)\(hint)", "requisito desconhecido \"\(key)\" \(em(what))\(hint)")
    }

    public var unknownRequirementHelp: String { say("a requirement is a feature id, or allOf, anyOf, not, exactlyOne, atLeast/atMost with of, when with then, or a condition on a value ({setting: id, equals: v}, {feature: id, serving: v}); any of them may add severity", "um requisito é o id de um recurso, ou allOf, anyOf, not, exactlyOne, atLeast/atMost com of, when com then, ou uma condição de valor ({setting: id, equals: v}, {feature: id, serving: v}); qualquer um deles pode ter severity") }
    public func needsKey(_ what: String, _ key: String) -> String { say("\(what) needs `\(key)`", "\(what) precisa de `\(key)`") }
    public func needsACheck(_ what: String) -> String { say("\(what) needs at least one entry in `checks`", "\(what) precisa de pelo menos uma entrada em `checks`") }

    public func checkOneKey(_ kinds: [String]) -> String {
        say("a check has exactly one key: \(kinds.joined(separator: ", "))", "uma verificação tem exatamente uma chave: \(kinds.joined(separator: ", "))")
    }

    public func needsTwoJobs(_ what: String) -> String { say("\(what) needs at least two jobs", "\(what) precisa de pelo menos dois trabalhos") }

    public func unknownCheck(_ key: String, in what: String, suggestion: String?) -> String {
        let hint = didYouMean(suggestion)
        return say("unknown check \"\(key)\" in \(what)\(hint)", "verificação desconhecida \"\(key)\" \(em(what))\(hint)")
    }

    public func checkKindsHelp(_ kinds: [String]) -> String { say("a check is one of \(kinds.joined(separator: ", "))", "uma verificação é uma de \(kinds.joined(separator: ", "))") }
    public func mustNotBeNegative(_ what: String) -> String { say("\(what) must not be negative", "\(what) não pode ser negativo") }

    // MARK: - Snapshots

    public func snapshotFormatUnsupported(_ v: Int) -> String {
        say("snapshot format \(v) is not supported; this Prereq reads format 1", "o formato de snapshot \(v) não é suportado; este Prereq lê o formato 1")
    }

    public var snapshotNeedsVersion: String { say("a snapshot must state its format version", "um snapshot precisa informar a versão do formato") }
    public var snapshotNeedsVersionHelp: String { say("add `prereq: 1` at the top", "acrescente `prereq: 1` no início") }
    public var snapshotNeedsHeader: String { say("a snapshot needs a `snapshot:` section", "um snapshot precisa de uma seção `snapshot:`") }
    public var snapshotNeedsEnvironment: String { say("the snapshot needs `environment`", "o snapshot precisa de `environment`") }
    public var snapshotNeedsTakenAt: String { say("the snapshot needs `takenAt`, the moment it describes", "o snapshot precisa de `takenAt`, o instante que ele descreve") }

    public func scheduleForm(_ what: String) -> String {
        say("schedule of \(what) must be `none` or {recurring, every}", "schedule \(de(what)) precisa ser `none` ou {recurring, every}")
    }

    // MARK: - Merging a pack

    public var packMetadataTwice: String { say("pack metadata is given twice", "os metadados do pacote aparecem duas vezes") }
    public var packMetadataTwiceHelp: String { say("keep one `pack:` section for the whole pack", "mantenha uma única seção `pack:` para o pacote todo") }

    public func definedTwice(_ k: ElementKind, _ id: String) -> String {
        say("\(kind(k)) \"\(id)\" is defined twice", "\(element(k, "\"\(id)\"")) está definid\(feminineEnding(k)) duas vezes")
    }

    public var definedTwiceHelp: String { say("rename one of them, or remove the copy", "renomeie um deles ou remova a cópia") }
    public var firstDefinedHere: String { say("first defined here", "definido primeiro aqui") }

    private func feminineEnding(_ k: ElementKind) -> String { k == .setting || k == .recordCheck || k == .question ? "a" : "o" }

    // MARK: - Inputs

    public var notASnapshot: String {
        say("this document is not a snapshot: it has no `snapshot:` section", "este documento não é um snapshot: não tem a seção `snapshot:`")
    }

    public var notASnapshotHelp: String {
        say("a snapshot starts with `prereq: 1` and `snapshot: {environment, takenAt}`", "um snapshot começa com `prereq: 1` e `snapshot: {environment, takenAt}`")
    }

    public func holdsNoSnapshot(_ path: String) -> String { say("\(path) holds no snapshot", "\(path) não contém nenhum snapshot") }
    public func holdsNoDocument(_ path: String) -> String { say("\(path) holds no YAML document", "\(path) não contém nenhum documento YAML") }
    public func noSuchPath(_ path: String) -> String { say("no such file or folder: \(path)", "arquivo ou pasta inexistente: \(path)") }
    public func cannotListFolder(_ path: String) -> String { say("cannot list the folder \(path)", "não é possível listar a pasta \(path)") }
    public func holdsNoYAMLFile(_ path: String) -> String { say("\(path) holds no .yaml or .yml file", "\(path) não contém nenhum arquivo .yaml ou .yml") }
    public func noFeatureDefined(_ paths: [String]) -> String {
        say("no feature, job, record check or question is defined in \(paths.joined(separator: ", "))", "nenhum recurso, trabalho, verificação de registros ou pergunta é definido em \(paths.joined(separator: ", "))")
    }

    public var pointRulesAtAPack: String { say("point --rules at a rule pack", "aponte --rules para um pacote de regras") }

    public func noFeatureCalled(_ name: String, suggestion: String?) -> String {
        let hint = didYouMean(suggestion)
        return say("no feature of the pack is called \"\(name)\"\(hint)", "nenhum recurso do pacote se chama \"\(name)\"\(hint)")
    }

    public var giveAFeatureName: String {
        say("give a feature's id, display name (any language) or alias", "informe o id, o nome de exibição (em qualquer idioma) ou um alias do recurso")
    }

    public func namesSeveralFeatures(_ name: String, _ ids: [String]) -> String {
        say("\"\(name)\" names several features: \(ids.joined(separator: ", "))", "\"\(name)\" corresponde a vários recursos: \(ids.joined(separator: ", "))")
    }

    public var giveTheFeatureId: String { say("give the feature's id instead", "informe o id do recurso") }
}
