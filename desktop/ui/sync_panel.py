"""The sync bar: "Synkroniser nå", progress, cancel, last sync, counts, last error, notices.

All work runs off the GUI thread: a run (status before, ``run_sync``, status after) through
``BackgroundOp`` on the ops thread pool, the status read alone through ``Op`` on the store's
database thread. The GUI thread only sets label texts; progress from the sync thread is
coalesced (at most one relay message waiting at a time), so a run with many batches or
feedback pages never floods the event loop.

Triggers, all funnelled into ``sync_now`` (which ignores a trigger while a run is going):

* the button;
* a timer (default every 15 minutes);
* connectivity returning: ``QNetworkInformation`` where the platform has a backend
  (reachability changes to online), plus a cheap periodic probe (``GET /v1/health`` in the
  background, every minute) that syncs when the server answers again after a failure.

Every trigger needs the panel *started* (the store is unlocked: ``start``/``stop`` from the
main window) and the profile *enrolled* (known from the last status read); until then the
timers are not even running and the panel offers enrollment instead (``enroll_requested``).

After a run the panel compares the counts before and after: ``states_changed`` tells the
record list to reload, ``decisions_arrived`` carries how many records the register accepted
or rejected and how many were set aside (``decisions_text`` words it), for a notice in the
panel or, in the main window, above the list.

Each count has its state's icon (``desktop.ui.icons.state_icon``, the same as in the record
list) before its name: the name and the number carry the meaning (and the accessible
name), the icon helps the eye; no state is told by colour alone.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.net.errors import TRANSIENT_CODES, SyncError, message_for
from desktop.storage.store import Store
from desktop.sync import identity, status
from desktop.ui import i18n
from desktop.ui.icons import state_icon
from desktop.ui.ops import BackgroundOp, Op, relay
from desktop.ui.record_model import local_time

if TYPE_CHECKING:  # the sync service and HTTP client load with the first run, not at start-up
    from desktop.net.http import RetryPolicy
    from desktop.sync import service

TIMER_MS = 15 * 60 * 1000
PROBE_MS = 60 * 1000
# Records per batch from the app: each batch is JSON-encoded in one C call that holds the
# GIL (about 55 ms for 1,000 records, a visible freeze); 250 keep it near 15 ms.
BATCH_RECORDS = 250
STATES = ("completed", "queued", "sent", "accepted", "rejected", "set_aside")


@dataclass(frozen=True)
class RunOutcome:
    """What one run did, read on the sync thread so the GUI thread only shows it."""

    report: service.SyncReport | None
    error: SyncError | None
    before: status.SyncStatus
    after: status.SyncStatus

    @property
    def changed(self) -> bool:
        """Records moved between states, or personal data were purged: lists are stale."""
        purged = self.report is not None and self.report.purged > 0
        return purged or self.before.counts != self.after.counts

    def decisions(self) -> tuple[int, int, int]:
        """(accepted, rejected by the register, set aside) brought by this run.

        From the run's report when it finished; after a failure part-way (decisions applied
        before the connection dropped are kept) from the change in counts.
        """
        if self.report is not None:
            return (
                self.report.feedback.accepted,
                self.report.feedback.rejected,
                self.report.packed.quarantined + self.report.uploaded.set_aside,
            )
        before, after = self.before.counts, self.after.counts

        def grew(name: str) -> int:
            return max(0, after.get(name, 0) - before.get(name, 0))

        return grew("accepted"), grew("rejected"), grew("set_aside")


class _CollectorPause:
    """Automatic garbage collection is off while a run goes (re-entrant, any thread).

    Packing holds every completed payload in memory at once (10,000 records: over a million
    objects), and each full collection the allocations trigger walks all of them while
    holding the GIL: a 150 ms freeze of the GUI thread, measured by
    ``benchmarks/bench_sync_gui.py``. The run's objects are acyclic and freed by reference
    counting as soon as it ends, so pausing the collector for a run costs next to no memory;
    collection resumes (on a heap back to its usual size) when the last run finishes.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = True

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


collector_paused = _CollectorPause()


