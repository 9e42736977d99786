"""The default window fits a 1366 x 768 laptop screen: no horizontal scrolling in the form,
no clipped text on the set-up page (issue 16, point 7).

Each check runs the real app in a child process on an offscreen screen of that size: the
test process's own QApplication has the offscreen default screen and cannot change it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCREEN = {
    "synchronousWindowSystemEvents": False,
    "windowFrameMargins": False,
    "screens": [
        {
            "name": "laptop",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ],
}


def run_child(tmp_path: Path, which: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    profile = tmp_path / "profile"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.layout_child", which, str(profile)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_main_window_fits_1366_by_768_without_horizontal_scrolling(tmp_path):
    facts = run_child(tmp_path, "main")
    assert facts["screen"] == [1366, 768]
    x, y, width, height = facts["frame"]
    assert x >= 0 and y >= 0 and x + width <= 1366 and y + height <= 768, facts
    assert facts["window"][0] >= 1200, facts  # uses the width a laptop has
    assert facts["horizontal_bars"] == [], facts
    assert facts["clipped"] == [], facts


def test_the_no_keyring_text_on_the_setup_page_is_not_clipped(tmp_path):
    facts = run_child(tmp_path, "setup")
    assert facts["clipped"] == [], facts
