import PrereqCore
import PrereqYAML

/// Any bytes as a rule file: decoded and linted, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = YAMLLoader().load(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.yaml")
    let (pack, _) = RulePackLoader.decode(file.documents)
    _ = Linter.lint(RuleGraph(pack))
    return 0
}
