"""The application icon and the record-state icons, read from the shipped PNGs as bytes
(``desktop.resources``), so they load the same from a checkout, a wheel or a frozen bundle.

The state icons (``state-<state>-<size>.png``, drawn by ``tools/make_state_icons.py``) stand
beside the state's word (``desktop.states``) in the record list and the sync bar: a shape
per state, so a state is never told by colour alone, and never by the icon alone either:
the word stays the display and the accessible text.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtGui import QIcon, QPixmap

from desktop.resources import resource_path

_ICON = re.compile(r"^sjelden-(\d+)\.png$")
_STATE_ICON = re.compile(r"^state-([a-z_]+)-(\d+)\.png$")

#: The states with an icon: every stored record status (``desktop.states.STATES``).
ICON_STATES: tuple[str, ...] = (
    "draft",
    "completed",
    "queued",
    "sent",
    "accepted",
    "rejected",
    "set_aside",
)


@functools.cache
def app_icon() -> QIcon:
    icon = QIcon()
    for entry in resource_path("icons").iterdir():
        if _ICON.match(entry.name):
            pixmap = QPixmap()
            if pixmap.loadFromData(entry.read_bytes(), "PNG"):
                icon.addPixmap(pixmap)
    return icon


@functools.cache
def _state_icons() -> dict[str, QIcon]:
    icons: dict[str, QIcon] = {}
    for entry in resource_path("icons").iterdir():
        match = _STATE_ICON.match(entry.name)
        if match:
            pixmap = QPixmap()
            if pixmap.loadFromData(entry.read_bytes(), "PNG"):
                icons.setdefault(match.group(1), QIcon()).addPixmap(pixmap)
    return icons


def state_icon(state: str) -> QIcon:
    """The icon of a stored status (``RecordStatus`` is a ``str``); a null icon for an
    unknown one (its word, the code, is still shown)."""
    return _state_icons().get(str(state), QIcon())
