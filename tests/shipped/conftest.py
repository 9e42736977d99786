"""Smoke tests of what ships, run against installed commands rather than the checkout.

``scripts/smoke-shipped.sh`` builds the wheels, installs them (not editable) into fresh
virtualenvs and runs these tests with the commands' locations in the environment:

- ``SJELDEN_SHIPPED_APP``: the ``sjelden`` executable of a wheel install, or of the frozen
  bundle (``SJELDEN_SHIPPED_KIND=bundle``);
- ``SJELDEN_SHIPPED_INBOX``: the ``sjelden-inbox`` executable of the inbox's own install.

Without them (the main test run) the tests are skipped: the checkout's editable install is
what the rest of the suite already tests.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest


def shipped(variable: str) -> Path:
    value = os.environ.get(variable)
    if not value:
        pytest.skip(f"{variable} is not set: run scripts/smoke-shipped.sh")
    return Path(value)


def run(
    executable: Path,
    *args: str,
    home: Path,
    env: Mapping[str, str] | None = None,
    stdin: str = "",
    timeout: float = 180,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run an installed command with a fresh HOME and profile directory, outside the checkout."""
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SJELDEN_", "PYTHON", "VIRTUAL_ENV"))
    }
    base.update({"HOME": str(home), "SJELDEN_HOME": str(home / "sjelden")})
    return subprocess.run(
        [str(executable), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        cwd=cwd or home,
        timeout=timeout,
        check=False,
    )
