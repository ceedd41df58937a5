import Diagnostics
import Foundation
import PrereqAnswers
import PrereqLoading
import PrereqOutput

extension RulePackLoader {
    /// The YAML files `load(paths:)` reads for these paths (folders expanded, sorted), e.g. to
    /// list the checked units in a JUnit report. Missing paths are listed as given.
    public static func files(in paths: [String]) -> [String] {
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        var files = RulePackLoader().expand(paths, diagnostics: &diagnostics, unreadable: &unreadable)
        for d in diagnostics where d.code == "io-error" { if let f = d.location?.file { files.append(f) } }
        return files
    }
}

extension FindingsReport {
    /// A gate must never pass because it read nothing: when not one of `files` was read as
    /// Prereq's (none at all: an empty folder, a folder without YAML, a mistyped path; or only
    /// files skipped as someone else's YAML), the report is unreadable (exit code 2) and the
    /// findings saying why (`empty-folder`, `not-prereq-file`) become errors.
    public func requiringInput(files: [String]) -> FindingsReport {
        let skipped = Set(findings.filter { $0.code == "not-prereq-file" }.compactMap { $0.location?.file })
        guard !files.contains(where: { !skipped.contains($0) }) else { return self }
        var report = self
        report.findings = findings.map { d in
            var d = d
            if d.code == "empty-folder" || d.code == "not-prereq-file" { d.severity = .error }
            return d
        }
        report.unreadable = true
        return report
    }
}

/// The snapshot arguments of `prereq check`.
public enum SnapshotArguments {
    /// Folders replaced by the `.yaml`, `.yml` and `.json` files in them (recursively, sorted,
    /// hidden ones skipped, relative to `workingDirectory`); files and `-` (standard input) as
    /// given. A folder without such files stays as given, so that reading it reports it.
    public static func expand(_ arguments: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        let paths = RepositoryPaths(root: "/", workingDirectory: workingDirectory)
        return arguments.flatMap { argument -> [String] in
            var isDirectory: ObjCBool = false
            guard argument != "-", FileManager.default.fileExists(atPath: paths.absolute(argument), isDirectory: &isDirectory),
                isDirectory.boolValue
            else { return [argument] }
            let files = Glob(paths.absolute(argument)).files(in: workingDirectory).map(paths.relativeToWorkingDirectory)
            return files.isEmpty ? [argument] : files
        }
    }
}
