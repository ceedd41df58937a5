import Diagnostics
import Foundation

/// Reads a file's bytes for the loader, refusing what cannot be YAML before parsing: missing
/// paths, folders, anything else that is not a regular file (a FIFO, a device, a socket: opening
/// or reading those can block for ever), unreadable and oversized files. The path `-` is standard
/// input.
public enum SourceFileReader {
    public static func read(path: String, maxBytes: Int) -> Result<[UInt8], Diagnostic> {
        contents(path: path, maxBytes: maxBytes, mappingFrom: Int.max).map { $0.takeBytes() }
    }

    /// A file's contents: read into memory, or mapped when it is a regular file of at least
    /// `mappingFrom` bytes.
    enum Contents {
        case bytes([UInt8])
        case mapped(MappedFile)

        /// The bytes in memory; a mapping is copied, then let go.
        consuming func takeBytes() -> [UInt8] {
            switch self {
            case .bytes(let bytes): return bytes
            case .mapped(let file):
                defer { file.unmap() }
                return Array(file.buffer)
            }
        }
    }

    /// Reads or maps the file at `path` (see `read(path:maxBytes:)` for what is refused).
    static func contents(path: String, maxBytes: Int, mappingFrom threshold: Int) -> Result<Contents, Diagnostic> {
        if path == "-" { return read(FileHandle.standardInput, name: path, maxBytes: maxBytes).map(Contents.bytes) }
        // Opened without blocking, so that a FIFO with no writer cannot hang the open; the
        // descriptor's own type then decides (no window between a check and the open).
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR {
                return .failure(.error("io-error", "no such file: \(path)", at: .wholeFile(path)))
            }
            return .failure(.error("io-error", "cannot read \(path): \(String(cString: strerror(reason)))", at: .wholeFile(path)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(.error("io-error", "cannot read \(path): \(String(cString: strerror(errno)))", at: .wholeFile(path)))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.error("io-error", "\(path) is a folder, not a YAML file", at: .wholeFile(path)))
        default: return .failure(.error("io-error", "\(path) is not a regular file (a FIFO, device or socket), so it is not read", at: .wholeFile(path)))
        }
        let size = Int(status.st_size)
        if size > maxBytes {
            return .failure(tooLarge(path, size, YAMLLimits(maxFileBytes: maxBytes, maxDepth: 0)))
        }
        if size >= threshold, let mapped = MappedFile(descriptor: descriptor, size: size) { return .success(.mapped(mapped)) }
        return read(handle, name: path, maxBytes: maxBytes).map(Contents.bytes)
    }

    /// Reads an open file or pipe to its end, up to `maxBytes`.
    private static func read(_ handle: FileHandle, name path: String, maxBytes: Int) -> Result<[UInt8], Diagnostic> {
        // Read one byte past the limit, so that a file that grew since `fstat` (or a pipe) is
        // still caught.
        let bytes: [UInt8]
        do {
            bytes = try handle.read(upToCount: maxBytes + 1).map { [UInt8]($0) } ?? []
        } catch {
            return .failure(.error("io-error", "cannot read \(path): \(error.localizedDescription)", at: .wholeFile(path)))
        }
        if bytes.count > maxBytes { return .failure(tooLarge(path, bytes.count, YAMLLimits(maxFileBytes: maxBytes, maxDepth: 0))) }
        return .success(bytes)
    }

    static func tooLarge(_ path: String, _ size: Int, _ limits: YAMLLimits) -> Diagnostic {
        .error(
            "yaml-too-large",
            "\(path) is \(size) bytes, more than the limit of \(limits.maxFileBytes) bytes"
                + (limits.maxFileBytes >= 1 << 20 ? " (\(limits.maxFileBytes >> 20) MiB)" : ""),
            at: .wholeFile(path), help: "split the file into several files in one folder")
    }

    /// The 1-based line and column (in code points) of a byte offset: libyaml gives only the
    /// offset for encoding errors. Like libyaml's marks, a byte order mark is not a column, and
    /// input that starts with a UTF-16 byte order mark is counted in UTF-16 code units.
    static func lineAndColumn(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return utf16LineAndColumn(upTo: end, in: bytes, littleEndian: bytes[0] == 0xFF)
        }
        var line = 1, column = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b == 0x0D {
                if i + 1 < end && bytes[i + 1] == 0x0A { i += 1 }
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    private static func utf16LineAndColumn(upTo end: Int, in bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 2
        var previousWasCR = false
        while i < end && i + 1 < bytes.count {
            let unit = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            if unit == 0x0A {
                if !previousWasCR {
                    line += 1
                    column = 1
                }
            } else if unit == 0x0D {
                line += 1
                column = 1
            } else if !(0xDC00...0xDFFF).contains(unit) {
                column += 1
            }
            previousWasCR = unit == 0x0D
            i += 2
        }
        return (line, column)
    }
}

/// A regular file mapped read-only, for the loader: parsing touches its pages in order, and
/// `release(before:)` lets go of the pages behind, so a big file is never held whole in memory.
/// A page let go and read again is read again from the file.
///
/// Like every tool that maps its input, this assumes the file is not cut short while it is
/// read (the system then stops the process, where `read` would have seen the old bytes).
struct MappedFile: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Nil when the file cannot be mapped (it is then read instead).
    init?(descriptor: Int32, size: Int) {
        guard size > 0 else { return nil }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        // Read in order: the system reads ahead and drops pages early.
        _ = madvise(address, size, MADV_SEQUENTIAL)
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Lets go of the whole pages inside `range` (byte offsets).
    func release(_ range: Range<Int>) {
        guard let base = buffer.baseAddress, Self.pageSize > 0 else { return }
        let lower = (max(range.lowerBound, 0) + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let upper = min(range.upperBound, buffer.count) / Self.pageSize * Self.pageSize
        guard lower < upper else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + lower), upper - lower, MADV_DONTNEED)
    }

    func unmap() {
        guard let base = buffer.baseAddress else { return }
        _ = munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
    }
}
