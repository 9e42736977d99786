"""The one way the app builds a list of rows: whole-row single selection, no wrapping, and
fixed row heights, so a view over 100,000 rows never measures them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)


def row_table(
    parent: QWidget, model: QAbstractItemModel, name: str, widths: Sequence[int] = ()
) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(parent.fontMetrics().height() + 8)
    horizontal = table.horizontalHeader()
    horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    horizontal.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


class _SortArrowsAsUsersRead(QProxyStyle):
    """Sort arrows that point the way people read them: up for A→Z, oldest first.

    ``QHeaderView`` hands the style ``SortDown`` for ``AscendingOrder`` (Qt's own convention),
    so the default "newest first" list showed an arrow pointing up; Windows Explorer, macOS
    Finder and GNOME Files all point up for ascending. Only the header arrow is swapped.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            swapped = QStyleOptionHeader(option)
            up, down = (
                QStyleOptionHeader.SortIndicator.SortUp,
                QStyleOptionHeader.SortIndicator.SortDown,
            )
            if option.sortIndicator == up:
                swapped.sortIndicator = down
            elif option.sortIndicator == down:
                swapped.sortIndicator = up
            option = swapped
        super().drawPrimitive(element, option, painter, widget)


def sortable(table: QTableView) -> None:
    """Sorting by a click on a column header, with arrows that point as users expect."""
    table.setSortingEnabled(True)
    header = table.horizontalHeader()
    style = _SortArrowsAsUsersRead()
    style.setParent(header)  # a widget does not own its style: keep it alive with the header
    header.setStyle(style)
