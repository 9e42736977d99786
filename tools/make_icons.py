"""Draw the application icon (``resources/icons/sjelden-<size>.png``) with Qt's painter.

Run it after changing the design: ``.venv-test/bin/python tools/make_icons.py``. The icon is
drawn rather than kept as an SVG so the app needs no SVG image plug-in at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

SIZES = (16, 24, 32, 48, 64, 128, 256)
TARGET = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f4e79"))  # a dark blue, readable on light and dark panels
    painter.drawRoundedRect(box, size * 0.18, size * 0.18)
    # the register's initial on a form's line
    pen = QPen(QColor("white"), max(1.5, size * 0.09))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    font = QFont("DejaVu Sans", 1)
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(box.adjusted(0, -size * 0.04, 0, 0), Qt.AlignmentFlag.AlignCenter, "S")
    painter.drawLine(int(size * 0.62), int(size * 0.80), int(size * 0.86), int(size * 0.80))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv)
    TARGET.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        if not draw(size).save(str(TARGET / f"sjelden-{size}.png")):
            print(f"could not write the {size} px icon", file=sys.stderr)
            return 1
    del app
    print(f"wrote {len(SIZES)} icons to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
