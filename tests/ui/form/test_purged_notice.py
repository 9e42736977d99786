"""A record whose personal data retention purged: a read-only notice, not an empty form.

The record goes the real way: completed, synced to a real inbox, accepted by the register's
signed feedback, then purged by ``retention.purge_due`` as a sync 31 days later would.
"""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sjelden_protocol import RecordDecision

from desktop.storage import records
from desktop.sync import retention, service
from desktop.ui.record_model import NOTE_COLUMN, RecordTableModel
from tests.sync.conftest import FAST, Client, add_completed, client, inbox_server, staff
from tests.sync.inbox_process import Staff

__all__ = ["client", "inbox_server", "staff"]  # fixtures used below


def purged_record(client: Client, staff: Staff) -> tuple[str, str]:
    """(purged id, still complete id): both accepted, only the first purged."""
    store = client.store
    purged, kept = add_completed(store, 2, seed=51)
    service.run_sync(store, policy=FAST)
    staff.decide(client.key_id, [RecordDecision(purged, 1, "accepted")])
    service.run_sync(store, policy=FAST)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    assert store.call(lambda c: retention.purge_due(c, now=later)) == 1
    return purged, kept


def test_a_purged_record_shows_a_notice_and_nothing_can_be_edited(
    qtbot: QtBot, client: Client, staff: Staff
) -> None:
    from desktop.ui.form import RegistrationEditor

    purged, kept = purged_record(client, staff)
    editor = RegistrationEditor(lambda: client.store, autosave_ms=200)
    qtbot.addWidget(editor)
    editor.resize(1200, 900)
    editor.show()
    qtbot.waitExposed(editor)

    # First a complete record (its values are on screen), then the purged one.
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.open_record(kept)
    assert editor.body.isVisible() and not editor.purged_notice.isVisible()
    assert editor.revision_button.isVisible()
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.open_record(purged)
    assert editor.purged and editor.record_id == purged
    assert editor.purged_notice.isVisible() and not editor.body.isVisible()
    assert editor.purged_notice.text() == (
        "Registreringen er godkjent av registeret, og personopplysningene er slettet fra "
        "denne PC-en etter 30 dager. Registeret har registreringen; her er det ingenting å "
        "redigere."
    )
    assert "Godkjent av registeret" in editor.state_label.text()
    for button in (*editor.buttons, editor.print_actions.button):
        assert not button.isVisible() or not button.isEnabled(), button.text()
    # Nothing of the record shown before is left in the (hidden) widgets.
    assert editor.ctx.binder.payload.get("patient") in (None, {})
    # No way to edit, complete or revise it, even by shortcut.
    editor.save_now()
    editor.complete()
    editor.new_revision()
    qtbot.wait(300)
    record = client.store.call(lambda c: records.get(c, purged))
    assert record is not None and record.revision == 1 and record.payload["purged"] is True

    # Opening a normal record again brings the form back.
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.open_record(kept)
    assert editor.body.isVisible() and not editor.purged_notice.isVisible()
    assert not editor.purged
    editor.autosaver.cancel()


def test_the_list_says_the_personal_data_are_gone(
    qtbot: QtBot, client: Client, staff: Staff
) -> None:
    purged, _kept = purged_record(client, staff)
    from desktop.ui import ops

    ops.set_store_source(lambda: client.store)
    try:
        model = RecordTableModel()
        model.reload()
        qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading, timeout=5000)
        row = next(r for r in range(2) if model.record_id(r) == purged)
        assert model.index(row, 1).data() == "(personopplysninger slettet)"
        assert model.index(row, NOTE_COLUMN).data() == (
            "Godkjent; personopplysningene er slettet fra denne PC-en."
        )
    finally:
        ops.set_store_source(None)
