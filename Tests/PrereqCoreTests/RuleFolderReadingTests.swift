import Diagnostics
import Foundation
import PrereqCore
import Testing

/// How rules folders are walked: unreadable folders are errors, links are followed once, and
/// nothing but regular files is opened.
@Suite struct RuleFolderReadingTests {
    struct CannotList: Error {}

    /// A folder of files (name, possibly with subfolders, to text), removed when the test ends.
    final class Folder {
        let url: URL
        var path: String { url.path }

        init(_ files: [(String, String)]) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-folder-\(UUID().uuidString)")
            for (name, text) in files {
                let file = url.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// The real file system, except that listing `unlistable` fails.
    static func reader(failingToList unlistable: String) -> FolderReader {
        let real = FolderReader.fileSystem
        return FolderReader(
            entries: { folder in
                if folder == unlistable { throw CannotList() }
                return try real.entries(folder)
            }, kind: real.kind)
    }

    static let feature = "prereq: 1\nfeatures:\n  a: {}\n"

    @Test func anUnlistableSubfolderIsAnErrorNamingIt() throws {
        let folder = try Folder([("top.yaml", Self.feature), ("more/b.yaml", "prereq: 1\nfeatures:\n  b: {}\n")])
        let sub = folder.path + "/more"
        let result = RulePackLoader(folders: Self.reader(failingToList: sub)).load(paths: [folder.path])
        #expect(result.unreadable)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code == "io-error")
        #expect(error.location?.file == sub)
        #expect(error.message.contains(sub))
        #expect(result.pack.features.map(\.id.value) == ["a"])
    }

    @Test func anUnlistableRulesFolderIsAnErrorNotAWarning() throws {
        let folder = try Folder([("top.yaml", Self.feature)])
        let result = RulePackLoader(folders: Self.reader(failingToList: folder.path)).load(paths: [folder.path])
        #expect(result.unreadable)
        #expect(result.diagnostics.map(\.code) == ["io-error"])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.message.contains(folder.path) == true)
    }

    @Test func aLinkedFolderIsFollowed() throws {
        let shared = try Folder([("b.yaml", "prereq: 1\nfeatures:\n  b: {}\n")])
        let folder = try Folder([("a.yaml", Self.feature)])
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/shared", withDestinationPath: shared.path)
        let result = RulePackLoader().load(paths: [folder.path])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pack.features.map(\.id.value) == ["a", "b"])
    }

    @Test func aLinkLoopIsReadOnceWithANote() throws {
        let folder = try Folder([("a.yaml", Self.feature)])
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/again", withDestinationPath: folder.path)
        let result = RulePackLoader().load(paths: [folder.path])
        #expect(!result.unreadable)
        #expect(result.diagnostics.map(\.code) == ["folder-read-once"])
        #expect(result.diagnostics.first?.location?.file == folder.path + "/again")
        #expect(result.pack.features.map(\.id.value) == ["a"])
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOInsideARulesFolderIsRefusedWithoutBlocking() throws {
        let folder = try Folder([("a.yaml", Self.feature)])
        let fifo = folder.path + "/pipe.yaml"
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = RulePackLoader().load(paths: [folder.path])
        #expect(result.unreadable)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code == "io-error")
        #expect(error.location?.file == fifo)
        #expect(error.message.contains("not a regular file"))
    }
}
