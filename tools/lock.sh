#!/usr/bin/env bash
# Regenerate the lock files (pinned versions with their hashes, for every platform the app
# ships on) after a change of dependencies in any pyproject.toml:
#   bash tools/lock.sh            # keep the pinned versions where they still fit
#   bash tools/lock.sh --upgrade  # move every pin to the newest release that fits
# uv resolves; pip installs from the result (scripts/start.py, scripts/test.sh) with
# --require-hashes, so nothing unpinned or altered gets in. The distributions of this
# repository are left out of the files: they are installed from the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-}
if [ -z "$UV" ]; then
  [ -x .venv-tools/bin/uv ] || { python3 -m venv .venv-tools && .venv-tools/bin/pip install -q uv; }
  UV=.venv-tools/bin/uv
fi
own=(--no-emit-package sjelden --no-emit-package sjelden-protocol --no-emit-package sjelden-inbox)
compile() {  # input output [extra args]
  local input=$1 output=$2; shift 2
  "$UV" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
    --no-header --annotation-style line "${own[@]}" "$@" "$input" -o "$output"
}
compile protocol/requirements.in protocol/requirements.lock "$@"
compile inbox/requirements.in inbox/requirements.lock "$@"
compile requirements/app.in requirements/app.lock "$@"
compile requirements/bundle.in requirements/bundle.lock "$@"
compile requirements/test.in requirements/test.lock "$@"
echo "lock files written: protocol/requirements.lock inbox/requirements.lock requirements/*.lock"
