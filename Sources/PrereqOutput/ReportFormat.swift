import Diagnostics
import Foundation
import PrereqAnswers
import PrereqBasics
import PrereqMessages

/// How `lint` and `check` print their findings.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For people: one finding per block with the source line, then a summary line.
    case text
    /// The documented JSON contract (`findings`, `summary`).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// JUnit XML, for CI systems that read only test reports.
    case junit
    /// GitHub Actions workflow commands (`::error file=…::message`), shown inline in pull requests.
    case github
    /// A summary for a pull-request comment.
    case markdown
}

/// What every machine format needs besides the findings: where the repository is (paths are
/// written relative to it), which command ran, and the level that fails the run.
public struct ReportContext: Sendable {
    public var paths: RepositoryPaths
    /// `lint` or `check`.
    public var command: String
    public var failOn: Severity
    /// The most GitHub annotations printed per severity (`github`); nil prints all.
    public var annotationLimit: Int?
    /// The most findings a text report shows before its summary line (0: the summary alone,
    /// `--quiet`); nil shows all. Machine formats always hold every finding.
    public var textLimit: Int?
    /// Where SARIF says the tool lives (rule help links point into it); nil for the default.
    public var informationURI: String?
    /// The lines of the findings' files already read (for fingerprints); nil reads them.
    public var sources: SourceFileLines?

    public init(
        paths: RepositoryPaths, command: String, failOn: Severity = .error,
        annotationLimit: Int? = GitHubAnnotationsRenderer.gitHubLimit, informationURI: String? = nil
    ) {
        self.paths = paths
        self.command = command
        self.failOn = failOn
        self.annotationLimit = annotationLimit
        self.informationURI = informationURI
    }
}

extension ReportFormat {
    /// The report in this format. Text goes through `textRenderer` (the CLI's shows source
    /// lines, and colour on a terminal; the default shows neither) and ends with the summary
    /// line. Same input, same bytes.
    public func render(
        _ report: FindingsReport, context: ReportContext,
        textRenderer: TextDiagnosticRenderer = TextDiagnosticRenderer(colour: false) { _, _ in nil }
    ) -> String {
        switch self {
        case .text:
            let shown = context.textLimit.map { min(max(0, $0), report.findings.count) } ?? report.findings.count
            var out = Self.text(report.findings.prefix(shown), textRenderer)
            if shown < report.findings.count {
                out += Messages(report.language).findingsNotShown(report.findings.count - shown) + "\n"
            }
            return out + report.summaryLine + "\n"
        case .json: return report.json().serializedDocument()
        case .sarif: return SarifRenderer(context: context).render(report)
        case .junit: return JUnitRenderer(context: context).render(report)
        case .github: return GitHubAnnotationsRenderer(paths: context.paths, limit: context.annotationLimit).render(report)
        case .markdown: return MarkdownRenderer(paths: context.paths, command: context.command).render(report)
        }
    }

    /// Findings per part of a long text report: parts are rendered on every core and joined in
    /// order, so the bytes do not depend on how many there are.
    static let findingsPerTextPart = 1024

    /// Each finding as `renderer` renders it, followed by a blank line.
    private static func text(_ findings: ArraySlice<Diagnostic>, _ renderer: TextDiagnosticRenderer) -> String {
        let parts = (findings.count + findingsPerTextPart - 1) / findingsPerTextPart
        let rendered = ParallelWork.map(count: parts, workers: ProcessInfo.processInfo.activeProcessorCount) { part in
            let start = findings.startIndex + part * findingsPerTextPart
            var out: [UInt8] = []
            for d in findings[start..<min(start + findingsPerTextPart, findings.endIndex)] {
                renderer.render(d, into: &out)
                out.append(UInt8(ascii: "\n"))
            }
            return String(decoding: out, as: UTF8.self)
        }
        return rendered.joined()
    }
}
