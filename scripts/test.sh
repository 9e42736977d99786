#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian/Ubuntu machine, then run it:
# system packages (keyring, D-Bus, Xvfb, Qt's runtime libraries, PostgreSQL, poppler), a
# virtualenv with the project and its test extras, static checks, the tests (with a
# throwaway PostgreSQL on 127.0.0.1), and a screenshot of the app under Xvfb.
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
  postgresql libpq-dev poppler-utils
)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== python environment"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import desktop, sqlcipher3, PySide6" # fail early if the install failed

echo "== static checks"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports

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
.venv/bin/python -m pytest -p no:cacheprovider "$@" || status=$?

# The core must work where Qt is absent (a headless validator, the server): run its tests in a
# second environment that has every dependency except PySide6 and pytest-qt.
echo "== core tests without PySide6"
[ -x .venv-core/bin/python ] || python3 -m venv .venv-core
core_deps=$(.venv/bin/python - <<'PY'
import tomllib
meta = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = meta["optional-dependencies"]
deps = meta["dependencies"] + extras["server"] + extras["test"]
skip = ("pyside6", "pytest-qt", "sjelden[", "mypy", "ruff", "import-linter",
        "hgvs", "psycopg2")
print(" ".join(d for d in deps if not d.lower().startswith(skip)))
PY
)
# shellcheck disable=SC2086
.venv-core/bin/python -m pip install -q --disable-pip-version-check $core_deps 2>&1 | grep -v '^WARNING: Location' || true
.venv-core/bin/python -m pip install -q --disable-pip-version-check --no-deps -e . 2>&1 | grep -v '^WARNING: Location' || true
if .venv-core/bin/python -c "import PySide6" 2>/dev/null; then
  echo "PySide6 must not be installed in .venv-core"; status=1
fi
.venv-core/bin/python -m pytest -p no:cacheprovider -q -m "not slow" \
  -W "ignore::pytest.PytestConfigWarning" \
  tests --ignore=tests/ui || status=$?

if [ -f tools/screenshot.py ]; then
  echo "== screenshot under Xvfb"
  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py "$ARTIFACTS" \
    || { echo "screenshot failed"; status=1; }
fi
exit $status
