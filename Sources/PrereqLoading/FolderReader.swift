import Foundation
import PrereqYAML

/// What reading a rules folder needs from the file system: a folder's entry names and what a
/// path is (symbolic links followed). Tests substitute a reader that fails where they say,
/// since permissions alone cannot make a folder unreadable to every user (root reads any).
public struct FolderReader: Sendable {
    /// What a path names, after following symbolic links.
    public enum Kind: Sendable, Equatable {
        case regularFile
        /// A folder, with the identity that tells two paths to one folder apart.
        case folder(FolderIdentity)
        /// A FIFO, device or socket: never opened while listing.
        case other
    }

    /// A folder's device and inode numbers.
    public struct FolderIdentity: Sendable, Hashable {
        public var device: UInt64
        public var inode: UInt64

        public init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }
    }

    /// The names in a folder (any order); throws when the folder cannot be listed.
    public var entries: @Sendable (_ folder: String) throws -> [String]
    /// What the path names; nil when nothing does (a missing path or a dangling link).
    public var kind: @Sendable (_ path: String) -> Kind?

    public init(entries: @escaping @Sendable (String) throws -> [String], kind: @escaping @Sendable (String) -> Kind?) {
        self.entries = entries
        self.kind = kind
    }

    /// The real file system.
    public static let fileSystem = FolderReader(
        entries: { try FileManager.default.contentsOfDirectory(atPath: $0) },
        kind: { path in
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .regularFile
            case S_IFDIR: return .folder(FolderIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
            default: return .other
            }
        })
}
