"""The sync status panel: "Synkroniser nå", progress, cancel, last sync, counts, last error.

All work runs off the GUI thread: the sync itself through ``BackgroundOp`` (the ops thread
pool), the status read through ``Op`` (the store's database thread). Progress reported by
the sync thread reaches the widgets only through the ops relay.

Triggers, all funnelled into ``sync_now`` (which ignores a trigger while a sync runs):

* the button;
* a timer (default every 15 minutes);
* connectivity returning: ``QNetworkInformation`` where the platform has a backend
  (reachability changes to online), plus a cheap periodic probe (``GET /v1/health`` in the
  background, every minute) that syncs when the server answers again after a failure and
  something is waiting.

The shell places it with ``SyncPanel(store_source, parent)`` (e.g. in a dock or the status
area) and may connect ``synced`` to refresh the record list.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.store import Store
from desktop.sync import identity, service, status
from desktop.sync.errors import SyncError, message_for
from desktop.sync.http import RetryPolicy, Transport
from desktop.ui import i18n
from desktop.ui.ops import BackgroundOp, Op, relay

TIMER_MS = 15 * 60 * 1000
PROBE_MS = 60 * 1000
STATES = ("completed", "queued", "sent", "accepted", "rejected", "quarantined")


class SyncPanel(QWidget):
    synced = Signal()  # after every finished run (success or not): refresh record lists

    def __init__(
        self,
        store_source: Callable[[], Store],
        parent: QWidget | None = None,
        *,
        timer_ms: int = TIMER_MS,
        probe_ms: int = PROBE_MS,
        policy: RetryPolicy | None = None,
        watch_network: bool = True,
    ) -> None:
        super().__init__(parent)
        self._store_source = store_source
        self._policy = policy
        self._cancel: threading.Event | None = None
        self._offline = False
        self._probing = False
        self.setObjectName("syncPanel")

        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.last_sync = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("syncError")
        self.count_labels: dict[str, QLabel] = {}

        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        grid = QGridLayout()
        names = {
            "completed": self.tr("Completed, not sent"),
            "queued": self.tr("In the outbox"),
            "sent": self.tr("Sent"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
            "quarantined": self.tr("Set aside (need correction)"),
        }
        for row, state in enumerate(STATES):
            value = QLabel("0")
            value.setObjectName(f"count_{state}")
            self.count_labels[state] = value
            grid.addWidget(QLabel(names[state]), row, 0)
            grid.addWidget(value, row, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.last_sync)
        layout.addLayout(grid)
        layout.addWidget(self.error)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        if timer_ms > 0:
            self._timer.start(timer_ms)
        self._probe_timer = QTimer(self)
        self._probe_timer.timeout.connect(self.probe)
        if probe_ms > 0:
            self._probe_timer.start(probe_ms)
        self.network: Any = None
        if watch_network:
            self._watch_network()
        self.refresh()

    # -- triggers ------------------------------------------------------------------------------

    def _watch_network(self) -> None:
        """Reachability changes where the platform has a backend; the probe covers the rest."""
        try:
            if QNetworkInformation.loadDefaultBackend():
                self.network = QNetworkInformation.instance()
        except RuntimeError:
            self.network = None
        if self.network is not None:
            self.network.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self.sync_now()

    def probe(self) -> None:
        """Cheap check after a failure: when the server answers again, sync."""
        if self._cancel is not None or self._probing or not self._offline:
            return
        store = self._store_source()
        self._probing = True

        def reachable() -> bool:
            ident = store.call(identity.load)
            if ident is None:
                return False
            policy = RetryPolicy(attempts=1, connect_timeout=3, read_timeout=5)
            with Transport(
                ident.server_url, ca_bundle=ident.ca_bundle, proxy=ident.proxy, policy=policy
            ) as transport:
                try:
                    transport.request("GET", "/v1/health", ok=(200,))
                except SyncError:
                    return False
            return True

        def done(ok: bool) -> None:
            if ok:
                self.sync_now()

        def finished() -> None:
            self._probing = False

        op = BackgroundOp(self, reachable)
        op.success(done).failure(lambda _e: None).finally_(finished)
        op.run_in_background()

    # -- a run ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def sync_now(self) -> None:
        if self._cancel is not None:
            return
        store = self._store_source()
        cancel = threading.Event()
        self._cancel = cancel
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        policy = self._policy

        def report(phase: str, done: int, total: int) -> None:  # on the sync thread
            relay().post(lambda: self._show_progress(phase, done, total))

        def work() -> service.SyncReport:
            return service.run_sync(store, policy=policy, cancel=cancel, progress=report)

        op = BackgroundOp(self, work)
        op.success(self._succeeded).failure(self._failed).finally_(self._finished)
        op.run_in_background()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)

    def _show_progress(self, phase: str, done: int, total: int) -> None:
        if self._cancel is None:
            return
        if phase == "upload" and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("Sending %v of %m"))
        else:
            self.progress.setRange(0, 0)

    def _succeeded(self, _report: service.SyncReport) -> None:
        self._offline = False
        self.error.clear()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SyncError):
            self._offline = exc.code in ("offline", "server_busy")
            if exc.code != "cancelled":
                self.error.setText(exc.user_message(i18n.current_language()))
        else:
            self.error.setText(
                self.tr("Sync failed unexpectedly: %1").replace("%1", type(exc).__name__)
            )

    def _finished(self) -> None:
        self._cancel = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.refresh()
        self.synced.emit()

    # -- status --------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            store = self._store_source()
        except Exception:
            return
        op = Op(self, status.read, store=store, operation="sync status")
        op.success(self.show_status).failure(lambda _e: None)
        op.run_in_background()

    def show_status(self, state: status.SyncStatus) -> None:
        for name, label in self.count_labels.items():
            label.setText(str(state.counts.get(name, 0)))
        if not state.enrolled:
            self.last_sync.setText(self.tr("This PC is not enrolled with the register."))
        elif state.last_success_at:
            self.last_sync.setText(self.tr("Last sync: %1").replace("%1", state.last_success_at))
        else:
            self.last_sync.setText(self.tr("Not synchronised yet"))
        if state.last_error_code and self._cancel is None:
            self.error.setText(message_for(state.last_error_code, i18n.current_language()))
        elif self._cancel is None:
            self.error.clear()
