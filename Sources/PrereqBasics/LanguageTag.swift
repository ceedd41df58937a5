

/// BCP 47 language tags as Prereq uses them (`en`, `pt-BR`).
public enum LanguageTag {
    /// A primary language of 2–3 letters with optional subtags of 2–8 letters or digits.
    public static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `pt-br` → `pt-BR`, `EN` → `en`.
    public static func canonical(_ tag: String) -> String {
        let parts = tag.split(separator: "-")
        guard let first = parts.first else { return tag }
        var out = [first.lowercased()]
        for p in parts.dropFirst() { out.append(p.count == 2 ? p.uppercased() : p.lowercased()) }
        return out.joined(separator: "-")
    }
}
