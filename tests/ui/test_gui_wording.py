"""No command-line hints inside the GUI (issue 16, point 3 "One vocabulary").

A window's user has no command to type: "sjelden staff quarantine retry" or "--key-file" in a
message box is a dead end. Every message the clinician's and the staff window can show is
collected here: every catalogue that any module of ``desktop.ui`` brings in (imported in a
fresh interpreter, so only what the windows really reach counts), in its GUI wording
(``Message.gui`` where a message has one), in both languages, plus every string of the
windows' own Qt catalogues. None may name a ``sjelden`` subcommand or an ``--option``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.messages import Catalogue, Message

ROOT = Path(__file__).resolve().parents[2]
#: "sjelden staff …", "sjelden-inbox server-key", "sjelden --profile …", and a bare "--option"
COMMAND = re.compile(r"\bsjelden(?:-inbox)?\s+(?:--?)?[a-z]|(?<![\w-])--[a-z]")

_COLLECT = """
import json, pkgutil, importlib
import desktop.ui
for module in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
    importlib.import_module(module.name)
from desktop.messages import CATALOGUES
shown = {}
for area, catalogue in CATALOGUES.items():
    messages = [*catalogue.items()]
    if catalogue.fallback is not None:
        messages.append(("(fallback)", catalogue.fallback))
    for code, message in messages:
        gui = message.shown(True)
        for lang in ("nb", "en"):
            shown[f"{area}.{code} [{lang}]"] = gui.template(lang)
print(json.dumps(shown))
"""


def gui_messages() -> dict[str, str]:
    """Every catalogue message a window can show, in its GUI wording, by area, code, lang."""
    result = subprocess.run(
        [sys.executable, "-c", _COLLECT],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
    )
    shown: dict[str, str] = json.loads(result.stdout)
    return shown


def qt_strings() -> dict[str, str]:
    """The windows' own words: every source string and bokmål translation of our catalogue."""
    found: dict[str, str] = {}
    tree = ET.parse(ROOT / "resources" / "i18n" / "sjelden_nb.ts")
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            found[f"{name}: {source[:40]} [source]"] = source
            translation = message.find("translation")
            if translation is not None:
                texts = [form.text or "" for form in translation.iter("numerusform")]
                for n, text in enumerate(texts or [translation.text or ""]):
                    found[f"{name}: {source[:40]} [nb {n}]"] = text
    return found


def test_no_message_a_window_shows_names_a_command() -> None:
    shown = gui_messages()
    areas = {key.split(".", 1)[0] for key in shown}
    # the windows' catalogues are all there, and the CLI's own are not among them
    assert {"staff", "store", "sync", "forms"} <= areas
    assert not any(key.startswith(("cli.", "cli ")) for key in shown)
    named = {key: text for key, text in shown.items() if COMMAND.search(text)}
    assert not named, "GUI wordings that name a command: " + json.dumps(named, indent=1)


def test_no_window_string_names_a_command() -> None:
    strings = qt_strings()
    assert len(strings) > 500
    named = {key: text for key, text in strings.items() if COMMAND.search(text)}
    assert not named, "window strings that name a command: " + json.dumps(named, indent=1)


def test_the_pattern_finds_commands_and_options() -> None:
    for text in (
        "Retry or discard with: sjelden staff quarantine",
        "(sjelden enroll --root-key FIL)",
        "('sjelden-inbox server-key')",
        "med 'sjelden --profile NAVN init'",
        "velg riktig --register-db.",
    ):
        assert COMMAND.search(text), text
    for text in ("Sjelden batches (*.sjbt)", "Innboks > Forsendelser i karantene", "2026-12-03"):
        assert not COMMAND.search(text), text


def test_the_cli_keeps_its_words_and_a_window_gets_the_gui_wording() -> None:
    from desktop.staff.errors import BatchRefused

    refused = BatchRefused("import_failed")
    assert "sjelden staff quarantine retry" in refused.user_message("en")
    gui = refused.user_message("en", gui=True)
    assert "Inbox > Quarantined batches > Retry" in gui and not COMMAND.search(gui)
    assert "Prøv igjen" in refused.user_message("nb", gui=True)


def test_a_gui_wording_names_no_parameter_the_message_lacks() -> None:
    from desktop.messages import CatalogueError

    with pytest.raises(CatalogueError, match="GUI wording names parameters"):
        Message("{n} i kø", "{n} queued", gui=Message("{m} i kø", "{m} queued"))
    with pytest.raises(CatalogueError, match="both languages"):
        Message("Prøv igjen", "Retry", gui=Message("Prøv igjen", ""))
    message = Message("{n} stk (sjelden x)", "{n} pcs (sjelden x)", gui=Message("Alle", "All"))
    catalogue = Catalogue("test.gui_wording", {"counted": message}, params={"n": "a count"})
    try:
        assert catalogue.text("counted", "en", n=2) == "2 pcs (sjelden x)"
        assert catalogue.gui_text("counted", "en", n=2) == "All"
    finally:
        from desktop.messages import CATALOGUES

        del CATALOGUES["test.gui_wording"]
