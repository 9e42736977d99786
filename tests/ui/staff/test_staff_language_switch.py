"""Innstillinger → Språk in the staff window: the clinician's dialog, the same setting, applied
at once to the menus, the tabs, the status bar and every panel, without losing the work in
progress (the selected registration, a typed reason, a typed national id).

The real staff window on a real register: batches are imported, one record accepted, a
possible duplicate selected (so the comparison is shown), the reports counted and the letter
tab loaded. Then every visible text of every tab is collected, the language switched to
English, and not one text may be left as it was; back in bokmål, every text is as before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QToolButton,
    QWidget,
)

from desktop.staff.model import Finding
from desktop.ui import i18n
from desktop.ui.settings_dialogs import LanguageDialog
from tests.staff.conftest import Records
from tests.ui.staff.conftest import close_message_boxes, open_staff_window

#: texts that may be the same in both languages: only an empty one (nothing else is)
SAME_IN_BOTH = {""}


def _texts(widget: QWidget) -> dict[str, str]:
    """What a user reads on ``widget`` (text, title, tab and header words, items)."""
    found: dict[str, str] = {}
    if isinstance(widget, QLabel | QAbstractButton):
        found["text"] = widget.text()
    if isinstance(widget, QGroupBox):
        found["title"] = widget.title()
    if isinstance(widget, QLineEdit):
        found["placeholder"] = widget.placeholderText()
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            found[f"tab{index}"] = widget.tabText(index)
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        model = widget.model()
        if model is not None:
            for column in range(model.columnCount()):
                found[f"header{column}"] = str(model.headerData(column, Qt.Orientation.Horizontal))
    if isinstance(widget, QComboBox) and not widget.isEditable():
        for index in range(widget.count()):
            found[f"item{index}"] = widget.itemText(index)
    if widget.accessibleName():
        found["name"] = widget.accessibleName()
    return found


def _menu_texts(window) -> dict[tuple[object, str], str]:
    found: dict[tuple[object, str], str] = {}
    for top in window.menuBar().actions():
        found[(top, "title")] = top.text()
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if not action.isSeparator():
                found[(action, "text")] = action.text()
    return found


def _screen(qtbot, window) -> dict[tuple[object, str], str]:
    """Every visible text of every tab, the menus and the status bar, by widget and kind."""
    found = _menu_texts(window)
    current = window.tabs.currentIndex()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.isVisible() and widget.window() is window:
                for kind, text in _texts(widget).items():
                    found[(widget, kind)] = text
    window.tabs.setCurrentIndex(current)
    return found


def _scroll_buttons(window) -> list[str]:
    """The tab bar's scroll buttons (shown when the tabs do not fit), by their names."""
    buttons = window.tabs.tabBar().findChildren(QToolButton)
    return [b.accessibleName() for b in sorted(buttons, key=lambda b: b.objectName())]


def _switch(qtbot, window, lang: str) -> None:
    window.choose_language()
    dialog = window.findChild(LanguageDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.choice.setCurrentIndex(dialog.choice.findData(lang))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: i18n.current_language() == lang, timeout=5000)
    qtbot.wait(50)  # the LanguageChange events are posted: let them arrive


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _details_shown(review, word: str) -> bool:
    return review._details is not None and word in review.details.toPlainText()


