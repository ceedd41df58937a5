import ArgumentParser
import PrereqCore

/// `--assume`: what-if facts on top of the snapshot (`why`, `plan`).
struct AssumeOptions: ParsableArguments {
    @Option(
        name: .customLong("assume"),
        help: "Answer as if this held (repeatable): FEATURE=on|off, SETTING=VALUE, SETTING@CHANNEL=VALUE, \"job JOB ran [at TIME] [in CHANNEL]\", version=VERSION.")
    var assumptions: [String] = []

    /// The snapshot's facts with the assumptions applied, or exit 2 with the reason.
    func apply(to facts: EnvironmentFacts, language: Language, json: Bool) throws -> Assumptions.Applied {
        switch Assumptions.apply(assumptions, to: facts, language: language) {
        case .success(let applied): return applied
        case .failure(let d): throw CLIOutput.failure(d.message, [d], json: json)
        }
    }
}
