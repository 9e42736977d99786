#!/usr/bin/env bash
# Test what ships, not the checkout: build the three wheels, install them (not editable) into
# fresh virtualenvs from the lock files, and run tests/shipped against the installed commands:
#   - the app (protocol + inbox + app wheels, requirements/app.lock);
#   - the inbox on its own (protocol + inbox wheels, inbox/requirements.lock), without Qt;
#   - `bash scripts/start.sh` on a fresh copy of the checkout, under Xvfb, until its window shows;
#   - the frozen bundle (scripts/build_bundle.py), unless SJELDEN_SKIP_BUNDLE=1.
# Called by scripts/test.sh after the main suite; needs .venv-test (for pytest) and Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTIFACTS=${ARTIFACTS:-$ROOT/artifacts}
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d /tmp/sjelden-shipped.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PIP=(-m pip --disable-pip-version-check -q)
quiet() { grep -v "^WARNING: Location" || true; }

echo "== shipped: wheels"
for dist in protocol inbox .; do
  .venv-test/bin/python -m build --wheel --no-isolation --outdir "$WORK/wheels" "$dist" \
    >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done
ls -l "$WORK/wheels" | awk 'NR>1 {printf "  %-48s %8.1f KiB\n", $9, $5/1024}'

echo "== shipped: the app from its wheels in a fresh virtualenv"
python3 -m venv "$WORK/app"
"$WORK/app/bin/python" "${PIP[@]}" install --require-hashes --no-deps -r requirements/app.lock 2>&1 | quiet
"$WORK/app/bin/python" "${PIP[@]}" install --no-deps "$WORK"/wheels/*.whl 2>&1 | quiet
"$WORK/app/bin/python" "${PIP[@]}" check
echo "  installed size: $(du -sm "$WORK/app" | cut -f1) MiB"

echo "== shipped: the inbox from its own wheels, nothing of the desktop"
python3 -m venv "$WORK/inbox"
"$WORK/inbox/bin/python" "${PIP[@]}" install --require-hashes --no-deps -r inbox/requirements.lock 2>&1 | quiet
"$WORK/inbox/bin/python" "${PIP[@]}" install --no-deps "$WORK"/wheels/sjelden_protocol-*.whl "$WORK"/wheels/sjelden_inbox-*.whl 2>&1 | quiet
"$WORK/inbox/bin/python" "${PIP[@]}" check
echo "  installed size: $(du -sm "$WORK/inbox" | cut -f1) MiB"

status=0
SJELDEN_SHIPPED_APP="$WORK/app/bin/sjelden" SJELDEN_SHIPPED_INBOX="$WORK/inbox/bin/sjelden-inbox" \
  .venv-test/bin/python -m pytest -p no:cacheprovider -q tests/shipped || status=1

echo "== shipped: bash scripts/start.sh on a fresh copy, under Xvfb"
git ls-files -z | tar --null -T - -cf - | (mkdir -p "$WORK/clone" && tar -xf - -C "$WORK/clone")
(
  cd "$WORK/clone"
  export HOME="$WORK/start-home" SJELDEN_HOME="$WORK/start-home/sjelden"
  mkdir -p "$HOME"
  unset QT_QPA_PLATFORM
  xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    bash scripts/start.sh >"$HOME/start.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do
      if xdotool search --onlyvisible --name "Sjeldenregisteret" >/dev/null 2>&1; then
        sleep 2
        echo "  the window is up"
        kill "$pid"; wait "$pid" 2>/dev/null || true
        exit 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    echo "  no window from scripts/start.sh"; cat "$HOME/start.log"; kill "$pid" 2>/dev/null || true
    exit 1
  '
) || status=1

if [ "${SJELDEN_SKIP_BUNDLE:-0}" != 1 ]; then
  echo "== shipped: the frozen bundle"
  if python3 scripts/build_bundle.py >"$WORK/bundle.log" 2>&1; then
    echo "  bundle size: $(du -sm dist/sjelden | cut -f1) MiB"
    SJELDEN_SHIPPED_APP="$ROOT/dist/sjelden/sjelden" SJELDEN_SHIPPED_KIND=bundle \
      .venv-test/bin/python -m pytest -p no:cacheprovider -q tests/shipped/test_app.py \
      tests/shipped/test_bundle.py || status=1
  else
    tail -40 "$WORK/bundle.log"; echo "bundle build failed"; status=1
  fi
fi
exit $status
