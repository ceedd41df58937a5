import Foundation
import PrereqOutput

/// Shell-style path patterns, as the project config's `snapshots` uses them: `*` (any run of
/// characters within one path segment), `?` (one character), `[abc]`, `[a-z]`, `[!x]`, and `**`
/// as a whole segment (any number of folders, including none). Wildcards do not match a leading
/// `.` (hidden files and folders), as in a shell.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    let segments: [Substring]

    public init(_ pattern: String) {
        self.pattern = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether `path` (split the same way; relative or absolute alike) matches the pattern.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return Self.match(segments[...], parts[...])
    }

    /// Segments against parts, backtracking only to the last `**` seen (as `matchSegment` does
    /// with `*`): a later `**` can absorb whatever an earlier one would, so the work is linear in
    /// the number of segments times the parts, however many `**` the pattern has. No `**`
    /// absorbs a hidden part, so none can get past one.
    static func match(_ pattern: ArraySlice<Substring>, _ parts: ArraySlice<Substring>) -> Bool {
        let p = Array(pattern), s = Array(parts)
        var pi = 0, si = 0
        var star = -1, starS = 0
        while si < s.count {
            if pi < p.count, p[pi] == "**" {
                star = pi
                starS = si
                pi += 1
                continue
            }
            if pi < p.count, matchSegment(Array(p[pi].unicodeScalars), Array(s[si].unicodeScalars)) {
                pi += 1
                si += 1
                continue
            }
            guard star >= 0, !s[starS].hasPrefix(".") else { return false }
            pi = star + 1
            starS += 1
            si = starS
        }
        while pi < p.count, p[pi] == "**" { pi += 1 }
        return pi == p.count
    }

    /// One segment against one name.
    static func matchSegment(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        if s.first == ".", p.first != "." { return false }
        // Iterative matching with backtracking to the last `*`.
        var pi = 0, si = 0
        var star = -1, starS = 0
        while si < s.count {
            if pi < p.count {
                switch p[pi] {
                case "*":
                    star = pi
                    starS = si
                    pi += 1
                    continue
                case "?":
                    pi += 1
                    si += 1
                    continue
                case "[":
                    if let (matched, next) = matchClass(p, pi, s[si]) {
                        if matched {
                            pi = next
                            si += 1
                            continue
                        }
                    } else if s[si] == "[" {
                        pi += 1
                        si += 1
                        continue
                    }
                default:
                    if p[pi] == "\\", pi + 1 < p.count, p[pi + 1] == s[si] {
                        pi += 2
                        si += 1
                        continue
                    }
                    if p[pi] == s[si] {
                        pi += 1
                        si += 1
                        continue
                    }
                }
            }
            guard star >= 0 else { return false }
            pi = star + 1
            starS += 1
            si = starS
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// A `[...]` class at `p[start]`: whether `c` is in it and the index after it; nil when the
    /// bracket is not closed (then it is a literal `[`).
    static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (matched != negate, i + 1) }
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i].value <= c.value && c.value <= p[i + 2].value { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
        }
        return nil
    }

    static func hasWildcard(_ segment: Substring) -> Bool {
        segment.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The files (not folders) matching the pattern, read relative to `directory`; absolute,
    /// sorted. A pattern without wildcards names its file (kept even when missing, so that the
    /// reader reports it) or a folder (its .yaml, .yml and .json files, recursively).
    public func files(in directory: String) -> [String] {
        let absolute = RepositoryPaths.normalize(pattern, against: directory)
        let parts = absolute.split(separator: "/")
        let literalCount = parts.firstIndex(where: Self.hasWildcard) ?? parts.count
        let base = "/" + parts[..<literalCount].joined(separator: "/")
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if literalCount == parts.count {
            guard fm.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else { return [base] }
            return Self.walk(base).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
        }
        guard fm.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        let rest = Glob(parts[literalCount...].joined(separator: "/"))
        let prefix = base == "/" ? "/" : base + "/"
        return Self.walk(base).filter { rest.matches(String($0.dropFirst(prefix.count))) }
    }

    /// Every regular file under `folder` (hidden folders skipped), absolute, sorted.
    static func walk(_ folder: String) -> [String] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: folder) else { return [] }
        let prefix = folder == "/" ? "/" : folder + "/"
        var out: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: prefix + relative, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if name.hasPrefix(".") { enumerator.skipDescendants() }
                continue
            }
            out.append(prefix + relative)
        }
        return out.sorted()
    }
}
