"""Refresh and compile the form editor's catalogue only (``sjelden_form_<lang>``).

Kept as a shortcut; the workflow lives in ``tools/update_translations.py``.

Usage: ``python tools/update_form_translations.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from update_translations import main

if __name__ == "__main__":
    raise SystemExit(main(["--only", "sjelden_form"]))
