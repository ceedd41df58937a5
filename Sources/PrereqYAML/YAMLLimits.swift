/// The loader's documented limits. Input past them is refused with a diagnostic, never a crash.
public struct YAMLLimits: Sendable {
    /// Largest file the loader reads: 256 MiB. Larger files get `yaml-too-large` before any byte
    /// is parsed.
    public var maxFileBytes: Int
    /// Deepest nesting of sequences and mappings: 256 levels. The parse stops as soon as an
    /// event passes it (`yaml-too-deep`), before libyaml's own cost grows with the depth.
    public var maxDepth: Int

    public static let `default` = YAMLLimits(maxFileBytes: 256 << 20, maxDepth: 256)

    public init(maxFileBytes: Int, maxDepth: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
    }
}
