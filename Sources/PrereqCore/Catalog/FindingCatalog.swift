import Diagnostics

/// Every finding code Prereq can report, with its explanation. Codes are stable: tools and
/// baselines key on them.
public enum FindingCatalog {
    public static func entry(_ code: String) -> FindingCode? {
        all.first { $0.code == code }
    }

    public static let all: [FindingCode] = loaderCodes + schemaCodes + graphCodes + snapshotCodes

    static let loaderCodes: [FindingCode] = [
        FindingCode(
            code: "io-error", severity: .error, summary: "A file or folder could not be read.",
            meaning: "A path given to Prereq does not exist, is a folder where a file was expected, or cannot be read.",
            whyItMatters: "Nothing in it can be checked, so Prereq stops with exit code 2 rather than pass silently.",
            example: "prereq lint rules/missing.yaml", fix: "Correct the path or the file's permissions."),
        FindingCode(
            code: "empty-file", severity: .note, summary: "A YAML file holds no document.",
            meaning: "The file is empty or holds only comments; it contributes nothing to the pack.",
            whyItMatters: "An empty rule file is usually a mistake (a file truncated or not saved).",
            example: "# only a comment", fix: "Add the rules, or delete the file."),
        FindingCode(
            code: "empty-folder", severity: .warning, summary: "A folder holds no .yaml or .yml file.",
            meaning: "A folder given as a rule path contains no YAML file, so no rules were read from it.",
            whyItMatters: "Checks against an empty pack pass trivially and prove nothing.",
            example: "prereq lint docs/", fix: "Point --rules at the folder that holds the pack."),
        FindingCode(
            code: "yaml-syntax", severity: .error, summary: "The file is not well-formed YAML.",
            meaning: "libyaml could not parse the file; the message gives its problem and, where known, the construct it was reading.",
            whyItMatters: "A file that does not parse cannot be read at all (exit code 2).",
            example: "requires: [a, b\nconflicts: [c]", fix: "Correct the YAML at the line and column shown."),
        FindingCode(
            code: "yaml-encoding", severity: .error, summary: "The file is not valid UTF-8 text.",
            meaning: "The file holds bytes that are not UTF-8 (a binary file, another encoding, or a NUL or control character).",
            whyItMatters: "Prereq reads UTF-8 YAML only; the location is that of the first bad byte.",
            example: "a file saved as Latin-1 with \"Configuração\"", fix: "Save the file as UTF-8, or remove the bad byte."),
        FindingCode(
            code: "yaml-duplicate-key", severity: .error, summary: "A mapping has the same key twice.",
            meaning: "Two entries of one mapping have equal keys; YAML forbids it and parsers disagree on which wins.",
            whyItMatters: "One of the two definitions would be lost silently.",
            example: "features:\n  a: {name: A}\n  a: {name: B}", fix: "Remove or rename one entry; the note shows the first."),
        FindingCode(
            code: "yaml-undefined-alias", severity: .error, summary: "An alias names no anchor defined before it.",
            meaning: "`*name` must refer to a node marked `&name` earlier in the same document.",
            whyItMatters: "The value the alias stands for does not exist.",
            example: "requires: *common", fix: "Define `&common` on an earlier node, or write the value out."),
        FindingCode(
            code: "yaml-recursive-alias", severity: .error, summary: "An alias refers to a node that contains it.",
            meaning: "A structure like `&a [*a]` is infinite; Prereq does not read recursive data.",
            whyItMatters: "Reading it would never end.", example: "x: &a [*a]", fix: "Write the data out without the cycle."),
        FindingCode(
            code: "yaml-too-deep", severity: .error, summary: "Nesting is deeper than Prereq's limit (256 levels).",
            meaning: "Sequences and mappings are nested more than 256 levels deep; the parse stops at the limit.",
            whyItMatters: "Such input is never a real pack or snapshot, and unbounded nesting would cost unbounded time.",
            example: "[[[[[[…", fix: "Flatten the structure."),
        FindingCode(
            code: "yaml-too-large", severity: .error, summary: "The file is larger than Prereq's limit (256 MiB).",
            meaning: "Files over 256 MiB are refused before they are parsed.",
            whyItMatters: "It protects CI from runaway inputs; real packs are far smaller.",
            example: "a 300 MiB export", fix: "Split the file into several files in one folder."),
        FindingCode(
            code: "yaml-unknown-tag", severity: .warning, summary: "A tag outside YAML's core schema is ignored.",
            meaning: "Only the core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) mean something; others are read as if absent.",
            whyItMatters: "A tag that some other tool acts on does nothing here; say so rather than guess.",
            example: "version: !semver 10.0.38", fix: "Remove the tag."),
        FindingCode(
            code: "yaml-tag-mismatch", severity: .error, summary: "A core tag does not fit its value.",
            meaning: "E.g. `!!int abc`, or `!!map` on a list.",
            whyItMatters: "The tag and the value contradict each other.", example: "count: !!int twelve",
            fix: "Remove the tag or correct the value."),
        FindingCode(
            code: "yaml-merge-key", severity: .error, summary: "Merge keys (<<) are not supported.",
            meaning: "YAML 1.1's merge key copies entries between mappings; YAML 1.2 dropped it and Prereq does not read it.",
            whyItMatters: "Read as an ordinary key it would silently mean something else than its author intended.",
            example: "<<: *defaults", fix: "Write the keys out, or share a whole node with an anchor and an alias."),
    ]

