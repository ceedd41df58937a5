import PrereqModel

/// The sentences for input that is well formed but beyond what Prereq reads (too long, too
/// large, not a regular file, unreadable), in English and Brazilian Portuguese.
extension Messages {

    public func durationTooLong(_ value: String, for what: String) -> String {
        say("\"\(value)\" is longer than the longest duration Prereq reads (100 years) for \(what)",
               "\"\(value)\" é mais longa que a maior duração que o Prereq lê (100 anos) para \(what)")
    }

    public func folderAlreadyRead(_ folder: String, as first: String) -> String {
        say("\(folder) is the folder \(first), already read; its files are read once",
               "\(folder) é a pasta \(first), já lida; seus arquivos são lidos uma vez")
    }

    public func conflictsWithItself(_ f: String) -> String {
        say("feature \(f) lists itself in conflicts, so it could never be on",
               "o recurso \(f) lista a si mesmo em conflicts, então nunca poderia estar ativado")
    }

    public var conflictsWithItselfHelp: String {
        say("remove the id from its own conflicts, or name the feature it was meant to be",
               "remova o id dos próprios conflicts ou informe o recurso que se pretendia")
    }

    public func eventAfterSnapshot(_ what: String, at moment: Timestamp, takenAt: Timestamp) -> String {
        say("\(what) (\(time(moment))) is later than the snapshot's takenAt (\(time(takenAt)))",
               "\(what) (\(time(moment))) é posterior ao takenAt do snapshot (\(time(takenAt)))")
    }

    public var eventAfterSnapshotHelp: String {
        say("export takenAt as the moment the snapshot was taken, from the same clock as the events; time rules are measured from it",
               "exporte takenAt como o momento em que o snapshot foi tirado, do mesmo relógio dos eventos; as regras de tempo são medidas a partir dele")
    }

    public var snapshotTakenHere: String { say("the snapshot's takenAt", "o takenAt do snapshot") }

    public func switchedOnTime(_ f: String) -> String {
        say("the time \"\(f)\" was switched on", "o momento em que \"\(f)\" foi ativado")
    }

    public func lastSuccessTime(_ j: String, channel: String?) -> String {
        say("the last success of job \"\(j)\"", "o último sucesso do trabalho \"\(j)\"") + within(channel)
    }

    public func lastFailureTime(_ j: String, channel: String?) -> String {
        say("the last failure of job \"\(j)\"", "a última falha do trabalho \"\(j)\"") + within(channel)
    }

    public func oldestRecordTime(_ table: String) -> String {
        say("the oldest record of \(table)", "o registro mais antigo de \(table)")
    }

    public func settingChangedTime(_ s: String, channel: String?) -> String {
        say("the last change of setting \"\(s)\"", "a última alteração da configuração \"\(s)\"") + within(channel)
    }

    public var versionInstalledTime: String {
        say("the time the product version was installed", "o momento em que a versão do produto foi instalada")
    }
}
