/// The sentences for input that is well formed but beyond what Prereq reads (too long, too
/// large, not a regular file, unreadable), in English and Brazilian Portuguese.
extension Messages {
    private func limits(_ en: String, _ ptBR: String) -> String { language.isPortuguese ? ptBR : en }

    public func durationTooLong(_ value: String, for what: String) -> String {
        limits("\"\(value)\" is longer than the longest duration Prereq reads (100 years) for \(what)",
               "\"\(value)\" é mais longa que a maior duração que o Prereq lê (100 anos) para \(what)")
    }

    public func folderAlreadyRead(_ folder: String, as first: String) -> String {
        limits("\(folder) is the folder \(first), already read; its files are read once",
               "\(folder) é a pasta \(first), já lida; seus arquivos são lidos uma vez")
    }
}
