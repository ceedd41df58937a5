import Diagnostics
import Foundation
import PrereqCore
import PrereqYAML

// prereq-bench: how fast Prereq lints and checks against libyaml alone parsing the same bytes.
//
//   swift run -c release prereq-bench                   the full table (10k, 100k, 1M features)
//   swift run -c release prereq-bench --skip-1m         without the 1,000,000-feature pack
//   swift run -c release prereq-bench --runs 3 --corpus 2000
//   swift run -c release prereq-bench --forms core      the packs in the core forms only
//   prereq-bench --child phases --dir FOLDER           where lint's time goes (a folder kept by --keep)
//   swift run -c release prereq-bench --python-up-to 1000000   the Python script at every size
//
// Every size runs in child processes of this executable (`--child lint|check|why`), so each
// peak memory figure belongs to one size and one command. Beside those in-process phases, the
// `prereq` binary built next to this one runs as a user runs it (whole process: start-up,
// reading, output and exit included), against a process that only reads the same files and
// runs libyaml's event loop over them (`--child floor`), and against a straightforward Python
// script doing the same checks (Benchmarks/compare/prereq_check.py, when python3 has PyYAML).

let usage = """
    usage: prereq-bench [--skip-1m] [--sizes N,N,…] [--runs N] [--corpus FILES] [--keep] [--forms core|v2]
                        [--prereq PATH] [--no-python] [--python-up-to FEATURES]
    """

/// The options of both modes.
struct Options {
    var sizes = [10_000, 100_000, 1_000_000]
    var runs: Int?
    var corpusFiles = 10_000
    var keep = false
    var child: String?
    var directory = ""
    var top = ""
    /// Whether the generated packs use the v2 constructs beside the core forms.
    var v2 = true
    /// The `prereq` binary timed whole-process (default: the one built beside this program).
    var prereq: String?
    var python = true
    /// The largest pack the Python script is timed on: it takes about half an hour at
    /// 1,000,000 features.
    var pythonUpTo = 100_000
    var files: [String] = []

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let v = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(usage)") }
            return v
        }
        func number(_ flag: String) throws -> Int {
            guard let n = Int(try value(flag)), n >= 0 else { throw BenchError("\(flag) needs a number\n\(usage)") }
            return n
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--skip-1m": sizes.removeAll { $0 >= 1_000_000 }
            case "--sizes": sizes = try value(flag).split(separator: ",").compactMap { Int($0) }
            case "--runs": runs = try number(flag)
            case "--corpus": corpusFiles = try number(flag)
            case "--keep": keep = true
            case "--child": child = try value(flag)
            case "--dir": directory = try value(flag)
            case "--top": top = try value(flag)
            case "--forms":
                let forms = try value(flag)
                guard forms == "core" || forms == "v2" else { throw BenchError("--forms is core or v2\n\(usage)") }
                v2 = forms == "v2"
            case "--prereq": prereq = try value(flag)
            case "--no-python": python = false
            case "--python-up-to": pythonUpTo = try number(flag)
            case "--files": files = Array(rest)
                rest = []
            default: throw BenchError("unknown option \(flag)\n\(usage)")
            }
        }
    }

    /// Runs per measurement: 5, fewer for the largest packs.
    func runs(forBytes bytes: Int) -> Int { runs ?? (bytes > 50_000_000 ? 3 : 5) }
}

// MARK: - Children: one measurement each, in a fresh process

/// The pack of a measurement folder: `pack.yaml`, or the folder `pack` of several files.
func packPath(_ directory: String) -> String {
    FileManager.default.fileExists(atPath: directory + "/pack.yaml") ? directory + "/pack.yaml" : directory + "/pack"
}

/// The bytes of every file of a pack, in the order the loader reads them.
func packBytes(_ path: String) throws -> [[UInt8]] {
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    let files = isFolder.boolValue ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
    return try files.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
}

/// `--child lint`: the floor (libyaml's event loop over the pack) and load+lint, interleaved.
/// The first lint runs before anything else is in memory, so the peak is lint's own.
func lintChild(_ o: Options) throws {
    let pack = packPath(o.directory)
    var lintTimes: [Double] = []
    var findings = 0
    lintTimes.append(Measure.seconds { findings = LintRun.run(paths: [pack]).findings.count })
    let peak = Measure.peakMemory()
    let files = try packBytes(pack)
    let bytes = files.reduce(0) { $0 + $1.count }
    var floorTimes: [Double] = []
    var events = 0
    for run in 0..<o.runs(forBytes: bytes) {
        floorTimes.append(Measure.seconds { events = files.reduce(0) { $0 + YAMLEventFloor.countEvents($1) } })
        if run > 0 { lintTimes.append(Measure.seconds { _ = LintRun.run(paths: [pack]) }) }
    }
    Measure.report([
        ("bytes", bytes), ("events", events), ("floor", Measure.median(floorTimes)),
        ("lint", Measure.median(lintTimes)), ("findings", findings), ("peak", peak),
    ])
}

