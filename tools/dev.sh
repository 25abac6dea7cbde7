#!/usr/bin/env bash
# The two README commands:
#   tools/dev.sh run   installs what is missing, builds, starts the app
#   tools/dev.sh test  installs what is missing, builds, runs every test
#                      (and each fuzz target for 20 s, see docs/fuzzing.md)
# Works as root on Debian 12 and with sudo on Ubuntu 24.04. Extra arguments
# after `run` go to the app (e.g. `tools/dev.sh run --screenshot shot.png`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build_dir=${MANA_BUILD_DIR:-$root/build}
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

# The libFuzzer targets (tests/fuzz, docs/fuzzing.md), each for
# MANA_FUZZ_SECONDS (20) over its corpus, in their own clang build folder.
# MANA_SKIP_FUZZ=1 leaves them out.
run_fuzz_targets() {
    if [ "${MANA_SKIP_FUZZ:-0}" = 1 ]; then
        log "fuzz targets skipped (MANA_SKIP_FUZZ=1)"
        return 0
    fi
    MANA_JOBS=$jobs "$here/fuzz.sh" --seconds "${MANA_FUZZ_SECONDS:-20}"
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
    build
    # Before ctest, so ctest's summary stays the last word; a finding fails
    # the run after the tests have had their say.
    fuzz_status=0
    run_fuzz_targets || fuzz_status=$?
    run_tests
    exit "$fuzz_status"
    ;;
*)
    echo "usage: $0 run [app arguments] | test" >&2
    exit 2
    ;;
esac
