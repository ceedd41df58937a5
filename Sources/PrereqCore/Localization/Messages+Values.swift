/// The sentences about setting values read by their declared type, about notes and
/// documentation shown with answers, and about facts shared by several features, in English
/// and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    private func phrase(_ en: String, _ ptBR: String) -> String { language.isPortuguese ? ptBR : en }

    /// What a value of `type` looks like, as a noun phrase.
    public func typeDescription(_ type: SettingType) -> String {
        switch type {
        case .bool: phrase("a switch (true/false, on/off)", "um valor de ativação (true/false, on/off)")
        case .int: phrase("a whole number", "um número inteiro")
        case .string: phrase("text", "um texto")
        case .list: phrase("a list", "uma lista")
        }
    }

    public func snapshotValueDoesNotFit(_ value: SettingValue, setting: String, type: SettingType, channel: String?) -> String {
        let place = channel.map { phrase(" in \($0)", " em \($0)") } ?? ""
        return phrase(
            "the value \"\(value)\" of \(setting)\(place) is not \(typeDescription(type)), as the setting is declared",
            "o valor \"\(value)\" de \(setting)\(place) não é \(typeDescription(type)), como a configuração foi declarada")
    }

    public func snapshotValueHelp(_ type: SettingType) -> String {
        phrase(
            "Export the value as \(typeDescription(type)); until then the setting counts as unknown.",
            "Exporte o valor como \(typeDescription(type)); até lá, a configuração é tratada como desconhecida.")
    }

    public var settingDeclaredHere: String { phrase("the setting is declared here", "a configuração é declarada aqui") }

    public func requiredValueDoesNotFit(_ value: SettingValue, setting: String, type: SettingType, feature: String) -> String {
        phrase(
            "feature \(feature) needs \(setting) to be \"\(value)\", which is not \(typeDescription(type)), as the setting is declared",
            "o recurso \(feature) precisa que \(setting) seja \"\(value)\", que não é \(typeDescription(type)), como a configuração foi declarada")
    }

    public func requiredValueHelp(_ type: SettingType) -> String {
        phrase(
            "Write \(typeDescription(type)), or declare the setting with the type its values have.",
            "Escreva \(typeDescription(type)) ou declare a configuração com o tipo que seus valores têm.")
    }

    public var versionNotGiven: String {
        phrase("the snapshot does not give the product version (snapshot.version)", "o snapshot não informa a versão do produto (snapshot.version)")
    }
}
