"""The staff review queue names each diagnosis beside its code (issue 16 point 7): a real
staff profile, a real batch file imported through the real staff window, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.ui.staff.queue_model import COLUMNS
from tests.staff.conftest import Records
from tests.ui.staff.conftest import close_message_boxes, open_staff_window
from tests.ui.staff.test_staff_window import _write

DIAGNOSES = COLUMNS.index("diagnoses")


def test_the_queue_shows_diagnosis_names_beside_the_codes(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=16)
    cystic = records.one()
    cystic["diagnoses"] = [{**cystic["diagnoses"][0], "orpha_code": "ORPHA:586"}]
    cystic["diagnoses"][0].pop("icd10", None)
    others = records.many(2)
    window = open_staff_window(qtbot, make_controller, profile)
    review = window.review
    window.import_files([_write(tmp_path, "a.sjbt", clinic.batch([cystic, *others]))])
    qtbot.waitUntil(lambda: review.model.rowCount() == 3, timeout=10_000)
    close_message_boxes(window)

    cells = {
        item.record_id: review.model.index(row, DIAGNOSES).data()
        for row, item in enumerate(review.model.shown())
    }
    assert cells[cystic["record_id"]].startswith("ORPHA:586 Cystisk fibrose")
    row = next(
        n
        for n, item in enumerate(review.model.shown())
        if item is not None and item.record_id == cystic["record_id"]
    )
    tip = review.model.index(row, DIAGNOSES).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == cells[cystic["record_id"]]
    for record in others:
        cell = cells[record["record_id"]]
        for code, shown in zip(
            [d["orpha_code"] for d in record["diagnoses"] if d.get("orpha_code")],
            cell.split("; "),
            strict=True,
        ):
            assert shown.startswith(code + " ") and len(shown) > len(code) + 3, shown
    review.table.grab()
