#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for tests and benchmarks, and print its URL.
#
# Usage: scripts/start-test-postgres.sh DIR [PORT]
#   DIR   a new or empty directory for the cluster (data, logs); created if missing
#   PORT  TCP port on 127.0.0.1 (default 55432)
# The URL (postgresql://postgres@127.0.0.1:PORT/sjelden_test) is the only stdout line, so:
#   export SJELDEN_TEST_PG_URL="$(scripts/start-test-postgres.sh /tmp/sjelden-pg)"
# Stop it with scripts/stop-test-postgres.sh DIR.
#
# The cluster trusts local TCP connections and listens on 127.0.0.1 only: for tests, never
# for real data. PostgreSQL refuses to run as root, so under root it runs as 'postgres'.
set -euo pipefail

dir=${1:?usage: start-test-postgres.sh DIR [PORT]}
port=${2:-55432}
database=sjelden_test

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir=$(pg_config --bindir)
else
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "start-test-postgres: no PostgreSQL server binaries found (install postgresql)" >&2
    exit 1
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [ -e "$dir/data" ]; then
    echo "start-test-postgres: $dir/data exists; stop and remove it, or pass a new DIR" >&2
    exit 1
fi

if [ "$(id -u)" = 0 ]; then
    run_as() { runuser -u postgres -- "$@"; }
    chown postgres "$dir"
    # The postgres user must be able to reach DIR through its parents.
    parent=$(dirname "$dir")
    while [ "$parent" != "/" ]; do chmod o+x "$parent" 2>/dev/null || true; parent=$(dirname "$parent"); done
else
    run_as() { "$@"; }
fi

run_as "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=200" \
    start >/dev/null || { cat "$dir/postgres.log" >&2; exit 1; }
run_as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
echo "postgresql://postgres@127.0.0.1:$port/$database"
