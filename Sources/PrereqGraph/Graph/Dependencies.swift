import Diagnostics
import PrereqModel

/// Something of a pack that a condition can name: what `prereq impact` starts from and what its
/// walk passes through.
public enum PackElement: Sendable, Hashable {
    case feature(Int), job(Int), setting(Int), attribute(Int), component(Int), recordCheck(Int), manualStep(Int)
    /// The product's version (`introducedIn`, `minVersion`, `removedIn`, the `update` event).
    case productVersion

    /// The kind as the JSON answers name it.
    public var kind: String {
        switch self {
        case .feature: "feature"
        case .job: "job"
        case .setting: "setting"
        case .attribute: "attribute"
        case .component: "component"
        case .recordCheck: "records"
        case .manualStep: "manual-step"
        case .productVersion: "version"
        }
    }

    /// The element's id in the pack (`version` for the product's version).
    public func id(in pack: RulePack) -> String {
        switch self {
        case .feature(let i): pack.features[i].id.value
        case .job(let i): pack.jobs[i].id.value
        case .setting(let i): pack.settings[i].id.value
        case .attribute(let i): pack.attributes[i].id.value
        case .component(let i): pack.components[i].id.value
        case .recordCheck(let i): pack.records[i].id.value
        case .manualStep(let i): pack.manualSteps[i].id.value
        case .productVersion: "version"
        }
    }

    /// The element's display name in `language` (nil for the product's version, which the
    /// messages name).
    public func displayName(in pack: RulePack, language: String) -> String? {
        switch self {
        case .feature(let i): pack.features[i].displayName(in: language)
        case .job(let i): pack.jobs[i].displayName(in: language)
        case .setting(let i): pack.settings[i].displayName(in: language)
        case .attribute(let i): pack.attributes[i].displayName(in: language)
        case .component(let i): pack.components[i].displayName(in: language)
        case .recordCheck(let i): pack.records[i].displayName(in: language)
        case .manualStep(let i): pack.manualSteps[i].displayName(in: language)
        case .productVersion: nil
        }
    }

    /// Where the element is defined (nil for the product's version).
    public func location(in pack: RulePack) -> SourceLocation? {
        switch self {
        case .feature(let i): pack.features[i].location
        case .job(let i): pack.jobs[i].location
        case .setting(let i): pack.settings[i].location
        case .attribute(let i): pack.attributes[i].location
        case .component(let i): pack.components[i].location
        case .recordCheck(let i): pack.records[i].location
        case .manualStep(let i): pack.manualSteps[i].location
        case .productVersion: nil
        }
    }

    /// Kinds in the order answers list them, then pack order within a kind.
    var sortKey: (Int, Int) {
        switch self {
        case .feature(let i): (0, i)
        case .job(let i): (1, i)
        case .setting(let i): (2, i)
        case .attribute(let i): (3, i)
        case .component(let i): (4, i)
        case .recordCheck(let i): (5, i)
        case .manualStep(let i): (6, i)
        case .productVersion: (7, 0)
        }
    }
}

/// One use of an element by another, as the pack writes it: a feature's requirement naming a
/// feature, a setting, a job; a job that runs after another; a record check that a job clears.
public struct Dependency: Sendable, Hashable {
    /// What the reference says about the element used.
    public enum Form: String, Sendable, Hashable {
        /// A feature on (`requires`), or off under `not`.
        case requires
        /// A feature serving a value (`{feature: F, serving: V}`).
        case serving
        /// Features that cannot be on together (`conflicts`, declared on either side).
        case conflicts
        /// A feature on no later than an event (`{feature: F, enabledBefore: E}`).
        case enabledBefore
        /// A setting's value (`settings`, a value condition).
        case settingValue = "setting-value"
        /// An attribute's value.
        case attributeValue = "attribute-value"
        /// A component's version within bounds (`{component: C, atLeast: …}`).
        case componentVersion = "component-version"
        /// A component not newer than this one (`notNewerThan`).
        case notNewerThan = "not-newer-than"
        /// The product's version (`introducedIn`, `minVersion`, `removedIn`).
        case productVersion = "product-version"
        /// A record check that must pass (`{records: R}`).
        case records
        /// A job on a recurring schedule (`{schedule: J}`).
        case schedule
        /// A manual step done (`{manual: M}`).
        case manual
        /// A job succeeded after an event (`{job: J, succeededAfter: E}`).
        case succeededAfter = "succeeded-after"
        /// The event such a condition measures against: a setting's change, a component's
        /// update, the product's update.
        case event
        /// A job that must succeed after the feature's switch (`takesEffect.jobs`).
        case takesEffect = "takes-effect"
        /// A manual step to do after the switch (`takesEffect.manual`).
        case manualAfter = "manual-after"
        /// The record check whose newest row the settle time counts from (`settleFrom`).
        case settleFrom = "settle-from"
        /// A job that must succeed after a setting's change (the setting's `takesEffect`).
        case settingTakesEffect = "setting-takes-effect"
        /// A job's last success after another's (`after`), or after its state (`reached`).
        case after
        /// A job that another job creates (`createdBy`).
        case createdBy = "created-by"
        /// The job that clears a record check's rows (`clearedBy`).
        case clearedBy = "cleared-by"
        /// The condition that confirms a manual step was done (`confirmedBy`).
        case confirmedBy = "confirmed-by"
    }

