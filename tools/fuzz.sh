#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang-15 and ASan + UBSan
# in a build folder of their own, then runs each for a while over its corpus
# (docs/fuzzing.md).
#
#   tools/fuzz.sh [--seconds N] [--build-only] [target...]
#
# --seconds N    how long each target runs (default 60); MANA_JOBS targets
#                run at a time, one process each
# --build-only   configure and build, run nothing
# target...      fuzz_push_body, fuzz_seed, … (default: every tests/fuzz/fuzz_*.cpp)
#
# Environment: MANA_FUZZ_BUILD_DIR (default <repo>/build-fuzz), MANA_JOBS
# (parallel compile jobs, default 2), MANA_BUILD_LOCK (a file: compiles run
# under `flock` on it, for machines that share their cores).
#
# Inputs found new are kept in <build>/fuzz-corpus/<target>, never written
# into the source tree; a crash leaves its input in <build>/fuzz-artifacts/
# <target>/ and the log in <build>/fuzz-logs/<target>.log, and the script
# exits non-zero.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build_dir=${MANA_FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${MANA_JOBS:-2}
seconds=60
build_only=0
targets=()

log() { printf '[fuzz.sh] %s\n' "$*" >&2; }

while [ $# -gt 0 ]; do
    case "$1" in
    --seconds)
        seconds=${2:?--seconds needs a number}
        shift 2
        ;;
    --build-only)
        build_only=1
        shift
        ;;
    -h | --help)
        sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*)
        log "unknown option $1"
        exit 2
        ;;
    *)
        targets+=("$1")
        shift
        ;;
    esac
done

if [ ${#targets[@]} -eq 0 ]; then
    for source in "$root"/tests/fuzz/fuzz_*.cpp; do
        targets+=("$(basename "$source" .cpp)")
    done
fi

for compiler in clang-15 clang++-15; do
    if ! command -v "$compiler" >/dev/null 2>&1; then
        log "$compiler is missing: tools/dev.sh installs it (clang-15, libfuzzer-15-dev)"
        exit 1
    fi
done

locked() {
    if [ -n "${MANA_BUILD_LOCK:-}" ]; then
        flock "$MANA_BUILD_LOCK" "$@"
    else
        "$@"
    fi
}

build() {
    local generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        mkdir -p "$build_dir"
        # Debug keeps Qt's Q_ASSERTs in the inline code of our own files
        # (bounds of QList::at and the like); -O1 keeps the runs fast.
        cmake -S "$root" -B "$build_dir" "${generator[@]}" -DMANA_FUZZ=ON \
            -DCMAKE_C_COMPILER=clang-15 -DCMAKE_CXX_COMPILER=clang++-15 \
            -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
            >"$build_dir/configure.log" 2>&1 || {
            cat "$build_dir/configure.log" >&2
            exit 1
        }
    fi
    local started=$SECONDS
    locked cmake --build "$build_dir" -j"$jobs" --target "${targets[@]}"
    log "built ${#targets[@]} targets in $((SECONDS - started)) s"
}

# Scratch folders (profiles, import files) of runs that are gone.
remove_stale_scratch() {
    local dir pid
    for dir in /dev/shm/mana-fuzz-* /tmp/mana-fuzz-*; do
        [ -d "$dir" ] || continue
        pid=${dir##*-}
        kill -0 "$pid" 2>/dev/null || rm -rf "$dir"
    done
}

run_target() {
    local target=$1
    local binary=$build_dir/tests/fuzz/$target
    local seeds=$root/tests/fuzz/corpus/$target
    local work=$build_dir/fuzz-corpus/$target
    local artifacts=$build_dir/fuzz-artifacts/$target
    local logfile=$build_dir/fuzz-logs/$target.log
    mkdir -p "$seeds" "$work" "$artifacts" "$(dirname "$logfile")"
    local dict=()
    [ -f "$root/tests/fuzz/$target.dict" ] && dict=(-dict="$root/tests/fuzz/$target.dict")
    [ ${#dict[@]} -eq 0 ] && [ -f "$root/tests/fuzz/json.dict" ] && dict=(-dict="$root/tests/fuzz/json.dict")

    # The first folder collects what the run finds new; the seeds (and the
    # crash-* regression inputs among them) are read first, every run.
    local status=0
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1} \
        UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$binary" "$work" "$seeds" "${dict[@]}" -max_total_time="$seconds" -timeout=30 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        >"$logfile" 2>&1 || status=$?
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logfile" | grep -o '[0-9]*$' || true)
    if [ "$status" -ne 0 ]; then
        log "$target: FAILED (exit $status) after ${runs:-?} runs; log: $logfile"
        grep -E 'ERROR|SUMMARY|fuzz property broken|runtime error|Test unit written' "$logfile" |
            head -20 >&2 || true
        return 1
    fi
    log "$target: clean, ${runs:-?} runs in $seconds s"
}

build
[ "$build_only" -eq 1 ] && exit 0

remove_stale_scratch
# MANA_JOBS targets at a time (each fuzzer is one process on one core); a
# target's verdict is a file, since `wait -n` does not say whose it was.
verdicts=$(mktemp -d)
running=0
for target in "${targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    (run_target "$target" || touch "$verdicts/$target") &
    running=$((running + 1))
done
wait
failed=()
for target in "${targets[@]}"; do
    [ -e "$verdicts/$target" ] && failed+=("$target")
done
rm -rf "$verdicts"
remove_stale_scratch
if [ ${#failed[@]} -ne 0 ]; then
    log "fuzzing found problems in: ${failed[*]}"
    exit 1
fi
log "every fuzz target ran clean (${#targets[@]} targets, $seconds s each)"
