import ArgumentParser
import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML

/// Where the CLI writes, and how it decides on colour and source excerpts.
enum CLIOutput {
    enum Stream { case stdout, stderr }

    /// Writes to standard output; when that fails (a full disk, `> /dev/full`, a closed
    /// descriptor) says so on standard error and exits 2, since the answer was not delivered.
    static func stdout(_ text: String) {
        if let failure = OutputStreamWriter.write(text, toDescriptor: STDOUT_FILENO) {
            stderr("prereq: error: cannot write to standard output: \(failure)\n")
            exit(2)
        }
    }

    /// Writes to standard error; a failure there has nowhere to be told.
    static func stderr(_ text: String) {
        _ = OutputStreamWriter.write(text, toDescriptor: STDERR_FILENO)
    }

    /// Whether to colour `stream` (see `ColourChoice`; `auto` unless `--color` says otherwise).
    static func wantsColour(_ stream: Stream, choice: ColourChoice = .auto) -> Bool {
        choice.enabled(isTerminal: isatty(stream == .stdout ? 1 : 2) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// Renders diagnostics as text with source excerpts to a stream.
    static func report(_ diagnostics: [Diagnostic], to stream: Stream) {
        guard !diagnostics.isEmpty else { return }
        let text = textRenderer(colour: wantsColour(stream), showing: diagnostics).render(Diagnostic.sortedForOutput(diagnostics))
        stream == .stdout ? stdout(text) : stderr(text)
    }

    /// Ends a run whose input could not be read or understood (exit code 2): with `json`, one
    /// JSON document on standard output (`{"error", "diagnostics"}`), else the diagnostics and
    /// the message as text on standard error.
    static func failure(_ message: String, _ diagnostics: [Diagnostic], json: Bool) -> ExitCode {
        if json {
            stdout(FailureJSON.document(message, diagnostics: diagnostics).serializedDocument())
        } else {
            report(diagnostics, to: .stderr)
            // A refusal that is one of its diagnostics is said once.
            if !diagnostics.contains(where: { $0.message == message }) { stderr("prereq: error: \(TerminalText.escape(message))\n") }
        }
        return ExitCode(2)
    }

    /// Writes a gated report to `output` (a file) or stdout, reusing the source lines the gate
    /// read (`sources`). Text has colour only on a terminal.
    static func printFindings(
        _ report: FindingsReport, gate: ReportGate, sources: SourceFileLines?, output: String?, colour: ColourChoice = .auto
    ) throws {
        var context = gate.context
        context.sources = sources
        let text = gate.format.render(
            report, context: context,
            textRenderer: textRenderer(colour: output == nil && wantsColour(.stdout, choice: colour), showing: report.findings, reusing: sources))
        try deliver(text, to: output)
    }

    /// Writes `text` to the file `output` (replaced atomically) or, when nil, to standard
    /// output; a file that cannot be written is exit 2.
    static func deliver(_ text: String, to output: String?) throws {
        guard let output else { return stdout(text) }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            stderr("prereq: error: \(TerminalText.escape(error.description))\n")
            throw ExitCode(2)
        }
    }

    /// A text renderer that shows the source lines `diagnostics` point at: `reusing` when it
    /// holds them, else read from their files when the first is shown (JSON, SARIF and the
    /// other formats never read them).
    static func textRenderer(colour: Bool, showing diagnostics: [Diagnostic], reusing read: SourceFileLines? = nil) -> TextDiagnosticRenderer {
        let sources = LazySourceLines(diagnostics, reusing: read)
        return TextDiagnosticRenderer(colour: colour) { sources.lines.line($1, of: $0) }
    }
}

/// The source lines of some diagnostics, read on first use unless lines already read hold them
/// (parts of a report are rendered on several threads: the first to ask reads them).
final class LazySourceLines: Sendable {
    private let diagnostics: [Diagnostic]
    private let read: SourceFileLines?
    private let built = BuiltOnce<SourceFileLines>()

    init(_ diagnostics: [Diagnostic], reusing read: SourceFileLines?) {
        self.diagnostics = diagnostics
        self.read = read
    }

    var lines: SourceFileLines { built.value { SourceFileLines.reading(diagnostics, reusing: read) } }
}