    /// Where in a requirement the reference stands.
    public struct Context: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Under `not` (an odd number of them).
        public static let negated = Context(rawValue: 1)
        /// One alternative of an any-of.
        public static let alternative = Context(rawValue: 2)
        /// Part of a group (`exactlyOne`, `atLeast`, `atMost`).
        public static let group = Context(rawValue: 4)
        /// What a `when` asks for (`then`), or what `eachChannel … where` binds.
        public static let conditional = Context(rawValue: 8)
        /// The condition of a `when` (or of `eachChannel … where`).
        public static let condition = Context(rawValue: 16)
        /// Only recommended (`severity: warning`).
        public static let recommended = Context(rawValue: 32)
        /// Judged in each channel (`eachChannel`).
        public static let eachChannel = Context(rawValue: 64)
    }

    /// What switching the used element off (or a job stopping, a check failing, a value
    /// changing) does to the user.
    public enum Effect: String, Sendable, Hashable, Comparable {
        /// It stops holding.
        case breaks
        /// It may stop holding: through an alternative, a group, a condition, or a value.
        case mayBreak = "may-break"
        /// It may start holding (the use needs it off: `not`, `conflicts`, a `when` condition).
        case mayUnblock = "may-unblock"
        /// Only a recommendation fails: reported, never blocking.
        case warns

        private var rank: Int {
            switch self {
            case .breaks: 0
            case .mayBreak: 1
            case .mayUnblock: 2
            case .warns: 3
            }
        }

        public static func < (a: Effect, b: Effect) -> Bool { a.rank < b.rank }

        /// The effect on what uses the user through a use with effect `next`: nil when nothing
        /// follows (a feature that stops working stays on, so what needs it off is unchanged).
        func then(_ next: Effect) -> Effect? {
            switch (self, next) {
            case (.breaks, .breaks): .breaks
            case (.breaks, .mayBreak), (.mayBreak, .breaks), (.mayBreak, .mayBreak): .mayBreak
            case (.breaks, .warns), (.mayBreak, .warns): .warns
            case (.mayUnblock, .breaks), (.mayUnblock, .mayBreak): .mayUnblock
            case (_, .mayUnblock), (.mayUnblock, .warns), (.warns, _): nil
            }
        }
    }

    /// The element that uses (a feature, a setting, a job, a record check, a manual step).
    public var user: PackElement
    /// The element it uses.
    public var used: PackElement
    public var form: Form
    public var context: Context
    /// The value, state or event the use names, as written (`true`, `Applied`, `update`).
    public var value: String?
    /// Where the use is written.
    public var location: SourceLocation

    /// What the used element switched off (stopped, failing, changed) does to the user.
    public var effect: Effect {
        if context.contains(.recommended) { return .warns }
        if form == .conflicts { return .mayUnblock }
        let firm = context.isDisjoint(with: [.alternative, .group, .conditional, .condition])
        switch form {
        case .settingValue, .attributeValue, .componentVersion, .notNewerThan, .productVersion, .event:
            // A value can fail a test or pass it whichever way it changes.
            return firm && !context.contains(.negated) ? .breaks : .mayBreak
        case .after, .createdBy, .clearedBy, .settleFrom:
            // Runs keep their order and created jobs stay; what they process may not come.
            return .mayBreak
        default:
            // In a `when`'s condition, off relaxes the requirement unless the condition is negated.
            if context.contains(.negated) != context.contains(.condition) { return .mayUnblock }
            return firm ? .breaks : .mayBreak
        }
    }
}

