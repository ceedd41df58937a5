extension MarkdownRenderer {
    /// Text as an inline code span: backticks cannot be escaped inside one, so they (and line
    /// breaks, which would end it) become `'`.
    public static func codeSpan(_ s: String) -> String {
        "`" + String(s.map { $0 == "`" || $0 == "\n" || $0 == "\r" ? "'" : $0 }) + "`"
    }
}
