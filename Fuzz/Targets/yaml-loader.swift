import PrereqYAML

/// Any bytes through the YAML loader and the tree dump: documents or diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = YAMLLoader().load(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.yaml")
    var dump = YAMLTreeDump(format: .json) { _ in }
    dump.dump([file])
    return 0
}
