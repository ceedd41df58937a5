import Diagnostics
import Foundation
import PrereqAnswers
import PrereqLoading
import PrereqOutput
import PrereqYAML

/// The project config file (`.prereq.yml`): defaults for a repository that runs Prereq as a
/// gate. Paths in it are relative to the folder that holds it.
///
/// ```yaml
/// prereq: 1                      # optional
/// rules: [rules]                 # rule files or folders (default: rules)
/// snapshots: ["snapshots/**/*.yaml"]
/// format: sarif                  # text, json, sarif, junit, github, markdown
/// failOn: warning                # error, warning, note
/// severity: {unused-job: error, redundant-requirement: off}
/// disable: [missing-translation]
/// baseline: .prereq-baseline.json
/// exclude: ["rules/drafts/**"]    # files left out of rules and snapshots
/// language: pt-BR                # default --lang of every command
/// githubAnnotations: 10          # annotations printed per severity by --format github
/// inlineIgnores: false           # forbid `# prereq-ignore` comments
/// informationUri: https://…      # the tool's home in SARIF (rule help links point into it)
/// ```
public struct ProjectConfig: Sendable {
    /// The names looked for, in this order, in each folder from the working directory up.
    public static let fileNames = [".prereq.yml", ".prereq.yaml"]
    public static let keys = ["prereq", "rules", "snapshots", "format", "failOn", "severity", "disable", "baseline", "exclude", "language", "githubAnnotations", "inlineIgnores", "informationUri"]

    /// The config file, as found or given; nil when there is none (the defaults apply).
    public var file: String?
    /// The absolute folder that paths in the config are relative to.
    public var directory: String
    /// The absolute working directory; paths handed out are relative to it.
    public var workingDirectory: String
    /// Rule files or folders, as written.
    public var rules: [String] = ["rules"]
    /// Snapshot globs, as written.
    public var snapshots: [String] = []
    public var format: ReportFormat?
    public var failOn: Severity?
    /// Per-code severity overrides; a nil severity (`off`) switches the code off.
    public var severity: [String: Severity?] = [:]
    /// Codes switched off.
    public var disable: Set<String> = []
    /// The baseline file, as written.
    public var baseline: String?
    /// Globs (relative to the config's folder) of files never read as rules or snapshots.
    public var exclude: [String] = []
    /// The language of answers and findings when `--lang` is not given (a BCP 47 tag).
    public var language: String?
    /// How many GitHub annotations of each severity `--format github` prints at most.
    public var githubAnnotations: Int?
    /// Whether `# prereq-ignore` comments suppress findings (`inlineIgnores: false` forbids them).
    public var inlineIgnores = true
    /// Where SARIF says the tool lives (and rule help links point), when not the default.
    public var informationUri: String?
    /// Problems in the config file itself (unknown keys, wrong types, unknown codes), at their
    /// line and column; they join the report.
    public var diagnostics: [Diagnostic] = []
    /// The config file could not be read or parsed as YAML (exit code 2).
    public var unreadable = false

    /// Whether the config can be used as written: it was read, and nothing in it is an error
    /// (an unknown key, a value of the wrong kind). A config that is not understood ends every
    /// command with exit code 2, so a typo cannot silently switch a setting off.
    public var understood: Bool { !unreadable && !diagnostics.contains { $0.severity == .error } }

    /// The defaults, for a folder without a config file.
    public init(workingDirectory: String) {
        let cwd = RepositoryPaths.normalize(workingDirectory, against: "/")
        self.workingDirectory = cwd
        self.directory = cwd
    }

    // MARK: - Finding and loading

    /// The nearest config file at or above `workingDirectory`, or nil.
    public static func locate(from workingDirectory: String) -> String? {
        var folder = RepositoryPaths.normalize(workingDirectory, against: "/")
        while true {
            for name in fileNames {
                let candidate = (folder == "/" ? "" : folder) + "/" + name
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
            }
            if folder == "/" { return nil }
            folder = RepositoryPaths.parent(of: folder)
        }
    }

    /// The config given with `--config`, else the one found from the working directory, else
    /// the defaults. A `--config` file that does not exist is an unreadable config.
    public static func resolve(explicit: String?, workingDirectory: String = FileManager.default.currentDirectoryPath)
        -> ProjectConfig
    {
        if let explicit { return load(path: explicit, workingDirectory: workingDirectory) }
        if let found = locate(from: workingDirectory) {
            let paths = RepositoryPaths(root: "/", workingDirectory: workingDirectory)
            return load(path: paths.relativeToWorkingDirectory(found), workingDirectory: workingDirectory)
        }
        return ProjectConfig(workingDirectory: workingDirectory)
    }

