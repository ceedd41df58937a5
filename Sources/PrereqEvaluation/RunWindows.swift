import PrereqMessages
import PrereqModel

/// Jobs that may run only in a window of local time (`runWindow`): where a run would fall at a
/// moment, when the window next opens, and plans whose runs wait for it.
extension Evaluator {
    /// Where a run of a windowed job stands at a moment, in one channel (or the environment).
    enum WindowState {
        case inside
        /// Outside; the window next opens at this moment.
        case opensAt(Timestamp)
        /// The snapshot lacks what the window needs (the time zone, or the channel's hours): said why.
        case unknown(String)
    }

    /// The channels a run step of job j acts in (nil: the environment).
    func runPlaces(_ j: Int, _ step: PlanStep) -> [String?] {
        step.channels.isEmpty ? channels(of: j) : step.channels.map { $0 }
    }

    /// Job j's window at moment t in `channel`'s local time.
    func windowState(_ j: Int, channel: String?, at t: Timestamp) -> WindowState {
        guard let window = pack.jobs[j].runWindow else { return .inside }
        guard let zone = timeZone(channel: channel), let (clock, offset) = t.local(in: zone) else {
            return .unknown(messages.runWindowNoZone(channel))
        }
        let from: Int, to: Int, opening: Int
        switch window.hours {
        case .between(let a, let b):
            (from, to, opening) = (a, b, a)
        case .outside(let key):
            let value = channel.flatMap { c in facts.snapshot.channelInfo.first { $0.channel.value == c } }?.attributes.first { $0.key == key }?.value.value
            guard case .string(let text)? = value, let (a, b) = RunWindow.range(text) else { return .unknown(messages.runWindowNoHours(key, channel: channel)) }
            // Inside the window means outside those hours: from their end to their start.
            (from, to, opening) = (b, a, b)
        }
        let seconds = clock.secondsSinceEpoch
        let intoDay = (seconds % 86_400 + 86_400) % 86_400
        if RunWindow.inside(intoDay / 60, from: from, to: to) { return .inside }
        var candidate = seconds - intoDay + opening * 60
        if candidate <= seconds { candidate += 86_400 }
        // Back to UTC with the offset in force at the opening (a change of summer time between).
        let guess = Timestamp(secondsSinceEpoch: candidate - offset)
        let offsetThen = guess.local(in: zone)?.offset ?? offset
        return .opensAt(Timestamp(secondsSinceEpoch: candidate - offsetThen))
    }

    /// `steps` with every run of a windowed job placed inside its window: the places where the
    /// window is open at the step's moment run there and then; the others wait until it opens
    /// (a `wait` with the moment in UTC and local time) and run then, earliest opening first.
    /// Moments are counted as the simulator counts them: a second a step, waits move the clock.
    package func placingRunsInWindows(_ steps: [PlanStep]) -> [PlanStep] {
        guard pack.jobs.contains(where: { $0.runWindow != nil }), var clock = facts.snapshot.takenAt?.value else { return steps }
        var out: [PlanStep] = []
        func append(_ step: PlanStep) {
            if step.action == .wait {
                if let until = step.details["until"].flatMap({ Timestamp.parse($0)?.timestamp }) { clock = max(clock, until) }
                if let settle = step.details["settle"].flatMap(TimeSpan.init) { clock = clock + settle }
            }
            out.append(step)
            clock = clock + TimeSpan(seconds: 1)
        }
        for step in steps {
            guard step.action == .runJob, let j = graph.jobIndex[step.subject ?? ""], let window = pack.jobs[j].runWindow else {
                append(step)
                continue
            }
            var now: [String?] = [], unknown: [(String?, String)] = [], later: [(String?, Timestamp)] = []
            for place in runPlaces(j, step) {
                switch windowState(j, channel: place, at: clock) {
                case .inside: now.append(place)
                case .unknown(let why): unknown.append((place, why))
                case .opensAt(let t): later.append((place, t))
                }
            }
            guard !later.isEmpty else {
                var same = step
                same.message += messages.insideRunWindow(windowText(window), unchecked: unknown.map(\.1))
                append(same)
                continue
            }
            let first = now + unknown.map(\.0)
            if !first.isEmpty { append(runStep(j, places: first, like: step, window: window, note: unknown.map(\.1))) }
            let openings = Dictionary(grouping: later, by: \.1).sorted { $0.key < $1.key }
            for (until, group) in openings {
                let places = group.map(\.0)
                let channel = places.count == 1 ? places[0] : nil
                append(
                    withLocalTime(
                        PlanStep(
                            action: .wait, subject: step.subject, subjectName: step.subjectName,
                            message: messages.stepWaitForRunWindow(jobName(j), window: windowText(window), channels: places.compactMap { $0 }, until: until),
                            details: ["until": until.description, "runWindow": windowText(window)]),
                        channel: channel))
                append(runStep(j, places: places, like: step, window: window, note: []))
            }
        }
        return out
    }

    /// A run of job j in these places, like `step`, saying its window.
    private func runStep(_ j: Int, places: [String?], like step: PlanStep, window: RunWindow, note: [String]) -> PlanStep {
        let channels = places.compactMap { $0 }
        var out = step
        if !step.channels.isEmpty || channels.count < self.channels(of: j).compactMap({ $0 }).count {
            out = runStep(j, channels: channels)
            out.remarks = step.remarks
        }
        out.message += messages.insideRunWindow(windowText(window), unchecked: note)
        return out
    }

    /// The window in words: "01:00–06:00 local time", "outside storeHours".
    func windowText(_ window: RunWindow) -> String {
        switch window.hours {
        case .between(let a, let b): messages.runWindowBetween(a, b)
        case .outside(let key): messages.runWindowOutside(key)
        }
    }
}