/// `--child check`: the floor for pack and snapshot bytes, and what `prereq check` does: load
/// the pack, read the snapshot, check it.
func checkChild(_ o: Options) throws {
    let pack = packPath(o.directory), snapshot = o.directory + "/snapshot.yaml"
    let language = Language(tag: "en")
    func check() -> Int {
        CheckRun.run(snapshots: [snapshot], loadingRules: { LoadedRules.load(paths: [pack]) }, language: language, jobs: 1)
            .findings.count
    }
    var checkTimes: [Double] = []
    var findings = 0
    checkTimes.append(Measure.seconds { findings = check() })
    let peak = Measure.peakMemory()
    let files = try packBytes(pack) + [[UInt8](Data(contentsOf: URL(fileURLWithPath: snapshot)))]
    let bytes = files.reduce(0) { $0 + $1.count }
    var floorTimes: [Double] = []
    for run in 0..<o.runs(forBytes: bytes) {
        floorTimes.append(Measure.seconds { _ = files.reduce(0) { $0 + YAMLEventFloor.countEvents($1) } })
        if run > 0 { checkTimes.append(Measure.seconds { _ = check() }) }
    }
    Measure.report([
        ("bytes", bytes), ("snapshotBytes", files[files.count - 1].count),
        ("floor", Measure.median(floorTimes)), ("check", Measure.median(checkTimes)), ("findings", findings),
        ("peak", peak),
    ])
}

/// `--child why`: `prereq why TOP --snapshot S` (load the pack and the snapshot, answer, render
/// the text), the answer alone, and load+lint of the same pack.
func whyChild(_ o: Options) throws {
    let pack = o.directory + "/pack.yaml", snapshot = o.directory + "/snapshot.yaml"
    let language = Language(tag: "en")
    var whyTimes: [Double] = [], answerTimes: [Double] = [], lintTimes: [Double] = []
    var steps = 0, length = 0
    for _ in 0..<o.runs(forBytes: 0) {
        lintTimes.append(Measure.seconds { _ = LintRun.run(paths: [pack]) })
        whyTimes.append(
            Measure.seconds {
                let rules = LoadedRules.load(paths: [pack])
                guard case .success(let f) = FeatureLookup.find(o.top, in: rules.graph),
                    let read = SnapshotReader().read(path: snapshot).snapshots.first
                else { return }
                var evaluator = Evaluator(facts: EnvironmentFacts(snapshot: read, graph: rules.graph), language: language)
                var answer: FeatureAnswer?
                answerTimes.append(Measure.seconds { answer = evaluator.answer(feature: f) })
                if let answer {
                    steps = answer.plan.steps.count
                    length = ExplanationTextRenderer(language: language).render(answer).utf8.count
                }
            })
    }
    Measure.report([
        ("why", Measure.median(whyTimes)), ("answer", Measure.median(answerTimes)), ("lint", Measure.median(lintTimes)),
        ("steps", steps), ("text", length),
    ])
}

