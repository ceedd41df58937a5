import Foundation
import Testing

/// Compares an output with its golden file beside the test fixtures. A missing or different
/// file fails the test; `PREREQ_RECORD_GOLDEN=1 swift test` writes the files anew (then read
/// every changed one before committing it).
enum Golden {
    static let folder = packageRoot + "/Tests/PrereqCoreTests/Fixtures/golden/"

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + name
        if ProcessInfo.processInfo.environment["PREREQ_RECORD_GOLDEN"] == "1" {
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("golden file \(name) is missing; record it with PREREQ_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from golden file \(name)", sourceLocation: sourceLocation)
    }
}

/// Runs `body` with the package root as the working directory, so paths in outputs are the
/// relative ones a user sees (`examples/…`, `rules/…`).
func inPackageRoot<T>(_ body: () throws -> T) rethrows -> T {
    _ = FileManager.default.changeCurrentDirectoryPath(packageRoot)
    return try body()
}
