"""``tools/screenshot.py`` produces real PNGs (CI runs it under xvfb and keeps them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("page", ["main", "setup"])
def test_screenshot_tool_writes_a_png(tmp_path, page):
    output = tmp_path / f"{page}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshot.py"), "--page", page,
         "--records", "30", "--output", str(output)],
        check=True, env=env, cwd=ROOT, timeout=120, capture_output=True,
    )  # fmt: skip
    data = output.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 5_000
