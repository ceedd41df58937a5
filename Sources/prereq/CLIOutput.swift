import ArgumentParser
import Diagnostics
import Foundation
import PrereqCore

/// Where the CLI writes, and how it decides on colour and source excerpts.
enum CLIOutput {
    enum Stream { case stdout, stderr }

    static func stdout(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether to colour `stream` (see `ColourChoice`; `auto` unless `--color` says otherwise).
    static func wantsColour(_ stream: Stream, choice: ColourChoice = .auto) -> Bool {
        choice.enabled(isTerminal: isatty(stream == .stdout ? 1 : 2) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// Renders diagnostics as text with source excerpts to a stream.
    static func report(_ diagnostics: [Diagnostic], to stream: Stream) {
        guard !diagnostics.isEmpty else { return }
        let text = textRenderer(colour: wantsColour(stream)).render(Diagnostic.sortedForOutput(diagnostics))
        stream == .stdout ? stdout(text) : stderr(text)
    }

    /// Ends a run whose input could not be read or understood (exit code 2): with `json`, one
    /// JSON document on standard output (`{"error", "diagnostics"}`), else the diagnostics and
    /// the message as text on standard error.
    static func failure(_ message: String, _ diagnostics: [Diagnostic], json: Bool) -> ExitCode {
        if json {
            stdout(FailureJSON.document(message, diagnostics: diagnostics).serialized(pretty: true) + "\n")
        } else {
            report(diagnostics, to: .stderr)
            stderr("prereq: error: \(TerminalText.escape(message))\n")
        }
        return ExitCode(2)
    }

    /// Writes a gated report to `output` (a file) or stdout. Text has colour only on a terminal.
    static func printFindings(_ report: FindingsReport, gate: ReportGate, output: String?, colour: ColourChoice = .auto) throws {
        let text = gate.format.render(
            report, context: gate.context, textRenderer: textRenderer(colour: output == nil && wantsColour(.stdout, choice: colour)))
        guard let output else { return stdout(text) }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            stderr("prereq: error: \(error)\n")
            throw ExitCode(2)
        }
    }

    static func textRenderer(colour: Bool) -> TextDiagnosticRenderer {
        let sources = SourceLineCache()
        return TextDiagnosticRenderer(colour: colour) { sources.line($1, of: $0) }
    }
}

/// Reads source files once to show the lines diagnostics point at.
final class SourceLineCache {
    /// A file's bytes and where each of its lines starts (line breaks: LF, CRLF or CR, as YAML
    /// counts them); found with one pass over the bytes, not over characters.
    private struct Lines {
        var bytes: [UInt8]
        var starts: [Int]
    }

    private var files: [String: Lines] = [:]

    func line(_ number: Int, of file: String) -> String? {
        if files[file] == nil {
            guard let data = FileManager.default.contents(atPath: file), data.count <= 256 << 20 else { return nil }
            let bytes = [UInt8](data)
            var starts = [0]
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "\r"), i < bytes.count, bytes[i] == UInt8(ascii: "\n") { i += 1 }
                if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { starts.append(i) }
            }
            files[file] = Lines(bytes: bytes, starts: starts)
        }
        guard let lines = files[file], number >= 1, number <= lines.starts.count else { return nil }
        var end = number < lines.starts.count ? lines.starts[number] : lines.bytes.count
        while end > lines.starts[number - 1], lines.bytes[end - 1] == UInt8(ascii: "\n") || lines.bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: lines.bytes[lines.starts[number - 1]..<end], as: UTF8.self)
    }
}
