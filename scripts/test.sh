#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian/Ubuntu machine, then run it:
# system packages (keyring, D-Bus, Xvfb, Qt's runtime libraries, PostgreSQL, poppler,
# xdotool), a virtualenv (.venv-test) from requirements/test.lock with the three
# distributions editable, static checks, the tests with coverage (with a throwaway
# PostgreSQL on 127.0.0.1), the core tests without Qt, the shipped wheels and the frozen
# bundle in fresh environments (scripts/smoke-shipped.sh), and a screenshot under Xvfb.
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTIFACTS=${ARTIFACTS:-$ROOT/artifacts}
mkdir -p "$ARTIFACTS"

apt_packages=(
  gnome-keyring dbus dbus-x11 xvfb xauth
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 fonts-dejavu-core
  postgresql libpq-dev poppler-utils xdotool binutils gdb
  at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi
)
bash scripts/system-packages.sh "${apt_packages[@]}"

echo "== python environment"
PIP=(-m pip --disable-pip-version-check -q)
quiet() { grep -v '^WARNING: Location' || true; }
[ -x .venv-test/bin/python ] || python3 -m venv .venv-test
.venv-test/bin/python "${PIP[@]}" install --require-hashes --no-deps -r requirements/test.lock 2>&1 | quiet
.venv-test/bin/python "${PIP[@]}" install --no-deps --no-build-isolation \
  -e ./protocol -e ./inbox -e . 2>&1 | quiet
.venv-test/bin/python "${PIP[@]}" check # the lock holds everything each pyproject asks for
.venv-test/bin/python -c "import desktop, sqlcipher3, PySide6" # fail early if the install failed

echo "== static checks"
.venv-test/bin/ruff check .
.venv-test/bin/ruff format --check .
.venv-test/bin/mypy
.venv-test/bin/lint-imports

PG_STARTED=0
if [ -z "${SJELDEN_TEST_PG_URL:-}" ] && [ -x scripts/start-test-postgres.sh ]; then
  echo "== throwaway PostgreSQL"
  PG_DIR=$(mktemp -d /tmp/sjelden-pg.XXXXXX)
  SJELDEN_TEST_PG_URL=$(scripts/start-test-postgres.sh "$PG_DIR/pg" 55432)
  export SJELDEN_TEST_PG_URL
  PG_STARTED=1