/// Every use of every element of a pack, indexed by the element used: what `prereq impact`
/// walks. Built on demand (one pass over the pack's conditions).
public struct DependencyIndex: Sendable {
    public let graph: RuleGraph
    /// The uses of each element, in pack order of their users.
    private var uses: [PackElement: [Dependency]] = [:]
    /// The step rules (`parameters … when`) of jobs and manual steps that name each element:
    /// they change how plans run a step, not whether a feature works.
    private var stepRuleUses: [PackElement: [Dependency]] = [:]

    public init(_ graph: RuleGraph) {
        self.graph = graph
        let pack = graph.pack
        for (f, feature) in pack.features.enumerated() {
            let user = PackElement.feature(f)
            if let r = feature.requires { add(r, user: user, context: []) }
            for z in graph.conflicts[f] {
                let written = feature.conflicts.first { $0.value == pack.features[z].id.value }?.location
                    ?? pack.features[z].conflicts.first { $0.value == feature.id.value }?.location ?? feature.location
                record(Dependency(user: user, used: .feature(z), form: .conflicts, context: [], value: nil, location: written))
            }
            // Switching it on switches on what it also enables: what conflicts with those must be off too.
            for ref in feature.alsoEnables {
                guard let g = graph.featureIndex[ref.value], g != f else { continue }
                for z in graph.conflicts[g] where z != f && !graph.conflicts[f].contains(z) {
                    record(Dependency(user: user, used: .feature(z), form: .conflicts, context: [], value: nil, location: ref.location))
                }
            }
            for s in feature.settings {
                guard let i = graph.settingIndex[s.setting.value] else { continue }
                record(Dependency(user: user, used: .setting(i), form: .settingValue, context: [], value: "equals \(s.value)", location: s.location))
            }
            for v in [feature.introducedIn, feature.minVersion].compactMap({ $0 }) {
                record(Dependency(user: user, used: .productVersion, form: .productVersion, context: [], value: "≥ \(v.value)", location: v.location))
            }
            if let v = feature.removedIn {
                record(Dependency(user: user, used: .productVersion, form: .productVersion, context: [], value: "< \(v.value)", location: v.location))
            }
            if let effect = feature.takesEffect { add(effect, user: user, jobForm: .takesEffect) }
        }
        for (s, setting) in pack.settings.enumerated() {
            if let effect = setting.takesEffect { add(effect, user: .setting(s), jobForm: .settingTakesEffect) }
        }
        for (j, job) in pack.jobs.enumerated() {
            let user = PackElement.job(j)
            for a in job.after {
                if let k = graph.jobIndex[a.value] { record(Dependency(user: user, used: .job(k), form: .after, context: [], value: nil, location: a.location)) }
            }
            for o in job.afterReached {
                if let k = graph.jobIndex[o.job.value] { record(Dependency(user: user, used: .job(k), form: .after, context: [], value: o.state.value, location: o.location)) }
            }
            if let c = job.createdBy, let k = graph.jobIndex[c.value] {
                record(Dependency(user: user, used: .job(k), form: .createdBy, context: [], value: nil, location: c.location))
            }
            for p in job.stepRules.parameters { if let w = p.when { add(w, user: user, context: [], stepRule: true) } }
        }
        for (r, check) in pack.records.enumerated() {
            if let c = check.clearedBy, let j = graph.jobIndex[c.value] {
                record(Dependency(user: .recordCheck(r), used: .job(j), form: .clearedBy, context: [], value: nil, location: c.location))
            }
        }
        for (m, step) in pack.manualSteps.enumerated() {
            if let c = step.confirmedBy { add(c, user: .manualStep(m), context: [], form: .confirmedBy) }
            for p in step.stepRules.parameters { if let w = p.when { add(w, user: .manualStep(m), context: [], stepRule: true) } }
        }
    }

    /// The uses of `element`, in pack order of their users.
    public func uses(of element: PackElement) -> [Dependency] { uses[element] ?? [] }

    /// The step rules that name `element` in their `when`.
    public func stepRuleUses(of element: PackElement) -> [Dependency] { stepRuleUses[element] ?? [] }

    private mutating func record(_ d: Dependency, stepRule: Bool = false) {
        guard d.user != d.used else { return }
        if stepRule { stepRuleUses[d.used, default: []].append(d) } else { uses[d.used, default: []].append(d) }
    }

