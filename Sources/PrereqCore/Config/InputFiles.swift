import Diagnostics

extension RulePackLoader {
    /// The YAML files `load(paths:)` reads for these paths (folders expanded, sorted), e.g. to
    /// list the checked units in a JUnit report. Missing paths are listed as given.
    public static func files(in paths: [String]) -> [String] {
        var diagnostics: [Diagnostic] = []
        var unreadable = false
        var files = RulePackLoader().expand(paths, diagnostics: &diagnostics, unreadable: &unreadable)
        for d in diagnostics where d.code == "io-error" { if let f = d.location?.file { files.append(f) } }
        return files
    }
}
