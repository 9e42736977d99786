"""Refresh and compile the form editor's translation catalogues.

The form editor (``desktop/ui/form``) has its own catalogue, ``sjelden_form_<lang>``, so it
can be maintained apart from the shell's ``sjelden_<lang>``; ``desktop.ui.form.i18n``
installs it. Same workflow as ``tools/update_translations.py``: ``pyside6-lupdate`` collects
the strings (new ones arrive ``unfinished`` and are translated by a person), then
``pyside6-lrelease`` compiles the ``.qm`` files, which are committed.

Usage: ``python tools/update_form_translations.py``
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from update_translations import CATALOGUES, I18N_DIR, ROOT, tool

SOURCE_DIR = ROOT / "desktop" / "ui" / "form"
CATALOGUE = "sjelden_form"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCE_DIR.rglob("*.py"))


def update(i18n_dir: Path = I18N_DIR) -> None:
    for lang, extra in CATALOGUES.items():
        ts_file = i18n_dir / f"{CATALOGUE}_{lang}.ts"
        qm_file = i18n_dir / f"{CATALOGUE}_{lang}.qm"
        subprocess.run(
            [
                tool("pyside6-lupdate"), *sources(), "-source-language", "en", *extra,
                "-locations", "none", "-no-obsolete", "-silent", "-ts", str(ts_file),
            ],
            cwd=ROOT,
            check=True,
        )  # fmt: skip
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
            cwd=ROOT,
            check=True,
        )  # fmt: skip


if __name__ == "__main__":
    update()
    print(f"updated {CATALOGUE}_nb and {CATALOGUE}_en in {I18N_DIR}")
