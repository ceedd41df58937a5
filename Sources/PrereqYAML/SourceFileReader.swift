import Diagnostics
import Foundation

/// Reads a file's bytes for the loader, refusing what cannot be YAML before parsing: missing
/// paths, folders, unreadable and oversized files.
enum SourceFileReader {
    static func read(path: String, maxBytes: Int) -> Result<[UInt8], Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.error("io-error", "no such file: \(path)", at: .wholeFile(path)))
        }
        if isDirectory.boolValue {
            return .failure(.error("io-error", "\(path) is a folder, not a YAML file", at: .wholeFile(path)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.error("io-error", "cannot read \(path)", at: .wholeFile(path)))
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxBytes {
            return .failure(tooLarge(path, size, YAMLLimits(maxFileBytes: maxBytes, maxDepth: 0)))
        }
        do {
            // Read one byte past the limit so that a file that grew (or a pipe) is still caught.
            let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
            if data.count > maxBytes { return .failure(tooLarge(path, data.count, YAMLLimits(maxFileBytes: maxBytes, maxDepth: 0))) }
            return .success([UInt8](data))
        } catch {
            return .failure(.error("io-error", "cannot read \(path): \(error.localizedDescription)", at: .wholeFile(path)))
        }
    }

    static func tooLarge(_ path: String, _ size: Int, _ limits: YAMLLimits) -> Diagnostic {
        .error(
            "yaml-too-large",
            "\(path) is \(size) bytes, more than the limit of \(limits.maxFileBytes) bytes (\(limits.maxFileBytes >> 20) MiB)",
            at: .wholeFile(path), help: "split the file into several files in one folder")
    }

    /// The 1-based line and column (in code points) of a byte offset: libyaml gives only the
    /// offset for encoding errors.
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
