"""The staff window against the real inbox on 127.0.0.1: fetch what a clinic synced, decide,
send the signed decisions, and find them on the clinic's records after its next sync."""

from __future__ import annotations

from pathlib import Path

from sjelden_protocol.keys import load_public_key

from desktop.staff import installations, keys
from desktop.staff import session as staff_session
from desktop.storage import records
from desktop.storage.records import RecordStatus
from desktop.sync import enroll, service
from desktop.ui.staff.window import StaffWindow
from tests.staff.conftest import PASSPHRASE
from tests.sync.conftest import FAST, add_completed
from tests.ui.staff.conftest import close_message_boxes, confirm
from tests.ui.test_unlock import unlock


def test_fetch_decide_send_and_the_clinic_sees_it(
    qtbot, inbox_server, make_profile, make_controller, tmp_path: Path
) -> None:
    profile = make_profile("staff")
    staff, _ = staff_session.create(profile, PASSPHRASE, inbox_url=inbox_server.url)
    try:
        letter = keys.write_public_files(staff.keys, tmp_path / "letter")
        inbox_server.admin("staff", "add", str(letter[1]), "--label", "register staff")
        clinic = make_profile("klinikk").create(PASSPHRASE).store
        with staff.transport(FAST) as transport:
            code, _ = installations.enrollment_code(staff, transport)
            prints = enroll.enroll(
                clinic,
                server_url=inbox_server.url,
                code=code,
                label="Klinikk",
                register_keys=[load_public_key(letter[0])],  # type: ignore[list-item]
                staff_keys=[load_public_key(letter[1])],  # type: ignore[list-item]
                policy=FAST,
            ).fingerprints
            installations.approve(
                staff, transport, prints.installation_key_id, prints.installation.lower()
            )
    finally:
        staff.close()
    try:
        ids = add_completed(clinic, 3, seed=31)
        assert service.run_sync(clinic, policy=FAST).uploaded.delivered_records == 3

        controller = make_controller(profile)
        window = controller.main
        assert isinstance(window, StaffWindow)
        with qtbot.waitSignal(window.ready, timeout=10_000):
            unlock(qtbot, controller, PASSPHRASE)
        review = window.review
        window.pull()
        qtbot.waitUntil(lambda: review.model.rowCount() == 3, timeout=20_000)
        close_message_boxes(window)

        rows = {item.record_id: row for row, item in enumerate(review.model.shown())}
        review.table.selectRow(rows[ids[0]])
        review.reason_code.setCurrentText("missing_consent")
        review.reason_text.setText("Samtykke er ikke registrert.")
        review.decide("reject")
        qtbot.waitUntil(lambda: review.model.rowCount() == 2, timeout=10_000)
        review.accept_clean()
        confirm(qtbot, window)
        qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=10_000)
        close_message_boxes(window)

        window.send_decisions()
        qtbot.waitUntil(lambda: _info_text(window) is not None, timeout=20_000)
        assert "1 avgjørelsesdokument er sendt" in _info_text(window)
        close_message_boxes(window)

        got = service.run_sync(clinic, policy=FAST).feedback
        assert (got.accepted, got.rejected) == (2, 1)
        assert clinic.call(lambda c: records.get(c, ids[0])).status is RecordStatus.REJECTED
        assert {clinic.call(lambda c: records.get(c, i)).status for i in ids[1:]} == {
            RecordStatus.ACCEPTED
        }
    finally:
        clinic.close()


def _info_text(window) -> str | None:
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1].text() if boxes else None
