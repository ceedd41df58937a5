

/// The version of Prereq, as `prereq --version` prints it.
public enum PrereqVersion {
    public static let current = "0.1.0"
}
