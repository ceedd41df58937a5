import Foundation

/// Writes whole texts to a file descriptor with `write(2)`, reporting failures instead of
/// trapping as `FileHandle.write(_:)` does.
enum OutputStreamWriter {
    /// Writes every byte of `text`, retrying short writes and interruptions; nil when done,
    /// else the system's reason.
    static func write(_ text: String, toDescriptor descriptor: Int32) -> String? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
