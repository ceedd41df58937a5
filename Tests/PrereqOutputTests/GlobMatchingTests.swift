import PrereqCore
import Testing

/// Patterns with many `**` segments match as a shell would, without backtracking through every
/// way of splitting the path between them.
@Suite struct GlobMatchingTests {
    @Test(arguments: [
        ("a/**/b/**/c", "a/b/c", true), ("a/**/b/**/c", "a/x/b/y/b/z/c", true), ("a/**/b/**/c", "a/x/b/y/c/d", false),
        ("**/.h/**/a.yaml", "x/.h/y/a.yaml", true), ("**/a/**", "x/.h/a/y", false), ("**/**/a", "a", true),
        ("**/b/**/b", "b/b", true), ("**/b/**/b", "b", false),
    ])
    func severalDoubleStarsMatchLikeAShell(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    @Test(.timeLimit(.minutes(1))) func manyDoubleStarsAgainstANonMatchingPathEndQuickly() {
        let pattern = Array(repeating: "**/x", count: 40).joined(separator: "/") + "/never"
        let path = Array(repeating: "x", count: 200).joined(separator: "/") + "/a.yaml"
        #expect(!Glob(pattern).matches(path))
        #expect(Glob(pattern.replacingOccurrences(of: "never", with: "a.yaml")).matches(path))
    }
}