    static let schemaCodes: [FindingCode] = [
        FindingCode(
            code: "schema-version", severity: .error, summary: "The schema version is missing or not supported.",
            meaning: "Every rule file and snapshot starts with `prereq: 1`; this Prereq reads version 1.",
            whyItMatters: "Without it a file of another format version could be misread.",
            example: "features:\n  a: {}", fix: "Add `prereq: 1` at the top of the document."),
        FindingCode(
            code: "schema-unknown-key", severity: .error, summary: "A key that the format does not have.",
            meaning: "The key is not part of the rule language (or snapshot format); the message suggests the closest one.",
            whyItMatters: "A misspelt key (e.g. `require`) would otherwise be ignored and its rule lost.",
            example: "features:\n  a:\n    require: [b]", fix: "Use the suggested key, or remove the entry."),
        FindingCode(
            code: "schema-type", severity: .error, summary: "A value has the wrong type.",
            meaning: "The value is, say, a list where a mapping is expected; the message says what was expected and found.",
            whyItMatters: "The rule cannot be read as written.", example: "features: [a, b]",
            fix: "Write the value in the form the message names (see docs/rule-language.md)."),
        FindingCode(
            code: "schema-value", severity: .error, summary: "A value is not valid for its field.",
            meaning: "E.g. a version that is not dotted numbers, a duration like `soon`, an unknown job kind, an empty id.",
            whyItMatters: "The value cannot be compared or evaluated.", example: "minVersion: ten",
            fix: "Correct the value as the message describes."),
        FindingCode(
            code: "schema-missing", severity: .error, summary: "A required field is missing.",
            meaning: "The element needs this field to mean anything (a question's text, a record check's tables).",
            whyItMatters: "The element cannot be used without it.", example: "questions:\n  q1: {checks: [...]}",
            fix: "Add the field."),
        FindingCode(
            code: "schema-alias-expansion", severity: .error, summary: "Aliases expand far beyond the document's size.",
            meaning: "Following aliases made decoding visit many times more nodes than the file holds (an alias bomb).",
            whyItMatters: "Decoding would take exponential time and memory.", example: "a: &a [x, x]\nb: &b [*a, *a]\n…",
            fix: "Share fewer nested aliases, or write the data out."),
        FindingCode(
            code: "duplicate-id", severity: .error, summary: "An id is defined twice in the pack.",
            meaning: "Two features (or jobs, settings, record checks, questions) have the same id, in one file or across files of the pack.",
            whyItMatters: "References to the id would be ambiguous; the second definition is ignored.",
            example: "# a.yaml and b.yaml both define features: {async-customer-editing: …}",
            fix: "Rename one, or remove the copy; the note shows the first definition."),
    ]

