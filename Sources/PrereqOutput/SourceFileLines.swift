import Diagnostics
import Foundation
import PrereqYAML

/// The lines of the files findings point at, read once from disk and decoded as the loader
/// decodes them: what fingerprints anchor on (the text a finding points at) and where inline
/// `# prereq-ignore` comments are found. A file that cannot be read (standard input, a file
/// removed since) has no lines.
public struct SourceFileLines: Sendable {
    private var files: [String: SourceLines]

    /// Reads every file that a finding of `findings` is located in.
    public init(for findings: [Diagnostic]) {
        var files: [String: SourceLines] = [:]
        for d in findings {
            guard let file = d.location?.file, files[file] == nil else { continue }
            files[file] = Self.read(file)
        }
        self.files = files
    }

    /// Lines given directly (for tests and tools that hold the text).
    public init(texts: [String: String]) {
        files = texts.mapValues { SourceLines(bytes: Array($0.utf8)) }
    }

    /// Line `number` (1-based) of `file`, without its line break; nil when there is none.
    public func line(_ number: Int, of file: String) -> String? {
        files[file]?.line(number)
    }

    static func read(_ file: String) -> SourceLines {
        guard let data = FileManager.default.contents(atPath: file), data.count <= 256 << 20 else { return SourceLines(bytes: []) }
        return SourceLines(bytes: [UInt8](data))
    }
}