    /// The jobs, manual steps and record check of a `takesEffect` (of a feature or a setting).
    private mutating func add(_ effect: TakesEffect, user: PackElement, jobForm: Dependency.Form) {
        for ref in effect.jobs {
            if let j = graph.jobIndex[ref.value] { record(Dependency(user: user, used: .job(j), form: jobForm, context: [], value: nil, location: ref.location)) }
        }
        for ref in effect.manual {
            if let m = graph.manualIndex[ref.value] { record(Dependency(user: user, used: .manualStep(m), form: .manualAfter, context: [], value: nil, location: ref.location)) }
        }
        if let ref = effect.settleFrom, let r = graph.recordIndex[ref.value] {
            record(Dependency(user: user, used: .recordCheck(r), form: .settleFrom, context: [], value: nil, location: ref.location))
        }
    }

    /// Every reference of a requirement tree, with where it stands. `form` replaces the form of
    /// a feature reference (`confirmedBy`: what confirms a manual step). Recursive along the
    /// tree's nesting, which the YAML loader bounds.
    private mutating func add(_ r: Requirement, user: PackElement, context: Dependency.Context, form: Dependency.Form? = nil, stepRule: Bool = false) {
        func use(_ used: PackElement, _ f: Dependency.Form, _ value: String?, _ at: SourceLocation) {
            record(Dependency(user: user, used: used, form: form ?? f, context: context, value: value, location: at), stepRule: stepRule)
        }
        func inner(_ part: Requirement, _ more: Dependency.Context) { add(part, user: user, context: context.union(more), form: form, stepRule: stepRule) }
        switch r {
        case .feature(let id):
            if let f = graph.featureIndex[id.value] { use(.feature(f), .requires, nil, id.location) }
        case .allOf(let parts, _): for p in parts { inner(p, []) }
        case .anyOf(let parts, _): for p in parts { inner(p, parts.count > 1 ? .alternative : []) }
        case .not(let part, _):
            add(part, user: user, context: context.symmetricDifference(.negated), form: form, stepRule: stepRule)
        case .count(let parts, let min, let max, _):
            let mandatory = min >= parts.count && max == nil
            for p in parts { inner(p, mandatory ? [] : .group) }
        case .when(let condition, let then, _):
            inner(condition, .condition)
            inner(then, .conditional)
        case .recommended(let part, _): inner(part, .recommended)
        case .eachChannel(let part, let condition, _):
            if let condition { inner(condition, [.condition, .eachChannel]) }
            inner(part, condition == nil ? .eachChannel : [.eachChannel, .conditional])
        case .value(let c):
            let literal = c.test.literals.map(\.description).joined(separator: ", ")
            let value = "\(c.test.key) \(literal)"
            switch c.subject {
            case .feature(let id): if let f = graph.featureIndex[id.value] { use(.feature(f), .serving, literal, c.location) }
            case .setting(let id): if let s = graph.settingIndex[id.value] { use(.setting(s), .settingValue, value, c.location) }
            case .attribute(let id): if let a = graph.attributeIndex[id.value] { use(.attribute(a), .attributeValue, value, c.location) }
            }
        case .gate(let g):
            switch g {
            case .records(let id, let at): if let i = graph.recordIndex[id.value] { use(.recordCheck(i), .records, nil, at) }
            case .schedule(let id, let interval, let at): if let j = graph.jobIndex[id.value] { use(.job(j), .schedule, interval.map { "\($0.value)" }, at) }
            case .manual(let id, let at): if let m = graph.manualIndex[id.value] { use(.manualStep(m), .manual, nil, at) }
            case .version(let c):
                if let i = graph.componentIndex[c.component.value] {
                    let bounds = [c.atLeast.map { "≥ \($0.value)" }, c.atMost.map { "≤ \($0.value)" }].compactMap { $0 }
                    if !bounds.isEmpty { use(.component(i), .componentVersion, bounds.joined(separator: ", "), c.location) }
                    if let other = c.notNewerThan, let k = graph.componentIndex[other.value] {
                        if bounds.isEmpty { use(.component(i), .componentVersion, nil, c.location) }
                        use(.component(k), .notNewerThan, c.component.value, other.location)
                    }
                }
            case .event(let c):
                let event: String
                switch c.event {
                case .update(let at):
                    event = "update"
                    use(.productVersion, .event, event, at)
                case .setting(let s):
                    event = s.value
                    if let i = graph.settingIndex[s.value] { use(.setting(i), .event, event, s.location) }
                case .component(let k):
                    event = k.value
                    if let i = graph.componentIndex[k.value] { use(.component(i), .event, event, k.location) }
                }
                switch c.kind {
                case .succeededAfter: if let j = graph.jobIndex[c.subject.value] { use(.job(j), .succeededAfter, event, c.location) }
                case .enabledBefore: if let f = graph.featureIndex[c.subject.value] { use(.feature(f), .enabledBefore, event, c.location) }
                }
            }
        }
    }
}
