import Diagnostics
import Foundation
import PrereqCore
import Testing

/// The lines of the findings' files are read once per report: lines already read are reused when
/// they hold every line the findings (and their related places) point at, and read anew when not.
@Suite struct SourceFileLinesTests {
    @Test func linesAlreadyReadAreReusedAndMissingOnesAreReadAnew() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/p.yaml"
        try Data("a: 1\nb: 2\nc: 3\nd: 4\n".utf8).write(to: URL(fileURLWithPath: file))
        let finding = Diagnostic(
            code: "x", severity: .note, message: "m", location: SourceLocation(file: file, line: 2, column: 1),
            related: [RelatedLocation(SourceLocation(file: file, line: 4, column: 1), "here")])
        let read = SourceFileLines(for: [finding])
        #expect(read.line(2, of: file) == "b: 2")
        #expect(read.line(4, of: file) == "d: 4", "a related place's line is read too")
        #expect(read.line(3, of: file) == nil)
        // The file changes: lines that were held are not read again; a line that was not is.
        try Data("A\nB\nC\nD\n".utf8).write(to: URL(fileURLWithPath: file))
        let same = SourceFileLines.reading([finding], reusing: read)
        #expect(same.line(2, of: file) == "b: 2")
        #expect(same.line(4, of: file) == "d: 4")
        let other = Diagnostic(code: "x", severity: .note, message: "m", location: SourceLocation(file: file, line: 3, column: 1))
        let anew = SourceFileLines.reading([finding, other], reusing: read)
        #expect(anew.line(3, of: file) == "C")
        #expect(anew.line(2, of: file) == "B")
        #expect(SourceFileLines.reading([finding], reusing: nil).line(2, of: file) == "B")
    }
}
