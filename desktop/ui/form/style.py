"""Colours and the small styling helpers for validation states (no global stylesheet: it
would slow down building the form and override the platform look of every widget)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a5a00"
OK_COLOUR = "#1b5e20"
HINT_COLOUR = "#555555"

_COLOURS = {"error": ERROR_COLOUR, "warning": WARNING_COLOUR, "ok": OK_COLOUR, "hint": HINT_COLOUR}


def colour_label(label: QLabel, severity: str | None) -> None:
    colour = _COLOURS.get(severity or "")
    label.setStyleSheet(f"color: {colour};" if colour else "")


def mark_input(widget: QWidget, severity: str | None) -> None:
    """A coloured frame on an input with an issue; the message label says what it is."""
    if severity not in ("error", "warning"):
        widget.setStyleSheet("")
        return
    colour = ERROR_COLOUR if severity == "error" else WARNING_COLOUR
    name = type(widget).__name__
    widget.setStyleSheet(f"{name} {{ border: 2px solid {colour}; }}")