    static let graphCodes: [FindingCode] = [
        FindingCode(
            code: "unknown-reference", severity: .error, summary: "A reference to an id the pack does not define.",
            meaning: "A requirement, conflict, job, setting or check names an id that no definition has; the closest id is suggested.",
            whyItMatters: "The rule cannot be evaluated; usually a typo.", example: "requires: [enhanced-async-customer-creaton]",
            fix: "Correct the id, or define the missing element."),
        FindingCode(
            code: "requires-cycle", severity: .error, summary: "Features require each other in a cycle.",
            meaning: "Following all-of requirements from a feature leads back to it; the message gives the whole cycle.",
            whyItMatters: "None of the features in the cycle can ever be switched on first.",
            example: "a: {requires: [b]}\nb: {requires: [a]}", fix: "Remove one requirement of the cycle."),
        FindingCode(
            code: "after-cycle", severity: .error, summary: "Jobs must run after each other in a cycle.",
            meaning: "Following `after` constraints from a job leads back to it.",
            whyItMatters: "No order of runs can meet every constraint, so dependent features never take effect.",
            example: "p: {after: [sync]}\nsync: {after: [p]}", fix: "Remove one `after` entry of the cycle."),
        FindingCode(
            code: "never-enableable", severity: .error, summary: "A feature can never be switched on.",
            meaning: "Its own requirements contradict each other: two required features conflict, its version window is empty, every alternative is impossible, or it needs a feature that is itself impossible.",
            whyItMatters: "Users would be told what to do to enable it, and it could never work.",
            example: "a: {requires: [b, c]}\nb: {conflicts: [c]}", fix: "Remove the contradiction the message names."),
        FindingCode(
            code: "redundant-requirement", severity: .note, summary: "A requirement is already implied by another.",
            meaning: "A feature requires B directly although another of its requirements already needs B.",
            whyItMatters: "Harmless, but the pack is harder to maintain and may drift.",
            example: "a: {requires: [b, c]}\nb: {requires: [c]}", fix: "Drop the direct requirement, or keep it deliberately."),
        FindingCode(
            code: "version-later", severity: .warning, summary: "A feature needs one introduced in a later version.",
            meaning: "The feature declares a version, but a feature it requires exists only from a later one.",
            whyItMatters: "Users on the declared version would be told it can be enabled when it cannot.",
            example: "a: {introducedIn: 10.0.20, requires: [b]}\nb: {introducedIn: 10.0.25}",
            fix: "Raise the feature's minVersion to the version named, or correct the versions."),
        FindingCode(
            code: "ambiguous-name", severity: .warning, summary: "Two features share a name.",
            meaning: "Two features have the same display name (in some language) or one's alias is the other's name.",
            whyItMatters: "Snapshots name features by display name; an ambiguous name cannot be resolved.",
            example: "a: {name: Customer sync}\nb: {name: customer sync}", fix: "Give each feature its own name."),
        FindingCode(
            code: "missing-translation", severity: .warning, summary: "A text lacks a language the pack promises.",
            meaning: "The pack's `languages` lists a language this name or question has no text in.",
            whyItMatters: "Users of that language get English (or another fallback) instead.",
            example: "pack: {languages: [en, pt-BR]}\nfeatures:\n  a: {name: Only English}",
            fix: "Write the text as a mapping with every promised language."),
        FindingCode(
            code: "unused-job", severity: .warning, summary: "A job nothing refers to.",
            meaning: "No feature, job, record check or question uses the job, and it has no schedule requirement.",
            whyItMatters: "Usually a reference is misspelt elsewhere, so a rule silently does not apply.",
            example: "jobs:\n  orphan: {code: '9999'}", fix: "Refer to it, or remove it."),
        FindingCode(
            code: "unused-setting", severity: .warning, summary: "A setting no feature requires.",
            meaning: "The setting is defined but no feature's `settings` names it.",
            whyItMatters: "Usually a reference is misspelt elsewhere.", example: "settings:\n  orphan: {type: bool}",
            fix: "Require it from a feature, or remove it."),
    ]

