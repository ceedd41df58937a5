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
        // Small tools with no domain knowledge: atomic writes, parallel work, "did you mean",
        // compact hash slots.
        .target(name: "PrereqBasics"),
        // libyaml's event stream turned into an immutable node tree with source marks.
        .target(name: "PrereqYAML", dependencies: ["CYaml", "Diagnostics", "PrereqBasics"]),
        // The layers of the core, bottom to top. A target depends only on targets above it in
        // this list; data flows bytes → YAML → model → graph/lint → evaluation → answers →
        // renderers → gate → CLI.
        // What a rule pack and a snapshot say, and the words of an answer (truth, verdict,
        // cause kinds, plan actions). Plain values: no decoding, no evaluation. A new condition
        // kind starts here (a `Requirement` case), then is decoded, evaluated and worded below.
        .target(name: "PrereqModel", dependencies: ["PrereqBasics", "Diagnostics"]),
        // Every sentence users read, in each language, and the catalog of finding codes (a new
        // finding code is added to the catalog here).
        .target(name: "PrereqMessages", dependencies: ["PrereqModel", "PrereqBasics", "Diagnostics"]),
        // YAML node trees decoded into rule packs and snapshots; files and folders read.
        .target(
            name: "PrereqLoading",
            dependencies: ["PrereqModel", "PrereqMessages", "PrereqBasics", "PrereqYAML", "Diagnostics"]),
        // `prereq import`: a flag platform's files (LaunchDarkly, Unleash, GrowthBook) read and
        // written as a rule pack and snapshots, ordinary Prereq files the other commands read.
        .target(name: "PrereqImport", dependencies: ["PrereqModel", "PrereqMessages", "PrereqBasics", "Diagnostics"]),
        // The rule graph (indices, edges) and every lint check over it (a new check goes here).
        .target(name: "PrereqGraph", dependencies: ["PrereqModel", "PrereqMessages", "PrereqBasics", "Diagnostics"]),
        // A snapshot evaluated against the graph: explanations, plans, and plans simulated (a
        // condition kind's truth, explanation, plan step and simulation go here).
        .target(name: "PrereqEvaluation", dependencies: ["PrereqGraph", "PrereqModel", "PrereqMessages", "Diagnostics"]),
        // What each command answers (lint, check, why, plan, faq) as values, from paths on disk.
        .target(
            name: "PrereqAnswers",
            dependencies: [
                "PrereqEvaluation", "PrereqGraph", "PrereqLoading", "PrereqModel", "PrereqMessages", "PrereqBasics",
                "PrereqYAML", "Diagnostics",
            ]),
        // Answers and findings rendered: text, JSON, Markdown, SARIF, JUnit, GitHub, graphs (a
        // new output format goes here).
        .target(
            name: "PrereqOutput",
            dependencies: [
                "PrereqAnswers", "PrereqEvaluation", "PrereqGraph", "PrereqModel", "PrereqMessages", "PrereqBasics",
                "PrereqYAML", "Diagnostics",
            ]),
        // The CI gate: project config, input files, baselines, inline suppressions, reports.
        .target(
            name: "PrereqGate",
            dependencies: [
                "PrereqOutput", "PrereqAnswers", "PrereqLoading", "PrereqMessages", "PrereqModel", "PrereqBasics",
                "PrereqYAML", "Diagnostics",
            ]),
        // The library product: re-exports every layer, so an embedding package writes
        // `import PrereqCore`.
        .target(
            name: "PrereqCore",
            dependencies: [
                "PrereqGate", "PrereqImport", "PrereqOutput", "PrereqAnswers", "PrereqEvaluation", "PrereqGraph", "PrereqLoading",
                "PrereqMessages", "PrereqModel", "PrereqBasics", "PrereqYAML", "Diagnostics",
            ]),
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
            dependencies: ["PrereqYAML", "PrereqBasics", "Diagnostics"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PrereqCoreTests",
            // The layers by name too: a few tests reach internals with `@testable import`.
            dependencies: ["PrereqCore", "PrereqGraph", "PrereqModel", "PrereqBasics", "PrereqYAML", "Diagnostics"],
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
        // Checks the shipped rule packs and examples against schemas/*.schema.json, and the JSON
        // Prereq writes (why, plan, check, diff, …) against its output schemas.
        .testTarget(name: "SchemaTests", dependencies: ["PrereqCore", "PrereqYAML"]),
    ],
    swiftLanguageModes: [.v6]
)
