"""The audit tab through the real staff window (offscreen): an export from the window asks
for a reason and appears in the monthly report; the verify button says the chain is intact,
and names the first bad entry once a row is rewritten in the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.staff.dialect import Db
from tests.staff.conftest import Records, forge_signed
from tests.ui.staff.conftest import close_message_boxes, confirm, open_staff_window


def _message_texts(window: Any) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_audit_tab_verifies_reports_and_names_a_rewritten_entry(
    qtbot: Any, staff_profile: Any, make_controller: Any, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    batch = tmp_path / "a.sjbt"
    batch.write_bytes(clinic.batch(Records(seed=31).many(2)))
    window = open_staff_window(qtbot, make_controller, profile)
    window.import_files([batch])
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 2, timeout=10_000)
    close_message_boxes(window)
    window.review.accept_clean()
    confirm(qtbot, window)
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 0, timeout=10_000)
    close_message_boxes(window)

    # Without a reason the export is refused with its code, and nothing is written.
    refused = tmp_path / "uten-grunn.csv"
    window.export_to("csv", refused)
    qtbot.waitUntil(lambda: bool(_message_texts(window)), timeout=20_000)
    assert any("(export_reason_missing)" in text for text in _message_texts(window))
    assert not refused.exists()
    close_message_boxes(window)
    out = tmp_path / "registeret.csv"
    window.export_to("csv", out, reason="Årsrapport 2026")
    qtbot.waitUntil(lambda: bool(_message_texts(window)), timeout=20_000)
    assert out.exists() and "2 registreringer er eksportert" in _message_texts(window)[0]
    close_message_boxes(window)

    panel = window.audit
    window.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.verify_button, _left())
    qtbot.waitUntil(lambda: panel.verdict is not None, timeout=20_000)
    assert panel.verdict is not None and panel.verdict.intact
    assert panel.result.text().startswith("Intakt:")

    panel.month.setText(dt.datetime.now(dt.UTC).strftime("%Y-%m"))
    qtbot.mouseClick(panel.report_button, _left())
    qtbot.waitUntil(lambda: bool(panel.lines), timeout=20_000)
    shown = {
        panel.table.item(row, 2).text(): int(panel.table.item(row, 3).text())
        for row in range(panel.table.rowCount())
    }
    assert shown["export:csv"] == 1 and shown["review:accepted"] == 2
    assert shown["view:queue"] >= 1
    assert panel.table.horizontalHeaderItem(1).text() == "Medarbeider (nøkkel-id)"

    # Someone with the database file rewrites an entry: the button names it.
    staff = window.staff_session()
    seq = next(line for line in staff.register.audit_entries() if line.action == "export:csv").seq

    def rewrite(db: Db) -> None:
        with db.transaction("tamper"):
            db.execute("UPDATE audit_log SET action = 'view:queue' WHERE seq = ?", (seq,))

    staff.register.backend.submit(rewrite, "tamper").result()
    panel.verdict = None
    qtbot.mouseClick(panel.verify_button, _left())
    qtbot.waitUntil(lambda: panel.verdict is not None, timeout=20_000)
    assert panel.verdict is not None and panel.verdict.first_bad_seq == seq
    assert f"oppføring nr. {seq} (hash_mismatch)" in panel.result.text()

    panel.month.setText("2026-13")
    qtbot.mouseClick(panel.report_button, _left())
    qtbot.waitUntil(lambda: bool(_message_texts(window)), timeout=20_000)
    assert any("(bad_audit_month)" in text for text in _message_texts(window))
    close_message_boxes(window)


def test_audit_tab_names_an_entry_signed_by_no_member(
    qtbot: Any, staff_profile: Any, make_controller: Any
) -> None:
    """A key of someone's own in ``audit_signers`` signing an entry with the register's
    secret: the verify button names the entry and ``signer_not_member``."""
    profile, _ = staff_profile
    window = open_staff_window(qtbot, make_controller, profile)
    seq = forge_signed(window.staff_session(), Ed25519PrivateKey.generate(), "export:csv")
    panel = window.audit
    window.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.verify_button, _left())
    qtbot.waitUntil(lambda: panel.verdict is not None, timeout=20_000)
    assert panel.verdict is not None and panel.verdict.first_bad_seq == seq
    assert f"oppføring nr. {seq} (signer_not_member)" in panel.result.text()


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
