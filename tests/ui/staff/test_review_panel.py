"""The review panel's decision controls, against a stand-in register: what reason reaches
``decisions.decide`` and what stays on screen after a decision."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.staff.errors import StaffError
from desktop.staff.model import Finding, Origin, ReviewItem, ReviewState
from desktop.ui.staff import review_panel
from desktop.ui.staff.review_panel import ReviewPanel
from tests.ui.staff.conftest import close_message_boxes

ORIGIN = Origin("b" * 8, "k" * 32, "2026-11-30T10:00:00Z")


def _item(n: int, findings: list[Finding] | None = None) -> ReviewItem:
    payload = {
        "patient": {"family_name": f"Testesen{n}", "given_names": "Demo"},
        "diagnoses": [{"orpha_code": "ORPHA:558"}],
    }
    record_id = f"{n:08d}-0000-4000-8000-000000000000"
    return ReviewItem(record_id, 1, payload, ORIGIN, ReviewState.PENDING, findings or [])


class FakeRegister:
    def __init__(self, items: list[ReviewItem]) -> None:
        self.items = items
        self.pending_calls = 0

    def pending(self, limit: int, with_payload: bool) -> list[ReviewItem]:
        self.pending_calls += 1
        return list(self.items)


class FakeSession:
    def __init__(self, register: FakeRegister) -> None:
        self.register = register

    def pinned_installations(self) -> dict[str, Any]:
        return {}


@pytest.fixture
def panel(qtbot, monkeypatch):
    """A panel showing three pending items; ``panel.calls`` records every decision made."""
    register = FakeRegister([_item(1), _item(2), _item(3)])
    calls: list[dict[str, Any]] = []

    def decide(reg: FakeRegister, record_id: str, choice: str, **kwargs: Any) -> ReviewItem:
        calls.append({"record_id": record_id, "choice": choice, **kwargs})
        reg.items = [item for item in reg.items if item.record_id != record_id]
        return _item(0)

    monkeypatch.setattr(review_panel.decisions, "decide", decide)
    session = FakeSession(register)
    widget = ReviewPanel(lambda: session)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(widget)
    widget.reload()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3, timeout=5000)
    widget.calls = calls  # type: ignore[attr-defined]
    widget.fake_register = register  # type: ignore[attr-defined]
    return widget


def test_no_reason_code_is_chosen_until_the_officer_chooses_one(qtbot, panel) -> None:
    assert panel.reason_code.currentIndex() == -1
    assert panel.reason_code.currentText() == ""

    # Marking a duplicate without a code sends none (not the list's first entry).
    panel.table.selectRow(0)
    panel.decide("duplicate")
    qtbot.waitUntil(lambda: len(panel.calls) == 1, timeout=5000)
    assert panel.calls[0]["choice"] == "duplicate"
    assert panel.calls[0]["reason_code"] is None
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)

    # A rejection without a code is refused next to the buttons, and nothing is sent.
    panel.table.selectRow(0)
    panel.decide("reject")
    assert panel.decision_message.text() != ""
    qtbot.wait(50)
    assert len(panel.calls) == 1

    # With a code chosen the rejection goes through with that code.
    panel.reason_code.setCurrentIndex(panel.reason_code.findData("incomplete"))  # by its words
    assert panel.decision_message.text() == ""
    panel.decide("reject")
    qtbot.waitUntil(lambda: len(panel.calls) == 2, timeout=5000)
    assert panel.calls[1]["choice"] == "reject"
    assert panel.calls[1]["reason_code"] == "incomplete"
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert panel.reason_code.currentText() == ""  # not carried over to the next item


def test_a_decision_takes_the_item_out_without_reloading_the_queue(qtbot, panel) -> None:
    first, second, third = panel.model.shown()
    panel.table.selectRow(1)
    assert panel.selected() is second
    panel.decide("accept")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    assert panel.fake_register.pending_calls == 1  # only the initial load
    assert panel.model.shown() == [first, third]
    assert panel.selected() is third  # the next row, ready for its decision
    assert panel.accept_button.isEnabled()
    assert "2" in panel.status.text()

    # The last row: the selection moves up; after the last item nothing is selected.
    panel.decide("duplicate")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert panel.selected() is first
    panel.decide("duplicate")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    assert panel.selected() is None
    assert not panel.accept_button.isEnabled()
    assert not panel.accept_clean_button.isEnabled()
    assert panel.fake_register.pending_calls == 1


def test_an_invalid_item_stays_unacceptable_after_a_refused_decision(
    qtbot, panel, monkeypatch
) -> None:
    panel.fake_register.items = [_item(4, [Finding.INVALID])]
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.table.selectRow(0)
    assert not panel.accept_button.isEnabled()

    def refuse(*_args: Any, **_kwargs: Any) -> ReviewItem:
        raise StaffError("not_pending")

    monkeypatch.setattr(review_panel.decisions, "decide", refuse)
    panel.decide("duplicate")
    qtbot.waitUntil(lambda: panel.duplicate_button.isEnabled(), timeout=5000)
    close_message_boxes(panel)
    assert panel.model.rowCount() == 1
    assert panel.reject_button.isEnabled()
    assert not panel.accept_button.isEnabled()  # the failure does not re-enable Accept


def test_a_reload_keeps_the_selection_and_a_cleared_panel_drops_loads_in_flight(
    qtbot, panel
) -> None:
    panel.table.selectRow(1)
    chosen = panel.selected().record_id
    panel.reload()
    qtbot.waitUntil(lambda: panel.fake_register.pending_calls == 2, timeout=5000)
    qtbot.waitUntil(lambda: panel.selected() is not None, timeout=5000)
    assert panel.selected().record_id == chosen

    # Locking while a load is on its way: the answer is not shown afterwards.
    panel.reload()
    panel.clear()
    qtbot.waitUntil(lambda: panel.fake_register.pending_calls == 3, timeout=5000)
    qtbot.wait(100)
    assert panel.model.rowCount() == 0 and panel.selected() is None


def test_a_typed_reason_code_stays_as_typed_over_a_language_switch(qtbot, panel) -> None:
    from desktop.ui import i18n

    panel.table.selectRow(1)
    qtbot.keyClicks(panel.reason_code.lineEdit(), "egen_kode")
    i18n.install("en")  # the autouse fixture puts bokmål back afterwards
    qtbot.waitUntil(lambda: panel.accept_button.text() == "&Accept", timeout=5000)
    assert panel.reason_code.currentText() == "egen_kode"
    assert panel.chosen_reason() == "egen_kode"
    assert panel.selected() is panel.model.item(1)
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Checks"
