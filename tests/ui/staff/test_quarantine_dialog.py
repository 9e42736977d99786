"""Innboks → Forsendelser i karantene: Retry and Discard in the window, not a CLI hint.

On the real staff window and register: two batches from installations not pinned here are
held in quarantine (as a pull leaves them). Retrying one before the fix keeps it, with its
reason in the window's words; after pinning its installation, Retry imports it and its
registrations reach the review queue; Discard asks first (listing the batch, Avbryt the
default) and then drops the other for good.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.staff import quarantine, trust
from desktop.staff.errors import BatchRefused
from desktop.ui.staff.quarantine_dialog import QuarantineDialog
from tests.staff.conftest import Clinic, Records
from tests.ui.staff.conftest import confirmation, open_staff_window
from tests.ui.test_gui_wording import COMMAND


def _hold(staff, data: bytes) -> str:
    """Quarantine ``data`` as a pull does when its sender is not pinned."""
    refusal = BatchRefused("unknown_key", "sender not pinned")
    held = staff.register.call(
        lambda db: quarantine.put(
            db, staff.keys.cipher, data, refusal, source="file", actor=staff.register.actor
        )
    )
    return held.quarantine_id


def _row_of(dialog: QuarantineDialog, quarantine_id: str) -> int:
    return next(n for n, item in enumerate(dialog.held) if item.quarantine_id == quarantine_id)


def test_retry_after_the_fix_and_discard_from_the_window(
    qtbot, staff_profile, make_controller
) -> None:
    profile, _clinic = staff_profile
    window = open_staff_window(qtbot, make_controller, profile)
    staff = window.staff
    recipient = staff.keys.register_keys[staff.keys.newest_register_key_id].public_key()
    stranger, other = (Clinic(Ed25519PrivateKey.generate(), recipient) for _ in range(2))
    records = Records(seed=31)
    first = _hold(staff, stranger.batch(records.many(2)))
    second = _hold(staff, other.batch(records.many(1)))
    window._count_quarantined()
    qtbot.waitUntil(lambda: "2 forsendelser i karantene" in window.quarantine_label.text())

    dialog = window.show_quarantined()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    reason = dialog.table.item(0, 2).text()
    assert "Innboks > Forsendelser i karantene > Prøv igjen" in reason
    assert not COMMAND.search(reason)
    assert not dialog.retry_button.isEnabled() and dialog.retry_all_button.isEnabled()

    # Before the fix: refused again, kept in quarantine.
    dialog.table.selectRow(_row_of(dialog, first))
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: "avvist igjen" in dialog.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)

    # The installation approved (pinned): Retry imports it, and the queue shows its records.
    staff.register.call(
        lambda db: trust.pin_installation(
            db, stranger.key.public_key(), "Fiktiv klinikk", actor="t"
        )
    )
    qtbot.waitUntil(lambda: dialog.retry_button.isEnabled(), timeout=10_000)
    dialog.table.clearSelection()
    dialog.table.selectRow(_row_of(dialog, first))
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "1 forsendelse importert.", timeout=10_000)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 2, timeout=10_000)
    assert [item.quarantine_id for item in dialog.held] == [second]

    # Discard asks first, naming the batch; the safe button is the default.
    dialog.table.selectRow(0)
    dialog.discard_button.click()
    asked = confirmation(qtbot, window)
    assert asked.cancel_button.isDefault()
    assert len(asked.lines()) == 1 and asked.lines()[0].startswith(dialog.held[0].batch_id)
    asked.action_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "1 forsendelse er forkastet.", timeout=10_000)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
    assert staff.register.counts().quarantined == 0
    qtbot.waitUntil(lambda: window.quarantine_label.text() == "", timeout=10_000)
    assert not dialog.retry_all_button.isEnabled()

    # Locking closes the dialog with the window's other dialogs.
    window.lock_requested.emit()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not any(d.isVisible() for d in window.findChildren(QuarantineDialog))


def test_cancelling_a_discard_keeps_the_batch(qtbot, staff_profile, make_controller) -> None:
    profile, _clinic = staff_profile
    window = open_staff_window(qtbot, make_controller, profile)
    staff = window.staff
    recipient = staff.keys.register_keys[staff.keys.newest_register_key_id].public_key()
    _hold(staff, Clinic(Ed25519PrivateKey.generate(), recipient).batch(Records(seed=5).many(1)))
    dialog = window.show_quarantined()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    dialog.table.selectRow(0)
    dialog.discard_button.click()
    confirmation(qtbot, window).cancel_button.click()
    qtbot.wait(100)
    assert staff.register.counts().quarantined == 1
    assert dialog.table.rowCount() == 1
