"""The form editor is built when the form is first needed, not while the app starts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.form_host import FormHost


class RecordingEditor(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def start_new(self) -> None:
        self.calls.append("new")

    def open_record(self, record_id: str) -> None:
        self.calls.append(f"open {record_id}")

    def about_to_lock(self) -> None:
        self.calls.append("lock")

    def clear(self) -> None:
        self.calls.append("clear")


def test_editor_is_built_on_first_use_and_only_once(qtbot):
    host = FormHost()
    qtbot.addWidget(host)
    built: list[RecordingEditor] = []

    def factory() -> RecordingEditor:
        built.append(RecordingEditor())
        return built[-1]

    host.set_editor_factory(factory)
    host.about_to_lock()  # nothing open yet: nothing to build or save
    host.clear()
    assert built == []
    host.start_new()
    host.open_record("r-1")
    assert len(built) == 1
    assert host.editor is built[0]
    assert built[0].calls == ["new", "open r-1"]


def test_a_widget_that_is_not_an_editor_is_refused_when_installed(qtbot):
    host = FormHost()
    qtbot.addWidget(host)
    placeholder = host.area.widget()
    with pytest.raises(TypeError, match="QLabel does not implement FormEditor"):
        host.set_editor(QLabel("no editor"))
    assert host.editor is None and host.area.widget() is placeholder
