import Diagnostics
import Foundation
import PrereqYAML

/// The lines of the files findings point at, decoded as the loader decodes them: what
/// fingerprints anchor on (the text a finding points at), where inline `# prereq-ignore`
/// comments are found and what a text report shows under a finding and its related places.
/// Each file is read once, a piece at a time, keeping only the lines findings and their related
/// places point at and the comment lines right above them. A file that cannot be read
/// (standard input, a file removed since) has no lines.
public struct SourceFileLines: Sendable {
    private var files: [String: SourceLines]
    /// The lines asked for, by file (nil: every line of each file is held).
    private var asked: [String: Set<Int>]?

    /// Reads, from every file a finding of `findings` or one of its related places is located
    /// in, the lines they point at.
    public init(for findings: [Diagnostic]) {
        let wanted = Self.places(of: findings)
        var files: [String: SourceLines] = [:]
        for (file, lines) in wanted { files[file] = SourceLines(path: file, wanted: lines, maxBytes: YAMLLimits.default.maxFileBytes) }
        self.files = files
        asked = wanted
    }

    /// Every line of texts given directly (for tests and tools that hold the text).
    public init(texts: [String: String]) {
        files = texts.mapValues { SourceLines(bytes: Array($0.utf8)) }
    }

    /// `lines` when they hold every line `findings` point at, else those lines read anew: a
    /// report shaped after its lines were read (suppressed, baselined) reads no file twice.
    public static func reading(_ findings: [Diagnostic], reusing lines: SourceFileLines?) -> SourceFileLines {
        if let lines, lines.holds(findings) { return lines }
        return SourceFileLines(for: findings)
    }

    /// Whether every line `findings` and their related places point at was read (or was asked
    /// for and is not in its file).
    func holds(_ findings: [Diagnostic]) -> Bool {
        var all = true
        Self.forEachPlace(of: findings) { location in
            guard all else { return }
            if let asked {
                all = asked[location.file]?.contains(location.line) == true || files[location.file]?.line(location.line) != nil
            } else {
                all = files[location.file] != nil
            }
        }
        return all
    }

    /// The lines findings and their related places point at, by file.
    private static func places(of findings: [Diagnostic]) -> [String: Set<Int>] {
        var wanted: [String: Set<Int>] = [:]
        forEachPlace(of: findings) { wanted[$0.file, default: []].insert($0.line) }
        return wanted
    }

    /// Calls `body` with every place with a line that a finding or a related place points at.
    private static func forEachPlace(of findings: [Diagnostic], _ body: (SourceLocation) -> Void) {
        for d in findings {
            if let location = d.location, location.line > 0 { body(location) }
            for related in d.related where related.location.line > 0 { body(related.location) }
        }
    }

    /// Line `number` (1-based) of `file`, without its line break; nil when there is none or it
    /// was not read (not a finding's line nor in the comment block above one).
    public func line(_ number: Int, of file: String) -> String? {
        files[file]?.line(number)
    }
}
