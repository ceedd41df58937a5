import Foundation
import PrereqBasics
import PrereqMessages
import PrereqModel

/// `prereq import`: reads a platform's files, writes the rule pack and the snapshots.
public enum FlagImport {
    /// Files over this size are refused before they are read (the limit of rule files too).
    static let maximumFileSize = 256 << 20

    /// Reads `files` as `platform`'s format. Each file of a per-environment platform
    /// (LaunchDarkly, GrowthBook) is one environment, named `environment` (one file only) or
    /// after the file; an Unleash export names its environments itself.
    public static func read(
        _ platform: FlagPlatform, files: [String], environment: String?, messages: Messages
    ) throws -> ImportResult {
        var inputs: [(environment: String, input: JSONInput)] = []
        for file in files {
            let name = environment ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            guard !name.isEmpty else { throw ImportError(file: file, path: "$", message: messages.importNoEnvironmentName(file)) }
            if platform != .unleash, inputs.contains(where: { $0.environment == name }) {
                throw ImportError(file: file, path: "$", message: messages.importEnvironmentTwice(name))
            }
            inputs.append((name, try JSONInput.parse(try contents(of: file, messages), file: file, words: messages)))
        }
        switch platform {
        case .launchDarkly: return try LaunchDarklyImport.read(inputs, messages: messages)
        case .unleash: return try UnleashImport.read(inputs.map(\.input), messages: messages)
        case .growthBook: return try GrowthBookImport.read(inputs, messages: messages)
        }
    }

    /// Writes the pack and the snapshots under `folder`; returns the paths written, in order.
    /// Other files in the folder (a team's own rules) are left as they are.
    public static func write(
        _ result: ImportResult, sources: [String], to folder: String, takenAt: Timestamp, messages: Messages
    ) throws -> [String] {
        var owners: [String: String] = [:]
        for env in result.environments {
            let path = PackWriter.snapshotPath(env.name)
            if let other = owners[path.lowercased()] {
                throw ImportError(file: folder, path: "$", message: messages.importSamePath(other, env.name, path))
            }
            owners[path.lowercased()] = env.name
        }
        let names = sources.map { URL(fileURLWithPath: $0).lastPathComponent }
        var written: [String] = []
        let fm = FileManager.default
        func put(_ text: String, _ relative: String) throws {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(relative).path
            try fm.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try AtomicFile.write(text, to: path)
            written.append(path)
        }
        try put(PackWriter.rules(result, sources: names), PackWriter.rulesPath(result.platform))
        for (i, env) in result.environments.enumerated() {
            let source = result.platform == .unleash ? names.joined(separator: ", ") : names[min(i, names.count - 1)]
            try put(PackWriter.snapshot(env, platform: result.platform, source: source, takenAt: takenAt), PackWriter.snapshotPath(env.name))
        }
        return written
    }

    private static func contents(of file: String, _ messages: Messages) throws -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: file).resolvingSymlinksInPath().path)
        } catch {
            throw ImportError(file: file, path: "$", message: messages.importCannotRead)
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw ImportError(file: file, path: "$", message: messages.importNotRegularFile)
        }
        if let size = attributes[.size] as? Int, size > maximumFileSize {
            throw ImportError(file: file, path: "$", message: messages.importTooLarge(maximumFileSize >> 20))
        }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)) else {
            throw ImportError(file: file, path: "$", message: messages.importCannotRead)
        }
        return data
    }
}
