import Diagnostics
import Foundation
import PrereqYAML

/// The lines of the files findings point at, decoded as the loader decodes them: what
/// fingerprints anchor on (the text a finding points at) and where inline `# prereq-ignore`
/// comments are found. Each file is read once, a piece at a time, keeping only the findings'
/// lines and the comment lines right above them. A file that cannot be read (standard input, a
/// file removed since) has no lines.
public struct SourceFileLines: Sendable {
    private var files: [String: SourceLines]

    /// Reads, from every file a finding of `findings` is located in, the lines they point at.
    public init(for findings: [Diagnostic]) {
        var wanted: [String: Set<Int>] = [:]
        for d in findings {
            guard let location = d.location, location.line > 0 else { continue }
            wanted[location.file, default: []].insert(location.line)
        }
        var files: [String: SourceLines] = [:]
        for (file, lines) in wanted { files[file] = SourceLines(path: file, wanted: lines, maxBytes: YAMLLimits.default.maxFileBytes) }
        self.files = files
    }

    /// Every line of texts given directly (for tests and tools that hold the text).
    public init(texts: [String: String]) {
        files = texts.mapValues { SourceLines(bytes: Array($0.utf8)) }
    }

    /// Line `number` (1-based) of `file`, without its line break; nil when there is none or it
    /// was not read (not a finding's line nor in the comment block above one).
    public func line(_ number: Int, of file: String) -> String? {
        files[file]?.line(number)
    }
}
