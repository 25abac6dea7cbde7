#!/bin/bash
# Starts mana-sync (one or more instances), runs mana_load against them and
# stops them; prints mana_load's `name=… value=… unit=…` lines, preceded by
# `#` lines that say what ran.
#
# usage: bench/load/run-load.sh [options] [-- more mana_load options]
#   --connections N --users M --push-rate R --changes-per-push K
#   --duration S --threads T       passed to mana_load (see mana_load --help)
#   --instances I                  mana-sync processes (more than 1 needs PostgreSQL)
#   --postgres URL                 use this PostgreSQL database as it is
#   --postgres-admin URL           create a fresh database on this server
#                                  (the URL must name a database, e.g.
#                                  postgres://mana@/postgres?host=/tmp/x&port=5432),
#                                  drop it after
#   --start-postgres               start a throwaway PostgreSQL cluster in /tmp
#                                  (default settings: fsync and synchronous_commit
#                                  on) and use a fresh database on it
#   --server-arg ARG               one more mana-sync option (repeatable)
#   --build DIR                    build directory (default: build)
# Default database: a fresh SQLite file in a temp dir.
#
# The server options raised for load runs are passed here on the command
# line, never changed as mana-sync's defaults: no registration limit per
# address (every user registers from 127.0.0.1) and day-long access tokens
# (a run outlives the default 15 minutes). mana-sync refuses fewer than 2
# Argon2id passes, so password hashing stays at its default.
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$source_dir/build
instances=1
postgres_url=
postgres_admin=
start_postgres=0
load_args=()
server_args=()
while [ $# -gt 0 ]; do
    case "$1" in
    --connections | --users | --push-rate | --changes-per-push | --duration | --threads)
        load_args+=("$1" "$2")
        shift 2
        ;;
    --instances) instances=$2; shift 2 ;;
    --postgres) postgres_url=$2; shift 2 ;;
    --postgres-admin) postgres_admin=$2; shift 2 ;;
    --start-postgres) start_postgres=1; shift ;;
    --server-arg) server_args+=("$2"); shift 2 ;;
    --build) build_dir=$2; shift 2 ;;
    --) shift; load_args+=("$@"); break ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "run-load: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

server_binary=$build_dir/server/mana-sync
load_binary=$build_dir/bench/load/mana_load
for binary in "$server_binary" "$load_binary"; do
    if [ ! -x "$binary" ]; then
        echo "run-load: $binary missing; build it: ninja -C $build_dir mana_load mana-sync" >&2
        exit 2
    fi
done

# Both sides hold one descriptor per socket.
ulimit -n "$(ulimit -Hn)"

work_dir=$(mktemp -d /tmp/mana-load.XXXXXX)
server_pids=()
pg_dir=
pg_as=()
drop_database=

cleanup() {
    local pid
    for pid in "${server_pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${server_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "$drop_database" ]; then
        dropdb --maintenance-db="$postgres_admin" "$drop_database" 2>/dev/null || true
    fi
    if [ -n "$pg_dir" ]; then
        "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    fi
    rm -rf "$work_dir"
}
trap cleanup EXIT

# As tools/dev.sh's start_test_postgres, but with PostgreSQL's default
# durability: a load run should pay for the commits production pays for.
start_throwaway_postgres() {
    pg_bin=${MANA_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
    pg_dir=$(mktemp -d /tmp/mana-load-pg.XXXXXX)
    if [ "$(id -u)" -eq 0 ]; then
        chown nobody "$pg_dir"
        pg_as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
    fi
    "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U mana -E UTF8 --no-locale \
        --auth-local=trust >"$pg_dir/initdb.log" 2>&1
    local port=$((20000 + RANDOM % 40000))
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $port -k $pg_dir -c listen_addresses=" start >/dev/null
    postgres_admin="postgres://mana@/postgres?host=$pg_dir&port=$port"
    echo "# PostgreSQL: throwaway cluster on port $port (default settings)"
}

[ "$start_postgres" = 1 ] && start_throwaway_postgres
if [ -n "$postgres_admin" ] && [ -z "$postgres_url" ]; then
    drop_database=mana_load_$$_$RANDOM
    createdb --maintenance-db="$postgres_admin" "$drop_database"
    base=${postgres_admin%%\?*}
    query=
    [ "$base" != "$postgres_admin" ] && query="?${postgres_admin#*\?}"
    postgres_url="${base%/*}/$drop_database$query"
fi
if [ -n "$postgres_url" ]; then
    database=$postgres_url
    echo "# database: PostgreSQL ($drop_database${drop_database:+, fresh})"
else
    if [ "$instances" -gt 1 ]; then
        echo "run-load: several instances need one PostgreSQL database (--postgres…)" >&2
        exit 2
    fi
    database=sqlite:$work_dir/sync.sqlite
    echo "# database: SQLite, a fresh file in $work_dir"
fi

options=(--port 0 --db "$database" --max-registrations-per-address 0
    --access-token-ttl 86400 "${server_args[@]}")
echo "# mana-sync options: ${options[*]//$database/<db>}"
echo "# password hashing: mana-sync's default Argon2id passes (it refuses fewer than 2)"

load_servers=()
for index in $(seq 1 "$instances"); do
    log=$work_dir/server$index.log
    "$server_binary" "${options[@]}" >"$work_dir/server$index.out" 2>"$log" &
    server_pids+=("$!")
    url=
    for _ in $(seq 1 300); do
        url=$(sed -n 's/^mana-sync listening on \(http[^ ]*\)$/\1/p' "$work_dir/server$index.out")
        [ -n "$url" ] && break
        if ! kill -0 "${server_pids[-1]}" 2>/dev/null; then
            echo "run-load: mana-sync $index did not start:" >&2
            cat "$log" >&2
            exit 1
        fi
        sleep 0.1
    done
    if [ -z "$url" ]; then
        echo "run-load: mana-sync $index did not say it was listening" >&2
        exit 1
    fi
    echo "# instance $index: $url pid ${server_pids[-1]}"
    load_servers+=(--server "$url" --server-pid "${server_pids[-1]}")
done

echo "# mana_load ${load_args[*]}"
status=0
# Warnings of the generator only; mana-sync logs every request.
"$load_binary" "${load_servers[@]}" "${load_args[@]}" || status=$?
for index in $(seq 1 "$instances"); do
    errors=$(grep -c -E ' (warning|critical) ' "$work_dir/server$index.log" || true)
    echo "# instance $index: $errors log lines with warning or critical"
    grep -E ' (warning|critical) ' "$work_dir/server$index.log" | cut -d' ' -f2- | sort | uniq -c \
        | sort -rn | head -n 5 | sed 's/^/#   /' || true
done
exit $status
