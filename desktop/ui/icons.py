"""The application icon, read from the shipped PNGs as bytes (``desktop.resources``), so it
loads the same from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import functools
import re

from PySide6.QtGui import QIcon, QPixmap

from desktop.resources import resource_path

_ICON = re.compile(r"^sjelden-(\d+)\.png$")


@functools.cache
def app_icon() -> QIcon:
    icon = QIcon()
    for entry in resource_path("icons").iterdir():
        if _ICON.match(entry.name):
            pixmap = QPixmap()
            if pixmap.loadFromData(entry.read_bytes(), "PNG"):
                icon.addPixmap(pixmap)
    return icon
