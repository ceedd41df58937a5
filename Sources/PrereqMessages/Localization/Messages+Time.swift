import PrereqModel

/// The sentences about time: settle times anchored to a record's timestamp and moments in
/// local time, in English and Brazilian Portuguese (part of the one message catalog, `Messages`).
extension Messages {
    /// `2026-11-20 10:00:25 UTC` when the moment has seconds, else as `time`.
    public func preciseTime(_ t: Timestamp) -> String {
        t.secondsSinceEpoch % 60 == 0 ? time(t) : t.secondText + " UTC"
    }

    /// Said after a moment in UTC: "; local time in Europe/Berlin: 2026-11-20 11:00".
    public func localTime(_ clock: Timestamp, zone: String, seconds: Bool) -> String {
        let text = seconds ? clock.secondText : clock.minuteText
        return say("; local time in \(zone): \(text)", "; horário local em \(zone): \(text)")
    }

    public var settleFromNeedsRecords: String {
        say("`settleFrom` needs `records`: the record check whose newest row the settle time counts from",
            "`settleFrom` requer `records`: a verificação de registros cuja linha mais recente inicia o tempo de estabilização")
    }

    public var settleFromNeedsSettle: String {
        say("`settleFrom` needs a `settle` time beside it", "`settleFrom` requer um tempo `settle` ao lado")
    }

    /// "the cache of "Sales reports" lags each new row by 1 min: lag expected until 2026-11-20 10:00:25 UTC (the newest row of …)"
    public func recordSettle(_ f: String, settle: TimeSpan, records: String, newest: Timestamp, until: Timestamp, _ truth: Truth) -> String {
        truth == .satisfied
            ? say("the settle time of \(quote(f)) (\(span(settle))) after the newest row of \(quote(records)) (written \(preciseTime(newest))) has passed",
                  "o tempo de estabilização do recurso \(quote(f)) (\(span(settle))) após a linha mais recente de \(quote(records)) (gravada em \(preciseTime(newest))) já passou")
            : say("\(quote(f)) may lag the newest row of \(quote(records)) (written \(preciseTime(newest))) by \(span(settle)): lag expected until \(preciseTime(until))",
                  "\(quote(f)) pode ter atraso de \(span(settle)) em relação à linha mais recente de \(quote(records)) (gravada em \(preciseTime(newest))): atraso esperado até \(preciseTime(until))")
    }

    public func recordSettleNoRows(_ f: String, records: String) -> String {
        say("no rows of \(quote(records)): nothing for \(quote(f)) to catch up with", "nenhuma linha de \(quote(records)): nada para \(quote(f)) atualizar")
    }

    public func recordSettleNewestMissing(_ f: String, records: String) -> String {
        say("the snapshot does not say when the newest row of \(quote(records)) was written, so Prereq cannot tell whether \(quote(f)) has caught up",
            "o snapshot não diz quando a linha mais recente de \(quote(records)) foi gravada; assim, o Prereq não sabe se \(quote(f)) já foi atualizado")
    }

    public func missingNewest(_ tables: String) -> String {
        say("when the newest counted row of \(tables) was written (`records[].newest`)", "quando a linha contada mais recente de \(tables) foi gravada (`records[].newest`)")
    }

    public func stepWaitForLag(until: Timestamp, settle: TimeSpan) -> String {
        say("Wait until \(preciseTime(until)) for the cache to catch up with the newest row (settle time \(span(settle)))",
            "Aguarde até \(preciseTime(until)) para que o cache alcance a linha mais recente (tempo de estabilização de \(span(settle)))")
    }
}

/// Run windows in local time.
extension Messages {
    public var runWindowEitherOr: String {
        say("a run window is either `from`/`to` or `outside`, not both", "uma janela de execução é `from`/`to` ou `outside`, não ambos")
    }

    public var runWindowNeedsHours: String {
        say("a run window needs `from` and `to` (local times such as \"01:00\"), or `outside`", "uma janela de execução requer `from` e `to` (horários locais como \"01:00\") ou `outside`")
    }

    public var runWindowEmpty: String { say("a run window whose `from` and `to` are the same is empty", "uma janela de execução com `from` e `to` iguais é vazia") }

    public func notTimeOfDay(_ text: String, for what: String) -> String {
        say("\(what) must be a time of day such as \"01:00\" (HH:MM), not \(quote(text))", "\(what) deve ser um horário como \"01:00\" (HH:MM), não \(quote(text))")
    }

    private func hhmm(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }

    public func runWindowBetween(_ from: Int, _ to: Int) -> String {
        say("\(hhmm(from))–\(hhmm(to)) local time", "\(hhmm(from))–\(hhmm(to)) no horário local")
    }

    public func runWindowOutside(_ key: String) -> String { say("outside the channel's \(key)", "fora de \(key) do canal") }

    /// Said after a run step: where it runs, the window is open; `unchecked` says where Prereq cannot tell.
    public func insideRunWindow(_ window: String, unchecked: [String] = []) -> String {
        guard !unchecked.isEmpty else { return say(", inside its run window (\(window))", ", dentro da janela de execução (\(window))") }
        return say(", only inside its run window (\(window))", ", somente dentro da janela de execução (\(window))") + unchecked.map { "; " + $0 }.joined()
    }

    public func runWindowNoZone(_ channel: String?) -> String {
        guard let channel else {
            return say("the snapshot gives no time zone (`timeZone`), so Prereq cannot tell when the run window is open",
                       "o snapshot não informa o fuso horário (`timeZone`); assim, o Prereq não sabe quando a janela de execução está aberta")
        }
        return say("the snapshot gives no time zone for \(channel) (`channelInfo` or `timeZone`), so Prereq cannot tell when the run window is open there",
                   "o snapshot não informa o fuso horário de \(channel) (`channelInfo` ou `timeZone`); assim, o Prereq não sabe quando a janela de execução está aberta lá")
    }

    public func runWindowNoHours(_ key: String, channel: String?) -> String {
        say("the snapshot gives no \(key) (HH:MM-HH:MM) for \(channel ?? "the environment") in `channelInfo`, so Prereq cannot tell when the run window is open there",
            "o snapshot não informa \(key) (HH:MM-HH:MM) de \(channel ?? "o ambiente") em `channelInfo`; assim, o Prereq não sabe quando a janela de execução está aberta lá")
    }

    public func stepWaitForRunWindow(_ job: String, window: String, channels: [String], until: Timestamp) -> String {
        let where_ = channels.isEmpty ? "" : say(" for \(channels.joined(separator: ", "))", " para \(channels.joined(separator: ", "))")
        return say("Wait until \(time(until)), when the run window of \(job), \(window), opens\(where_)",
                   "Aguarde até \(time(until)), quando a janela de execução de \(job), \(window), abre\(where_)")
    }

    public func runOutsideWindow(_ job: String, channel: String?, at local: Timestamp, zone: String, window: String) -> String {
        let where_ = channel.map { say(" for \($0)", " para \($0)") } ?? ""
        return say("\(job) would run\(where_) at \(local.minuteText) \(zone), outside its run window (\(window))",
                   "\(job) seria executado\(where_) às \(local.minuteText) \(zone), fora da janela de execução (\(window))")
    }
}
