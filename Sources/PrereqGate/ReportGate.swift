import Diagnostics
import Foundation
import PrereqAnswers
import PrereqBasics
import PrereqOutput

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
    /// Whether `# prereq-ignore` comments suppress findings: unless `--no-inline-ignores` or
    /// the config's `inlineIgnores: false` forbids them.
    public var inlineIgnores: Bool

    /// Options win over the config; the config wins over the defaults (text, error).
    public init(
        config: ProjectConfig, command: String, format: ReportFormat?, failOn: Severity?, baseline: String?,
        annotationLimit: Int? = nil, textLimit: Int? = nil, noInlineIgnores: Bool = false
    ) {
        self.config = config
        self.command = command
        self.format = format ?? config.format ?? .text
        self.failOn = failOn ?? config.failOn ?? .error
        self.baselineFile = baseline ?? config.baselinePath()
        self.baselineGiven = baseline != nil
        self.annotationLimit = annotationLimit ?? config.githubAnnotations ?? GitHubAnnotationsRenderer.gitHubLimit
        self.textLimit = textLimit
        self.inlineIgnores = config.inlineIgnores && !noInlineIgnores
    }

    public var paths: RepositoryPaths { config.repositoryPaths() }

    public var context: ReportContext {
        var context = ReportContext(paths: paths, command: command, failOn: failOn, annotationLimit: annotationLimit, informationURI: config.informationUri)
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

    /// The report as the config and inline comments shape it (before any baseline).
    public func configured(_ report: FindingsReport) -> FindingsReport {
        shaped(report).report
    }

    /// The report as the config and inline comments shape it, and the source lines read for the
    /// comments (nil when inline comments are off).
    private func shaped(_ report: FindingsReport) -> (report: FindingsReport, sources: SourceFileLines?) {
        let shaped = config.apply(to: report)
        guard inlineIgnores else { return (shaped, nil) }
        let sources = SourceFileLines(for: shaped.findings)
        return (InlineSuppressions.apply(to: shaped, sources: sources), sources)
    }

    /// The result of gating a report: what to print, sentences for standard error, and the
    /// source lines read on the way (what the output's excerpts and fingerprints reuse).
    public struct Outcome: Sendable {
        public var report: FindingsReport
        public var notes: [String]
        public var sources: SourceFileLines?
    }

    /// Applies the config, inline suppressions and the baseline's entries for this command. A
    /// baseline named on the command line that cannot be read is thrown (exit code 2); one named
    /// only by the config and missing is a note.
    public func gate(_ report: FindingsReport) throws(Diagnostic) -> Outcome {
        var (out, sources) = shaped(report)
        var notes: [String] = []
        if let file = baselineFile {
            if !baselineGiven && !FileManager.default.fileExists(atPath: file) {
                notes.append("baseline \(file) (named in \(config.file ?? "the config")) does not exist; no finding is suppressed")
            } else {
                let baseline = try Baseline.read(path: file)
                sources = SourceFileLines.reading(out.findings, reusing: sources)
                out = baseline.apply(to: out, command: command, paths: paths, file: file, sources: sources)
                if let outcome = out.baseline { notes.append(outcome.sentence) }
            }
        }
        return Outcome(report: out, notes: notes, sources: sources)
    }

    /// The baseline `--write-baseline FILE` writes: this command's entries are the findings of
    /// the report as the config and inline comments shape it; the other commands' entries of an
    /// existing file are kept (a file of an older format, or not a baseline, is replaced whole).
    public func baseline(for report: FindingsReport, replacing file: String) -> Baseline {
        let entries = Baseline.entries(of: configured(report), paths: paths)
        let existing = (try? Baseline.read(path: file)) ?? Baseline()
        return existing.replacing(command, with: entries)
    }

    /// Writes the baseline for `report` to `file` whole (a temporary file renamed over it), and
    /// returns what it wrote. When some input could not be read the old file is kept and an
    /// error is thrown: its findings would otherwise be dropped from the baseline.
    public func writeBaseline(for report: FindingsReport, to file: String) throws(Diagnostic) -> Baseline {
        if report.unreadable || config.unreadable {
            throw Diagnostic.error(
                "io-error", "the baseline \(file) was not written: some input could not be read", at: .wholeFile(file),
                help: "fix the errors above and write the baseline again")
        }
        let baseline = baseline(for: report, replacing: file)
        do {
            try AtomicFile.write(baseline.serialized(), to: file)
        } catch {
            throw Diagnostic.error("io-error", "cannot write the baseline \(file): \(error.reason)", at: .wholeFile(file))
        }
        return baseline
    }

    public func exitCode(_ report: FindingsReport) -> Int32 {
        report.exitCode(failOn: failOn)
    }
}
