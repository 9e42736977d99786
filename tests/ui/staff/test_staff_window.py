"""Staff mode through the real windows: unlock a staff profile, import batch files, review,
decide, reserve, count and export, then lock and find nothing left on screen."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.forms.payload import orpha_codes
from desktop.staff import session as staff_session
from desktop.staff.model import Finding
from tests.staff.conftest import Records, revised
from tests.ui.staff.conftest import close_message_boxes, confirm, open_staff_window


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_import_review_decide_report_export_and_lock(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=11)
    first = records.one()
    twin = records.same_person(first)  # same person and diagnosis, another record id
    others = records.many(3)
    window = open_staff_window(qtbot, make_controller, profile)
    review = window.review

    window.import_files([_write(tmp_path, "a.sjbt", clinic.batch([first, *others]))])
    qtbot.waitUntil(lambda: review.model.rowCount() == 4, timeout=10_000)
    close_message_boxes(window)
    assert "4" in window.queue_label.text()

    # Bulk-accept the clean ones, then a second batch brings a revision and a duplicate.
    review.accept_clean()
    confirm(qtbot, window)
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=10_000)
    close_message_boxes(window)
    corrected = revised(first, family_name="Korrigertsen")
    window.import_files([_write(tmp_path, "b.sjbt", clinic.batch([corrected, twin]))])
    qtbot.waitUntil(lambda: review.model.rowCount() == 2, timeout=10_000)
    close_message_boxes(window)

    by_id = {item.record_id: row for row, item in enumerate(review.model.shown())}
    review.table.selectRow(by_id[corrected["record_id"]])
    item = review.selected()
    assert Finding.REVISION in item.findings
    qtbot.waitUntil(review.diff_box.isVisible, timeout=10_000)
    cells = {
        review.diff.item(r, 0).toolTip(): review.diff.item(r, 2).text()
        for r in range(review.diff.rowCount())
    }
    assert cells["patient.family_name"] == "Korrigertsen"
    review.decide("accept")
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=10_000)

    review.table.selectRow(0)
    assert Finding.DUPLICATE in review.selected().findings
    review.decide("duplicate")
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=10_000)

    # A reason text with personal data is refused with a message, and nothing changes.
    window.import_files([_write(tmp_path, "c.sjbt", clinic.batch(records.many(1)))])
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=10_000)
    close_message_boxes(window)
    review.table.selectRow(0)
    review.reason_code.setCurrentText("missing_consent")
    review.reason_text.setText("Ring 41234567")
    review.decide("reject")
    box = qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=10_000) or _message_box(
        window
    )
    assert "personopplysninger" in box.text().lower()
    close_message_boxes(window)
    assert review.model.rowCount() == 1

    # Reports: four accepted records (the revision replaced the first).
    window.tabs.setCurrentWidget(window.reports)
    qtbot.waitUntil(lambda: sum(r.count for r in window.reports.rows) >= 4, timeout=10_000)
    assert window.reports.chart.bars
    report_path = tmp_path / "report.csv"
    window.reports.write_csv(report_path)
    qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=10_000)
    assert _message_box(window).text() == f"Rapporten er lagret: {report_path}"
    assert report_path.exists()
    close_message_boxes(window)

    # The decisions so far, as files for a clinic without the inbox: one per installation.
    feedback_dir = tmp_path / "feedback"
    window.save_feedback(feedback_dir)
    qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=10_000)
    assert _message_box(window).text() == "1 fil er skrevet."
    assert len(list(feedback_dir.glob("sjelden-feedback-*.json"))) == 1
    close_message_boxes(window)

    # Four people cannot hide among five: the research extract is refused, with its code.
    extract = tmp_path / "research.csv"
    window.export_to("research", extract, reason="Forskningsprosjekt 2026/17")
    box = qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=20_000) or (
        _message_box(window)
    )
    assert "(export.k_not_met)" in box.text()
    close_message_boxes(window)
    assert not extract.exists()

    # The aggregate counts hold none of the names, and every count below five is hidden.
    # A record counts once per distinct ORPHA code (the demo records drawn relative to today
    # may hold two), so the grand total is counted from what was accepted.
    aggregate = tmp_path / "aggregate.csv"
    window.export_to("aggregate", aggregate)
    qtbot.waitUntil(aggregate.exists, timeout=20_000)
    close_message_boxes(window)
    text = aggregate.read_text("utf-8-sig")
    assert "Korrigertsen" not in text and first["patient"]["national_id"] not in text
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    counted = sum(len(set(orpha_codes(r))) for r in (corrected, *others))
    assert rows[-1][0] == "total" and rows[-1][-1] == ("<5" if counted < 5 else str(counted))
    numbers = [cell for row in rows[1:] for cell in row[5:] if cell.isdigit()]
    assert all(int(cell) == 0 or int(cell) >= 5 for cell in numbers), numbers

    # Reserve the corrected person: gone from the register, blocked on re-import.
    panel = window.reservations
    window.tabs.setCurrentWidget(panel)
    qtbot.keyClicks(panel.national_id, first["patient"]["national_id"])
    assert panel.reserve_button.isEnabled()
    panel.reserve()
    assert panel.national_id.text() == ""
    qtbot.waitUntil(lambda: "Reservasjonen er registrert" in panel.result.text(), timeout=10_000)
    close_message_boxes(window)

    # Locking forgets every row and closes the register.
    window.lock_requested.emit()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert window.staff is None
    assert review.model.rowCount() == 0
    assert window.reports.rows == [] and not window.reports.chart.bars
    assert review.details.toPlainText() == ""


def test_a_damaged_batch_file_is_refused_with_its_reason(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    window = open_staff_window(qtbot, make_controller, profile)
    data = bytearray(clinic.batch(Records(seed=3).many(2)))
    data[-5] ^= 0x01  # the signature no longer verifies
    window.import_files([_write(tmp_path, "bad.sjbt", bytes(data))])
    qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=10_000)
    text = _message_box(window).text()
    assert "0 forsendelser importert" in text
    assert "ingenting" in text.lower()
    close_message_boxes(window)
    assert window.review.model.rowCount() == 0


def _message_box(window) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1] if boxes else None


def test_a_quick_lock_and_unlock_keeps_one_register_open(
    qtbot, staff_profile, make_controller, monkeypatch
) -> None:
    profile, _clinic = staff_profile
    opened: list[staff_session.StaffSession] = []
    closed: list[staff_session.StaffSession] = []
    attach = staff_session.attach

    def tracked_attach(*args, **kwargs):
        attached = attach(*args, **kwargs)
        close = attached.register.close

        def tracked_close() -> None:
            closed.append(attached)
            close()

        attached.register.close = tracked_close  # type: ignore[method-assign]
        opened.append(attached)
        return attached

    monkeypatch.setattr(staff_session, "attach", tracked_attach)
    window = open_staff_window(qtbot, make_controller, profile)
    # Locked and unlocked again before the first attach answers: two attaches in flight.
    window.deactivate()
    window.activate()
    window.activate()
    qtbot.waitUntil(lambda: len(opened) == 3 and len(closed) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: window.staff is not None, timeout=10_000)
    kept = window.staff
    # The first session and the superseded attach are closed; only the last one is kept.
    assert kept in opened and kept not in closed
    assert {id(s) for s in closed} == {id(s) for s in opened if s is not kept}
    window.lock_requested.emit()
    qtbot.waitUntil(lambda: len(closed) == 3, timeout=10_000)
    assert window.staff is None
