/// The sentences of `prereq import` (input errors, notes on what a pack cannot say), in
/// English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    public var anObject: String { say("an object", "um objeto") }
    public var anArray: String { say("an array", "um array") }
    public var aString: String { say("a string", "uma string") }
    public var aBoolean: String { say("true or false", "true ou false") }
    public var aNumber: String { say("a number", "um número") }
    public var aWholeNumber: String { say("a whole number", "um número inteiro") }

    public func notJSON(_ detail: String?) -> String {
        let d = detail.map { ": \($0)" } ?? ""
        return say("not JSON\(d)", "não é JSON\(d)")
    }

    public func expected(_ what: String, found: String) -> String {
        say("expected \(what), found \(found)", "esperava \(what), encontrou \(found)")
    }

    public func missing(_ key: String) -> String {
        say("the required field \(quote(key)) is missing", "falta o campo obrigatório \(quote(key))")
    }

    public func notPlatformFormat(_ platform: String, _ key: String) -> String {
        say("not \(platform)'s format: no \(quote(key)) at the top level", "não está no formato do \(platform): não há \(quote(key)) no nível superior")
    }

    public func importFailed(_ file: String, _ path: String, _ message: String) -> String {
        say("\(file): at \(path): \(message)", "\(file): em \(path): \(message)")
    }

    public func noteVariationOutOfRange(_ parent: String, index: Int, count: Int) -> String {
        say("requires variation index \(index) of \(quote(parent)), which has \(count) variation(s); written as the value \(quote(Self.missingVariation(index)))",
            "exige o índice de variação \(index) de \(quote(parent)), que tem \(count) variação(ões); escrito como o valor \(quote(Self.missingVariation(index)))")
    }

    /// The value a prerequisite on a variation index the flag does not have is written as.
    public static func missingVariation(_ index: Int) -> String { "variation \(index)" }

    public func noteMissingParent(_ parent: String, index: Int) -> String {
        say("requires variation index \(index) of \(quote(parent)), a flag no imported file defines; written as requiring it on",
            "exige o índice de variação \(index) de \(quote(parent)), uma flag que nenhum arquivo importado define; escrito como exigir que esteja ativada")
    }

    public func noteSameText(_ text: String) -> String {
        say("two of its variations read as the same value \(quote(text)); prerequisites on either are the same condition here",
            "duas das suas variações são lidas como o mesmo valor \(quote(text)); pré-requisitos sobre qualquer uma delas são aqui a mesma condição")
    }

    public func noteUnsupportedCondition(_ parent: String, _ condition: String) -> String {
        say("a condition on \(quote(parent)) the rule language cannot say: \(condition)",
            "uma condição sobre \(quote(parent)) que a linguagem de regras não consegue dizer: \(condition)")
    }

    public func noteRuleCondition(_ rule: String, _ parent: String) -> String {
        say("rule \(quote(rule)) applies only when the condition on \(quote(parent)) holds; the pack does not say it, as what the rule serves is served without it too",
            "a regra \(quote(rule)) só se aplica quando a condição sobre \(quote(parent)) vale; o pacote não o diz, pois o que a regra serve também é servido sem ela")
    }

    public func importSummary(flags: Int, environments: [String], findings: Int) -> String {
        let list = environments.map(quote).joined(separator: ", ")
        return say("imported \(flags) flag(s), \(environments.count) environment(s) (\(list)); \(findings) note(s) on what the pack cannot say",
            "importadas \(flags) flag(s), \(environments.count) ambiente(s) (\(list)); \(findings) nota(s) sobre o que o pacote não consegue dizer")
    }

    public func importWrote(_ path: String) -> String { say("wrote \(path)", "escrito \(path)") }

    public func importNoEnvironmentName(_ file: String) -> String {
        say("\(file): cannot name its environment: give --environment", "\(file): não é possível nomear o ambiente: informe --environment")
    }

    public func importEnvironmentTwice(_ name: String) -> String {
        say("environment \(quote(name)) is given twice", "o ambiente \(quote(name)) foi informado duas vezes")
    }
}

extension Messages {
    public func unknownFeature(_ name: String) -> String {
        say("names the feature \(quote(name)), which the file does not define", "nomeia o recurso \(quote(name)), que o arquivo não define")
    }

    public var importCannotRead: String { say("cannot be read (no such file, or no permission)", "não pode ser lido (arquivo inexistente ou sem permissão)") }

    public var importNotRegularFile: String { say("not a regular file", "não é um arquivo regular") }

    public func importTooLarge(_ mebibytes: Int) -> String { say("larger than \(mebibytes) MiB", "maior que \(mebibytes) MiB") }

    public func importSamePath(_ a: String, _ b: String, _ path: String) -> String {
        say("environments \(quote(a)) and \(quote(b)) would both be written to \(path)", "os ambientes \(quote(a)) e \(quote(b)) seriam ambos escritos em \(path)")
    }
}
