"""The Letters tab through the real staff window (offscreen): accept, print a run to PDF,
mark it sent, record a returned slip with a confirmation naming the person, and see the
counts in the Reports tab."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from desktop.forms.payload import patient_name
from desktop.staff import letters
from desktop.staff.export import reports
from tests.helpers.letters import letter_ready
from tests.staff.conftest import Records
from tests.ui.staff.conftest import close_message_boxes, confirm, confirmation, open_staff_window


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_letters_tab_prints_marks_sent_and_records_a_returned_slip(
    qtbot: Any, staff_profile: Any, make_controller: Any, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=23)
    people = [letter_ready(records.one()) for _ in range(2)]
    homeless = letter_ready(records.one())
    del homeless["patient"]["address"]
    window = open_staff_window(qtbot, make_controller, profile)
    window.import_files([_write(tmp_path, "a.sjbt", clinic.batch([*people, homeless]))])
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 3, timeout=10_000)
    close_message_boxes(window)
    window.review.accept_clean()
    confirm(qtbot, window)
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 0, timeout=10_000)
    close_message_boxes(window)

    panel = window.letters
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: "3" in panel.counts.text(), timeout=10_000)
    out = tmp_path / "out" / "run.pdf"
    out.parent.mkdir()
    panel.print_run(out)
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=30_000)
    result = panel.last_result
    assert result is not None and result.letters == 2 and result.run_id is not None
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "personopplysninger" in panel.result.text()  # bokmål, the default UI language
    # The person without an address is named, so the register can look it up.
    assert patient_name(homeless).listed in panel.result.text()
    close_message_boxes(window)
    qtbot.waitUntil(lambda: panel.runs.rowCount() == 1, timeout=10_000)

    panel.runs.selectRow(0)
    assert panel.sent_button.isEnabled()
    panel.sent_button.click()
    qtbot.waitUntil(lambda: not panel.sent_button.isEnabled() and "2" in panel.result.text())
    staff = window.staff_session()
    qtbot.waitUntil(lambda: letters.counts(staff.register).sent == 2, timeout=10_000)

    plan = letters.plan_reprint(staff.register, result.run_id)
    slip = next(p for p in plan.letters if p.record_id == people[0]["record_id"])
    panel.reference.setText(slip.reference)
    panel.returned_button.click()
    dialog = confirmation(qtbot, window)
    assert patient_name(people[0]).listed in dialog.text.text()
    # Cancel changes nothing; confirming reserves the person.
    dialog.cancel_button.click()
    assert staff.register.current(people[0]["record_id"]) is not None
    panel.reference.setText(slip.reference)
    panel.returned_button.click()
    confirm(qtbot, window)
    qtbot.waitUntil(lambda: staff.register.current(people[0]["record_id"]) is None, timeout=10_000)
    qtbot.waitUntil(lambda: letters.counts(staff.register).returned == 1, timeout=10_000)
    assert panel.reference.text() == ""
    close_message_boxes(window)

    # The Reports tab counts the letters and the reservation received.
    report = window.reports
    window.tabs.setCurrentWidget(report)
    report.dimension.setCurrentIndex(report.dimension.findData(reports.LETTERS))
    qtbot.waitUntil(lambda: len(report.rows) == 6, timeout=10_000)
    counted = {row.key: row.count for row in report.rows}
    assert counted["pending"] == 1 and counted["sent"] == 1 and counted["returned"] == 1
    assert counted["reservations"] == 1

    # Locking leaves nothing of a person in the tab.
    window.deactivate()
    assert panel.result.text() == "" and panel.runs.rowCount() == 0
