"""Printing from the form editor: summary to PDF, summary and letters to the printer."""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop.forms.demo import DemoGenerator
from desktop.storage import record_ops, records
from desktop.storage.records import RecordStatus
from desktop.ui import printing
from tests.helpers.synthetic import FORM
from tests.ui.form.conftest import child_id


def demo_payload(*, child: bool, seed: int = 21) -> dict:
    generator = DemoGenerator(seed)
    while True:
        payload = generator.record()
        payload["revision"] = 1
        if payload["modules"] or ("guardian" in payload["patient"]) != child:
            continue
        payload["patient"]["family_name"] = "Zzyxtestesen"
        payload["patient"]["given_names"] = "Prøve Kari"
        return payload


def open_payload(qtbot, editor, store, payload, status: RecordStatus | None = None) -> None:
    record = store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    if status is not None:
        store.call(
            lambda c: records.set_status(
                c,
                record_id=record.record_id,
                revision=record.revision,
                status=status,
                actor=store.actor,
            )
        )
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.open_record(payload["record_id"])


def pdf_text(path: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))


@pytest.fixture
def printed(monkeypatch) -> list:
    """Documents sent to the (fake) print dialog, which is accepted."""
    docs: list = []

    def fake_print(doc, parent=None) -> bool:
        docs.append(doc)
        return True

    monkeypatch.setattr(printing, "print_document", fake_print)
    return docs


def test_print_actions_have_shortcuts_names_and_wait_for_a_record(editor):
    actions = editor.print_actions
    assert (
        actions.summary_action.shortcut().matches(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P))
        == QKeySequence.SequenceMatch.ExactMatch
    )
    assert actions.summary_pdf_action.shortcut() == QKeySequence("Ctrl+Shift+P")
    assert actions.letter_action.shortcut() == QKeySequence("Ctrl+Shift+I")
    assert [a.text() for a in actions.actions] == [
        "Skriv ut &sammendrag",
        "Lagre sammendrag som &PDF …",
        "Skriv ut &informasjonsskriv",
    ]
    assert actions.button.text() == "Skriv &ut"
    assert actions.button.accessibleName() == "Skriv ut og lagre som PDF"
    assert actions.menu.accessibleName()
    assert all(action in editor.actions() for action in actions.actions)
    # Nothing to print before a record is shown.
    assert not actions.button.isEnabled()
    assert not any(action.isEnabled() for action in actions.actions)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_save_summary_as_pdf_writes_labels_and_the_name(
    qtbot, editor, store, tmp_path, monkeypatch
):
    payload = demo_payload(child=False)
    open_payload(qtbot, editor, store, payload)
    assert editor.print_actions.summary_pdf_action.isEnabled()
    target = tmp_path / "sammendrag"  # the ".pdf" is added
    asked = []

    def fake_save(parent, caption, start, filters):
        asked.append(Path(start).name)
        return str(target), filters

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", fake_save)
    editor.print_actions.summary_pdf_action.trigger()
    pdf = tmp_path / "sammendrag.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert asked and "Zzyxtestesen" not in asked[0]  # the suggested name holds no name
    text = pdf_text(pdf)
    assert "Registreringssammendrag" in text
    assert "Fødselsnummer" in text  # a field label from the form definition
    assert "Zzyxtestesen, Prøve Kari" in text
    assert "Utkast" in text  # the record's status
    assert "sammendrag.pdf" in editor.state_label.text()


def test_cancelled_pdf_dialog_writes_nothing(qtbot, editor, store, tmp_path, monkeypatch):
    open_payload(qtbot, editor, store, demo_payload(child=False))
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    before = editor.state_label.text()
    editor.print_actions.summary_pdf_action.trigger()
    assert editor.state_label.text() == before
    assert not list(tmp_path.rglob("*.pdf"))


def test_print_summary_prints_what_the_form_shows(qtbot, editor, store, printed):
    payload = demo_payload(child=False)
    open_payload(qtbot, editor, store, payload, status=RecordStatus.COMPLETED)
    editor.print_actions.summary_action.trigger()
    assert [doc.kind for doc in printed] == ["summary"]
    assert "Zzyxtestesen" in printed[0].html
    assert "Ferdigstilt" in printed[0].html
    state = editor.state_label.text()
    assert state.startswith("Ferdigstilt") and "Sendt til skriveren" in state


def test_adult_gets_the_chosen_letter(qtbot, editor, store, printed):
    payload = demo_payload(child=False)
    payload["information"]["letter"] = "voksne"
    open_payload(qtbot, editor, store, payload)
    editor.print_actions.letter_action.trigger()
    assert [doc.kind for doc in printed] == ["letter"]
    assert printed[0].file_name == "informasjonsskriv-voksne.pdf"
    assert "Zzyxtestesen" in printed[0].html


def test_child_gets_the_childs_and_the_guardians_letters(qtbot, editor, store, printed):
    payload = demo_payload(child=True)
    payload["patient"]["national_id"] = child_id(9)
    payload["reporter"]["registration_date"] = dt.date.today().isoformat()
    payload["information"]["letter"] = "barn_7_11"
    open_payload(qtbot, editor, store, copy.deepcopy(payload))
    editor.print_actions.letter_action.trigger()
    assert [doc.file_name for doc in printed] == [
        "informasjonsskriv-barn-7-11.pdf",
        "informasjonsskriv-foresatte.pdf",
    ]


def test_cancelling_the_first_letter_prints_no_more(qtbot, editor, store, monkeypatch):
    payload = demo_payload(child=True)
    payload["patient"]["national_id"] = child_id(9)
    payload["reporter"]["registration_date"] = dt.date.today().isoformat()
    payload["information"]["letter"] = "barn_7_11"
    open_payload(qtbot, editor, store, payload)
    asked = []
    monkeypatch.setattr(printing, "print_document", lambda doc, parent=None: asked.append(doc))
    editor.print_actions.letter_action.trigger()
    assert len(asked) == 1


def test_shortcut_prints_the_summary(qtbot, editor, store, printed):
    open_payload(qtbot, editor, store, demo_payload(child=False))
    editor.activateWindow()
    editor.nav.setFocus()
    qtbot.keyClick(editor.nav, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    if not printed:  # offscreen windows are not always active; shortcuts need that
        pytest.skip("the window could not be activated on this platform")
    assert [doc.kind for doc in printed] == ["summary"]
