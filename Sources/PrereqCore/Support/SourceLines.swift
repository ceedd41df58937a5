import Diagnostics
import Foundation

/// The lines of the files findings point at, read once from disk: what fingerprints anchor on
/// (the text a finding points at) and where inline `# prereq-ignore` comments are found. A file
/// that cannot be read (standard input, a file removed since) has no lines.
public struct SourceLines: Sendable {
    private var files: [String: [String]]

    /// Reads every file that a finding of `findings` is located in.
    public init(for findings: [Diagnostic]) {
        var files: [String: [String]] = [:]
        for d in findings {
            guard let file = d.location?.file, files[file] == nil else { continue }
            files[file] = Self.read(file)
        }
        self.files = files
    }

    /// Lines given directly (for tests and tools that hold the text).
    public init(texts: [String: String]) {
        files = texts.mapValues(Self.split)
    }

    /// Line `number` (1-based) of `file`, without its line break; nil when there is none.
    public func line(_ number: Int, of file: String) -> String? {
        guard let lines = files[file], number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    static func read(_ file: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: file), data.count <= 256 << 20 else { return [] }
        // libyaml counts no column for a byte order mark.
        let text = String(decoding: data, as: UTF8.self)
        return split(text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text)
    }

    /// Splits at LF, CRLF and CR, as YAML counts lines.
    static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }
}
