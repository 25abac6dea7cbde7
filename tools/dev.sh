#!/usr/bin/env bash
# The two README commands:
#   tools/dev.sh run   installs what is missing, builds, starts the app
#   tools/dev.sh test  installs what is missing, builds, runs every test
#                      (and each fuzz target for 12 s, see docs/fuzzing.md)
#   tools/dev.sh test --sanitize
#                      every test under AddressSanitizer and UBSan in
#                      build-asan/ (no fuzz targets; docs/sanitizers.md).
#                      Slow (about an hour on 2 cores): not part of CI.
# Works as root on Debian 12 and with sudo on Ubuntu 24.04. Extra arguments
# after `run` go to the app (e.g. `tools/dev.sh run --screenshot shot.png`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
sanitize=0
if [ "${1:-}" = test ] && [ "${2:-}" = --sanitize ]; then
    sanitize=1
fi
if [ "$sanitize" = 1 ]; then
    build_dir=${MANA_BUILD_DIR:-$root/build-asan}
else
    build_dir=${MANA_BUILD_DIR:-$root/build}
fi
jobs=${MANA_JOBS:-$(nproc 2>/dev/null || echo 2)}

log() { printf '[dev.sh] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        log "need root to install packages: run as root or install sudo"
        exit 1
    fi
}

install_missing_packages() {
    local wanted missing=() pkg
    wanted=$(grep -v '^[[:space:]]*#' "$here/debian-packages.txt" | awk 'NF {print $1}')
    for pkg in $wanted; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "all packages present"
        return
    fi
    log "installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
    local generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$build_dir" -j"$jobs"
}

# The sanitizer build: Debug keeps the Q_ASSERTs of Qt's inline code (bounds
# of QList::at and the like) in our object files, -O1 keeps it fast enough.
build_sanitized() {
    local generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug \
            "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" -DMANA_SANITIZE=ON
    elif ! grep -q '^MANA_SANITIZE:BOOL=ON$' "$build_dir/CMakeCache.txt"; then
        log "$build_dir is not a MANA_SANITIZE=ON build folder: choose another MANA_BUILD_DIR"
        exit 2
    fi
    cmake --build "$build_dir" -j"$jobs"
}

# A private runtime dir silences Qt's XDG_RUNTIME_DIR warning and keeps test
# runs from touching the user's session.
private_runtime_dir() {
    if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -w "${XDG_RUNTIME_DIR}" ]; then
        XDG_RUNTIME_DIR=$(mktemp -d)
        chmod 700 "$XDG_RUNTIME_DIR"
        export XDG_RUNTIME_DIR
    fi
}

run_app() {
    private_runtime_dir
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        log "no display: starting under Xvfb"
        exec xvfb-run -a -s "-screen 0 1280x800x24" "$build_dir/app/manacore" "$@"
    fi
    exec "$build_dir/app/manacore" "$@"
}

run_tests() {
    private_runtime_dir
    export QT_QPA_PLATFORM=offscreen
    # Tests that use the real OS keychain run inside their own D-Bus session
    # (see tests/CMakeLists.txt); everything else is headless.
    ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" --timeout 600
}

# A throwaway PostgreSQL cluster for the server tests' PostgreSQL rows
# (docs/server.md "Tests on both databases"): initdb and pg_ctl in a temp
# dir, the socket in that dir, on a free port, and MANA_TEST_POSTGRES
# exported for ctest. PostgreSQL refuses to run as root, so as root the
# cluster belongs to and runs as `nobody`. stop_test_postgres (an EXIT trap)
# stops and removes it whatever the tests did. A cluster that does not come
# up fails the run: the PostgreSQL rows are never skipped silently here.
pg_bin=
pg_dir=
pg_as=()

start_test_postgres() {
    # The newest installed server: 15 on Debian 12, 16 on Ubuntu 24.04 (the
    # `postgresql` package names each release's own). Looked up here, not
    # when the script starts: on a fresh machine install_missing_packages
    # has only just installed it.
    pg_bin=${MANA_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
    if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
        log "PostgreSQL's initdb/pg_ctl not found in ${pg_bin:-/usr/lib/postgresql/*/bin} (package postgresql)"
        return 1
    fi
    pg_dir=$(mktemp -d /tmp/mana-pg.XXXXXX)
    if [ "$(id -u)" -eq 0 ]; then
        chown nobody "$pg_dir"
        pg_as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
    fi
    # Local connections (the socket) are trusted; TCP wants a password, so
    # a test can check how a wrong one is reported.
    if ! "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U mana -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1; then
        log "initdb failed:"
        cat "$pg_dir/initdb.log" >&2
        return 1
    fi
    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 40000))
        # Durability is not what these tests check: no fsync keeps them fast.
        if "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
            -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300" \
            start >/dev/null; then
            export MANA_TEST_POSTGRES="postgres://mana@/postgres?host=$pg_dir&port=$port"
            log "PostgreSQL test cluster on port $port in $pg_dir"
            return 0
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt):"
        tail -n 5 "$pg_dir/server.log" >&2 || true
    done
    return 1
}

