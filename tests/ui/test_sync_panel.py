"""The sync panel against the real inbox: button, progress, counts, errors in Norwegian."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.ops import wait_for_background_work
from desktop.ui.sync_panel import SyncPanel
from tests.sync.conftest import FAST, Client, add_completed, client, inbox_server, staff
from tests.sync.inbox_process import InboxProcess

__all__ = ["client", "inbox_server", "staff"]  # fixtures used below


def test_button_syncs_in_the_background_and_shows_counts(qtbot: QtBot, client: Client) -> None:
    add_completed(client.store, 4, seed=21)
    panel = SyncPanel(lambda: client.store, timer_ms=0, probe_ms=0, policy=FAST)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.count_labels["completed"].text() == "4")
    with qtbot.waitSignal(panel.synced, timeout=30_000):
        panel.sync_button.click()
        assert panel.running and not panel.sync_button.isEnabled()
        assert panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: panel.count_labels["sent"].text() == "4")
    assert panel.count_labels["completed"].text() == "0"
    assert panel.error.text() == ""
    assert panel.sync_button.isEnabled() and not panel.progress.isVisible()
    wait_for_background_work()


def test_offline_error_is_plain_norwegian_and_probe_recovers(
    qtbot: QtBot, client: Client, inbox_server: InboxProcess
) -> None:
    add_completed(client.store, 2, seed=22)
    panel = SyncPanel(lambda: client.store, timer_ms=0, probe_ms=0, policy=FAST)
    qtbot.addWidget(panel)
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
    from desktop.sync.http import RetryPolicy

    slow = RetryPolicy(attempts=50, base_delay=1.0, max_delay=1.0, connect_timeout=1)
    panel = SyncPanel(lambda: client.store, timer_ms=0, probe_ms=0, policy=slow)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.synced, timeout=20_000):
        panel.sync_now()
        panel.cancel()
    assert not panel.running
    wait_for_background_work()
