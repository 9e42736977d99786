"""The record list's looks (issue 16 point 7): diagnosis names beside the codes, read off the
GUI thread with the page; every state with its own icon and its word. Real profile
(SQLCipher), the real main window, offscreen."""

from __future__ import annotations

import random
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from desktop.states import STATES, state_word
from desktop.storage import records
from desktop.storage.records import RecordStatus
from desktop.ui import diagnosis_labels, record_model
from tests.helpers import synthetic
from tests.ui.conftest import PASSPHRASE
from tests.ui.test_unlock import unlock

DIAGNOSIS = 3
STATUS = 0


def _fill(profile, rows: list[tuple[str, list[str], RecordStatus]]) -> None:
    """One record per (family name, ORPHA codes, status), in one transaction."""
    rng = random.Random(7)
    items = []
    for family, codes, state in rows:
        payload = synthetic.record(rng, family_name=family)
        payload["diagnoses"] = [{"orpha_code": code} for code in codes]
        items.append((payload["record_id"], payload, state))
    with profile.create(PASSPHRASE).store as store:
        store.call(
            lambda conn: records.import_many(
                conn, items, form_id="sjeldenregisteret", form_version=1, author="test"
            )
        )


def _open(qtbot, make_controller, profile, count: int) -> Any:
    controller = make_controller(profile)
    unlock(qtbot, controller, PASSPHRASE)
    model = controller.main.records.model
    qtbot.waitUntil(lambda: model.rowCount() == count and not model.loading, timeout=10_000)
    return controller.main


def _cells(model, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> dict:
    """Family name (the synthetic display name starts with it) -> the cell's data."""
    out = {}
    for row in range(model.rowCount()):
        name = model.index(row, 1).data().split(",")[0]
        out[name] = model.index(row, column).data(role)
    return out


def test_diagnosis_column_names_each_code_looked_up_off_the_gui_thread(
    qtbot, profile, make_controller, monkeypatch
):
    _fill(
        profile,
        [
            ("Marfantestesen", ["ORPHA:558"], RecordStatus.DRAFT),
            ("Totestesen", ["ORPHA:558", "ORPHA:586"], RecordStatus.COMPLETED),
            ("Ukjenttestesen", ["ORPHA:9999999"], RecordStatus.DRAFT),
            ("Tomtestesen", [], RecordStatus.DRAFT),
        ],
    )
    threads: list[threading.Thread] = []
    real = diagnosis_labels.get_codelist

    def spy(name):
        threads.append(threading.current_thread())
        return real(name)

    diagnosis_labels.diagnosis_label.cache_clear()
    monkeypatch.setattr(diagnosis_labels, "get_codelist", spy)
    main = _open(qtbot, make_controller, profile, 4)
    cells = _cells(main.records.model, DIAGNOSIS)
    assert cells["Marfantestesen"] == "ORPHA:558 Marfans syndrom"
    assert cells["Totestesen"] == "ORPHA:558 Marfans syndrom; ORPHA:586 Cystisk fibrose"
    assert cells["Ukjenttestesen"] == "ORPHA:9999999"  # not in the list: the code alone
    assert cells["Tomtestesen"] == ""
    accessible = _cells(main.records.model, DIAGNOSIS, Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == {**cells, "Tomtestesen": "(ingen)"}  # an empty cell still has a name
    tips = _cells(main.records.model, DIAGNOSIS, Qt.ItemDataRole.ToolTipRole)
    assert tips["Totestesen"] == cells["Totestesen"]  # the whole names where the cell elides
    assert tips["Tomtestesen"] is None
    assert threads, "the names were never looked up"
    assert threading.main_thread() not in threads  # read with the page, on the db thread
    main.records.table.grab()  # paints the longer cells without Qt warnings


def test_diagnosis_names_follow_the_ui_language_with_bokmal_where_the_list_has_it():
    diagnosis_labels.diagnosis_label.cache_clear()
    assert diagnosis_labels.diagnosis_label("ORPHA:558", "en") == "ORPHA:558 Marfan syndrome"
    assert diagnosis_labels.diagnosis_label("orpha 558", "nb") == "ORPHA:558 Marfans syndrom"
    # ORPHA:5 has no bokmål label: the English name is better than none.
    assert diagnosis_labels.diagnosis_label("ORPHA:5", "nb").startswith("ORPHA:5 Long chain")


def _image_key(icon: QIcon) -> bytes:
    image = icon.pixmap(16, 16).toImage()
    return bytes(image.constBits())


def test_every_state_has_its_own_icon_beside_its_word(qtbot, profile, make_controller):
    states = [RecordStatus(code) for code in STATES]
    assert {state.value for state in RecordStatus} <= set(STATES)
    _fill(profile, [(f"Tilstand{n}testesen", ["ORPHA:558"], s) for n, s in enumerate(states)])
    main = _open(qtbot, make_controller, profile, len(states))
    model = main.records.model
    by_state = {}
    for row in range(model.rowCount()):
        index = model.index(row, STATUS)
        state = index.data(record_model.STATUS_ROLE)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull(), state
        assert index.data(Qt.ItemDataRole.DisplayRole) == state_word(state, "nb")
        assert index.data(Qt.ItemDataRole.AccessibleTextRole) == state_word(state, "nb")
        by_state[state] = _image_key(icon)
        # only the status column has an icon
        assert model.index(row, DIAGNOSIS).data(Qt.ItemDataRole.DecorationRole) is None
    assert set(by_state) == set(states)
    assert len(set(by_state.values())) == len(states), "two states share an icon"
    main.records.table.grab()


def test_the_accessible_text_does_not_depend_on_the_icon(
    qtbot, profile, make_controller, monkeypatch
):
    _fill(profile, [("Ikontestesen", ["ORPHA:558"], RecordStatus.REJECTED)])
    monkeypatch.setattr(record_model, "state_icon", lambda _state: QIcon())  # no icon at all
    main = _open(qtbot, make_controller, profile, 1)
    index = main.records.model.index(0, STATUS)
    assert index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Avvist"
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Avvist"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_diagnosis_cell_uses_the_language_of_the_page(lang):
    rows = [
        records.RecordRow(
            record_id="r", revision=1, status=RecordStatus.DRAFT, display_name="X",
            national_id=None, diagnosis="ORPHA:586", registered_on=None, updated_at="",
        )
    ]  # fmt: skip
    names = record_model.diagnosis_names(rows, lang)
    expected = "Cystisk fibrose" if lang == "nb" else "Cystic fibrosis"
    assert names == {"ORPHA:586": f"ORPHA:586 {expected}"}
