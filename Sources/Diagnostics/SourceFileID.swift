import Foundation

/// A file name interned to a small number, so that a `SourceLocation` is plain numbers: copying
/// one (every decoded value carries one) touches no reference count. The same name always gets
/// the same id within a process, so ids compare as the names do for equality.
public struct SourceFileID: Sendable, Hashable {
    let raw: UInt32

    /// The id of `name`, registering it on first use.
    public init(_ name: String) {
        raw = FileNameTable.shared.id(of: name)
    }

    /// The file name as it was given.
    public var name: String { FileNameTable.shared.name(of: raw) }
}

/// Every file name the process has named a location in, behind a lock. Names are few (one per
/// file read) and are never removed.
private final class FileNameTable: @unchecked Sendable {
    static let shared = FileNameTable()

    private let lock = NSLock()
    private var names: [String] = []
    private var ids: [String: UInt32] = [:]

    func id(of name: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        let id = UInt32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    func name(of id: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[Int(id)]
    }
}
