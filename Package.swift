// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Prereq",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PrereqCore", targets: ["PrereqCore"]),
        .executable(name: "prereq", targets: ["prereq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml's C API. Only PrereqYAML/LibYAMLEventReader.swift touches it.
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Findings, source locations and their renderings (text, JSON).
        .target(name: "Diagnostics"),
        // libyaml's event stream turned into an immutable node tree with source marks.
        .target(name: "PrereqYAML", dependencies: ["CYaml", "Diagnostics"]),
        // The embeddable core: rule language, rule graph, lint, evaluation.
        .target(name: "PrereqCore", dependencies: ["PrereqYAML", "Diagnostics"]),
        // The thin command-line front end.
        .executableTarget(
            name: "prereq",
            dependencies: [
                "PrereqCore", "PrereqYAML", "Diagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed against libyaml alone (not part of the CLI): `swift run -c release prereq-bench`.
        .executableTarget(
            name: "prereq-bench",
            dependencies: ["PrereqCore", "PrereqYAML", "Diagnostics"],
            path: "Benchmarks/PrereqBench"
        ),
        .testTarget(
            name: "PrereqYAMLTests",
            dependencies: ["PrereqYAML", "Diagnostics"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PrereqCoreTests",
            dependencies: ["PrereqCore", "PrereqYAML", "Diagnostics"],
            exclude: ["Fixtures"]
        ),
        // Runs the built `prereq` executable; the dependency makes sure it is built first.
        .testTarget(
            name: "PrereqCLITests",
            dependencies: ["prereq"]
        ),
        // SARIF, JUnit, GitHub and Markdown output, project config and baselines (validates
        // against Tests/Data/schemas; runs the built `prereq` for exit codes).
        .testTarget(
            name: "PrereqOutputTests",
            dependencies: ["PrereqCore", "PrereqYAML", "Diagnostics", "prereq"],
            exclude: ["Fixtures"]
        ),
        // Checks the shipped rule packs and examples against schemas/*.schema.json.
        .testTarget(name: "SchemaTests", dependencies: ["PrereqYAML"]),
    ],
    swiftLanguageModes: [.v6]
)