stop_test_postgres() {
    [ -n "$pg_dir" ] || return 0
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
        "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
    pg_dir=
}

# Every test under ASan + UBSan (docs/sanitizers.md). The first report stops
# the process (halt_on_error), with its stack. ASan's reports (leaks too) go
# to files in $build_dir/sanitizer-reports, not to stderr: many tests read
# the output of the servers and apps they start, where a report would be
# lost or mistaken for a failure of another kind. UBSan ignores log_path
# when it runs beside ASan (GCC's two runtimes), so its reports are found in
# ctest's log of every test. Any report fails the run, after ctest.
run_sanitized_tests() {
    private_runtime_dir
    export QT_QPA_PLATFORM=offscreen
    local reports="$build_dir/sanitizer-reports"
    rm -rf "$reports"
    mkdir -p "$reports"
    # Leaks are checked at every exit; lsan.supp and ubsan.supp name the
    # third-party findings, each with its reason. Qt has no frame pointers,
    # so the allocation stacks that reach lsan.supp's Qt frames need the
    # slow unwinder (12 frames are enough). It costs: tests that allocate a
    # lot take up to 4 times longer than with the fast one.
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=12:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$reports/asan:${ASAN_OPTIONS:-}"
    export LSAN_OPTIONS="suppressions=$here/sanitizer/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$here/sanitizer/ubsan.supp:${UBSAN_OPTIONS:-}"
    # QTest's own limit per test function (5 min) scaled like ctest's
    # (MANA_TEST_TIMEOUT_FACTOR, 6 in this build).
    export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-1800000}
    local status=0 started=$SECONDS
    ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" --timeout 900 || status=$?
    log "ctest under the sanitizers took $((SECONDS - started)) s"
    local test_log="$build_dir/Testing/Temporary/LastTest.log"
    if [ -f "$test_log" ] && grep -q 'runtime error:' "$test_log"; then
        log "UBSan reports (in $test_log):"
        grep -A 12 'runtime error:' "$test_log" >&2
        [ "$status" -ne 0 ] || status=1
    fi
    if [ -n "$(ls -A "$reports")" ]; then
        log "ASan reports (also in $reports):"
        local report
        for report in "$reports"/*; do
            printf '==> %s <==\n' "$report" >&2
            cat "$report" >&2
        done
        [ "$status" -ne 0 ] || status=1
    fi
    return "$status"
}

# The libFuzzer targets (tests/fuzz, docs/fuzzing.md), each for
# MANA_FUZZ_SECONDS (12) over its corpus, in their own clang build folder:
# the corpus replays every earlier finding, the seconds after it are a smoke
# run (the long runs are in docs/fuzzing.md); 12 rather than 20 keeps CI
# within its 30 minutes with 17 targets.
# MANA_SKIP_FUZZ=1 leaves them out.
run_fuzz_targets() {
    if [ "${MANA_SKIP_FUZZ:-0}" = 1 ]; then
        log "fuzz targets skipped (MANA_SKIP_FUZZ=1)"
        return 0
    fi
    MANA_JOBS=$jobs "$here/fuzz.sh" --seconds "${MANA_FUZZ_SECONDS:-12}"
}

case "${1:-}" in
run)
    shift
    install_missing_packages
    build
    run_app "$@"
    ;;
test)
    install_missing_packages
    if [ "$sanitize" = 1 ]; then
        build_sanitized
        trap stop_test_postgres EXIT
        if ! start_test_postgres; then
            log "cannot start the PostgreSQL test cluster: the server tests need it"
            exit 1
        fi
        run_sanitized_tests
        exit $?
    fi
    build
    # Before ctest, so ctest's summary stays the last word; a finding fails
    # the run after the tests have had their say.
    fuzz_status=0
    run_fuzz_targets || fuzz_status=$?
    trap stop_test_postgres EXIT
    if ! start_test_postgres; then
        log "cannot start the PostgreSQL test cluster: the server tests need it"
        exit 1
    fi
    run_tests
    exit "$fuzz_status"
    ;;
*)
    echo "usage: $0 run [app arguments] | test [--sanitize]" >&2
    exit 2
    ;;
esac
