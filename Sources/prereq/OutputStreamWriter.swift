import Foundation

/// Writes whole texts to a file descriptor with `write(2)`, reporting failures instead of
/// trapping as `FileHandle.write(_:)` does.
enum OutputStreamWriter {
    /// Writes every byte of `text`, retrying short writes and interruptions; nil when done,
    /// else the system's reason.
    static func write(_ text: String, toDescriptor descriptor: Int32) -> String? {
        var text = text
        // A native string's UTF-8 is written where it lies: a big report is not copied.
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}
