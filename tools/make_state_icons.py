"""Draw the record-state icons (``resources/icons/state-<state>-<size>.png``) with Qt's painter.

One icon per state of ``desktop.states`` beside its word in the record list and the sync
bar. Each state has its own shape *and* glyph (a page, a tick in a box, a clock, an arrow,
a tick in a disc, a cross, a warning triangle), so the states are told apart in grey scale
and by people who do not see the colours; the colour only repeats what the shape says.
Drawn rather than kept as SVG, like the app icon (``tools/make_icons.py``), so the app needs
no SVG plug-in. Run it after changing the design:
``.venv-test/bin/python tools/make_state_icons.py``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

SIZES = (16, 24, 32, 48)
TARGET = Path(__file__).resolve().parent.parent / "resources" / "icons"


def _pen(color: str, size: int, width: float = 0.12) -> QPen:
    pen = QPen(QColor(color), max(1.4, size * width))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _tick(painter: QPainter, s: float, color: str) -> None:
    painter.setPen(_pen(color, int(s), 0.13))
    path = QPainterPath(QPointF(0.28 * s, 0.52 * s))
    path.lineTo(0.44 * s, 0.68 * s)
    path.lineTo(0.73 * s, 0.34 * s)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def draft(painter: QPainter, s: float) -> None:
    """A sheet with a folded corner and lines: something still being written."""
    painter.setPen(_pen("#505050", int(s), 0.07))
    painter.setBrush(QColor("#f2f2f2"))
    page = QPolygonF(
        [QPointF(0.2 * s, 0.08 * s), QPointF(0.62 * s, 0.08 * s), QPointF(0.8 * s, 0.26 * s),
         QPointF(0.8 * s, 0.92 * s), QPointF(0.2 * s, 0.92 * s)]
    )  # fmt: skip
    painter.drawPolygon(page)
    for y in (0.42, 0.58, 0.74):
        painter.drawLine(QPointF(0.32 * s, y * s), QPointF(0.68 * s, y * s))


def completed(painter: QPainter, s: float) -> None:
    """A tick in a square box: filled in, not sent."""
    painter.setPen(_pen("#1f4e79", int(s), 0.08))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(0.1 * s, 0.1 * s, 0.8 * s, 0.8 * s), 0.1 * s, 0.1 * s)
    _tick(painter, s, "#1f4e79")


def queued(painter: QPainter, s: float) -> None:
    """A clock: waiting in the outbox."""
    painter.setPen(_pen("#7a5a00", int(s), 0.08))
    painter.setBrush(QColor("#fff4ce"))
    painter.drawEllipse(QRectF(0.08 * s, 0.08 * s, 0.84 * s, 0.84 * s))
    painter.setPen(_pen("#7a5a00", int(s), 0.1))
    painter.drawLine(QPointF(0.5 * s, 0.5 * s), QPointF(0.5 * s, 0.24 * s))
    painter.drawLine(QPointF(0.5 * s, 0.5 * s), QPointF(0.7 * s, 0.6 * s))


def sent(painter: QPainter, s: float) -> None:
    """An arrow leaving to the right: on its way to the register."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#0063b1"))
    arrow = QPolygonF(
        [QPointF(0.08 * s, 0.36 * s), QPointF(0.52 * s, 0.36 * s), QPointF(0.52 * s, 0.14 * s),
         QPointF(0.94 * s, 0.5 * s), QPointF(0.52 * s, 0.86 * s), QPointF(0.52 * s, 0.64 * s),
         QPointF(0.08 * s, 0.64 * s)]
    )  # fmt: skip
    painter.drawPolygon(arrow)


def accepted(painter: QPainter, s: float) -> None:
    """A white tick on a filled disc: the register took it."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#107c10"))
    painter.drawEllipse(QRectF(0.06 * s, 0.06 * s, 0.88 * s, 0.88 * s))
    _tick(painter, s, "#ffffff")


def rejected(painter: QPainter, s: float) -> None:
    """A white cross on a filled octagon: the register refused it."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#a4262c"))
    a, b = 0.06 * s, 0.32 * s
    octagon = QPolygonF(
        [QPointF(b, a), QPointF(s - b, a), QPointF(s - a, b), QPointF(s - a, s - b),
         QPointF(s - b, s - a), QPointF(b, s - a), QPointF(a, s - b), QPointF(a, b)]
    )  # fmt: skip
    painter.drawPolygon(octagon)
    painter.setPen(_pen("#ffffff", int(s), 0.13))
    painter.drawLine(QPointF(0.33 * s, 0.33 * s), QPointF(0.67 * s, 0.67 * s))
    painter.drawLine(QPointF(0.67 * s, 0.33 * s), QPointF(0.33 * s, 0.67 * s))


def set_aside(painter: QPainter, s: float) -> None:
    """An exclamation mark in a triangle: stopped on this PC, needs correcting."""
    painter.setPen(_pen("#8a3a00", int(s), 0.06))
    painter.setBrush(QColor("#f7b500"))
    triangle = QPolygonF([QPointF(0.5 * s, 0.06 * s), QPointF(0.95 * s, 0.9 * s),
                          QPointF(0.05 * s, 0.9 * s)])  # fmt: skip
    painter.drawPolygon(triangle)
    painter.setPen(_pen("#000000", int(s), 0.11))
    painter.drawLine(QPointF(0.5 * s, 0.36 * s), QPointF(0.5 * s, 0.6 * s))
    painter.drawPoint(QPointF(0.5 * s, 0.76 * s))


DESIGNS: dict[str, Callable[[QPainter, float], None]] = {
    "draft": draft,
    "completed": completed,
    "queued": queued,
    "sent": sent,
    "accepted": accepted,
    "rejected": rejected,
    "set_aside": set_aside,
}


def draw(state: str, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    DESIGNS[state](painter, float(size))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv)
    TARGET.mkdir(parents=True, exist_ok=True)
    for state in DESIGNS:
        for size in SIZES:
            if not draw(state, size).save(str(TARGET / f"state-{state}-{size}.png")):
                print(f"could not write the {state} icon ({size} px)", file=sys.stderr)
                return 1
    del app
    print(f"wrote {len(DESIGNS) * len(SIZES)} state icons to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
