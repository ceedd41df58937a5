import Diagnostics
import Foundation
import PrereqAnswers
import PrereqMessages
import PrereqOutput
import PrereqYAML

/// Applies `# prereq-ignore CODE -- reason` comments: a comment at the end of a finding's line,
/// or in the block of comment lines right above it, that names the finding's code accepts it.
/// The reason is required: a comment without codes or without a reason accepts nothing and is
/// itself a finding (`suppression-incomplete`).
public enum InlineSuppressions {
    /// The report with accepted findings moved to `suppressed`, and a finding for each
    /// incomplete comment that a finding's line reaches.
    public static func apply(to report: FindingsReport, sources: SourceFileLines) -> FindingsReport {
        let messages = Messages(report.language)
        var kept: [Diagnostic] = []
        var suppressed = report.suppressed
        var incomplete: [SourceLocation: Diagnostic] = [:]
        for d in report.findings {
            guard let location = d.location, location.line > 0 else {
                kept.append(d)
                continue
            }
            var accepted = false
            for (line, comment) in comments(reaching: location.line, of: location.file, in: sources)
            where comment.codes.contains(d.code) || comment.codes.isEmpty {
                let place = SourceLocation(file: location.file, line: line, column: comment.column)
                if comment.codes.isEmpty || comment.reason.isEmpty {
                    incomplete[place] = incompleteFinding(comment, at: place, messages: messages)
                    continue
                }
                suppressed.append(SuppressedFinding(finding: d, justification: comment.reason, comment: place))
                accepted = true
                break
            }
            if !accepted { kept.append(d) }
        }
        var out = report
        // What is kept is in output order already; only incomplete comments' findings are new.
        out.findings = incomplete.isEmpty ? kept : Diagnostic.sortedForOutput(kept + incomplete.values)
        out.suppressed = suppressed
        return out
    }

    /// The suppression comments that reach `line`: the one on it, then those on the unbroken
    /// run of comment-only lines above it (nearest first), with their line numbers.
    static func comments(reaching line: Int, of file: String, in sources: SourceFileLines) -> [(Int, SuppressionComment)] {
        var found: [(Int, SuppressionComment)] = []
        if let text = sources.line(line, of: file), let c = SuppressionComment.parse(text) { found.append((line, c)) }
        var above = line - 1
        while above >= 1, let text = sources.line(above, of: file), SourceLines.isCommentOnly(text) {
            if let c = SuppressionComment.parse(text), c.standsAlone { found.append((above, c)) }
            above -= 1
        }
        return found
    }

    static func incompleteFinding(_ comment: SuppressionComment, at place: SourceLocation, messages: Messages) -> Diagnostic {
        Diagnostic(
            code: "suppression-incomplete", severity: .warning,
            message: comment.codes.isEmpty ? messages.suppressionWithoutCodes : messages.suppressionWithoutReason(comment.codes),
            location: place, help: messages.suppressionHelp)
    }
}
