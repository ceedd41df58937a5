import Diagnostics
import Foundation

/// What the loader made of one file: its documents (none for an empty file, one per `---`
/// otherwise) and every problem found. A file with an error yields no documents.
public struct YAMLFile: Sendable {
    public var path: String
    public var documents: [YAMLDocument]
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error: the file cannot be used.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads YAML files into `YAMLDocument`s, turning every failure into a diagnostic at
/// `file:line:column`.
public struct YAMLLoader: Sendable {
    public var limits: YAMLLimits
    /// Files of at least this many bytes are parsed on a thread of their own (see
    /// `PipelinedEventReader`); tests lower it to run small inputs that way too.
    var pipelineThreshold = 1 << 20
    /// Files of at least this many bytes are mapped rather than read, and the pages the parse
    /// has passed by `releaseDistance` bytes are let go; tests lower both.
    var mappingThreshold = 1 << 20
    var releaseDistance = 4 << 20

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads the file at `path` (as given, used in every location); the sections `sink` takes
    /// go to it in pieces instead of into the documents' trees. A big file is mapped, and the
    /// pages the parse has passed are let go as it goes.
    public func load(path: String, sections sink: YAMLSectionSink? = nil) -> YAMLFile {
        switch SourceFileReader.contents(path: path, maxBytes: limits.maxFileBytes, mappingFrom: mappingThreshold) {
        case .success(.bytes(let bytes)):
            return load(bytes: bytes, file: path, sections: sink)
        case .success(.mapped(let mapped)):
            defer { mapped.unmap() }
            return load(mapped.buffer, file: path, sections: sink, mapped: mapped)
        case .failure(let diagnostic):
            return YAMLFile(path: path, documents: [], diagnostics: [diagnostic])
        }
    }

    /// Loads YAML from memory; `file` names it in locations.
    public func load(bytes: [UInt8], file: String, sections sink: YAMLSectionSink? = nil) -> YAMLFile {
        if bytes.count > limits.maxFileBytes {
            return YAMLFile(path: file, documents: [], diagnostics: [SourceFileReader.tooLarge(file, bytes.count, limits)])
        }
        return bytes.withUnsafeBufferPointer { load($0, file: file, sections: sink, mapped: nil) }
    }

    private func load(_ bytes: UnsafeBufferPointer<UInt8>, file: String, sections sink: YAMLSectionSink?, mapped: MappedFile?) -> YAMLFile {
        var consumer = EventConsumer(
            builder: YAMLTreeBuilder(file: file, limits: limits, sink: sink), checks: YAMLSpecChecks(file: file, bytes: bytes),
            mapped: mapped, releaseDistance: releaseDistance)
        var arena: [UInt8] = []
        // A big file is parsed on a second thread while this one builds the tree; a small one
        // is not worth a thread (and many small files are already read in parallel). The
        // visitors are written in the calls: a closure kept in a constant would escape, and
        // every event's use of the consumer would be checked for exclusive access.
        let failure =
            bytes.count >= pipelineThreshold
            ? PipelinedEventReader.read(bytes, textArena: &arena) { consumer.handle($0, arena: &$1) }
            : LibYAMLEventReader.read(bytes, textArena: &arena) { consumer.handle($0, arena: &$1) }
        if consumer.builder.abandoned, let sink {
            sink.abandon()
            return load(bytes, file: file, sections: nil, mapped: mapped)
        }
        var diagnostics = consumer.builder.diagnostics
        if let failure {
            // libyaml's own error says what is wrong; the stricter checks would only add noise.
            diagnostics.append(diagnostic(for: failure, bytes: bytes, file: file))
        } else {
            diagnostics += consumer.checks.diagnostics
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return YAMLFile(path: file, documents: failed ? [] : consumer.builder.documents, diagnostics: diagnostics)
    }

    private func diagnostic(for failure: RawParseError, bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic {
        switch failure.kind {
        case .reader:
            let (line, column) = SourceFileReader.lineAndColumn(ofByte: failure.problemOffset, in: bytes)
            var message = failure.problem
            if failure.problemValue >= 0 {
                message += " (byte 0x\(String(failure.problemValue, radix: 16, uppercase: true)))"
            }
            message += " at byte offset \(failure.problemOffset)"
            return .error(
                "yaml-encoding", message, at: SourceLocation(file: file, line: line, column: column),
                help: "Prereq reads UTF-8 text; this looks like a binary file or another encoding")
        case .memory:
            return .error("yaml-syntax", failure.problem, at: .wholeFile(file))
        case .scanner, .parser:
            let at = SourceLocation(
                file: file, line: failure.problemMark.line + 1, column: failure.problemMark.column + 1)
            var related: [RelatedLocation] = []
            var message = failure.problem
            if let context = failure.context, let contextMark = failure.contextMark {
                let contextAt = SourceLocation(file: file, line: contextMark.line + 1, column: contextMark.column + 1)
                message += " (\(context) at \(contextAt.line):\(contextAt.column))"
                related.append(RelatedLocation(contextAt, context))
            }
            return .error("yaml-syntax", message, at: at, related: related)
        }
    }
}

/// What the loader does with each event: the spec checks, letting go of the pages behind the
/// parse, then the tree.
private struct EventConsumer {
    var builder: YAMLTreeBuilder
    var checks: YAMLSpecChecks
    let mapped: MappedFile?
    let releaseDistance: Int
    /// The pages of `mapped` before this offset are let go.
    var released = 0

    mutating func handle(_ event: RawEvent, arena: inout [UInt8]) -> LibYAMLEventReader.Control {
        checks.handle(event, arena: arena)  // before the builder, which clears the arena at a document's end
        // A mark's index (in code points) is never past its byte offset, so the pages well
        // before it are behind the parse and the checks.
        if let mapped, event.position.index - released >= 2 * releaseDistance {
            let upTo = event.position.index - releaseDistance
            mapped.release(released..<upTo)
            released = upTo
        }
        return builder.handle(event, arena: &arena)
    }
}
