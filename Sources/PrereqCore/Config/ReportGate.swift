import Diagnostics
import Foundation

/// What happens to a `lint` or `check` report before it is printed, in one place: the project
/// config's findings, switched-off codes and severity overrides, then the baseline; and the
/// format, fail level and exit code that follow from options and config.
public struct ReportGate: Sendable {
    public var config: ProjectConfig
    /// `lint` or `check`.
    public var command: String
    public var format: ReportFormat
    public var failOn: Severity
    /// The baseline to apply: given with `--baseline`, else the config's.
    public var baselineFile: String?
    /// Whether the baseline was given on the command line (then it must exist).
    public var baselineGiven: Bool
    /// The most GitHub annotations per severity (`--max-annotations`, the config's
    /// `githubAnnotations`, else what GitHub shows).
    public var annotationLimit: Int
    /// The most findings a text report shows (`--max-findings`; 0 with `--quiet`); nil: all.
    public var textLimit: Int?

    /// Options win over the config; the config wins over the defaults (text, error).
    public init(
        config: ProjectConfig, command: String, format: ReportFormat?, failOn: Severity?, baseline: String?,
        annotationLimit: Int? = nil, textLimit: Int? = nil
    ) {
        self.config = config
        self.command = command
        self.format = format ?? config.format ?? .text
        self.failOn = failOn ?? config.failOn ?? .error
        self.baselineFile = baseline ?? config.baselinePath()
        self.baselineGiven = baseline != nil
        self.annotationLimit = annotationLimit ?? config.githubAnnotations ?? GitHubAnnotationsRenderer.gitHubLimit
        self.textLimit = textLimit
    }

    public var paths: RepositoryPaths { config.repositoryPaths() }

    public var context: ReportContext {
        var context = ReportContext(paths: paths, command: command, failOn: failOn, annotationLimit: annotationLimit)
        context.textLimit = textLimit
        return context
    }

    /// Inside GitHub Actions (`GITHUB_STEP_SUMMARY` names a file) with the `github` format: the
    /// file and the Markdown summary of every finding to append to it, since annotations show
    /// only the first few.
    public func stepSummary(_ report: FindingsReport, environment: [String: String]) -> (file: String, markdown: String)? {
        guard format == .github, let file = environment["GITHUB_STEP_SUMMARY"], !file.isEmpty else { return nil }
        return (file, MarkdownRenderer(paths: paths, command: command).render(report) + "\n")
    }

    /// The report as the config shapes it (before any baseline).
    public func configured(_ report: FindingsReport) -> FindingsReport {
        config.apply(to: report)
    }

    /// The result of gating a report: what to print, and sentences for standard error.
    public struct Outcome: Sendable {
        public var report: FindingsReport
        public var notes: [String]
    }

    /// Applies the config and the baseline. A baseline named on the command line that cannot
    /// be read is thrown (exit code 2); one named only by the config and missing is a note.
    public func gate(_ report: FindingsReport) throws(Diagnostic) -> Outcome {
        var out = configured(report)
        var notes: [String] = []
        if let file = baselineFile {
            if !baselineGiven && !FileManager.default.fileExists(atPath: file) {
                notes.append("baseline \(file) (named in \(config.file ?? "the config")) does not exist; no finding is suppressed")
            } else {
                let baseline = try Baseline.read(path: file)
                out = baseline.apply(to: out, paths: paths, file: file)
                if let outcome = out.baseline { notes.append(outcome.sentence) }
            }
        }
        return Outcome(report: out, notes: notes)
    }

    /// The baseline that accepts every finding of the report as the config shapes it (what
    /// `--write-baseline` writes).
    public func baseline(for report: FindingsReport) -> Baseline {
        Baseline.record(configured(report), paths: paths)
    }

    public func exitCode(_ report: FindingsReport) -> Int32 {
        report.exitCode(failOn: failOn)
    }
}
