import Foundation

/// Turns the file paths findings carry (as given on the command line: relative to the working
/// directory, or absolute) into paths relative to the repository root, as SARIF, GitHub
/// annotations and baselines need them so that they mean the same on every machine.
public struct RepositoryPaths: Sendable, Hashable {
    /// The repository root, absolute and without a trailing slash.
    public var root: String
    /// The folder relative paths are read from, absolute.
    public var workingDirectory: String

    public init(root: String, workingDirectory: String) {
        self.root = Self.normalize(root, against: "/")
        self.workingDirectory = Self.normalize(workingDirectory, against: "/")
    }

    /// The nearest folder at or above `workingDirectory` that holds `.git`, else `fallback`
    /// (the config file's folder), else the working directory itself.
    public static func discover(workingDirectory: String, fallback: String? = nil) -> RepositoryPaths {
        let cwd = normalize(workingDirectory, against: "/")
        var folder = cwd
        while true {
            if FileManager.default.fileExists(atPath: folder == "/" ? "/.git" : folder + "/.git") {
                return RepositoryPaths(root: folder, workingDirectory: cwd)
            }
            if folder == "/" { break }
            folder = parent(of: folder)
        }
        return RepositoryPaths(root: fallback.map { normalize($0, against: cwd) } ?? cwd, workingDirectory: cwd)
    }

    /// The current process's working directory.
    public static func current(fallback: String? = nil) -> RepositoryPaths {
        discover(workingDirectory: FileManager.default.currentDirectoryPath, fallback: fallback)
    }

    /// `file` as an absolute path with `.` and `..` resolved (no symlinks followed).
    public func absolute(_ file: String) -> String {
        Self.normalize(file, against: workingDirectory)
    }

    /// `file` relative to the root (`rules/pack.yaml`), or nil when it lies outside the root.
    public func relativeToRoot(_ file: String) -> String? {
        let a = absolute(file)
        if a == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        return a.hasPrefix(prefix) ? String(a.dropFirst(prefix.count)) : nil
    }

    /// The path to show: relative to the root when inside it, else absolute.
    public func display(_ file: String) -> String {
        relativeToRoot(file) ?? absolute(file)
    }

    /// `path` relative to the working directory, with `..` steps when needed (how paths read
    /// from a config file are shown and passed on).
    public func relativeToWorkingDirectory(_ path: String) -> String {
        Self.relative(absolute(path), from: workingDirectory)
    }

    static func relative(_ path: String, from base: String) -> String {
        let p = path.split(separator: "/").map(String.init)
        let b = base.split(separator: "/").map(String.init)
        var common = 0
        while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        let rest = ups + p[common...]
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }

    package static func parent(of folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { return "/" }
        return String(folder[..<slash])
    }

    /// Absolute, `.` and `..` resolved lexically, no trailing slash.
    package static func normalize(_ path: String, against base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base : base + "/") + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
