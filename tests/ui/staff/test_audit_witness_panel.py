"""The Audit log tab's witness buttons through the real staff window (offscreen) and the real
inbox: checkpoints sent, the copies compared, and a tail cut from the chain (entries and
checkpoints together) named by the comparison while the chain alone still verifies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.staff import audit_witness
from desktop.staff.dialect import Db
from tests.staff.conftest import pin_clinic
from tests.ui.staff.conftest import open_staff_window, staff_at_inbox


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_audit_tab_sends_and_compares_checkpoints_with_the_inbox(
    qtbot: Any, inbox_server: Any, make_profile: Any, make_controller: Any, tmp_path: Path
) -> None:
    with staff_at_inbox(make_profile, inbox_server, tmp_path) as (profile, opened):
        pin_clinic(opened, "Fiktiv klinikk Midt")
    window = open_staff_window(qtbot, make_controller, profile)
    panel = window.audit
    window.tabs.setCurrentWidget(panel)

    qtbot.mouseClick(panel.send_button, _left())
    qtbot.waitUntil(lambda: isinstance(panel.witnessed, audit_witness.Sent), timeout=30_000)
    assert panel.witnessed == audit_witness.Sent(1, 0)
    assert panel.witness.text() == "1 sjekkpunkt sendt til innboksen; den hadde 0 fra før."
    qtbot.mouseClick(panel.compare_button, _left())
    qtbot.waitUntil(lambda: isinstance(panel.witnessed, audit_witness.Comparison), timeout=30_000)
    assert panel.witnessed == audit_witness.Comparison(1)
    assert panel.witness.text().startswith("Innboksens 1 kopi av sjekkpunktene stemmer")

    staff = window.staff_session()
    newest = staff.register.call(
        lambda db: int(db.execute("SELECT MAX(seq) FROM audit_checkpoints").fetchone()[0])
    )

    def cut(db: Db) -> None:
        with db.transaction("tamper"):
            db.execute("DELETE FROM audit_checkpoints WHERE seq >= ?", (newest,))
            db.execute("DELETE FROM audit_log WHERE seq >= ?", (newest,))

    staff.register.backend.submit(cut, "tamper").result()
    assert staff.register.verify_audit().intact  # the shorter chain verifies on its own
    panel.witnessed = None
    qtbot.mouseClick(panel.compare_button, _left())
    qtbot.waitUntil(lambda: panel.witnessed is not None, timeout=30_000)
    assert panel.witnessed == audit_witness.Comparison(1, audit_witness.CHAIN_CUT, newest)
    text = panel.witness.text()
    assert text.startswith("IKKE intakt") and f"nr. {newest}" in text
    assert audit_witness.CHAIN_CUT in text
