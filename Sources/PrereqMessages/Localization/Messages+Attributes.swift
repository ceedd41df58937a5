import PrereqModel

/// The sentences about attributes of the environment and its channels (`attributes`,
/// `{attribute: region, notIn: [China]}`): their decoding errors, explanations and steps, in
/// English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    public func unknownEnvironmentAttribute(_ id: String, known: [String]) -> String {
        let list = known.joined(separator: ", ")
        return say(
            "the snapshot has no environment attribute \(id) (it gives \(list))",
            "o snapshot não tem o atributo de ambiente \(id) (ele informa \(list))")
    }

    public var unknownEnvironmentAttributeHelp: String {
        say(
            "use one of those ids, or write scope: channel for a fact each channel's channelInfo gives",
            "use um desses ids, ou escreva scope: channel para um fato que o channelInfo de cada canal informa")
    }

    /// Where the snapshot gives an attribute: `snapshot.region`, `channelInfo.sqlEdition`.
    public func attributeSource(_ field: String, perChannel: Bool) -> String {
        perChannel ? "channelInfo.\(field)" : "snapshot.\(field)"
    }

    /// An attribute condition of feature f: met, ruling f out where the attribute has a value
    /// (no one can change it), or not decided because the snapshot does not give it.
    public func attributeCondition(
        _ a: String, _ test: ValueCondition.Test, negated: Bool, has: SettingValue?, in c: String?, source: String, for f: String, _ truth: Truth
    ) -> String {
        let p = testPhrase(test, negated: negated)
        switch truth {
        case .satisfied:
            return say("\(a) is \(has.map(value) ?? "")\(within(c)), as \(quote(f)) needs (\(p.en))", "\(a) é \(has.map(value) ?? "")\(within(c)), como o recurso \(quote(f)) precisa (que \(p.pt))")
        case .violated:
            return say("\(quote(f)) is not available where \(a) is \(has.map(value) ?? "")\(within(c))", "o recurso \(quote(f)) não está disponível onde \(a) é \(has.map(value) ?? "")\(within(c))")
        case .unknown:
            return say("the snapshot does not give \(a)\(within(c)) (\(source)); \(quote(f)) needs it \(p.en)", "o snapshot não informa \(a)\(within(c)) (\(source)); o recurso \(quote(f)) precisa que \(p.pt)")
        }
    }

    /// What a snapshot lacks, for `stepProvide`: "region (snapshot.region)".
    public func missingAttribute(_ a: String, source: String, in c: String?) -> String {
        say("\(a)\(within(c)) (\(source))", "\(a)\(within(c)) (\(source))")
    }
}

extension Messages {
    public var attributeDeclaredHere: String { say("the attribute is declared here", "o atributo é declarado aqui") }

    public var attributeTestHelp: String {
        say(
            "An attribute is compared as text: test it with equals, in or notIn (contains for legalEntities).",
            "Um atributo é comparado como texto: teste-o com equals, in ou notIn (contains para legalEntities).")
    }

    public var attributeValueNotAllowedHelp: String {
        say("Write one of the attribute's values, or add the value to them.", "Escreva um dos values do atributo ou acrescente o valor a eles.")
    }
}
