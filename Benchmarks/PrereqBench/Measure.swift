import Foundation

/// Timing, medians, peak memory and child processes for the benchmark.
enum Measure {
    /// Seconds `body` takes, on the monotonic clock.
    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The process's peak resident memory so far in bytes (`VmHWM`, else `ru_maxrss`).
    static func peakMemory() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kB = Int(line.split(separator: " ").dropFirst().first ?? "")
        {
            return kB * 1024
        }
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return usage.ru_maxrss * 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return usage.ru_maxrss
        #endif
    }

    /// Runs this executable again with `arguments` and returns the `key=value` pairs of the
    /// line it prints starting with `RESULT`; each child starts with fresh memory, so its
    /// peak is its own.
    static func child(_ arguments: [String]) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        if !FileManager.default.fileExists(atPath: "/proc/self/exe") {
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") })
        else {
            throw BenchError("child \(arguments.joined(separator: " ")) failed (status \(process.terminationStatus)): \(output)")
        }
        var out: [String: String] = [:]
        for pair in line.dropFirst(7).split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }

    /// Prints the line `child` reads.
    static func report(_ values: [(String, Any)]) {
        print("RESULT " + values.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Number formatting for the table.
enum Format {
    static func ms(_ seconds: Double) -> String {
        seconds >= 10 ? String(format: "%.1f s", seconds) : String(format: "%.0f ms", seconds * 1000)
    }

    static func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    static func ratio(_ x: Double) -> String { String(format: "%.2f×", x) }

    static func rate(_ bytes: Int, _ seconds: Double) -> String { String(format: "%.0f", Double(bytes) / 1e6 / seconds) }

    static func count(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}

/// One finished process as the operating system accounts for it.
struct ProcessRun {
    var seconds: Double
    /// The child's peak resident memory in bytes (`ru_maxrss`).
    var peak: Int
    var status: Int32
}

extension Measure {
    /// Runs `arguments` (the program first, found on `PATH` unless it is a path) as a user
    /// would, its output thrown away, and returns its wall time from spawn to exit and its peak
    /// memory from `wait4`. Nil when it cannot be started.
    static func process(_ arguments: [String]) -> ProcessRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // ru_maxrss is in kilobytes on Linux, in bytes on macOS.
        #if os(Linux)
            let peak = usage.ru_maxrss * 1024
        #else
            let peak = usage.ru_maxrss
        #endif
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProcessRun(seconds: seconds, peak: peak, status: exitStatus)
    }

    /// The median time and the largest peak of `runs` runs of each command, taken in turn
    /// (A B C A B C …, so that a drift of the machine's speed touches each alike). A command
    /// that cannot start, or that a signal ends, gives nil.
    static func processes(_ commands: [[String]], runs: Int) -> [(seconds: Double, peak: Int, status: Int32)?] {
        var times = [[Double]](repeating: [], count: commands.count)
        var peaks = [Int](repeating: 0, count: commands.count)
        var statuses = [Int32](repeating: 0, count: commands.count)
        var failed = [Bool](repeating: false, count: commands.count)
        for _ in 0..<runs {
            for (k, command) in commands.enumerated() where !failed[k] {
                guard let run = process(command), run.status < 128 else {
                    failed[k] = true
                    continue
                }
                times[k].append(run.seconds)
                peaks[k] = max(peaks[k], run.peak)
                statuses[k] = run.status
            }
        }
        return commands.indices.map { failed[$0] ? nil : (median(times[$0]), peaks[$0], statuses[$0]) }
    }
}
