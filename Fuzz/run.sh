#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a while (FUZZ_SECONDS, default 60) on a seed
# corpus made of the repository's own YAML and JSON files. Any crash, trap, sanitizer report
# or input slower than FUZZ_TIMEOUT seconds fails the run (exit non-zero); the input is left in
# .build-fuzz/findings/<target>/. Usage: Fuzz/run.sh [target ...]
# Targets: yaml-loader, pack-lint, snapshot-evaluation, pack-test (all by default).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
timeout="${FUZZ_TIMEOUT:-10}"
scratch=.build-fuzz
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml-loader pack-lint snapshot-evaluation pack-test)

# The library, instrumented for coverage and checked by AddressSanitizer.
swift build --scratch-path "$scratch" --target PrereqCore -Xswiftc -sanitize=fuzzer,address >/dev/null
# Every layer of the library (PrereqCore re-exports them), PrereqYAML among them, and Diagnostics.
objects=("$scratch"/debug/Prereq[A-Z]*.build/*.o "$scratch"/debug/Diagnostics.build/*.o)

# Seeds: every rule file, example, snapshot and test fixture in the repository.
seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
find rules examples Tests Fuzz/regressions -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size -256k -print0 |
    while IFS= read -r -d '' f; do cp "$f" "$seeds/$(printf '%s' "$f" | tr '/' '_')"; done

status=0
for target in "${targets[@]}"; do
    binary="$scratch/fuzz-$target"
    swiftc -parse-as-library -sanitize=fuzzer,address -g -I "$scratch/debug/Modules" -I Sources/CYaml \
        "Fuzz/Targets/$target.swift" "${objects[@]}" -lyaml -o "$binary" 2>&1 | grep -v "Cannot export local symbol" || true
    corpus="$scratch/corpus/$target"
    findings="$scratch/findings/$target"
    mkdir -p "$corpus" "$findings"
    echo "== $target: ${seconds}s"
    if ! PREREQ_FUZZ_RULES=rules ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" "$seeds" \
        -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$findings/" -print_final_stats=1 2>"$scratch/$target.log"; then
        echo "$target: FAILED, see $scratch/$target.log and $findings/" >&2
        tail -40 "$scratch/$target.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::new_units_added" "$scratch/$target.log" || true
    fi
done
exit $status