def test_the_staff_window_follows_a_switch_and_keeps_the_work(
    qtbot, staff_profile, make_controller, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("SJELDEN_LANGUAGE", raising=False)
    profile, clinic = staff_profile
    records = Records(seed=23)
    first = records.one()
    window = open_staff_window(qtbot, make_controller, profile)
    review = window.review

    window.import_files([_write(tmp_path, "a.sjbt", clinic.batch([first, records.one()]))])
    qtbot.waitUntil(lambda: review.model.rowCount() == 2, timeout=10_000)
    close_message_boxes(window)
    row = next(
        n for n, item in enumerate(review.model.shown()) if item.record_id == first["record_id"]
    )
    review.table.selectRow(row)
    review.decide("accept")
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=10_000)
    twin = records.same_person(first)
    window.import_files([_write(tmp_path, "b.sjbt", clinic.batch([twin]))])
    qtbot.waitUntil(lambda: review.model.rowCount() == 2, timeout=10_000)
    close_message_boxes(window)

    # Work in progress: a possible duplicate selected (its comparison shown), a reason typed.
    row = next(
        n for n, item in enumerate(review.model.shown()) if item.record_id == twin["record_id"]
    )
    review.table.selectRow(row)
    assert Finding.DUPLICATE in review.selected().findings
    qtbot.waitUntil(review.diff_box.isVisible, timeout=10_000)
    qtbot.waitUntil(lambda: _details_shown(review, "Kontroller"), timeout=10_000)
    qtbot.keyClicks(review.reason_text, "Se notat")
    review.reason_code.setCurrentIndex(1)
    chosen_code = review.chosen_reason()
    assert chosen_code is not None
    typed_id = records.national_id()
    qtbot.keyClicks(window.reservations.national_id, typed_id)
    window.tabs.setCurrentWidget(window.reports)
    qtbot.waitUntil(lambda: bool(window.reports.rows), timeout=10_000)
    window.tabs.setCurrentWidget(window.letters)
    qtbot.waitUntil(lambda: bool(window.letters.counts.text()), timeout=10_000)
    window.tabs.setCurrentWidget(window.review)

    norwegian = _screen(qtbot, window)
    assert len(norwegian) > 100  # every tab's labels, buttons, headers, items and names
    reasons = [review.reason_code.itemText(i) for i in range(review.reason_code.count())]
    menus = [text.replace("&", "") for (_, kind), text in _menu_texts(window).items()]
    assert menus[0] == "Fil" and "Språk …" in menus
    assert window.statusBar().isVisible() and "venter" in window.queue_label.text()
    assert _scroll_buttons(window) == ["Rull til venstre", "Rull til høyre"]

    _switch(qtbot, window, "en")
    qtbot.waitUntil(lambda: _details_shown(review, "Checks"), timeout=10_000)
    english = _screen(qtbot, window)
    assert english.keys() >= norwegian.keys()
    left = {
        (type(widget).__name__, kind, text)
        for (widget, kind), text in norwegian.items()
        if english[(widget, kind)] == text and text not in SAME_IN_BOTH
    }
    assert not left, f"not translated after the switch: {sorted(left)}"
    assert window.tabs.tabText(0) == "&Review"
    assert window.queue_label.text() == "2 awaiting review"
    assert window.language_action.text() == "&Language…"
    english_reasons = [review.reason_code.itemText(i) for i in range(review.reason_code.count())]
    assert all(en != nb for en, nb in zip(english_reasons, reasons, strict=True))
    # the chosen reason shows its English words and is still the same code
    assert review.reason_code.currentText() == english_reasons[1]
    assert review.chosen_reason() == chosen_code
    assert _scroll_buttons(window) == ["Scroll Left", "Scroll Right"]  # Qt's own, switched too
    # the work is kept: the selection, the comparison, the typed reason and number
    assert review.selected() is not None and review.selected().record_id == twin["record_id"]
    assert review.diff_box.isVisible()
    assert review.reason_text.text() == "Se notat"
    assert window.reservations.national_id.text() == typed_id
    assert window.reservations.reserve_button.isEnabled()
    assert profile.info()["language"] == "en"

    _switch(qtbot, window, "nb")
    qtbot.waitUntil(lambda: _details_shown(review, "Kontroller"), timeout=10_000)
    qtbot.waitUntil(lambda: _screen(qtbot, window) == norwegian, timeout=10_000)
    assert review.selected().record_id == twin["record_id"]
    assert review.reason_text.text() == "Se notat"
    assert review.chosen_reason() == chosen_code
    assert _scroll_buttons(window) == ["Rull til venstre", "Rull til høyre"]
    assert profile.info()["language"] == "nb"
