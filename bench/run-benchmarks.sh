#!/bin/sh
# Builds (when needed) and runs every benchmark program of a build directory.
# usage: bench/run-benchmarks.sh [build dir] [-- arguments for every program]
# Benchmark programs are the CMake targets named *_bench (bench/<area>/);
# each prints `name=<name> value=<number> unit=<unit>` lines on stdout.
# Exits non-zero when a build or a program fails; the others still run.
set -u
build_dir=${1:-build}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
source_dir=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo || exit 1
fi
targets=$(cmake --build "$build_dir" --target help 2>/dev/null \
    | sed -n 's/^\([A-Za-z0-9_]*_bench\):.*/\1/p' | sort -u)
if [ -z "$targets" ]; then
    echo "run-benchmarks: no *_bench targets in $build_dir" >&2
    exit 1
fi
# -j2: the build machines are shared.
# shellcheck disable=SC2086
cmake --build "$build_dir" --target $targets -j2 || exit 1

status=0
for target in $targets; do
    program=$(find "$build_dir/bench" -type f -perm -u+x -name "$target" | head -n 1)
    if [ -z "$program" ]; then
        echo "run-benchmarks: $target was built but not found under $build_dir/bench" >&2
        status=1
        continue
    fi
    echo "# $target" >&2
    if ! "$program" "$@"; then
        echo "run-benchmarks: $target failed" >&2
        status=1
    fi
done
exit $status
