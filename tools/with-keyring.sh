#!/bin/sh
# Runs a command with an unlocked GNOME keyring, for the QtKeychain tests on
# headless machines (../shared/PLATFORM.md section 3). Use it inside its own
# D-Bus session, so the daemon ends with the bus:
#   dbus-run-session -- tools/with-keyring.sh <command> [args...]
set -e
# The keyring lives in $XDG_DATA_HOME/keyrings: a throwaway folder by default.
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
mkdir -p "$XDG_DATA_HOME"
eval "$(printf 'ci-keyring-pw' | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL
exec "$@"
