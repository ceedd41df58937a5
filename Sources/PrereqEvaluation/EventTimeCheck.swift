import Diagnostics
import PrereqMessages
import PrereqModel

/// `event-after-snapshot`: a moment in a snapshot (a switch, a job run, the oldest record, a
/// setting's change, per channel too, the version's installation) later than the snapshot's
/// own `takenAt`. The export is inconsistent (clocks apart, or a snapshot edited by hand), and
/// every time rule measured against `takenAt` may be wrong.
public enum EventTimeCheck {
    public static func run(_ snapshot: Snapshot, language: Language = .english) -> [Diagnostic] {
        guard let takenAt = snapshot.takenAt else { return [] }
        let messages = Messages(language)
        var out: [Diagnostic] = []
        func check(_ moment: Located<Timestamp>?, _ what: @autoclosure () -> String) {
            guard let moment, moment.value > takenAt.value else { return }
            out.append(
                Diagnostic(
                    code: "event-after-snapshot", severity: .warning,
                    message: messages.eventAfterSnapshot(what(), at: moment.value, takenAt: takenAt.value),
                    location: moment.location, related: [RelatedLocation(takenAt.location, messages.snapshotTakenHere)],
                    help: messages.eventAfterSnapshotHelp))
        }
        for feature in snapshot.features { check(feature.enabledAt, messages.switchedOnTime(feature.name.value)) }
        for job in snapshot.jobs {
            check(job.run.lastSuccess, messages.lastSuccessTime(job.name.value, channel: nil))
            check(job.run.lastFailure, messages.lastFailureTime(job.name.value, channel: nil))
            for (channel, run, _) in job.channels {
                check(run.lastSuccess, messages.lastSuccessTime(job.name.value, channel: channel))
                check(run.lastFailure, messages.lastFailureTime(job.name.value, channel: channel))
            }
        }
        for record in snapshot.records { check(record.oldest, messages.oldestRecordTime(record.table.value)) }
        for setting in snapshot.settings {
            check(setting.changedAt, messages.settingChangedTime(setting.name.value, channel: nil))
            for (channel, changedAt) in setting.channelChangedAt {
                check(changedAt, messages.settingChangedTime(setting.name.value, channel: channel))
            }
        }
        check(snapshot.versionInstalledAt, messages.versionInstalledTime)
        return out
    }
}
