"""Background operations with results delivered on the GUI thread (after Anki's CollectionOp).

Usage::

    Op(self, lambda conn: records.list_rows(conn, limit=200)).success(self.show_rows)
        .run_in_background()

Database work goes to the store's single worker thread (the only owner of the connection);
other slow work (key derivation, network) goes to a small ``QThreadPool`` via
``BackgroundOp``. Either way the worker never touches a widget: its outcome is wrapped in a
callable and emitted through one ``_Relay`` QObject living on the GUI thread, whose queued
slot runs the success or failure callback there. Callbacks are skipped when the widget that
started the operation has been deleted in the meantime.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.storage.connection import Connection
from desktop.storage.store import Store

T = TypeVar("T")
FailureCallback = Callable[[BaseException], None]

PROGRESS_DELAY_MS = 400  # quick operations never flash a dialog


class Cancelled(Exception):
    """Raised inside an operation (via ``CancelToken.check``) when the user cancelled it."""


class CancelToken:
    """Shared between the GUI and a running operation: cancel requests and progress reports."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._progress: Callable[[int, int], None] | None = None
        self.future: concurrent.futures.Future[Any] | None = None

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    @property
    def event(self) -> threading.Event:
        """For core code that waits on an event (``Transport(cancel=...)``)."""
        return self._event

    def cancel(self) -> None:
        self._event.set()
        if self.future is not None:
            self.future.cancel()  # only succeeds if the work has not started yet

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def report(self, done: int, total: int) -> None:
        """Called from the worker; forwarded to the progress dialog on the GUI thread."""
        if self._progress is not None:
            callback = self._progress
            relay().post(lambda: callback(done, total))


class _Relay(QObject):
    """The one bridge from worker threads to the GUI thread."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, callback: Callable[[], None]) -> None:
        self.delivered.emit(callback)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


_relay: _Relay | None = None
_pool: QThreadPool | None = None
_store_source: Callable[[], Store] | None = None


def relay() -> _Relay:
    global _relay
    if _relay is None:
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("operations need a running QApplication")
        _relay = _Relay()
        _relay.moveToThread(app.thread())
    return _relay


def thread_pool() -> QThreadPool:
    """Non-database work; kept small because the clinic PCs have few cores."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def set_store_source(source: Callable[[], Store] | None) -> None:
    """Where ``Op`` finds the open store when none is passed (the app's session)."""
    global _store_source
    _store_source = source


def _default_failure(parent: QWidget | None) -> FailureCallback:
    def handle(exc: BaseException) -> None:
        from desktop.ui.error_dialogs import show_error

        show_error(parent, exc)

    return handle


class _BaseOp(Generic[T]):
    """The callbacks and progress dialog both kinds share.

    The chaining methods return ``Self`` so ``Op(...).success(...)`` is still an ``Op`` (and
    a ``BackgroundOp`` stays one): ``run_in_background`` differs between the two and must
    remain visible at the end of a chain, with the result type ``T`` checked against each
    callback.
    """

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent
        self._success: Callable[[T], None] | None = None
        self._failure: FailureCallback | None = None
        self._finally: Callable[[], None] | None = None
        self._progress_label: str | None = None
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self.token = CancelToken()

    def success(self, callback: Callable[[T], None]) -> Self:
        self._success = callback
        return self

    def failure(self, callback: FailureCallback) -> Self:
        """Replace the default (a message box) for this operation."""
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Self:
        """Runs after success or failure, e.g. to re-enable a button."""
        self._finally = callback
        return self

    def with_progress(self, label: str) -> Self:
        """Show a cancellable progress dialog if the operation takes more than a moment.

        The operation sees the request through ``self.token`` (``check()`` / ``report()``).
        """
        self._progress_label = label
        return self

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _start_progress(self) -> None:
        if self._progress_label is None:
            return
        self._timer = QTimer(self._parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)
        self._timer.start(PROGRESS_DELAY_MS)

    def _show_progress(self) -> None:
        if not self._parent_alive():
            return
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(QCoreApplication.translate("Op", "Working"))
        dialog.setLabelText(self._progress_label or "")
        dialog.setCancelButtonText(QCoreApplication.translate("Op", "Cancel"))
        dialog.setAccessibleName(QCoreApplication.translate("Op", "Progress"))
        dialog.setRange(0, 0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(self.token.cancel)

        def progress(done: int, total: int) -> None:
            if shiboken6.isValid(dialog):
                dialog.setRange(0, max(total, 1))
                dialog.setValue(done)

        self.token._progress = progress
        dialog.show()
        self._dialog = dialog

    def _stop_progress(self) -> None:
        if self._timer is not None and shiboken6.isValid(self._timer):
            self._timer.stop()
            self._timer.deleteLater()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
            self._dialog.deleteLater()
        self._timer = self._dialog = None
        self.token._progress = None

    def _post_value(self, value: T) -> None:
        """From the worker: ``value`` reaches the success callback on the GUI thread."""
        relay().post(lambda: self._deliver(lambda: self._succeeded(value)))

    def _post_error(self, exc: BaseException) -> None:
        relay().post(lambda: self._deliver(lambda: self._failed(exc)))

    def _succeeded(self, value: T) -> None:
        if self._success is not None:
            self._success(value)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled | concurrent.futures.CancelledError):
            return  # the user asked for it; nothing to report
        (self._failure or _default_failure(self._parent))(exc)

    def _deliver(self, outcome: Callable[[], None]) -> None:
        """Runs on the GUI thread."""
        self._stop_progress()
        if not self._parent_alive():
            return
        try:
            outcome()
        finally:
            if self._finally is not None:
                self._finally()


class Op(_BaseOp[T]):
    """Work on the store's database thread: ``fn`` receives the connection."""

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[Connection], T],
        *,
        store: Store | None = None,
        operation: str = "",
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._store = store
        self._operation = operation or getattr(fn, "__name__", "op")

    def run_in_background(self) -> concurrent.futures.Future[T] | None:
        relay()  # created on the GUI thread before any worker can need it
        try:
            store = self._store
            if store is None:
                if _store_source is None:
                    raise RuntimeError("no store: pass store= or call set_store_source()")
                store = _store_source()
            future = store.submit(self._fn, self._operation)
        except Exception as exc:  # e.g. NotUnlocked: reported like any other failure
            self._post_error(exc)
            return None
        self._start_progress()
        self.token.future = future
        future.add_done_callback(self._done)
        return future

    def _done(self, future: concurrent.futures.Future[T]) -> None:
        if future.cancelled():
            self._post_error(concurrent.futures.CancelledError())
            return
        exc = future.exception()
        if exc is not None:
            self._post_error(exc)
        else:
            self._post_value(future.result())


class BackgroundOp(_BaseOp[T]):
    """Work that does not touch the database (key derivation, network) on the thread pool."""

    def __init__(self, parent: QWidget | None, fn: Callable[[], T]) -> None:
        super().__init__(parent)
        self._fn = fn

    def run_in_background(self) -> None:
        relay()
        self._start_progress()
        thread_pool().start(_Runnable(self._work))

    def _work(self) -> None:
        """On a pool thread: run ``fn`` and post its outcome."""
        try:
            value = self._fn()
        except BaseException as exc:
            self._post_error(exc)
        else:
            self._post_value(value)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


def wait_for_background_work(timeout_ms: int = 5000) -> bool:
    """For shutdown and tests: let running non-database operations finish."""
    return thread_pool().waitForDone(timeout_ms)
