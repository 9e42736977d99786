#!/usr/bin/env bash
# Install the application into ./.venv and start it (Linux/macOS; on Windows:
# py scripts\start.py). `bash scripts/start.sh demo` starts the one-PC tour; any other
# arguments go to `sjelden`.
#
# On Debian/Ubuntu it first installs what Python and Qt need from the system's packages
# (python3-venv, and Qt's X11 libraries when there is a display), asking sudo when not root.
# Everything else comes from requirements/app.lock through scripts/start.py.
set -euo pipefail
cd "$(dirname "$0")/.."

system_packages=()
if command -v dpkg-query >/dev/null 2>&1; then
  python3 -c "import ensurepip, venv" 2>/dev/null || system_packages+=(python3-venv)
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    system_packages+=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
      libglib2.0-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
      libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core)
  fi
fi
[ ${#system_packages[@]} -eq 0 ] || bash scripts/system-packages.sh "${system_packages[@]}"

exec python3 scripts/start.py "$@"
