#!/usr/bin/env bash
# Install the application into ./.venv and start it (Linux/macOS). On Windows:
#   py -m venv .venv && .venv\Scripts\pip install . && .venv\Scripts\sjelden
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check . 2>&1 | grep -v '^WARNING: Location' || true
exec .venv/bin/sjelden "$@"
