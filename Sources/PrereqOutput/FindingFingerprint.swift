import Diagnostics
import Foundation

/// Stable identities of findings, for SARIF's `partialFingerprints` and for baselines.
///
/// A fingerprint hashes the finding's code, its file relative to the repository root, its
/// subject (the id of the pack or snapshot element it is about) and its anchor: the source text
/// it points at (`anchor(of:in:)`). Never the message, which is worded in the output language:
/// a baseline written under one language matches under every other. It survives lines moving
/// and findings around it coming and going. Identical findings in one file get an occurrence
/// suffix (`…:1`, `…:2`) in output order. The hash is FNV-1a 64 over UTF-8: the same on every
/// run and platform.
public enum FindingFingerprint {
    /// One fingerprint per finding of `findings`, in the same order; `sources` gives the anchors
    /// (read from the findings' files when not given or when they lack a finding's line).
    public static func compute(_ findings: [Diagnostic], paths: RepositoryPaths, sources: SourceFileLines? = nil) -> [String] {
        let sources = SourceFileLines.reading(findings, reusing: sources)
        var seen: [String: Int] = [:]
        return findings.map { d in
            let hash = hex(fnv1a64(key(d, paths: paths, sources: sources)))
            let n = (seen[hash] ?? 0) + 1
            seen[hash] = n
            return "\(hash):\(n)"
        }
    }

    /// What is hashed: everything that identifies the finding, nothing that moves with lines or
    /// changes with the language.
    static func key(_ d: Diagnostic, paths: RepositoryPaths, sources: SourceFileLines) -> String {
        let file = d.location.map { paths.display($0.file) } ?? ""
        return [d.code, file, d.subject ?? "", anchor(of: d, in: sources)].joined(separator: "\u{1F}")
    }

    /// The source text a finding points at, as a structural stand-in for its place: from its
    /// column to its end column on its first line (to the end of that line when it spans
    /// several), without a trailing comment, trimmed, at most 200 characters. Empty for a
    /// finding about a whole file or one whose file cannot be read.
    public static func anchor(of d: Diagnostic, in sources: SourceFileLines) -> String {
        guard let location = d.location, location.line > 0, let line = sources.line(location.line, of: location.file) else {
            return ""
        }
        let scalars = Array(line.unicodeScalars)
        let start = max(0, location.column - 1)
        guard start < scalars.count else { return "" }
        var end = scalars.count
        if location.endLine == location.line, let endColumn = location.endColumn, endColumn - 1 > start {
            end = min(end, endColumn - 1)
        }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
        return String(text.trimmingCharacters(in: .whitespaces).unicodeScalars.prefix(200))
    }

    /// FNV-1a, 64 bits.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
