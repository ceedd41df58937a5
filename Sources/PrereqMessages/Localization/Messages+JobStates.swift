import PrereqModel

/// The sentences about job states (`after: [{job: A, reached: Applied}]`) and jobs that another
/// job creates (`createdBy`), in English and Brazilian Portuguese (part of the one message
/// catalog, `Messages`).
extension Messages {

    /// "1110 succeeded in Store 1 at …, after Distribution schedule first reached Applied at …"
    public func stateOrder(_ j: String, in c: String?, after k: String, state: String, first: Bool, jobTime: Timestamp, stateTime: Timestamp, _ truth: Truth) -> String {
        let reached = first ? say("first reached \(state)", "atingiu \(state) pela primeira vez") : say("reached \(state)", "atingiu \(state)")
        return truth == .satisfied
            ? say("\(j) succeeded\(within(c)) at \(time(jobTime)), after \(k) \(reached) at \(time(stateTime))",
                  "\(j) foi executado com êxito\(within(c)) em \(time(jobTime)), depois que \(k) \(reached) em \(time(stateTime))")
            : say("\(j) last succeeded\(within(c)) at \(time(jobTime)), before \(k) \(reached) at \(time(stateTime)); it must run after that",
                  "\(j) foi executado com êxito pela última vez\(within(c)) em \(time(jobTime)), antes que \(k) \(reached) em \(time(stateTime)); ele precisa ser executado depois disso")
    }

    public func stateOrderInChannels(_ j: String, after k: String, state: String, _ truth: Truth) -> String {
        switch truth {
        case .satisfied: return say("\(j) succeeded in every channel after \(k) reached \(state)", "\(j) foi executado com êxito em todos os canais depois que \(k) atingiu \(state)")
        case .violated: return say("\(j) has not succeeded in every channel since \(k) reached \(state)", "\(j) não foi executado com êxito em todos os canais desde que \(k) atingiu \(state)")
        case .unknown: return say("whether \(j) succeeded in every channel after \(k) reached \(state) is unknown", "não se sabe se \(j) foi executado com êxito em todos os canais depois que \(k) atingiu \(state)")
        }
    }

    /// A job has not reached the state another job must follow.
    /// With no `status`: the job does not exist yet.
    public func stateNotReached(_ k: String, state: String, status: String?, before j: String) -> String {
        let why = status.map { say("its last run: \($0)", "sua última execução: \($0)") } ?? say("it does not exist yet", "ele ainda não existe")
        return say("\(k) has not reached \(state) (\(why)); \(j) must run after it has",
                   "\(k) não atingiu \(state) (\(why)); \(j) precisa ser executado depois disso")
    }

    public func stateUnknown(_ k: String, state: String, before j: String) -> String {
        say("the snapshot does not say whether or when \(k) reached \(state), which \(j) must follow",
            "o snapshot não informa se \(k) atingiu \(state) nem quando, o que \(j) precisa seguir")
    }

    /// What to provide: the state of the last run, and for `Applied` when it was first reached.
    public func missingState(_ k: String, state: String, status: Bool, firstApplied: Bool) -> String {
        let parts = (status ? [say("the state of its last run (status)", "o estado da sua última execução (status)")] : [])
            + (firstApplied ? [say("when it first reached \(state) (firstAppliedAt)", "quando atingiu \(state) pela primeira vez (firstAppliedAt)")] : [])
        return say("for \(k): \(parts.joined(separator: " and "))", "de \(k): \(parts.joined(separator: " e "))")
    }

    public func stepRunToState(_ j: String, state: String, channels: [String]) -> String {
        let where_ = channels.isEmpty ? "" : say(" for \(channels.joined(separator: ", "))", " para \(channels.joined(separator: ", "))")
        return say("Run \(j)\(where_) until it reaches \(state)", "Execute \(j)\(where_) até que atinja \(state)")
    }

    /// A job that does not exist yet: the job that creates it has never succeeded.
    public func notCreated(_ j: String, creator k: String) -> String {
        say("\(j) does not exist yet: \(k), which creates it, has not succeeded; run \(k) first, then \(j)",
            "\(j) ainda não existe: \(k), que o cria, não foi executado com êxito; execute \(k) primeiro e depois \(j)")
    }

    public func createdByCycle(_ ids: [String]) -> String {
        say("jobs create each other in a cycle: \(ids.joined(separator: " created by ")), so none of them can exist",
            "os trabalhos criam uns aos outros em ciclo: \(ids.joined(separator: " criado por ")); por isso, nenhum deles pode existir")
    }

    public var createdByCycleHelp: String {
        say("name in `createdBy` the job that really creates this one, or remove it",
            "indique em `createdBy` o trabalho que de fato cria este, ou remova a entrada")
    }
}
