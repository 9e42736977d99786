"""Innstillinger → Språk: the choice is saved in the profile and applied at once, in the real
main window with the real form on a real SQLCipher store, without losing what is typed."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.storage import records
from desktop.storage.session import Session
from desktop.ui import i18n
from desktop.ui.app import choose_language
from desktop.ui.settings_dialogs import LanguageDialog
from tests.ui.conftest import PASSPHRASE

FICTIVE_NAME = "Testesen-Fiktiv"


@pytest.fixture
def window(qtbot, profile, clock):
    from desktop.ui.form import RegistrationEditor
    from desktop.ui.main_window import MainWindow

    profile.create(PASSPHRASE).store.close()
    session = Session(profile, clock=clock, idle_seconds=600.0)
    session.unlock(PASSPHRASE)
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.form.set_editor_factory(
        lambda: RegistrationEditor(lambda: session.store, autosave_ms=60_000)
    )
    main.show()
    main.activate()
    yield main
    main.about_to_lock()
    main.deactivate()
    session.lock()


def _menus(main) -> list[str]:
    """The menu titles without their mnemonic marks (the mnemonic test owns those)."""
    return [action.text().replace("&", "") for action in main.menuBar().actions()]


def _switch(qtbot, main, lang: str) -> None:
    main.choose_language()
    dialog = main.findChild(LanguageDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.choice.setCurrentIndex(dialog.choice.findData(lang))
    old_editor = main.form.editor
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: main.form.editor is not old_editor, timeout=5000)


def test_switching_language_keeps_the_typed_draft(qtbot, window, profile, monkeypatch):
    monkeypatch.delenv("SJELDEN_LANGUAGE", raising=False)
    main = window
    assert _menus(main) == ["Fil", "Innstillinger", "Synkronisering", "Hjelp"]
    main.new_registration()
    editor = main.form.editor
    qtbot.waitUntil(lambda: editor.record_id is not None, timeout=5000)
    record_id = editor.record_id
    assert (
        editor.ctx.widgets["patient.family_name"].label.text().replace("&", "").startswith("Etter")
    )
    qtbot.keyClicks(editor.ctx.widgets["patient.family_name"].input, FICTIVE_NAME)
    assert editor.autosaver.dirty  # typed, not saved yet (the autosave waits a minute)

    _switch(qtbot, main, "en")
    assert i18n.current_language() == "en"
    assert _menus(main) == ["File", "Settings", "Sync", "Help"]
    assert main.language_action.text() == "&Language…"
    assert main.form.back_button.text() == "&Back to the list"
    english = main.form.editor
    assert english.record_id == record_id
    field = english.ctx.widgets["patient.family_name"]
    assert field.input.text() == FICTIVE_NAME
    assert (
        not field.label.text().replace("&", "").startswith("Etter")
    )  # the form's own labels are English
    # the new editor saved the typing once more itself, and says so in its own language
    qtbot.waitUntil(lambda: english.state_label.text().startswith("Draft saved at"), timeout=5000)
    assert profile.info()["language"] == "en"
    assert choose_language(profile) == "en"  # the next start speaks English too
    # the typed value reached the store as well: nothing lost if the app closes now
    qtbot.waitUntil(
        lambda: (
            (stored := main.session.store.call(lambda c: records.get(c, record_id))) is not None
            and stored.payload["patient"].get("family_name") == FICTIVE_NAME
        ),
        timeout=5000,
    )

    _switch(qtbot, main, "nb")
    assert _menus(main) == ["Fil", "Innstillinger", "Synkronisering", "Hjelp"]
    back = main.form.editor
    assert back.record_id == record_id
    assert back.ctx.widgets["patient.family_name"].input.text() == FICTIVE_NAME
    assert back.ctx.widgets["patient.family_name"].label.text().replace("&", "").startswith("Etter")
    assert profile.info()["language"] == "nb"


def test_a_profile_that_cannot_be_written_keeps_its_language(qtbot, window, profile, monkeypatch):
    def read_only(path, data):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("desktop.storage.profile.write_private_file", read_only)
    before = profile.info()
    window.choose_language()
    dialog = window.findChild(LanguageDialog)
    dialog.choice.setCurrentIndex(dialog.choice.findData("en"))
    dialog.ok_button.click()
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "skrivebeskyttet" in box.text()
    assert i18n.current_language() == "nb"
    assert _menus(window)[0] == "Fil"
    assert profile.info() == before
    box.done(0)
    dialog.reject()


def test_the_hidden_unlock_window_follows_a_switch(qtbot, profile, clock):
    from desktop.ui.gate_window import GateWindow

    profile.create(PASSPHRASE).store.close()
    gate = GateWindow(Session(profile, clock=clock))
    qtbot.addWidget(gate)
    assert gate.unlock.unlock_button.text() == "&Lås opp"
    i18n.install("en")
    qtbot.waitUntil(lambda: gate.unlock.unlock_button.text() == "&Unlock", timeout=5000)
    gate.show_unlock()
    gate.show()
    qtbot.keyClicks(gate.unlock.passphrase, PASSPHRASE)
    with qtbot.waitSignal(gate.opened, timeout=10_000):
        gate.unlock.unlock_button.click()
    gate.session.lock()


def _bar_words(main) -> dict[str, object]:
    """The fixed words of the record list and the sync bar a user reads, mnemonics aside."""
    records, bar = main.records, main.sync_panel
    header = records.table.model()
    return {
        "placeholder": records.search.placeholderText(),
        "search": records.search_label.text().replace("&", ""),
        "filter": [records.status_filter.itemText(i) for i in range(records.status_filter.count())],
        "new": records.new_button.text().replace("&", ""),
        "header": [
            header.headerData(c, Qt.Orientation.Horizontal) for c in range(header.columnCount())
        ],
        "header_shown": [
            records.table.horizontalHeader().model().headerData(c, Qt.Orientation.Horizontal)
            for c in range(header.columnCount())
        ],
        "sync": bar.sync_button.text(),
        "counts": [label.text() for label in bar.count_names.values()],
        "count_names": [label.accessibleName() for label in bar.count_labels.values()],
    }


def _switch_on_list(qtbot, main, lang: str) -> None:
    """The switch from the list page (no form open, so no editor to wait for)."""
    main.choose_language()
    dialog = main.findChild(LanguageDialog)
    dialog.choice.setCurrentIndex(dialog.choice.findData(lang))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: i18n.current_language() == lang, timeout=5000)
    qtbot.wait(50)  # the LanguageChange events are posted: let them arrive


def test_the_record_list_and_the_sync_bar_follow_a_switch_at_once(qtbot, window, monkeypatch):
    """Their words used to stay in the old language until a restart."""
    monkeypatch.delenv("SJELDEN_LANGUAGE", raising=False)
    main = window
    main.show_list()
    norwegian = _bar_words(main)
    assert norwegian["placeholder"].startswith("Søk")
    assert norwegian["counts"][0].startswith("Ferdigstilt")
    main.records.search.setText("ORPHA")  # what the user typed stays

    _switch_on_list(qtbot, main, "en")
    english = _bar_words(main)
    assert english["placeholder"] == "Search name, national id or ORPHA code"
    assert english["search"] == "Search:" and english["new"] == "New registration"
    assert english["filter"][0] == "All statuses"
    assert english["sync"] == "Sync now"
    assert english["counts"][0] == "Completed, not sent:"
    assert english["count_names"][0] == "Completed, not sent"
    assert english["header"] == english["header_shown"]
    for key, value in english.items():  # not one word left from before
        if key != "header_shown":
            assert value != norwegian[key], key
    assert main.records.search.text() == "ORPHA"

    _switch_on_list(qtbot, main, "nb")
    assert _bar_words(main) == norwegian
    assert main.records.search.text() == "ORPHA"
