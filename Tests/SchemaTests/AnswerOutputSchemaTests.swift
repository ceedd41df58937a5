import Foundation
import PrereqCore
import Testing

/// The JSON of `why`, `plan`, `lint`/`check`, `diff`, `snapshot check` and the error document,
/// produced by the library as the commands produce it, matches its schema in `schemas/` — for
/// the shipped pack with every example snapshot and every feature, for v2 constructs
/// (recommendations, alternatives, preview, what-if assumptions), and for broken input.
@Suite struct AnswerOutputSchemaTests {
    static let rules = Package.path("rules")
    static let examples = Package.path("examples/snapshots")

    static var exampleSnapshots: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { examples + "/" + $0 }
    }

    static func facts(_ snapshot: String, rules: LoadedRules) throws -> EnvironmentFacts {
        let read = SnapshotReader().read(path: snapshot)
        let first = try #require(read.snapshots.first, "\(snapshot) did not load: \(read.diagnostics.map(\.message))")
        return EnvironmentFacts(snapshot: first, graph: rules.graph)
    }

    /// Every feature of the pack, asked of `snapshot` with `why` and `plan`; returns the `why` documents.
    @discardableResult
    static func expectAnswersValid(rules paths: [String], snapshot: String, assume: [String] = []) throws -> [String] {
        let rules = LoadedRules.load(paths: paths)
        try #require(rules.usable, "rules did not load: \(rules.diagnostics.map(\.message))")
        var facts = try facts(snapshot, rules: rules)
        var assumed: [String] = []
        if !assume.isEmpty {
            let applied = try Assumptions.apply(assume, to: facts, language: .english).get()
            facts = applied.facts
            assumed = applied.described
        }
        var documents: [String] = []
        for f in rules.graph.pack.features.indices {
            var evaluator = Evaluator(facts: facts, language: .english)
            var answer = evaluator.answer(feature: f)
            answer.assumptions = assumed
            let why = AnswerJSON.why(answer).serialized(pretty: true)
            documents.append(why)
            try OutputSchemas.expectValid(why, against: "why")
            let plan = evaluator.plan(features: [f])
            let id = rules.graph.pack.features[f].id.value
            try OutputSchemas.expectValid(
                AnswerJSON.plan(plan, features: [id], snapshot: snapshot, assumptions: assumed).serialized(pretty: true), against: "plan")
        }
        return documents
    }

    @Test func whyAndPlanOfEveryFeatureInEveryExampleSnapshot() throws {
        #expect(Self.exampleSnapshots.count >= 8)
        for snapshot in Self.exampleSnapshots {
            try Self.expectAnswersValid(rules: [Self.rules], snapshot: snapshot)
        }
    }

    @Test func whatIfAnswersCarryTheirAssumptions() throws {
        let documents = try Self.expectAnswersValid(
            rules: [Self.rules], snapshot: Self.examples + "/blocked-prerequisite.yaml",
            assume: ["async-customer-address-creation=on", "job 1110 ran at 2026-11-20T09:00:00Z"])
        #expect(documents.allSatisfy { $0.contains("\"assumptions\"") })
    }

    @Test func recommendationsAlternativesAndPreviewFeatures() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("pack.yaml", """
            prereq: 1
            settings:
              mode: {type: string, allowedValues: [A, B]}
              size: {type: int}
            features:
              base: {name: Base engine}
              scheduled: {name: Scheduled engine}
              beta: {name: Beta view, preview: true}
              top:
                name: Top feature
                requires:
                  - {when: {setting: mode, equals: A}, then: base}
                  - {setting: size, atLeast: 10, severity: warning}
                  - scheduled
                  - beta
            """)
        let snapshot = try folder.write("snapshot.yaml", """
            prereq: 1
            snapshot: {environment: test, takenAt: 2026-11-20T10:00:00Z, version: 10.0.38, kind: sandbox}
            features:
              top: off
              base: off
              beta: off
              scheduled: {enabled: false, scheduledFor: 2026-11-23T00:00:00Z}
            settings: {mode: A, size: 5}
            """)
        let documents = try Self.expectAnswersValid(rules: [pack], snapshot: snapshot).joined()
        for field in ["recommendations", "alternatives", "preview"] { #expect(documents.contains("\"\(field)\"")) }
    }

    @Test func lintAndCheckFindings() throws {
        let loaded = LoadedRules.load(paths: [Self.rules])
        let check = CheckRun.run(snapshots: Self.exampleSnapshots, rules: loaded, language: .english)
        #expect(!check.findings.isEmpty)
        try OutputSchemas.expectValid(check.json().serialized(pretty: true), against: "check")
        for pack in ["rules", "Tests/PrereqOutputTests/Fixtures/packs/broken", "Tests/PrereqOutputTests/Fixtures/packs/hostile"] {
            let lint = LintRun.run(paths: [Package.path(pack)])
            try OutputSchemas.expectValid(lint.json().serialized(pretty: true), against: "check")
        }
    }

    @Test func theErrorDocumentOfUnreadableInput() throws {
        let folder = try TemporaryFolder()
        let broken = try folder.write("broken.yaml", "prereq: 1\nsnapshot: [unclosed\n")
        let read = SnapshotReader().read(path: broken)
        #expect(read.unreadable)
        let document = FailureJSON.document("cannot read \(broken)", diagnostics: read.diagnostics)
        try OutputSchemas.expectValid(document.serialized(pretty: true), against: "error")
    }

    @Test func diffOfEveryPairOfExampleSnapshots() throws {
        let rules = LoadedRules.load(paths: [Self.rules])
        let all = try Self.exampleSnapshots.map { try Self.facts($0, rules: rules) }
        var differing = 0
        for a in all.indices {
            for b in all.indices where a != b {
                let diff = SnapshotDiff.compare(all[a], all[b], language: .english)
                differing += diff.features.count
                try OutputSchemas.expectValid(SnapshotDiffRenderer.json(diff), against: "diff")
            }
        }
        #expect(differing > 0)
    }

    @Test func snapshotCheckGaps() throws {
        let rules = LoadedRules.load(paths: [Self.rules])
        let results = try Self.exampleSnapshots.map { path in
            (file: path, gaps: SnapshotGaps.find(try Self.facts(path, rules: rules), features: nil, language: .english))
        }
        #expect(results.contains { !$0.gaps.isEmpty })
        try OutputSchemas.expectValid(SnapshotGapsRenderer.json(results), against: "snapshot-check")
    }

    /// The schemas can fail: documents that break them are rejected.
    @Test func documentsThatBreakTheSchemasAreRejected() throws {
        let wrongVersion = #"{"formatVersion": 2, "findings": [], "summary": {"errors": 0, "warnings": 0, "notes": 0}}"#
        #expect(try !OutputSchemas.violations(wrongVersion, against: "check").isEmpty)
        let noVersion = #"{"findings": [], "summary": {"errors": 0, "warnings": 0, "notes": 0}}"#
        #expect(try !OutputSchemas.violations(noVersion, against: "check").isEmpty)
        let badStep = #"{"formatVersion": 1, "steps": [{"action": "reboot", "subject": "x", "subjectName": "X", "message": "m"}], "notes": [], "verified": null, "features": [], "snapshot": "s"}"#
        #expect(try !OutputSchemas.violations(badStep, against: "plan").isEmpty)
        let badVerdict = #"{"formatVersion": 1, "a": "a", "b": "b", "features": [{"feature": "f", "featureName": "F", "verdicts": {"a": "fine", "b": "blocked"}, "causes": []}], "otherDifferences": []}"#
        #expect(try !OutputSchemas.violations(badVerdict, against: "diff").isEmpty)
    }
}

