"""The sync panel against the real inbox: button, progress, counts, errors in Norwegian;
triggers only while started and enrolled."""

from __future__ import annotations

import gc
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desktop.storage.profile import Profile
from desktop.storage.store import Store
from desktop.sync import status
from desktop.ui.ops import wait_for_background_work
from desktop.ui.sync_panel import SyncPanel
from tests.sync.conftest import (
    FAST,
    PASSPHRASE,
    Client,
    add_completed,
    client,
    inbox_server,
    staff,
)
from tests.sync.inbox_process import InboxProcess, Staff

__all__ = ["client", "inbox_server", "staff"]  # fixtures used below


def started(qtbot: QtBot, panel: SyncPanel) -> SyncPanel:
    """Wait for the first status read: triggers follow enrollment, which it tells."""
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.count_labels["completed"].text() != "", timeout=10_000)
    return panel


def test_button_syncs_in_the_background_and_shows_counts(qtbot: QtBot, client: Client) -> None:
    add_completed(client.store, 4, seed=21)
    panel = started(qtbot, SyncPanel(lambda: client.store, timer_ms=0, probe_ms=0, policy=FAST))
    assert panel.enrolled and panel.sync_button.isEnabled() and panel.enroll_button.isHidden()
    assert panel.count_labels["completed"].text() == "4"
    with qtbot.waitSignal(panel.synced, timeout=30_000):
        panel.sync_button.click()
        assert panel.running and not panel.sync_button.isEnabled()
        assert panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: panel.count_labels["sent"].text() == "4")
    assert gc.isenabled()  # paused only while the run went
    assert panel.count_labels["completed"].text() == "0"
    assert panel.error.text() == ""
    assert panel.sync_button.isEnabled() and not panel.progress.isVisible()
    wait_for_background_work()


def test_offline_error_is_plain_norwegian_and_probe_recovers(
    qtbot: QtBot, client: Client, inbox_server: InboxProcess
) -> None:
    add_completed(client.store, 2, seed=22)
    panel = started(qtbot, SyncPanel(lambda: client.store, timer_ms=0, probe_ms=0, policy=FAST))
    inbox_server.kill()
    with qtbot.waitSignal(panel.synced, timeout=30_000):
        panel.sync_now()
    qtbot.waitUntil(lambda: "Får ikke kontakt" in panel.error.text())
    qtbot.waitUntil(lambda: panel.count_labels["queued"].text() == "2")
    # The server comes back; the cheap probe notices and syncs by itself.
    inbox_server.start()
    with qtbot.waitSignal(panel.synced, timeout=30_000):
        panel.probe()
    qtbot.waitUntil(lambda: panel.count_labels["sent"].text() == "2")
    qtbot.waitUntil(lambda: panel.error.text() == "")
    wait_for_background_work()


def test_cancel_stops_a_run(qtbot: QtBot, client: Client, inbox_server: InboxProcess) -> None:
    add_completed(client.store, 1, seed=23)
    inbox_server.kill()  # every attempt fails and backs off: a long run to cancel
    from desktop.net.http import RetryPolicy

    slow = RetryPolicy(attempts=50, base_delay=1.0, max_delay=1.0, connect_timeout=1)
    panel = started(qtbot, SyncPanel(lambda: client.store, timer_ms=0, probe_ms=0, policy=slow))
    with qtbot.waitSignal(panel.synced, timeout=20_000):
        panel.sync_now()
        panel.cancel()
    assert not panel.running
    wait_for_background_work()


def test_states_changed_and_decisions_are_reported(
    qtbot: QtBot, client: Client, staff: Staff
) -> None:
    from sjelden_protocol import RecordDecision

    ids = add_completed(client.store, 3, seed=24)
    panel = started(qtbot, SyncPanel(lambda: client.store, timer_ms=0, probe_ms=0, policy=FAST))
    with qtbot.waitSignal(panel.states_changed, timeout=30_000):
        panel.sync_now()
    qtbot.waitUntil(lambda: not panel.running)
    staff.decide(
        client.key_id,
        [
            RecordDecision(ids[0], 1, "accepted"),
            RecordDecision(ids[1], 1, "rejected", "diagnosis_not_confirmed", "Ikke bekreftet"),
            RecordDecision(ids[2], 1, "rejected", "wrong_diagnosis", "Feil diagnose"),
        ],
    )
    with qtbot.waitSignal(panel.decisions_arrived, timeout=30_000) as decided:
        panel.sync_now()
    assert decided.args == [1, 2, 0]
    qtbot.waitUntil(lambda: not panel.running)
    assert panel.notice.text() == (
        "2 registreringer avvist av registeret – se listen. 1 registrering godkjent av registeret."
    )
    assert panel.count_labels["rejected"].text() == "2"
    # Nothing new: no notice, no reload signal.
    with qtbot.assertNotEmitted(panel.states_changed), qtbot.waitSignal(panel.synced):
        panel.sync_now()
    assert panel.notice.text() == ""
    wait_for_background_work()