    /// Reads and decodes a config file.
    public static func load(path: String, workingDirectory: String = FileManager.default.currentDirectoryPath)
        -> ProjectConfig
    {
        var config = ProjectConfig(workingDirectory: workingDirectory)
        config.file = path
        config.directory = RepositoryPaths.parent(of: RepositoryPaths.normalize(path, against: config.workingDirectory))
        let absolute = RepositoryPaths.normalize(path, against: config.workingDirectory)
        // The loader's reader: a FIFO or device given as the config is refused, never waited on.
        let bytes: [UInt8]
        switch SourceFileReader.read(path: absolute, maxBytes: YAMLLimits.default.maxFileBytes) {
        case .success(let read): bytes = read
        case .failure(let reason):
            let missing = !FileManager.default.fileExists(atPath: absolute)
            config.diagnostics.append(
                .error("io-error", missing ? "no such config file: \(path)" : "cannot read the config file \(path): \(reason.message)",
                       at: .wholeFile(path),
                       help: "create it, or leave out --config to use the .prereq.yml found from the working directory"))
            config.unreadable = true
            return config
        }
        let loaded = YAMLLoader().load(bytes: bytes, file: path)
        config.diagnostics += loaded.diagnostics
        if loaded.hasErrors {
            config.unreadable = true
            return config
        }
        guard let document = loaded.documents.first else { return config }
        ProjectConfigDecoder.decode(document, into: &config)
        return config
    }

    /// Decodes a config from YAML text (for tests and tools that hold the text already).
    public static func parse(_ text: String, file: String, workingDirectory: String) -> ProjectConfig {
        var config = ProjectConfig(workingDirectory: workingDirectory)
        config.file = file
        config.directory = RepositoryPaths.parent(of: RepositoryPaths.normalize(file, against: config.workingDirectory))
        let loaded = YAMLLoader().load(bytes: Array(text.utf8), file: file)
        config.diagnostics += loaded.diagnostics
        if loaded.hasErrors {
            config.unreadable = true
            return config
        }
        if let document = loaded.documents.first { ProjectConfigDecoder.decode(document, into: &config) }
        return config
    }

    // MARK: - What the config says

    private var cwdPaths: RepositoryPaths { RepositoryPaths(root: directory, workingDirectory: workingDirectory) }

    /// A path written in the config, as a path relative to the working directory.
    public func resolvePath(_ written: String) -> String {
        cwdPaths.relativeToWorkingDirectory(RepositoryPaths.normalize(written, against: directory))
    }

    /// The rule files and folders to read, relative to the working directory.
    public func rulePaths() -> [String] {
        rules.map(resolvePath)
    }

    /// Every snapshot file the `snapshots` globs match, relative to the working directory,
    /// sorted and without duplicates. What `prereq check` with no arguments checks.
    public func snapshotFiles() -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for pattern in snapshots {
            for file in Glob(pattern).files(in: directory) where !isExcluded(file) && seen.insert(file).inserted {
                out.append(cwdPaths.relativeToWorkingDirectory(file))
            }
        }
        return out.sorted()
    }

    /// Whether `file` (relative to the working directory, or absolute) matches an `exclude`
    /// glob; globs are matched against the path relative to the config's folder.
    public func isExcluded(_ file: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        guard let relative = RepositoryPaths(root: directory, workingDirectory: workingDirectory).relativeToRoot(file) else {
            return false
        }
        return exclude.contains { Glob($0).matches(relative) }
    }

    /// Rule paths to read: as given when nothing is excluded, else every YAML file they hold
    /// that no `exclude` glob matches.
    public func ruleInputs(_ paths: [String]) -> [String] {
        exclude.isEmpty ? paths : RulePackLoader.files(in: paths).filter { !isExcluded($0) }
    }

    /// The baseline file named by the config, relative to the working directory.
    public func baselinePath() -> String? {
        baseline.map(resolvePath)
    }

    /// Where paths in reports are relative to: the repository (the nearest folder with `.git`),
    /// else the config file's folder.
    public func repositoryPaths() -> RepositoryPaths {
        RepositoryPaths.discover(workingDirectory: workingDirectory, fallback: file == nil ? nil : directory)
    }

    // MARK: - Applying it

    /// The report with the config's own findings added, codes switched off dropped and
    /// severities overridden (re-sorted only when the config adds findings: dropping some and
    /// changing severities keeps the output order). A config that is not `understood` makes
    /// the report unreadable.
    public func apply(to report: FindingsReport) -> FindingsReport {
        var out = report
        out.unreadable = report.unreadable || !understood
        // No config, or one that adds, drops and re-rates nothing: no finding to copy.
        guard !diagnostics.isEmpty || !disable.isEmpty || !severity.isEmpty else { return out }
        var findings: [Diagnostic] = []
        findings.reserveCapacity(diagnostics.count + report.findings.count)
        for var d in [diagnostics, report.findings].joined() where !disable.contains(d.code) {
            if let override = severity[d.code] {
                guard let s = override else { continue }
                d.severity = s
            }
            findings.append(d)
        }
        out.findings = diagnostics.isEmpty ? findings : Diagnostic.sortedForOutput(findings)
        return out
    }
}
