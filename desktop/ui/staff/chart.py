"""A horizontal bar chart for report counts, painted by hand.

QtCharts lives in PySide6-Addons, a second ~200 MB distribution, for one chart of counts;
a ``QPainter`` of bars is a few dozen lines. The chart is an illustration of the report
table beside it (which is what screen readers and keyboard users get, via the accessible
description summarising the largest groups), so it needs no interaction of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
GAP = 6
MARGIN = 8
MAX_BARS = 25  # the rest is summed into "other" so the chart stays readable


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        self._counts: list[tuple[str, int]] = []
        self.setAccessibleName(self.tr("Report chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(BAR_HEIGHT + 2 * MARGIN)

    @property
    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def set_counts(self, counts: Sequence[tuple[str, int]]) -> None:
        """Largest first; beyond ``MAX_BARS`` groups the remainder becomes one bar."""
        self._counts = list(counts)
        ordered = sorted(counts, key=lambda item: (-item[1], item[0]))
        if len(ordered) > MAX_BARS:
            rest = sum(count for _, count in ordered[MAX_BARS - 1 :])
            ordered = [*ordered[: MAX_BARS - 1], (self.tr("Other"), rest)]
        self._bars = ordered
        top = ", ".join(f"{label}: {count}" for label, count in ordered[:3])
        self.setAccessibleDescription(
            self.tr("%n group(s). Largest: %1", "", len(ordered)).replace("%1", top)
        )
        self.setMinimumHeight(len(ordered) * (BAR_HEIGHT + GAP) + 2 * MARGIN)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_counts([])

    def changeEvent(self, event: QEvent) -> None:
        """A language switch: the name, the "other" bar and the description anew."""
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Report chart"))
            self.set_counts(self._counts)
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(480, max(self.minimumHeight(), 120))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            palette = self.palette()
            text_color = palette.color(QPalette.ColorRole.WindowText)
            if not self._bars:
                painter.setPen(text_color)
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No data"))
                return
            metrics = self.fontMetrics()
            label_width = min(
                max(metrics.horizontalAdvance(label) for label, _ in self._bars) + GAP,
                self.width() // 3,
            )
            count_width = metrics.horizontalAdvance(str(self._bars[0][1])) + GAP
            area = self.width() - label_width - count_width - 2 * MARGIN
            largest = max(count for _, count in self._bars) or 1
            bar_color = QColor(palette.color(QPalette.ColorRole.Highlight))
            for row, (label, count) in enumerate(self._bars):
                top = MARGIN + row * (BAR_HEIGHT + GAP)
                painter.setPen(text_color)
                label_rect = QRectF(MARGIN, top, label_width - GAP, BAR_HEIGHT)
                elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - GAP)
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, elided)
                length = max(1.0, area * count / largest)
                bar = QRectF(MARGIN + label_width, top, length, BAR_HEIGHT)
                painter.fillRect(bar, bar_color)
                count_rect = QRectF(bar.right() + GAP / 2, top, count_width, BAR_HEIGHT)
                painter.drawText(count_rect, Qt.AlignmentFlag.AlignVCenter, str(count))
        finally:
            painter.end()