/// A folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "prereq-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` in the folder; returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// `prereq impact --format json` matches its schema, for every job and feature of the shipped
/// pack against an example snapshot.
@Suite struct ImpactOutputSchemaTests {
    @Test func impactOfEveryFeatureAndJobOfTheShippedPack() throws {
        let rules = LoadedRules.load(paths: [AnswerOutputSchemaTests.rules])
        let snapshot = AnswerOutputSchemaTests.examples + "/healthy.yaml"
        let facts = try AnswerOutputSchemaTests.facts(snapshot, rules: rules)
        let pack = rules.graph.pack
        let elements = pack.features.indices.map(PackElement.feature) + pack.jobs.indices.map(PackElement.job)
        #expect(!elements.isEmpty)
        let index = DependencyIndex(rules.graph)
        let renderer = ImpactRenderer(pack: pack, language: .english)
        for element in elements {
            var impact = Impact(of: element, in: index, language: .english)
            impact.add(facts, change: try Impact.change(for: element, archive: false, language: .english).get(), language: .english)
            try OutputSchemas.expectValid(renderer.json(impact), against: "impact")
        }
    }
}

/// `prereq faq --format json` for the shipped pack in every example snapshot: valid against its
/// schema, its summary the count of its answers, and causes only where there is a problem.
@Suite struct FAQOutputSchemaTests {
    @Test func theFAQOfEveryExampleSnapshotMatchesItsSchema() throws {
        let rules = LoadedRules.load(paths: [AnswerOutputSchemaTests.rules])
        try #require(rules.usable)
        var answers: Set<String> = []
        for snapshot in AnswerOutputSchemaTests.exampleSnapshots {
            var evaluator = Evaluator(facts: try AnswerOutputSchemaTests.facts(snapshot, rules: rules), language: .english)
            let faq = evaluator.answerQuestions()
            let json = AnswerJSON.faq(faq).serialized(pretty: true)
            try OutputSchemas.expectValid(json, against: "faq")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let questions = try #require(document["questions"] as? [[String: Any]])
            #expect(questions.count == rules.graph.pack.questions.count)
            let summary = try #require(document["summary"] as? [String: Int])
            #expect(summary["problems"] == questions.filter { $0["answer"] as? String == "problem" }.count)
            for q in questions {
                let answer = try #require(q["answer"] as? String)
                answers.insert(answer)
                let causes = try #require(q["causes"] as? [Any])
                #expect(answer == "ok" ? causes.isEmpty : !causes.isEmpty, "\(snapshot) \(q["id"] ?? "")")
            }
        }
        // The example snapshots show each kind of answer.
        #expect(answers == ["ok", "problem", "unknown"])
    }
}