fi
cleanup() {
  if [ "$PG_STARTED" = 1 ] && [ -x scripts/stop-test-postgres.sh ]; then
    scripts/stop-test-postgres.sh "$PG_DIR/pg" --remove >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# Each section's start, with the seconds since this script began (to see where CI's time goes).
section() { echo "== $1 (+${SECONDS}s)"; }

# The test runs below share the throwaway server, each in a database of its own: the register
# and the inbox take transaction-wide advisory locks, which PostgreSQL scopes to one database,
# so a run in its own database never waits on (or skips a sweep because of) another run.
pg_database() {
  if [ -z "${SJELDEN_TEST_PG_URL:-}" ]; then return; fi
  .venv-test/bin/python - "$SJELDEN_TEST_PG_URL" "$1" <<'PY' || echo "$SJELDEN_TEST_PG_URL"
import sys
from urllib.parse import urlsplit

import psycopg

url, name = sys.argv[1], sys.argv[2]
with psycopg.connect(url, autocommit=True) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    conn.execute(f'CREATE DATABASE "{name}"')
print(urlsplit(url)._replace(path="/" + name).geturl())
PY
}

section "tests"
export QT_QPA_PLATFORM=offscreen
status=0
RUNS=$(mktemp -d /tmp/sjelden-tests.XXXXXX)
rm -f .coverage .coverage.*

# Most of the suite's wall time is waiting, not computing (inboxes in subprocesses, fault
# proxies, a rate limiter's Retry-After, SIGKILLed children; `time` showed ~12 CPU minutes in
# ~23 wall minutes), and this machine has two cores. So three runs go at once: the in-process
# suite in two halves, and the core tests without Qt; each has its own pytest temp dir and
# PostgreSQL database, and writes its own coverage file. Before, the three ran one after the
# other (~23 + ~9 minutes). What is proved is unchanged: every test still runs, the coverage
# floor (pyproject.toml, [tool.coverage.report]) is checked on the two halves combined, and
# the core tests still run in full in an environment without PySide6.
#   - "io": tests/sync, tests/storage, tests/inbox (servers, proxies, crashes: mostly waiting);
#   - "qt": everything else, so a new test directory is never left out of both halves.
io_dirs=(tests/sync tests/storage tests/inbox)
qt_ignore=()
for dir in "${io_dirs[@]}"; do qt_ignore+=("--ignore=$dir"); done
in_process() { # NAME PYTEST-ARGS...: one half, with coverage into .coverage.NAME
  local name=$1
  shift
  SJELDEN_TEST_PG_URL=$(pg_database "sjelden_$name") COVERAGE_FILE=".coverage.$name" \
    .venv-test/bin/python -m pytest -p no:cacheprovider --basetemp="$RUNS/$name" \
    --cov --cov-report= --cov-fail-under=0 --durations=15 "$@"
}

# The core must work where Qt is absent (a headless validator, the server): run its tests in a
# second environment from the same lock, less PySide6, pytest-qt and the oracles.
core_tests() {
  [ -x .venv-core/bin/python ] || python3 -m venv .venv-core || return 1
  .venv-test/bin/python - requirements/test.lock "$ARTIFACTS/core.lock" <<'PY' || return 1
import re, sys
skip = re.compile(r"^(pyside6|pyside6-essentials|shiboken6|pytest-qt|hgvs|psycopg2|psycopg2-binary|pysam|mypy|ruff|import-linter)==")
text = open(sys.argv[1]).read()
out, drop = [], False
for line in text.splitlines():
    if line and not line.startswith((" ", "#")):
        drop = bool(skip.match(line.lower()))
    if not drop:
        out.append(line)
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
  .venv-core/bin/python "${PIP[@]}" install --require-hashes --no-deps -r "$ARTIFACTS/core.lock" 2>&1 |
    quiet || return 1
  .venv-core/bin/python "${PIP[@]}" install --no-deps --no-build-isolation \
    -e ./protocol -e ./inbox -e . 2>&1 | quiet || return 1
  if .venv-core/bin/python -c "import PySide6" 2>/dev/null; then
    echo "PySide6 must not be installed in .venv-core"
    return 1
  fi
  SJELDEN_TEST_PG_URL=$(pg_database sjelden_core) \
    .venv-core/bin/python -m pytest -p no:cacheprovider -q -m "not slow" \
    --basetemp="$RUNS/core" --durations=15 -W "ignore::pytest.PytestConfigWarning" \
    tests --ignore=tests/ui --ignore=tests/shipped
}

# Arguments (a test path, -k ...) select tests for one in-process run, as before.
if [ $# -gt 0 ]; then
  in_process all "$@" || status=$?
else
  core_tests >"$RUNS/core.log" 2>&1 &
  core_pid=$!
  in_process io "${io_dirs[@]}" >"$RUNS/io.log" 2>&1 &
  io_pid=$!
  in_process qt tests "${qt_ignore[@]}" || status=$?
  section "tests: the sync, storage and inbox half"
  wait "$io_pid" || status=$?
  cat "$RUNS/io.log"
  section "core tests without PySide6"
  wait "$core_pid" || status=$?
  cat "$RUNS/core.log"
fi
# coverage of the in-process suite, with the floor in pyproject.toml ([tool.coverage.report])
section "coverage"
{ .venv-test/bin/coverage combine -q && .venv-test/bin/coverage report; } || status=$?
rm -rf "$RUNS"

section "what ships: wheels and the bundle in fresh environments"
bash scripts/smoke-shipped.sh || status=1

if [ -f tools/screenshot.py ]; then
  section "screenshot under Xvfb"
  xvfb-run -a -s "-screen 0 1400x900x24" .venv-test/bin/python tools/screenshot.py "$ARTIFACTS" \
    || { echo "screenshot failed"; status=1; }
fi
section "done"
exit $status