/// `--child floor --files F…`: the whole-process floor: read the files and run libyaml's bare
/// event loop over each, nothing else (what any program built on libyaml must at least do).
func floorChild(_ o: Options) throws {
    var events = 0
    for path in o.files {
        events += YAMLEventFloor.countEvents(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
    }
    Measure.report([("events", events)])
}

/// The files of a pack path (a file, or the YAML files of a folder), sorted.
func packFiles(_ path: String) throws -> [String] {
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    return isFolder.boolValue ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
}

/// The executable beside this one named `name`, if it exists.
func sibling(_ name: String) -> String? {
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let path = me.deletingLastPathComponent().appendingPathComponent(name).path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// The comparison script, found from this source file's place in the repository.
let pythonScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("compare/prereq_check.py").path

/// Whether `python3` is on PATH and imports PyYAML.
func pythonWithYAML() -> Bool {
    Measure.process(["python3", "-c", "import yaml"])?.status == 0 && FileManager.default.fileExists(atPath: pythonScript)
}

/// Whole-process figures of one size: the floor process, `prereq lint`, `prereq check`, and
/// the Python script, each the median of the runs (taken in turn).
func wholeProcessRow(
    _ o: Options, size: Int, directory: String, prereq: String, python: Bool
) throws -> (row: String, lint: Double, check: Double) {
    let pack = packPath(directory), snapshot = directory + "/snapshot.yaml"
    let files = try packFiles(pack)
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let packBytes = try files.reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    let snapshotBytes = (try FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int) ?? 0
    var commands = [
        [me, "--child", "floor", "--files"] + files,
        [prereq, "lint", pack],
        [me, "--child", "floor", "--files"] + files + [snapshot],
        [prereq, "check", "--rules", pack, snapshot],
    ]
    if python {
        commands.append(["python3", pythonScript, pack])
        commands.append(["python3", pythonScript, pack, "--snapshot", snapshot])
    }
    let runs = o.runs(forBytes: packBytes)
    let r = Measure.processes(commands, runs: runs)
    guard let floorLint = r[0], let lint = r[1], let floorCheck = r[2], let check = r[3] else {
        throw BenchError("a whole-process run failed for \(size) features")
    }
    func peak(_ p: Int, _ bytes: Int) -> String { "\(Format.mb(p)) (\(String(format: "%.1f", Double(p) / Double(bytes)))×)" }
    var row =
        "| \(Format.count(size)) | \(Format.mb(packBytes)) + \(Format.mb(snapshotBytes)) | \(Format.ms(floorLint.seconds)) | "
        + "\(Format.ms(lint.seconds)) | **\(Format.ratio(lint.seconds / floorLint.seconds))** | \(peak(lint.peak, packBytes)) | "
        + "\(Format.ms(floorCheck.seconds)) | \(Format.ms(check.seconds)) | **\(Format.ratio(check.seconds / floorCheck.seconds))** | "
        + "\(peak(check.peak, packBytes + snapshotBytes)) | "
    if python, let pyLint = r[4], let pyCheck = r[5], pyLint.status == 0, pyCheck.status == 0 {
        row += "\(Format.ms(pyLint.seconds)) / \(Format.ms(pyCheck.seconds)) | **\(Format.ratio(pyLint.seconds / lint.seconds))** / **\(Format.ratio(pyCheck.seconds / check.seconds))** |"
    } else {
        row += "– | – |"
    }
    return (row, lint.seconds, check.seconds)
}

// MARK: - The parent: generate, run the children, print the table

func write(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: false, encoding: .utf8)
}

func runAll(_ o: Options) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("prereq-bench-\(getpid())").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { if !o.keep { try? FileManager.default.removeItem(atPath: root) } }
    let info = ProcessInfo.processInfo
    print("prereq-bench: \(info.activeProcessorCount) active cores, files in \(root)")
    print("packs: \(o.v2 ? "core forms and v2 constructs" : "core forms only")")
    let prereq = o.prereq ?? sibling("prereq")
    if prereq == nil { print("no prereq binary beside prereq-bench (swift build -c release --product prereq): no whole-process figures") }
    let python = o.python && pythonWithYAML()
    if o.python && !python { print("python3 with PyYAML not found (pip install pyyaml): no comparison with the Python script") }
    print("")

    var rows: [String] = [], processRows: [String] = []
    var processLint: [Int: Double] = [:], processCheck: [Int: Double] = [:]
    var lintBySize: [Int: Double] = [:], checkBySize: [Int: Double] = [:]
    for size in o.sizes {
        let directory = "\(root)/size-\(size)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let generation = Measure.seconds {
            let generator = PackGenerator(count: size, v2: o.v2)
            let files = generator.packFiles()
            if files.count == 1 {
                try? write(files[0], to: directory + "/pack.yaml")
            } else {
                // Over 256 MiB in one file is more than the loader accepts: a folder of files.
                try? FileManager.default.createDirectory(atPath: directory + "/pack", withIntermediateDirectories: true)
                for (i, text) in files.enumerated() {
                    try? write(text, to: String(format: "%@/pack/part-%02d.yaml", directory, i))
                }
            }
            try? write(generator.snapshotYAML(), to: directory + "/snapshot.yaml")
        }
        FileHandle.standardError.write(Data("generated \(Format.count(size)) features in \(Format.ms(generation))\n".utf8))
        // Written files are flushed before measuring, so that the kernel writing them back
        // does not compete with the measurements.
        sync()
        var common = ["--dir", directory]
        if let runs = o.runs { common += ["--runs", String(runs)] }
        let lint = try Measure.child(["--child", "lint"] + common)
        let check = try Measure.child(["--child", "check"] + common)
        let packBytes = Int(lint["bytes"]!)!, allBytes = Int(check["bytes"]!)!
        let floorLint = Double(lint["floor"]!)!, lintTime = Double(lint["lint"]!)!
        let floorCheck = Double(check["floor"]!)!, checkTime = Double(check["check"]!)!
        lintBySize[size] = lintTime
        checkBySize[size] = checkTime
        rows.append(
            "| \(Format.count(size)) | \(Format.mb(packBytes)) + \(Format.mb(Int(check["snapshotBytes"]!)!)) | "
                + "\(Format.ms(floorLint)) | \(Format.ms(lintTime)) | **\(Format.ratio(lintTime / floorLint))** | "
                + "\(Format.ms(floorCheck)) | \(Format.ms(checkTime)) | **\(Format.ratio(checkTime / floorCheck))** | "
                + "\(Format.mb(Int(lint["peak"]!)!)) / \(Format.mb(Int(check["peak"]!)!)) | "
                + "\(Format.rate(packBytes, floorLint)) / \(Format.rate(packBytes, lintTime)) / \(Format.rate(allBytes, checkTime)) | "
                + "\(lint["findings"]!) / \(check["findings"]!) |")
        if let prereq {
            let r = try wholeProcessRow(o, size: size, directory: directory, prereq: prereq, python: python && size <= o.pythonUpTo)
            processRows.append(r.row)
            processLint[size] = r.lint
            processCheck[size] = r.check
        }
        FileHandle.standardError.write(Data("measured \(Format.count(size)) features\n".utf8))
    }
    if !processRows.isEmpty {
        print("Whole process (`prereq lint PACK`, `prereq check --rules PACK SNAPSHOT`, output to /dev/null; the floor: a process reading the same files and running libyaml's event loop; peaks against the input's bytes):\n")
        print("| features | bytes (pack + snapshot) | floor: pack | prereq lint | lint / floor | peak lint | floor: pack + snapshot | prereq check | check / floor | peak check | Python lint / check | Python / prereq lint / check |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in processRows { print(row) }
        if let small = processLint[100_000], let big = processLint[1_000_000], let c1 = processCheck[100_000],
            let c2 = processCheck[1_000_000]
        {
            print("\nGrowth 100,000 → 1,000,000 features, whole process: lint \(Format.ratio(big / small)), check \(Format.ratio(c2 / c1)) (linear is 10×).")
        }
        print("\nIn process (phases of the library, without start-up and exit):\n")
    }
    print("| features | bytes (pack + snapshot) | floor: pack | lint | lint / floor | floor: pack + snapshot | check | check / floor | peak memory lint / check | MB/s floor / lint / check | findings lint / check |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows { print(row) }
    if let small = lintBySize[100_000], let big = lintBySize[1_000_000], let c1 = checkBySize[100_000],
        let c2 = checkBySize[1_000_000]
    {
        print("\nGrowth 100,000 → 1,000,000 features: lint \(Format.ratio(big / small)), check \(Format.ratio(c2 / c1)) (linear is 10×).")
    }

    // `why` on the top of a deep chain and of a wide diamond, against lint of the same pack.
    print("\n| why on | answer alone | prereq why (load, answer, text) | lint of the same pack | plan steps |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for (label, shape) in [
        ("top of a 10,000-deep chain", PackGenerator.chainPack(depth: 10_000)),
        ("top of a 10,000-wide diamond", PackGenerator.diamondPack(width: 10_000)),
    ] {
        let directory = "\(root)/why-\(shape.top)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try write(shape.pack, to: directory + "/pack.yaml")
        try write(shape.snapshot, to: directory + "/snapshot.yaml")
        sync()
        var arguments = ["--child", "why", "--dir", directory, "--top", shape.top]
        if let runs = o.runs { arguments += ["--runs", String(runs)] }
        let r = try Measure.child(arguments)
        print(
            "| \(label) | \(Format.ms(Double(r["answer"]!)!)) | \(Format.ms(Double(r["why"]!)!)) | "
                + "\(Format.ms(Double(r["lint"]!)!)) | \(r["steps"]!) |")
    }

    if o.corpusFiles > 0 { try corpus(o, root: root) }
}

/// Many snapshots against one pack: `prereq check` over every file with 1 worker, then with
/// one per core (in this process, as the CLI runs it, without printing).
func corpus(_ o: Options, root: String) throws {
    let directory = "\(root)/corpus"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let generator = PackGenerator(count: 5_000, seed: 5)
    try write(generator.packYAML(), to: directory + "/pack.yaml")
    var paths: [String] = []
    var bytes = 0
    for i in 0..<o.corpusFiles {
        let start = (i * 37) % (generator.features.count - 200)
        let text = generator.snapshotYAML(stated: start..<start + 200, seed: UInt64(i), environment: "env-\(i)")
        bytes += text.utf8.count
        let path = String(format: "%@/snapshot-%05d.yaml", directory, i)
        try write(text, to: path)
        paths.append(path)
    }
    sync()
    let rules = LoadedRules.load(paths: [directory + "/pack.yaml"])
    let language = Language(tag: "en")
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var one: [Double] = [], all: [Double] = []
    var findings = 0
    for _ in 0..<(o.runs ?? 3) {
        one.append(Measure.seconds { findings = CheckRun.run(snapshots: paths, rules: rules, language: language, jobs: 1).findings.count })
        all.append(Measure.seconds { _ = CheckRun.run(snapshots: paths, rules: rules, language: language, jobs: cores) })
    }
    let t1 = Measure.median(one), tn = Measure.median(all)
    print("\n| corpus | bytes | 1 worker | \(cores) workers | speed-up | findings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(
        "| \(Format.count(paths.count)) snapshots × 200 features, 5,000-feature pack | \(Format.mb(bytes)) | "
            + "\(Format.ms(t1)) | \(Format.ms(tn)) | **\(Format.ratio(t1 / tn))** | \(findings) |")
}

/// `--child phases --dir D`: where lint's time goes for the pack in D — read, load (libyaml and
/// the node tree), decode, graph, checks; and reading the pack as `prereq` does, its sections
/// decoded in pieces while it is read — and what check adds for the snapshot in D (load,
/// decode, evaluation with its facts), each the median of the runs.
func phasesChild(_ o: Options) throws {
    let path = packPath(o.directory)
    let files = try packBytes(path)
    var times: [String: [Double]] = [:]
    for _ in 0..<(o.runs ?? 3) {
        var documents: [YAMLDocument] = []
        times["floor", default: []].append(Measure.seconds { for bytes in files { _ = YAMLEventFloor.countEvents(bytes) } })
        times["load", default: []].append(Measure.seconds {
            documents = files.enumerated().flatMap { YAMLLoader().load(bytes: $1, file: "f\($0).yaml").documents }
        })
        var pack = RulePack()
        times["decode", default: []].append(Measure.seconds { pack = RulePackLoader.decode(documents).0 })
        var graph: RuleGraph?
        times["graph", default: []].append(Measure.seconds { graph = RuleGraph(pack) })
        guard let graph else { continue }
        times["checks", default: []].append(Measure.seconds { _ = Linter.lint(graph) })
        times["read in pieces", default: []].append(Measure.seconds { _ = RulePackLoader().load(paths: [path]) })
        // What `check` adds: the snapshot read as YAML, decoded, bound to the pack, evaluated.
        let snapshotPath = o.directory + "/snapshot.yaml"
        guard FileManager.default.fileExists(atPath: snapshotPath) else { continue }
        var file: YAMLFile?
        times["snapshot load", default: []].append(Measure.seconds { file = YAMLLoader().load(path: snapshotPath) })
        guard let document = file?.documents.first else { continue }
        var snapshot: Snapshot?
        times["snapshot decode", default: []].append(Measure.seconds { snapshot = SnapshotDecoder.decode(document).0 })
        guard let snapshot else { continue }
        times["evaluate", default: []].append(Measure.seconds { _ = CheckRun.check(snapshot, graph: graph, language: .english) })
    }
    for phase in ["floor", "load", "decode", "graph", "checks", "read in pieces", "snapshot load", "snapshot decode", "evaluate"] where times[phase] != nil {
        print("\(phase)\t\(Format.ms(Measure.median(times[phase] ?? [])))")
    }
}

// Memory is handed back as the `prereq` binary hands it back, so that the in-process peaks are
// the library's as users run it.
ProcessMemory.returnLargeBlocksWhenFreed()
do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    switch options.child {
    case "lint"?: try lintChild(options)
    case "check"?: try checkChild(options)
    case "why"?: try whyChild(options)
    case "phases"?: try phasesChild(options)
    case "floor"?: try floorChild(options)
    case nil: try runAll(options)
    case let other?: throw BenchError("unknown child \(other)")
    }
} catch {
    FileHandle.standardError.write(Data("prereq-bench: \(error)\n".utf8))
    exit(1)
}
