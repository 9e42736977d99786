#!/usr/bin/env bash
# Stop a cluster started by scripts/start-test-postgres.sh; remove it with --remove.
# Usage: scripts/stop-test-postgres.sh DIR [--remove]
set -euo pipefail

dir=${1:?usage: stop-test-postgres.sh DIR [--remove]}
bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
    bindir=$(pg_config --bindir)
else
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
if [ "$(id -u)" = 0 ]; then run_as() { runuser -u postgres -- "$@"; }; else run_as() { "$@"; }; fi

if [ -f "$dir/data/postmaster.pid" ]; then
    run_as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
fi
if [ "${2:-}" = "--remove" ]; then
    rm -rf "$dir"
fi