def test_not_enrolled_offers_enrollment_and_never_syncs(
    qtbot: QtBot, make_profile: Callable[..., Profile]
) -> None:
    store = make_profile().create(PASSPHRASE).store
    try:
        add_completed(store, 1, seed=25)
        panel = started(qtbot, SyncPanel(lambda: store, timer_ms=50, probe_ms=50))
        assert not panel.enrolled
        assert panel.enroll_button.isVisibleTo(panel) and not panel.sync_button.isVisibleTo(panel)
        assert "ikke koblet til registeret" in panel.last_sync.text()
        with qtbot.waitSignal(panel.enroll_requested):
            panel.enroll_button.click()
        # The triggers are not armed, and a direct call does nothing either.
        assert not panel._timer.isActive() and not panel._probe_timer.isActive()
        assert panel.network is None
        panel.sync_now()
        assert not panel.running
        qtbot.wait(200)
        assert store.call(status.read).last_attempt_at is None
    finally:
        store.close()


def test_stop_disarms_and_forgets(qtbot: QtBot, client: Client) -> None:
    add_completed(client.store, 2, seed=26)
    panel = started(
        qtbot,
        SyncPanel(lambda: client.store, timer_ms=60_000, probe_ms=60_000, watch_network=False),
    )
    assert panel._timer.isActive() and panel._probe_timer.isActive()
    panel.stop()
    assert not panel.active and not panel.enrolled
    assert not panel._timer.isActive() and not panel._probe_timer.isActive()
    assert all(label.text() == "" for label in panel.count_labels.values())
    assert panel.last_sync.text() == "" and panel.error.text() == ""
    panel.sync_now()
    assert not panel.running
    panel.start()
    qtbot.waitUntil(lambda: panel.count_labels["completed"].text() == "2", timeout=10_000)
    assert panel.enrolled and panel._timer.isActive()


def test_every_transient_stored_error_arms_the_probe(qtbot: QtBot) -> None:
    """A stored ``last_error_code`` that passes by itself (rate limiting included) lets the
    probe sync when the server answers again; a lasting one does not."""
    from desktop.net.errors import TRANSIENT_CODES

    def locked() -> Store:
        raise RuntimeError("locked")

    for code, transient in [*((c, True) for c in TRANSIENT_CODES), ("bad_signature", False)]:
        panel = SyncPanel(locked, timer_ms=0, probe_ms=0, watch_network=False)
        qtbot.addWidget(panel)
        panel.start()
        panel.show_status(status.SyncStatus(True, "https://x", None, None, code))
        assert panel._offline is transient, code


def test_the_sync_bar_says_when_earlier_revisions_were_purged(
    qtbot: QtBot, client: Client, staff: Staff
) -> None:
    """A revision purge (feedback version 3) is said in the window as the CLI says it."""
    from sjelden_protocol import RecordDecision

    from desktop.sync import service
    from tests.sync.test_purge import corrected_to_another_person

    store = client.store
    (record_id,) = add_completed(store, 1, seed=47)
    service.run_sync(store, policy=FAST)
    corrected_to_another_person(store, record_id, seed=48)
    service.run_sync(store, policy=FAST)
    staff.decide(client.key_id, [RecordDecision(record_id, 1, "purge_revision", "reservert")])
    panel = started(qtbot, SyncPanel(lambda: store, timer_ms=0, probe_ms=0, policy=FAST))
    with qtbot.waitSignal(panel.synced, timeout=30_000):
        panel.sync_button.click()
    assert "2 tidligere versjoner er slettet fra denne PC-en" in panel.notice.text()
    assert panel.purged_revisions_text(0) == ""
    wait_for_background_work()
