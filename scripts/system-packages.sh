#!/usr/bin/env bash
# Install those of the named Debian/Ubuntu packages that are missing (sudo when not root).
# The one place the start and test commands install system packages; a no-op elsewhere.
set -euo pipefail
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "== installing system packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
