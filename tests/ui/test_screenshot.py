"""``tools/screenshot.py`` produces real PNGs (CI runs it under xvfb and keeps them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"


def run_tool(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshot.py"), "--records", "30", *args],
        check=True, env=env, cwd=ROOT, timeout=180, capture_output=True, text=True,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("page", ["main", "setup", "form", "staff"])
def test_screenshot_tool_writes_a_png(tmp_path, page):
    output = tmp_path / f"{page}.png"
    run_tool("--page", page, "--output", str(output))
    data = output.read_bytes()
    assert data.startswith(PNG)
    assert len(data) > 5_000


@pytest.mark.slow
def test_form_screenshot_shows_the_form_not_the_placeholder(tmp_path):
    output = tmp_path / "form.png"
    run_tool("--page", "form", "--output", str(output))
    image = QImage(str(output))
    assert image.width() >= 1200 and image.height() >= 800
    # A filled-in form has many distinct colours/edges; the empty placeholder page has few.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 600, 7)}
    assert len(colours) > 30


@pytest.mark.slow
def test_directory_argument_writes_every_page_as_ci_calls_it(tmp_path):
    result = run_tool(str(tmp_path))
    names = sorted(path.name for path in tmp_path.glob("*.png"))
    assert names == [
        "form.png",
        "main-window.png",
        "setup.png",
        "staff-window.png",
        "unlock.png",
    ], result.stdout
    assert all(path.read_bytes().startswith(PNG) for path in tmp_path.glob("*.png"))


def test_form_demo_record_has_a_diagnosis_and_a_genetic_finding():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import screenshot
    finally:
        sys.path.remove(str(ROOT / "tools"))
    payload = screenshot.demo_record()
    diagnosis = payload["diagnoses"][0]
    assert diagnosis["orpha_code"] and diagnosis["genetic_findings"]
    assert payload["patient"]["family_name"] in ("Testesen", "Prøvesen", "Demodal", "Fiktivsen",
                                                  "Eksempelstad", "Dummyvik")  # fmt: skip
