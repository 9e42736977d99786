"""The translation catalogues are complete, compiled, and actually used by the UI."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.messages import LANGUAGES
from desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402


def test_one_catalogue_per_language():
    names = sorted(p.name for p in Path(str(i18n.translations_dir())).glob("*.ts"))
    ours = [f"{i18n.catalogue_name(lang)}.ts" for lang in LANGUAGES]
    qt_own = [f"{name}.ts" for name in i18n.QT_CATALOGUES.values()]
    assert names == sorted(ours + qt_own)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated(lang):
    tree = ET.parse(i18n.translations_dir() / f"{i18n.catalogue_name(lang)}.ts")
    problems = []
    for context in tree.getroot().iter("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") or [translation]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                (form.text or "").strip() for form in forms
            ):
                problems.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert not problems, "untranslated:\n" + "\n".join(problems)


def test_bokmal_catalogue_uses_norwegian_letters():
    text = (i18n.translations_dir() / "sjelden_nb.ts").read_text("utf-8")
    assert all(letter in text for letter in "æøå")


def test_catalogues_and_qm_files_are_up_to_date_with_the_code():
    assert update_translations.stale_files() == [], "run: python tools/update_translations.py"


def test_bokmal_is_the_default_and_english_can_be_chosen(qtbot, profile):
    from desktop.storage.session import Session
    from desktop.ui.main_window import MainWindow
    from desktop.ui.unlock_page import UnlockPage

    session = Session(profile)
    assert i18n.current_language() == "nb"
    page = UnlockPage(session)
    qtbot.addWidget(page)
    assert page.unlock_button.text() == "&Lås opp"
    assert page.recovery_button.text() == "Bruk &gjenopprettingsnøkkel"
    window = MainWindow(session)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Fil", "&Innstillinger", "S&ynkronisering", "&Hjelp"]
    window._show_total(1)
    assert window.count_label.text() == "1 registrering"

    i18n.install("en")
    assert i18n.current_language() == "en"
    page = UnlockPage(session)
    qtbot.addWidget(page)
    assert page.unlock_button.text() == "&Unlock"
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File",
        "Settin&gs",
        "S&ync",
        "&Help",
    ]
    window._show_total(2)
    assert window.count_label.text() == "2 registrations"


def test_language_choice(profile, monkeypatch):
    from desktop.ui.app import choose_language

    monkeypatch.delenv("SJELDEN_LANGUAGE", raising=False)
    assert choose_language(profile) == "nb"
    assert choose_language(profile, "en") == "en"
    assert choose_language(profile, "sv") == "nb"
    profile.create("korrekt hest batteri stift", language="en").store.close()
    assert choose_language(profile) == "en"
    monkeypatch.setenv("SJELDEN_LANGUAGE", "nb")
    assert choose_language(profile) == "nb"
