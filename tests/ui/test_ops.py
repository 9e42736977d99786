"""The operation API: results and errors come back on the GUI thread, errors are shown safely."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from desktop.storage.errors import BugReport, DiskFull
from desktop.ui import ops
from desktop.ui.ops import BackgroundOp, Op
from tests.ui.conftest import PASSPHRASE


@pytest.fixture
def store(profile):
    result = profile.create(PASSPHRASE)
    yield result.store
    result.store.close()


@pytest.fixture
def widget(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def close_boxes() -> None:
    for box in message_boxes():
        box.done(0)


def test_success_runs_on_the_gui_thread_after_the_worker(qtbot, store, widget):
    seen = {}

    def work(conn):
        seen["worker"] = threading.current_thread().name
        return conn.execute("SELECT 41 + 1").fetchone()[0]

    def done(value):
        seen["value"] = value
        seen["gui"] = threading.current_thread() is threading.main_thread()

    Op(widget, work, store=store).success(done).run_in_background()
    assert "value" not in seen  # never delivered synchronously
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker": seen["worker"], "value": 42, "gui": True}
    assert seen["worker"].startswith("sjelden-db")


def test_store_errors_show_their_norwegian_message(qtbot, store, widget):
    def fail(conn):
        raise DiskFull("save")

    Op(widget, fail, store=store).run_in_background()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    assert "Disken er full" in message_boxes()[0].text()
    close_boxes()


def test_bug_reports_offer_the_safe_report(qtbot, store, widget):
    def fail(conn):
        raise BugReport("list records", ValueError("Nordmann 01019912345"))

    Op(widget, fail, store=store).run_in_background()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    box = message_boxes()[0]
    assert "uventet feil" in box.text()
    assert "exception=ValueError" in box.detailedText()
    assert "Nordmann" not in box.detailedText()
    close_boxes()


def test_unexpected_errors_show_the_type_but_never_the_message(qtbot, widget, caplog):
    def fail():
        raise KeyError("Nordmann 01019912345")

    BackgroundOp(widget, fail).run_in_background()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    box = message_boxes()[0]
    assert "KeyError" in box.detailedText()
    assert "Nordmann" not in box.detailedText() + box.text()
    assert "Nordmann" not in caplog.text
    close_boxes()


def test_custom_failure_and_finally(qtbot, widget):
    calls = []
    (
        BackgroundOp(widget, lambda: 1 / 0)
        .success(lambda _v: calls.append("success"))
        .failure(lambda exc: calls.append(type(exc).__name__))
        .finally_(lambda: calls.append("finally"))
        .run_in_background()
    )
    qtbot.waitUntil(lambda: "finally" in calls, timeout=5000)
    assert calls == ["ZeroDivisionError", "finally"]
    assert not message_boxes()


def test_results_for_a_deleted_widget_are_dropped(qtbot):
    widget = QWidget()
    calls = []
    BackgroundOp(widget, lambda: time.sleep(0.1) or 1).success(calls.append).run_in_background()
    widget.deleteLater()
    QApplication.processEvents()
    ops.wait_for_background_work()
    qtbot.wait(50)
    assert calls == []


def test_locked_store_is_reported_not_raised(qtbot, store, widget):
    store.close()
    errors = []
    Op(widget, lambda conn: 1, store=store).failure(errors.append).run_in_background()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0].code == "store.not_unlocked"


def test_progress_dialog_and_cancel(qtbot, widget, monkeypatch):
    monkeypatch.setattr(ops, "PROGRESS_DELAY_MS", 0)
    calls = []
    op = BackgroundOp(widget, None)

    def long_work():
        for step in range(200):
            op.token.check()
            op.token.report(step, 200)
            time.sleep(0.01)
        return "done"

    op._fn = long_work
    op.with_progress("Arbeider …").success(calls.append).failure(calls.append)
    op.run_in_background()
    qtbot.waitUntil(lambda: op._dialog is not None and op._dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: op._dialog.value() > 0, timeout=5000)
    op._dialog.findChild(QPushButton).click()
    ops.wait_for_background_work()
    qtbot.wait(50)
    assert calls == []  # cancelled: neither success nor an error message
    assert op.token.cancelled
    assert not message_boxes()
