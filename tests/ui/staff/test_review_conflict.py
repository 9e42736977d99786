"""Two staff members on one register, seen from the window (issue 17 point 2): a decision on
an item a colleague decided meanwhile is refused in the decision pane, naming who and when,
without an error box, and the queue reloads as it is now. A bulk acceptance
reports the items a colleague decided while its list was shown apart, not as failures. Real
staff window, real SQLCipher register; the colleague is a second ``Register`` on the same
database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.staff import decisions
from desktop.staff import register as reg
from desktop.staff.model import ReviewState
from tests.staff.conftest import Records
from tests.ui.staff.conftest import close_message_boxes, confirmation, open_staff_window

COLLEAGUE = "kollega-fiktiv-0002"


def test_a_decision_a_colleague_made_first_is_refused_and_the_queue_reloads(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=31)
    first, second = records.one(), records.one()
    window = open_staff_window(qtbot, make_controller, profile)
    path = tmp_path / "batch.sjbt"
    path.write_bytes(clinic.batch([first, second]))
    window.import_files([path])
    review = window.review
    qtbot.waitUntil(lambda: review.model.rowCount() == 2, timeout=10_000)
    close_message_boxes(window)
    row = next(n for n, i in enumerate(review.model.shown()) if i.record_id == first["record_id"])
    review.table.selectRow(row)
    qtbot.waitUntil(lambda: review.view.details is not None, timeout=10_000)

    register = window.staff_session().register
    colleague = reg.Register(register.backend, register.cipher, actor=COLLEAGUE)
    decisions.decide(colleague, first["record_id"], "accept")  # while it is open here
    qtbot.keyClicks(review.reason_code, "incomplete")
    review.reject_button.click()

    qtbot.waitUntil(lambda: COLLEAGUE in review.decision_message.text(), timeout=10_000)
    text = review.decision_message.text()
    assert "avgjort av" in text and "Oppdater køen" in text
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=10_000)
    assert [i.record_id for i in review.model.shown()] == [second["record_id"]]
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert review.undoable == []  # nothing of it was decided here
    batch_id = review.model.shown()[0].origin.batch_id  # one batch held both
    decided = register.item(batch_id, first["record_id"])
    assert decided is not None
    assert (decided.state, decided.decided_by) == (ReviewState.ACCEPTED, COLLEAGUE)


def test_bulk_acceptance_reports_what_a_colleague_decided_meanwhile_apart(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    clean = Records(seed=32).many(3)
    window = open_staff_window(qtbot, make_controller, profile)
    path = tmp_path / "batch.sjbt"
    path.write_bytes(clinic.batch(clean))
    window.import_files([path])
    review = window.review
    qtbot.waitUntil(lambda: review.model.rowCount() == 3, timeout=10_000)
    close_message_boxes(window)
    register = window.staff_session().register
    colleague = reg.Register(register.backend, register.cipher, actor=COLLEAGUE)

    review.accept_clean_button.click()
    dialog = confirmation(qtbot, window)
    decisions.decide(colleague, clean[0]["record_id"], "accept")  # while the list is shown
    dialog.action_button.click()

    def shown() -> QMessageBox | None:
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return boxes[-1] if boxes else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    text = shown().text()  # type: ignore[union-attr]
    assert text.startswith("2 registreringer er godkjent.")
    assert "1 ble avgjort av en annen i staben i mellomtiden" in text
    assert "trenger en egen avgjørelse" not in text  # not counted as a failure
    close_message_boxes(window)
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=10_000)
    accepted_by = {
        e.record_id: e.actor for e in register.audit_entries() if e.action == "review:accepted"
    }
    me = window.staff_session().staff_key_id
    assert accepted_by == {
        clean[0]["record_id"]: COLLEAGUE,
        clean[1]["record_id"]: me,
        clean[2]["record_id"]: me,
    }
