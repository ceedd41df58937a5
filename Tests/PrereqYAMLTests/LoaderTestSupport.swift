import Diagnostics
import Foundation
import PrereqYAML

/// Loads YAML text from memory under a fixed file name.
func loadYAML(_ text: String, file: String = "test.yaml", limits: YAMLLimits = .default) -> YAMLFile {
    YAMLLoader(limits: limits).load(bytes: Array(text.utf8), file: file)
}

/// Loads raw bytes from memory under a fixed file name.
func loadYAML(bytes: [UInt8], file: String = "test.yaml", limits: YAMLLimits = .default) -> YAMLFile {
    YAMLLoader(limits: limits).load(bytes: bytes, file: file)
}

extension YAMLFile {
    /// The codes of all diagnostics, in the order the loader produced them.
    var codes: [String] { diagnostics.map(\.code) }

    /// The `line:column` of the first diagnostic with `code`, e.g. `"3:5"`.
    func position(of code: String) -> String? {
        guard let location = diagnostics.first(where: { $0.code == code })?.location else { return nil }
        return "\(location.line):\(location.column)"
    }
}

/// A scratch file under the system's temporary folder, removed by `remove()`.
struct TemporaryFile {
    let path: String

    init(bytes: [UInt8], name: String = "prereq-yaml-test.yaml") throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}
