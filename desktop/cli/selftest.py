"""``sjelden selftest``: does this installation work? Checked part by part, on this machine.

Support's first question, and the smoke test of every way the app ships (a wheel in a fresh
virtualenv, the frozen bundle): the shipped resources load through ``importlib.resources``
(form definition, code lists, translations, letters, icons), SQLCipher encrypts a scratch
database, a synthetic record validates, a letter renders to PDF, and with ``--gui`` the main
window and the registration form open (offscreen when no display is asked for). Everything
is written to a private scratch directory that is removed afterwards; no profile is touched
and no field value is printed.
"""

from __future__ import annotations

import argparse
import os
import secrets
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from desktop.cli.help_texts import h
from desktop.cli.output import language, say

EXIT_OK = 0
EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "selftest",
        help=h("selftest.selftest"),
    )
    check.add_argument("--gui", action="store_true", help=h("selftest.gui"))
    check.set_defaults(func=run)


def _resources() -> str:
    from desktop.forms.codelists.store import default_store
    from desktop.forms.definition import load_form
    from desktop.forms.letters import LETTER_VARIANTS, letter_template
    from desktop.resources import resource_path

    form = load_form()
    store = default_store()
    concepts = sum(len(store.get(list_id).concepts) for list_id in store.ids())
    catalogues = [
        entry.name for entry in resource_path("i18n").iterdir() if entry.name.endswith(".qm")
    ]
    for variant in LETTER_VARIANTS:
        letter_template(variant)
    icons = [entry.name for entry in resource_path("icons").iterdir()]
    return (
        f"form {form.id} v{form.version}, {len(store.ids())} code lists ({concepts} codes), "
        f"{len(catalogues)} catalogues, {len(LETTER_VARIANTS)} letters, {len(icons)} icons"
    )


def _sqlcipher(scratch: Path) -> str:
    from desktop.storage.connection import open_encrypted, sqlcipher_version

    path = scratch / "selftest.db"
    key = secrets.token_bytes(32)
    conn = open_encrypted(path, key, create=True)
    try:
        conn.execute("CREATE TABLE t (v TEXT)")
        conn.execute("INSERT INTO t VALUES ('selftest')")  # autocommit: on disk now
    finally:
        conn.close()
    if b"selftest" in path.read_bytes():
        raise RuntimeError("the scratch database is not encrypted")
    conn = open_encrypted(path, key)
    try:
        (count,) = conn.execute("SELECT count(*) FROM t").fetchone()
    finally:
        conn.close()
    if count != 1:
        raise RuntimeError("the scratch database lost its row")
    return f"SQLCipher {sqlcipher_version()}"


def _validation() -> str:
    from desktop.forms.demo import demo_records
    from desktop.forms.validate import validate

    (record,) = demo_records(1, seed=20261202)
    result = validate(record)
    if not result.ok:
        raise RuntimeError(f"a synthetic record did not validate ({len(result.errors)} errors)")
    return "a synthetic record validates"


def _letter(scratch: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.forms.demo import demo_records
    from desktop.forms.letters import render_letter
    from desktop.ui import printing

    (record,) = demo_records(1, seed=20261202)
    # a widgets application, which the window check that may follow needs as well
    app = QApplication.instance() or QApplication(["sjelden"])
    target = scratch / "letter.pdf"
    pages = printing.write_pdf(render_letter(record), target)
    del app
    if not target.read_bytes().startswith(b"%PDF"):
        raise RuntimeError("the letter is not a PDF")
    return f"a letter renders to PDF ({pages} page{'s' if pages != 1 else ''})"


def _window() -> str:
    from desktop.ui.selftest import open_form_window

    fields = open_form_window()
    return f"the main window and the form open ({fields} fields)"


def run(args: argparse.Namespace) -> int:
    lang = language(args.language)
    if args.gui and "QT_QPA_PLATFORM" not in os.environ:
        from desktop.cli.gui import display_problem

        if display_problem() is not None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    failed = 0
    with tempfile.TemporaryDirectory(prefix="sjelden-selftest-") as scratch_dir:
        scratch = Path(scratch_dir)
        os.chmod(scratch, 0o700)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("resources", _resources),
            ("sqlcipher", lambda: _sqlcipher(scratch)),
            ("validation", _validation),
            ("letter", lambda: _letter(scratch)),
        ]
        if args.gui:
            checks.append(("window", _window))
        for name, check in checks:
            try:
                detail = check()
            except Exception as exc:  # every failure is reported, none stops the rest
                failed += 1
                say(lang, "selftest.check_failed", error=True, check=name, detail=exc)
                if os.environ.get("SJELDEN_DEBUG"):
                    traceback.print_exc()
            else:
                say(lang, "selftest.ok", check=name, detail=detail)
    if failed:
        say(lang, "selftest_failed", error=True, tag="selftest_failed", failed=failed)
        return EXIT_FAILED
    return EXIT_OK
