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

echo "== tests"
export QT_QPA_PLATFORM=offscreen
status=0
# coverage of the in-process suite, with the floor in pyproject.toml ([tool.coverage.report])
.venv-test/bin/python -m pytest -p no:cacheprovider --cov --cov-report=term "$@" || status=$?

# The core must work where Qt is absent (a headless validator, the server): run its tests in a
# second environment from the same lock, less PySide6, pytest-qt and the oracles.
echo "== core tests without PySide6"
[ -x .venv-core/bin/python ] || python3 -m venv .venv-core
.venv-test/bin/python - requirements/test.lock "$ARTIFACTS/core.lock" <<'PY'
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
.venv-core/bin/python "${PIP[@]}" install --require-hashes --no-deps -r "$ARTIFACTS/core.lock" 2>&1 | quiet
.venv-core/bin/python "${PIP[@]}" install --no-deps --no-build-isolation \
  -e ./protocol -e ./inbox -e . 2>&1 | quiet
if .venv-core/bin/python -c "import PySide6" 2>/dev/null; then
  echo "PySide6 must not be installed in .venv-core"; status=1
fi
.venv-core/bin/python -m pytest -p no:cacheprovider -q -m "not slow" \
  -W "ignore::pytest.PytestConfigWarning" \
  tests --ignore=tests/ui --ignore=tests/shipped || status=$?

echo "== what ships: wheels and the bundle in fresh environments"
bash scripts/smoke-shipped.sh || status=1

if [ -f tools/screenshot.py ]; then
  echo "== screenshot under Xvfb"
  xvfb-run -a -s "-screen 0 1400x900x24" .venv-test/bin/python tools/screenshot.py "$ARTIFACTS" \
    || { echo "screenshot failed"; status=1; }
fi
exit $status