    static let snapshotCodes: [FindingCode] = [
        FindingCode(
            code: "timestamp-without-zone", severity: .note, summary: "A timestamp has no time zone; it is read as UTC.",
            meaning: "ISO 8601 timestamps in snapshots should end in Z or an offset; one without is taken as UTC.",
            whyItMatters: "If the exporter wrote local time, every time comparison is off by the zone's offset.",
            example: "takenAt: 2026-11-20T10:00:00", fix: "Append Z (UTC) or the offset, e.g. -03:00."),
        FindingCode(
            code: "unknown-name", severity: .warning, summary: "A snapshot names something the pack does not know.",
            meaning: "A feature, setting or job key matches no id, display name (in any language), alias or code of the pack; the closest name is suggested.",
            whyItMatters: "Its state is ignored, so conditions on it stay unknown.",
            example: "features:\n  Enable editing customer in async mode: on", fix: "Use the name as the pack spells it, or add an alias to the pack."),
        FindingCode(
            code: "duplicate-entry", severity: .warning, summary: "A snapshot gives the same element twice.",
            meaning: "Two keys (e.g. the id and the display name) name the same feature, setting or job; the first is used.",
            whyItMatters: "The two entries may disagree, and one is ignored.",
            example: "features:\n  async-customer-editing: on\n  Enable editing customers in asynchronous mode: off",
            fix: "Keep one entry per element."),
        FindingCode(
            code: "unknown-feature", severity: .error, summary: "A command names a feature the pack does not have.",
            meaning: "The FEATURE argument matches no id, display name or alias.", whyItMatters: "There is nothing to explain.",
            example: "prereq why async-customer-editting --snapshot s.yaml", fix: "Use the suggested name, or `prereq lint` to see the pack."),
        FindingCode(
            code: "empty-pack", severity: .error, summary: "The rule paths define no feature.",
            meaning: "The files named by --rules (or the config) hold no feature definitions.",
            whyItMatters: "Nothing can be evaluated against an empty pack.", example: "prereq check --rules docs/ s.yaml",
            fix: "Point --rules at the folder that holds the pack."),
        FindingCode(
            code: "prerequisite-off", severity: .error, summary: "An enabled feature needs a feature that is off.",
            meaning: "A feature is on although one of its prerequisites is switched off (or was switched off after it).",
            whyItMatters: "The feature may misbehave or fail; the product would not let you switch it on this way today.",
            example: "async-customer-editing on, enhanced-async-customer-creation off", fix: "Switch the prerequisite back on (the help line says which)."),
        FindingCode(
            code: "conflict-on", severity: .error, summary: "An enabled feature conflicts with another feature that is on.",
            meaning: "Two features that cannot be on together are both on (or a feature's `not` requirement is on).",
            whyItMatters: "The product's behaviour with both on is undefined.", example: "legacy-customer-sync on next to async-customer-editing",
            fix: "Switch off one of the two."),
        FindingCode(
            code: "version-too-old", severity: .error, summary: "An enabled feature needs a newer product version.",
            meaning: "The snapshot's product version is below the feature's introducedIn or minVersion (or at or above its removedIn).",
            whyItMatters: "The feature cannot work on this version.", example: "version: 10.0.25 with a feature from 10.0.29",
            fix: "Upgrade the environment, or switch the feature off."),
        FindingCode(
            code: "setting-mismatch", severity: .error, summary: "A setting a feature needs has another value.",
            meaning: "The feature requires a setting (environment-wide or in every channel) that has a different value.",
            whyItMatters: "The feature does not work where the setting is wrong.", example: "create-customer-async: false in store-002",
            fix: "Set the value the message names, in the channels it names."),
        FindingCode(
            code: "job-not-run", severity: .error, summary: "A job has not succeeded since a feature was switched on.",
            meaning: "The feature takes effect only after the job succeeds after the moment of enablement (per channel for channel jobs); its last success is older.",
            whyItMatters: "Until the job runs, the channels do not know about the change (e.g. real-time calls to headquarters go on).",
            example: "async-customer-editing enabledAt 2026-11-01, 1070 last success 2026-10-30", fix: "Run the job (for the channels named)."),
        FindingCode(
            code: "job-order", severity: .error, summary: "A job ran before the job it must follow.",
            meaning: "A job's last success is earlier than the last success of a job it must run after, so its run does not count.",
            whyItMatters: "E.g. the customer sync ran before the P-job uploaded the data, so headquarters misses the customers.",
            example: "sync-customers 08:00, P-job 09:00", fix: "Run the later job again now."),
        FindingCode(
            code: "schedule", severity: .error, summary: "A job that must recur is not on a suitable schedule, or is overdue.",
            meaning: "The pack requires a recurring schedule (with a maximum interval); the snapshot shows none, a slower one, or a last success too long ago.",
            whyItMatters: "Data stops flowing between runs.", example: "schedule: none", fix: "Put the job on a recurring schedule, or run it."),
        FindingCode(
            code: "records-unprocessed", severity: .error, summary: "Rows were left unprocessed by the job that clears them.",
            meaning: "A record check counts more rows than allowed, older than the clearing job's last success (or with no times to tell).",
            whyItMatters: "Those records never reach their destination (e.g. customers missing in headquarters).",
            example: "RETAILASYNCCUSTOMERV2 where OnlineOperationCompleted = 0: 12 rows, oldest before the sync's last run",
            fix: "Run the job again and check its history for the rows it skipped."),
        FindingCode(
            code: "records-waiting", severity: .note, summary: "Rows are waiting for the next run of the job that clears them.",
            meaning: "Rows exist but are younger than the clearing job's last success.", whyItMatters: "Nothing is wrong yet; they go with the next run.",
            example: "3 rows written after the sync's last run", fix: "Nothing, or run the job now."),
        FindingCode(
            code: "settling", severity: .note, summary: "A feature's jobs have run; caches may still lag.",
            meaning: "Every job ran after enablement, but the settle time after the last of them has not passed at takenAt.",
            whyItMatters: "A lagging effect now is expected, not a fault.", example: "1070 ran 10 minutes ago, settle time 30 min",
            fix: "Wait until the time the message gives."),
        FindingCode(
            code: "missing-data", severity: .warning, summary: "The snapshot lacks a fact a rule needs.",
            meaning: "A condition cannot be evaluated: the snapshot does not say whether a feature is on, when it was switched on, when a job last succeeded, the product version, a setting's value or a record count.",
            whyItMatters: "Prereq never guesses: the answer stays unknown until the data is there.",
            example: "a job with no lastSuccess", fix: "Export the missing fact into the snapshot (the message says which)."),
    ]
}
