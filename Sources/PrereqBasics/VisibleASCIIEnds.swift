extension String {
    /// Whether the text starts and ends with a visible ASCII character, so that trimming white
    /// space (of any kind) would leave it as it is: a check of two bytes that spares most names
    /// Foundation's `trimmingCharacters`, which costs about as much as parsing them.
    package var hasVisibleASCIIEnds: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}
