import ArgumentParser
import PrereqYAML

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the YAML node tree as Prereq's loader sees it, with line and column for every node.",
        discussion: """
            Use it to see how Prereq reads a file. Exit 0 for well-formed YAML, 2 with the reason (file:line:column) for anything else.

            Example:
              prereq inspect rules/async-customer-mode.yaml
              prereq inspect --format json examples/snapshots/healthy.yaml
            """
    )

    @Argument(help: "YAML files to read.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: InspectFormat = .text

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        // The YAML tree does not depend on the config, but a config that is wrong is reported
        // here as by every command.
        _ = try configOptions.understoodConfig()
        let loader = YAMLLoader()
        let loaded = files.map { loader.load(path: $0) }
        var dump = YAMLTreeDump(format: format == .json ? .json : .text) { CLIOutput.stdout($0) }
        dump.dump(loaded)
        let diagnostics = loaded.flatMap(\.diagnostics)
        CLIOutput.report(diagnostics, to: .stderr)
        if loaded.contains(where: \.hasErrors) { throw ExitCode(2) }
    }
}

enum InspectFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
