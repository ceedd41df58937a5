import PrereqCore

// The example of docs/library.md, compiled here; `LibraryExampleTests` runs it and checks that
// the page shows exactly this code.
// example:begin
/// Answers "why can't I switch on `feature`?" for the snapshot at `snapshotPath`, with the
/// pack at `rulePaths` (files or folders): the answer and its verified plan, as text.
func whyCannotEnable(_ feature: String, rulePaths: [String], snapshotPath: String) -> String {
    // 1. Load the rules: decoded, merged and turned into a graph. A pack with errors (an
    //    unknown reference, a cycle) is not usable: its answers would mislead.
    let findings = TextDiagnosticRenderer(colour: false) { _, _ in nil }  // no source excerpts
    let rules = LoadedRules.load(paths: rulePaths)
    guard rules.usable else { return findings.render(rules.diagnostics) }

    // 2. Lint the pack: every finding, in output order.
    let lint = Linter.lint(rules.graph)
    let warnings = lint.filter { $0.severity >= .warning }.count

    // 3. Read a snapshot and bind its names to the pack.
    let read = SnapshotReader().read(path: snapshotPath)
    guard !read.unreadable, let snapshot = read.snapshots.first else { return findings.render(read.diagnostics) }
    let facts = EnvironmentFacts(snapshot: snapshot, graph: rules.graph)

    // 4. Find the feature by id, display name or alias, and answer `why`.
    let f: Int
    switch FeatureLookup.find(feature, in: rules.graph) {
    case .success(let found): f = found
    case .failure(let notFound): return notFound.message
    }
    var evaluator = Evaluator(facts: facts, language: .english)
    let answer = evaluator.answer(feature: f)

    // 5. Render it: text here; `AnswerJSON.why(answer)` is the JSON document of `why`.
    //    `evaluator.plan(features:)` is `prereq plan`; its plan was simulated before it is returned.
    let renderer = ExplanationTextRenderer(language: .english)
    return "\(warnings) lint warnings\n" + renderer.render(answer)
}
// example:end