class _Run:
    """One run's cancel flag and coalesced progress (shared with the sync thread)."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[str, int, int] | None = None
        self._posted = False

    def report(self, phase: str, done: int, total: int, deliver: Callable[[], None]) -> None:
        """On the sync thread: keep the latest figure; post only if none is waiting."""
        with self._lock:
            self._latest = (phase, done, total)
            if self._posted:
                return
            self._posted = True
        relay().post(deliver)

    def take(self) -> tuple[str, int, int] | None:
        """On the GUI thread: the latest figure (and allow the next post)."""
        with self._lock:
            latest, self._latest, self._posted = self._latest, None, False
        return latest


class SyncPanel(QFrame):
    synced = Signal()  # after every finished run (success or not)
    states_changed = Signal()  # a run changed record states or purged data: reload lists
    decisions_arrived = Signal(int, int, int)  # accepted, rejected, set aside (any > 0)
    enroll_requested = Signal()  # not enrolled: the user asked to connect to the register
    enrolled_changed = Signal(bool)

    def __init__(
        self,
        store_source: Callable[[], Store],
        parent: QWidget | None = None,
        *,
        timer_ms: int = TIMER_MS,
        probe_ms: int = PROBE_MS,
        policy: RetryPolicy | None = None,
        watch_network: bool = True,
        autostart: bool = True,
    ) -> None:
        super().__init__(parent)
        self._store_source = store_source
        self.policy = policy
        self._timer_ms = timer_ms
        self._probe_ms = probe_ms
        self._watch = watch_network
        self._run: _Run | None = None
        self._active = False
        self._enrolled: bool | None = None  # None: not known yet (no status read)
        self._generation = 0  # answers from before a stop are dropped
        self._offline = False
        self._probing = False
        self.show_notices = True  # False: the owner shows ``decisions_arrived`` elsewhere
        self.network: Any = None
        self.setObjectName("syncPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.sync_button = QPushButton(self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.enroll_button = QPushButton(self)
        self.enroll_button.setObjectName("syncEnroll")
        self.enroll_button.clicked.connect(self.enroll_requested)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(260)
        self.last_sync = QLabel(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("syncError")
        self.error.setStyleSheet("QLabel#syncError { color: #a4262c; }")
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("syncNotice")
        self.count_labels: dict[str, QLabel] = {}
        self.count_icons: dict[str, QLabel] = {}
        self.error.hide()
        self.notice.hide()

        top = QHBoxLayout()
        top.addWidget(self.sync_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.enroll_button)
        top.addWidget(self.progress)
        top.addWidget(self.last_sync, 1)
        counts = QHBoxLayout()
        self.count_names: dict[str, QLabel] = {}
        icon_size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize)
        for state in STATES:
            icon = QLabel(self)
            icon.setObjectName(f"count_icon_{state}")
            icon.setPixmap(state_icon(state).pixmap(icon_size, icon_size))
            self.count_icons[state] = icon
            counts.addWidget(icon)
            name = self.count_names[state] = QLabel(self)
            value = QLabel("", self)
            value.setObjectName(f"count_{state}")
            name.setBuddy(value)
            self.count_labels[state] = value
            counts.addWidget(name)
            counts.addWidget(value)
            counts.addSpacing(12)
        counts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(counts)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        self._retranslate()

        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self._probe_timer = QTimer(self)
        self._probe_timer.timeout.connect(self.probe)
        self._show_idle()
        if autostart:
            self.start()

    # -- started / stopped ---------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._active

    @property
    def enrolled(self) -> bool:
        return bool(self._enrolled)

    def start(self) -> None:
        """The store is open: read the status; triggers follow once it says enrolled."""
        self._active = True
        self._generation += 1
        self.show()
        self.refresh()

    def stop(self) -> None:
        """The store is closing: cancel a run, stop every trigger, forget what was shown."""
        self._active = False
        self._generation += 1
        if self._run is not None:
            self._run.cancel.set()
            self._run = None
        self._enrolled = None
        self._offline = False
        self._arm(False)
        for label in self.count_labels.values():
            label.clear()
        self.last_sync.clear()
        self._show(self.error, "")
        self._show(self.notice, "")
        self._show_idle()

    def _arm(self, on: bool) -> None:
        """Timers and the network watch run only while started and enrolled."""
        if on and self._timer_ms > 0:
            if not self._timer.isActive():
                self._timer.start(self._timer_ms)
        else:
            self._timer.stop()
        if on and self._probe_ms > 0:
            if not self._probe_timer.isActive():
                self._probe_timer.start(self._probe_ms)
        else:
            self._probe_timer.stop()
        if on and self._watch and self.network is None:
            self._watch_network()
        elif not on and self.network is not None:
            self.network.reachabilityChanged.disconnect(self._reachability_changed)
            self.network = None

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        """An empty message takes no room in the bar."""
        label.setText(text)
        label.setVisible(bool(text))

    def _show_idle(self) -> None:
        run = self._run
        running = run is not None
        known = self._enrolled is not None
        self.sync_button.setVisible(not known or bool(self._enrolled))
        self.sync_button.setEnabled(self._active and bool(self._enrolled) and not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(run is not None and not run.cancel.is_set())
        self.enroll_button.setVisible(known and not self._enrolled)
        self.progress.setVisible(running)

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
        if not self._ready() or self._probing or not self._offline:
            return
        store = self._store_source()
        generation = self._generation
        self._probing = True

        def reachable() -> bool:
            from desktop.net.http import RetryPolicy, Transport

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
            if ok and generation == self._generation:
                self.sync_now()

        def finished() -> None:
            self._probing = False

        op = BackgroundOp(self, reachable)
        op.success(done).failure(lambda _e: None).finally_(finished)
        op.run_in_background()

    def _ready(self) -> bool:
        return self._active and bool(self._enrolled) and self._run is None

    # -- a run ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._run is not None

    def sync_now(self) -> None:
        if not self._ready():
            return
        try:
            store = self._store_source()
        except Exception:
            return  # locked in the meantime
        run = _Run()
        self._run = run
        self._show(self.notice, "")
        self.progress.setRange(0, 0)
        self.progress.resetFormat()
        self._show_idle()
        policy = self.policy

        def deliver() -> None:  # on the GUI thread
            latest = run.take()
            if latest is not None and run is self._run:
                self._show_progress(*latest)

        def report(phase: str, done: int, total: int) -> None:  # on the sync thread
            run.report(phase, done, total, deliver)

        def work() -> RunOutcome:
            from desktop.sync import service

            with collector_paused:
                before = store.call(status.read, "sync status")
                report_: service.SyncReport | None = None
                error: SyncError | None = None
                try:
                    report_ = service.run_sync(
                        store,
                        policy=policy,
                        cancel=run.cancel,
                        progress=report,
                        max_records=BATCH_RECORDS,
                    )
                except SyncError as exc:
                    error = exc
                after = store.call(status.read, "sync status")
            return RunOutcome(report_, error, before, after)

        op = BackgroundOp(self, work)
        op.success(lambda outcome: self._done(run, outcome))
        op.failure(lambda exc: self._failed(run, exc))
        op.run_in_background()

    def cancel(self) -> None:
        if self._run is not None:
            self._run.cancel.set()
            self.cancel_button.setEnabled(False)

    def _show_progress(self, phase: str, done: int, total: int) -> None:
        if phase == "upload" and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("Sending %v of %m"))
        else:
            self.progress.setRange(0, 0)

    def _done(self, run: _Run, outcome: RunOutcome) -> None:
        if run is not self._run:
            return  # stopped (locked) while it ran
        self._run = None
        error = outcome.error
        if error is None:
            self._offline = False
        else:
            self._offline = error.retryable
        self.show_status(outcome.after)
        if error is not None and error.code != "cancelled":
            self._show(self.error, error.user_message(i18n.current_language(), gui=True))
        accepted, rejected, set_aside = outcome.decisions()
        self._show_notice(accepted, rejected, set_aside)
        purged = 0 if outcome.report is None else outcome.report.feedback.purged
        revisions = 0 if outcome.report is None else outcome.report.feedback.purged_revisions
        if (purged or revisions) and self.show_notices:
            said = [
                self.notice.text(),
                self.purged_text(purged) if purged else "",
                self.purged_revisions_text(revisions),
            ]
            self._show(self.notice, " ".join(text for text in said if text))
        self._show_idle()
        if outcome.changed:
            self.states_changed.emit()
        if accepted or rejected or set_aside:
            self.decisions_arrived.emit(accepted, rejected, set_aside)
        self.synced.emit()

    def _failed(self, run: _Run, exc: BaseException) -> None:
        """Not a sync error: the store closed under the run, or a bug. Say so, plainly."""
        if run is not self._run:
            return
        self._run = None
        self._show_idle()
        self._show(
            self.error,
            self.tr(
                "Sync failed unexpectedly (%1). Try again; if it persists, contact support."
            ).replace("%1", type(exc).__name__),
        )
        self.refresh()
        self.states_changed.emit()
        self.synced.emit()

    def decisions_text(self, accepted: int, rejected: int, set_aside: int) -> str:
        """E.g. "2 registreringer avvist av registeret – se listen." (empty: nothing new)."""
        parts = []
        if rejected:
            parts.append(
                self.tr("%n registration(s) rejected by the register – see the list.", "", rejected)
            )
        if set_aside:
            parts.append(
                self.tr(
                    "%n registration(s) need correction before sending – see the list.",
                    "",
                    set_aside,
                )
            )
        if accepted:
            parts.append(self.tr("%n registration(s) accepted by the register.", "", accepted))
        return " ".join(parts)

    def _state_names(self) -> dict[str, str]:
        return {
            "completed": self.tr("Completed, not sent"),
            "queued": self.tr("In the outbox"),
            "sent": self.tr("Sent"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
            "set_aside": self.tr("Needs correction before sending"),
        }

    def _retranslate(self) -> None:
        """Every fixed text of the bar in the current language: at start and on each
        language switch (``changeEvent``); the status line is read again in the new words."""
        self.setAccessibleName(self.tr("Synchronisation with the register"))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the synchronisation"))
        self.enroll_button.setText(self.tr("Connect to the register…"))
        self.enroll_button.setAccessibleName(self.tr("Connect this PC to the register"))
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.last_sync.setAccessibleName(self.tr("Last synchronisation"))
        self.error.setAccessibleName(self.tr("Last sync error"))
        self.notice.setAccessibleName(self.tr("Sync notice"))
        for state, name in self._state_names().items():
            self.count_names[state].setText(name + ":")
            self.count_labels[state].setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.refresh()  # "Last sync: …" and the enrolment line are built from the state
        super().changeEvent(event)

    def purged_text(self, purged: int) -> str:
        """Purge notices applied: said in the window as the CLI says it (``sync.purged``)."""
        return self.tr(
            "%n registration(s) were deleted from this PC because the person has reserved "
            "themselves against the register.",
            "",
            purged,
        )

    def purged_revisions_text(self, revisions: int) -> str:
        """Revision purges applied (``sync.purged_revisions``); empty when there were none."""
        if not revisions:
            return ""
        return self.tr(
            "%n earlier revision(s) were deleted from this PC because the person in them has "
            "reserved themselves against the register; the registrations are kept.",
            "",
            revisions,
        )

    def _show_notice(self, accepted: int, rejected: int, set_aside: int) -> None:
        if self.show_notices:
            self._show(self.notice, self.decisions_text(accepted, rejected, set_aside))

    # -- status --------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self._active:
            return
        try:
            store = self._store_source()
        except Exception:
            return
        generation = self._generation

        def show(state: status.SyncStatus) -> None:
            if generation == self._generation:
                self.show_status(state)

        op = Op(self, status.read, store=store, operation="sync status")
        op.success(show).failure(lambda _e: None)
        op.run_in_background()

    def show_status(self, state: status.SyncStatus) -> None:
        if not self._active:
            return
        for name, label in self.count_labels.items():
            label.setText(str(state.counts.get(name, 0)))
        was = self._enrolled
        self._enrolled = state.enrolled
        if not state.enrolled:
            self.last_sync.setText(
                self.tr(
                    "This PC is not connected to the register yet. Choose Connect to the "
                    "register and have the enrollment letter ready."
                )
            )
        elif state.last_success_at:
            self.last_sync.setText(
                self.tr("Last sync: %1").replace("%1", local_time(state.last_success_at))
            )
        else:
            self.last_sync.setText(self.tr("Not synchronised yet"))
        if self._run is None:
            code = state.last_error_code if state.enrolled else None
            if code:
                self._show(self.error, message_for(code, i18n.current_language(), gui=True))
                self._offline = self._offline or code in TRANSIENT_CODES
            else:
                self._show(self.error, "")
        self._arm(state.enrolled)
        self._show_idle()
        if was != self._enrolled:
            self.enrolled_changed.emit(state.enrolled)
