import Diagnostics

/// Stable identities of findings, for SARIF's `partialFingerprints` and for baselines.
///
/// A fingerprint hashes (code, file relative to the repository root, subject, message with
/// line:column references blanked), so it survives lines moving and findings around it coming
/// and going. Identical findings in one file get an occurrence suffix (`…:1`, `…:2`) in output
/// order. The hash is FNV-1a 64 over UTF-8: the same on every run and platform.
public enum FindingFingerprint {
    /// One fingerprint per finding of `findings`, in the same order.
    public static func compute(_ findings: [Diagnostic], paths: RepositoryPaths) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { d in
            let hash = hex(fnv1a64(key(d, paths: paths)))
            let n = (seen[hash] ?? 0) + 1
            seen[hash] = n
            return "\(hash):\(n)"
        }
    }

    /// What is hashed: everything that identifies the finding, nothing that moves with lines.
    static func key(_ d: Diagnostic, paths: RepositoryPaths) -> String {
        let file = d.location.map { paths.display($0.file) } ?? ""
        return [d.code, file, d.subject ?? "", normalizedMessage(d.message)].joined(separator: "\u{1F}")
    }

    /// The message with `N:M` positions and `line N` references replaced by `#`, so a message
    /// that mentions where something else is ("first defined at a.yaml:12:3") stays the same
    /// when that place moves.
    public static func normalizedMessage(_ message: String) -> String {
        let scalars = Array(message.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
        func digitsEnd(_ k: Int) -> Int {
            var j = k
            while isDigit(j) { j += 1 }
            return j
        }
        while i < scalars.count {
            if isDigit(i) && (i == 0 || !isDigit(i - 1)) {
                let end = digitsEnd(i)
                // N:M (and N:M:K) is a position.
                if end < scalars.count, scalars[end] == ":", isDigit(end + 1) {
                    var j = end
                    while j < scalars.count, scalars[j] == ":", isDigit(j + 1) { j = digitsEnd(j + 1) }
                    out.append(contentsOf: "#".unicodeScalars)
                    i = j
                    continue
                }
                // "line N"
                let before = String(String.UnicodeScalarView(scalars[max(0, i - 5)..<i])).lowercased()
                if before == "line " {
                    out.append("#")
                    i = end
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// FNV-1a, 64 bits.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
