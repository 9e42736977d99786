"""Refresh the UI translation catalogues and compile them.

1. ``pyside6-lupdate`` collects every ``tr``/``translate`` string of ``desktop/ui`` into
   one catalogue per language: ``resources/i18n/sjelden_nb.ts`` (every message, to be
   translated by hand into bokmål) and ``sjelden_en.ts`` (plural forms only: the source
   strings are English already). One catalogue, so a string used by two windows is
   translated once; parallel branches merge theirs with ``tools/carry_translations.py``.
2. ``pyside6-lrelease`` compiles them to ``.qm``, which are committed so a checkout runs;
   ``desktop.ui.i18n`` installs the one for the chosen language.
3. It also compiles our bokmål catalogue of Qt's own strings, ``qtbase_nb.ts`` (Qt ships
   none: see ``tools/qtbase_skeleton.py``, which writes its skeleton). That file is not
   ``lupdate``-managed, since its strings are Qt's, not ours; it is only compiled here.

Nothing is translated by machine: new strings appear as ``type="unfinished"`` in the .ts
files, and ``tests/ui/test_translations.py`` fails until a person has translated them (with
Qt Linguist, ``pyside6-linguist``, or any editor).

Usage: ``python tools/update_translations.py [--check]``. With
``--check`` nothing is written; the exit code says whether the catalogues are up to date
with the code.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "desktop" / "ui"
CATALOGUE = "sjelden"
I18N_DIR = ROOT / "resources" / "i18n"
CATALOGUES = {
    "nb": ["-target-language", "nb_NO"],
    "en": ["-target-language", "en", "-pluralonly"],
}
#: catalogues of Qt's own strings, translated by hand and only compiled here
QT_CATALOGUES = ("qtbase_nb",)


def tool(name: str) -> str:
    """The Qt tool next to this interpreter (the venv), else on PATH."""
    candidate = Path(sys.executable).with_name(name)
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCE_DIR.rglob("*.py"))


def lupdate(ts_file: Path, extra: list[str]) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-source-language",
            "en",
            *extra,
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
            "-ts",
            str(ts_file),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        cwd=ROOT,
        check=True,
    )


def update(i18n_dir: Path = I18N_DIR) -> None:
    i18n_dir.mkdir(parents=True, exist_ok=True)
    for lang, extra in CATALOGUES.items():
        ts_file = i18n_dir / f"{CATALOGUE}_{lang}.ts"
        lupdate(ts_file, extra)
        lrelease(ts_file, i18n_dir / f"{CATALOGUE}_{lang}.qm")
    for name in QT_CATALOGUES:
        lrelease(i18n_dir / f"{name}.ts", i18n_dir / f"{name}.qm")


def stale_files() -> list[str]:
    """Catalogue files that would change if ``update`` ran now."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for path in I18N_DIR.glob("*.ts"):
            shutil.copy2(path, scratch / path.name)
        update(scratch)
        return [
            name
            for name in sorted(p.name for p in scratch.iterdir())
            if not (I18N_DIR / name).exists()
            or not filecmp.cmp(scratch / name, I18N_DIR / name, shallow=False)
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale catalogues")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"out of date: resources/i18n/{name}")
        return 1 if stale else 0
    update()
    print(f"updated {CATALOGUE} in {I18N_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
