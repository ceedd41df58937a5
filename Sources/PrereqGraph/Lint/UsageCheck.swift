import Diagnostics
import PrereqMessages
import PrereqModel

/// `unused-job`, `unused-setting` and `unused-manual-step` (warnings): definitions nothing in
/// the pack refers to, usually a typo in the reference or a leftover.
enum UsageCheck {
    package static func run(_ graph: RuleGraph, _ messages: Messages) -> [Diagnostic] {
        let pack = graph.pack
        var usedJobs = Set<String>()
        var usedSettings = Set<String>()
        var usedManualSteps = Set<String>()
        // What a condition names: in a feature's `requires` or a manual step's `confirmedBy`.
        func use(_ r: Requirement?) {
            for case .setting(let s) in r?.valueConditions.map(\.subject) ?? [] { usedSettings.insert(s.value) }
            for g in r?.gates ?? [] {
                switch g {
                case .schedule(let j, _, _): usedJobs.insert(j.value)
                case .manual(let m, _): usedManualSteps.insert(m.value)
                case .records, .version: break
                case .event(let c):
                    if c.kind == .succeededAfter { usedJobs.insert(c.subject.value) }
                    if case .setting(let s) = c.event { usedSettings.insert(s.value) }
                }
            }
        }
        for i in pack.features.indices {
            if let effect = pack.features[i].takesEffect {
                for j in effect.jobs { usedJobs.insert(j.value) }
                for m in effect.manual { usedManualSteps.insert(m.value) }
            }
            for s in pack.features[i].settings { usedSettings.insert(s.setting.value) }
            if graph.usesConstructs[i] { use(pack.features[i].requires) }
        }
        for m in pack.manualSteps { use(m.confirmedBy) }
        for s in pack.settings { for j in s.takesEffect?.jobs ?? [] { usedJobs.insert(j.value) } }
        for j in pack.jobs where !j.after.isEmpty || !j.afterReached.isEmpty || j.createdBy != nil {
            usedJobs.insert(j.id.value)
            for a in j.after { usedJobs.insert(a.value) }
            for o in j.afterReached { usedJobs.insert(o.job.value) }
            if let c = j.createdBy { usedJobs.insert(c.value) }
        }
        for r in pack.records { if let c = r.clearedBy { usedJobs.insert(c.value) } }
        for q in pack.questions {
            for case .jobsInOrder(let jobs, _) in q.checks { for j in jobs { usedJobs.insert(j.value) } }
        }
        var out: [Diagnostic] = []
        for j in pack.jobs where !usedJobs.contains(j.id.value) && j.schedule == nil {
            out.append(
                Diagnostic(
                    code: "unused-job", severity: .warning, message: messages.unusedJob(j.id.value),
                    location: j.location, help: messages.unusedJobHelp,
                    subject: j.id.value))
        }
        for s in pack.settings where !usedSettings.contains(s.id.value) {
            out.append(
                Diagnostic(
                    code: "unused-setting", severity: .warning, message: messages.unusedSetting(s.id.value),
                    location: s.location, help: messages.unusedSettingHelp, subject: s.id.value))
        }
        for m in pack.manualSteps where !usedManualSteps.contains(m.id.value) {
            out.append(
                Diagnostic(
                    code: "unused-manual-step", severity: .warning, message: messages.unusedManualStep(m.id.value),
                    location: m.id.location, help: messages.unusedManualStepHelp, subject: m.id.value))
        }
        return out
    }
}
