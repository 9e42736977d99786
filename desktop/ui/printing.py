"""Print and PDF output of letters and registration summaries (``desktop.forms.letters``).

The HTML of a ``PrintDocument`` is laid out with ``QTextDocument`` on A4 and painted page by
page onto any ``QPagedPaintDevice``: ``QPdfWriter`` for PDF files (Qt's own PDF writer, no
external tools) and ``QPrinter`` for paper. Pagination is done here rather than by
``QTextDocument.print_`` so every page gets the document's footer (for the summary: "copy for
the patient record" with the patient's name) and "page X of Y".

Entry points for the form editor:

* ``write_pdf(doc, path)``: write a PDF file (no dialog);
* ``save_pdf_dialog(doc, parent)``: ask for a file name, then write the PDF;
* ``print_document(doc, parent)``: the system print dialog, then print;
* ``preview_document(doc, parent)``: Qt's print preview (with its own print button).

A letter is posted in a C5/C4 window envelope, so its address block (``window_html``) is
painted on page 1 at a fixed place, the window of DIN 5008 form B and Posten's guidance
(``WINDOW_MM``: 20 mm from the left edge, 45–90 mm from the top, 85 mm wide), with a small
inset so a letter that slides a little in the envelope still shows the whole address. The
letter's text on page 1 starts below the window (``BODY_TOP_MM``); from page 2 on it uses
the whole page.

PDF metadata holds only the document title, which never contains personal data. Nothing here
logs a field value; errors name the file, not the contents.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QFile,
    QFileDevice,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from sjelden_protocol.files import atomic_private_file

from desktop.forms.letters import PrintDocument

# Page margins in millimetres (left, top, right, bottom).
MARGINS_MM = (20.0, 18.0, 20.0, 15.0)
PDF_RESOLUTION = 300
BODY_POINT_SIZE = 10.5
FOOTER_POINT_SIZE = 8.0
# The envelope window on the sheet, in millimetres from its top-left corner
# (left, top, width, height).
WINDOW_MM = (20.0, 45.0, 85.0, 45.0)
# How far inside the window the address starts (left, top), in millimetres.
WINDOW_INSET_MM = (4.0, 3.0)
# Where the letter's text starts on page 1 when the page carries an address block.
BODY_TOP_MM = WINDOW_MM[1] + WINDOW_MM[3] + 6.0


class PrintError(Exception):
    """The PDF or the printout could not be made; the message names the file, never data."""


def page_layout() -> QPageLayout:
    left, top, right, bottom = MARGINS_MM
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )


def _body_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(BODY_POINT_SIZE)
    return font


def _layout_document(doc: PrintDocument, device: QPagedPaintDevice) -> tuple[QTextDocument, float]:
    """The laid-out text for ``device``; returns it with the footer band height."""
    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)  # measure fonts at the device's resolution
    text.setDefaultFont(_body_font())
    text.setDocumentMargin(0)
    text.setHtml(doc.html)
    text.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    footer_font = QFont(_body_font())
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    footer_height = QFontMetricsF(footer_font, device).height() * 3.2  # rule + two lines
    if doc.window_html:
        # Page 1's text starts below the envelope window: an empty frame of that height
        # first, so the document's own pagination still places every line (a block's top
        # margin is dropped at the top of a page, and the root frame's applies to each).
        # Before the page size is set: that lays the whole document out again, an
        # insertion after it only incrementally.
        top_mm = device.pageLayout().margins(QPageLayout.Unit.Millimeter).top()
        spacer = QTextFrameFormat()
        spacer.setHeight(
            QTextLength(QTextLength.Type.FixedLength, _mm(BODY_TOP_MM - top_mm, device))
        )
        spacer.setBorder(0)
        spacer.setMargin(0)
        spacer.setPadding(0)
        QTextCursor(text).insertFrame(spacer)
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    text.setPageSize(QSizeF(rect.width(), rect.height() - footer_height))
    return text, footer_height


def _mm(mm: float, device: QPagedPaintDevice) -> float:
    """Millimetres in device pixels (the unit the documents are laid out in)."""
    return mm * device.logicalDpiX() / 25.4


def _paint_window(painter: QPainter, doc: PrintDocument, device: QPagedPaintDevice) -> None:
    """The address block in the envelope window on page 1 (coordinates relative to the
    printable area, which starts at the page margins)."""
    margins = device.pageLayout().margins(QPageLayout.Unit.Millimeter)
    left, top, width, height = WINDOW_MM
    inset_left, inset_top = WINDOW_INSET_MM
    block = QTextDocument()
    block.documentLayout().setPaintDevice(device)
    block.setDefaultFont(_body_font())
    block.setDocumentMargin(0)
    block.setHtml(doc.window_html)
    inner_width = _mm(width - 2 * inset_left, device)
    inner_height = _mm(height - inset_top, device)
    block.setTextWidth(inner_width)
    painter.save()
    painter.translate(
        _mm(left + inset_left - margins.left(), device),
        _mm(top + inset_top - margins.top(), device),
    )
    clip = QRectF(0, 0, inner_width, inner_height)
    painter.setClipRect(clip)
    block.drawContents(painter, clip)
    painter.restore()


def paint(doc: PrintDocument, device: QPagedPaintDevice) -> int:
    """Lay ``doc`` out on ``device``'s pages and paint it with footers; returns the page count.

    The device's page layout (size, margins) must be set; painting starts at the top-left
    corner of its printable area.
    """
    return paint_documents([doc], device)


def paint_documents(
    docs: Iterable[PrintDocument],
    device: QPagedPaintDevice,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Paint several documents one after the other on ``device`` (each starting on a new
    page, with its own footers and "page X of Y"); returns the total page count.

    One painter for the whole device: a ``QPdfWriter`` finishes its file when its painter
    ends, so a run of letters must be one painting. ``progress`` is told how many documents
    are done after each (a letter run's progress dialog)."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(
            QCoreApplication.translate(
                "Printing", "The printer or PDF file could not be opened for writing."
            )
        )
    total = 0
    try:
        for number, doc in enumerate(docs):
            if number and not device.newPage():
                raise _no_new_page()
            total += _paint_pages(painter, doc, device)
            if progress is not None:
                progress(number + 1)
    finally:
        painter.end()
    return max(total, 1)


def _no_new_page() -> PrintError:
    return PrintError(QCoreApplication.translate("Printing", "A new page could not be started."))


def _paint_pages(painter: QPainter, doc: PrintDocument, device: QPagedPaintDevice) -> int:
    text, footer_height = _layout_document(doc, device)
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    width, height = float(rect.width()), float(rect.height())
    body_height = height - footer_height
    pages = max(1, text.pageCount())
    footer_font = QFont(_body_font())
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    layout = text.documentLayout()
    for index in range(pages):
        if index and not device.newPage():
            raise _no_new_page()
        top = index * body_height
        painter.save()
        painter.translate(0, -top)
        clip = QRectF(0, top, width, body_height)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        layout.draw(painter, context)
        painter.restore()
        if index == 0 and doc.window_html:
            _paint_window(painter, doc, device)
        _paint_footer(painter, doc, index + 1, pages, footer_font, width, height, footer_height)
    return pages


def _paint_footer(
    painter: QPainter,
    doc: PrintDocument,
    page: int,
    pages: int,
    font: QFont,
    width: float,
    height: float,
    footer_height: float,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    line_y = height - footer_height * 0.75
    painter.drawLine(0, int(line_y), int(width), int(line_y))
    band = QRectF(0, line_y, width, height - line_y)
    page_text = doc.page_text(page, pages)
    page_width = QFontMetricsF(font, painter.device()).horizontalAdvance(page_text) * 1.1
    flags = Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
    painter.drawText(
        QRectF(0, band.top(), width - page_width - 12, band.height()),
        int(flags | Qt.AlignmentFlag.AlignLeft),
        doc.footer,
    )
    painter.drawText(
        QRectF(width - page_width, band.top(), page_width, band.height()),
        int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight),
        page_text,
    )
    painter.restore()


def _write_failed(target: str) -> PrintError:
    message = QCoreApplication.translate("Printing", "The PDF file could not be written: %1")
    return PrintError(message.replace("%1", target))


def _pdf_writer(device: QIODevice, title: str) -> QPdfWriter:
    """Qt's PDF writer on ``device``: A4 with our margins, a title without personal data."""
    writer = QPdfWriter(device)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout())
    writer.setTitle(title)
    writer.setCreator("Sjelden")
    return writer


def write_pdf(doc: PrintDocument, path: str | os.PathLike[str]) -> int:
    """Write ``doc`` as an A4 PDF with Qt's own PDF writer; returns the number of pages.

    The PDF holds patient data in clear, so it is written like every other file the user
    exports: mode 0600, atomically (``desktop.paths.atomic_private_file``), so a failed write
    never leaves a half PDF under the chosen name. Qt renders into memory first (a letter or
    a summary is a few hundred KiB at most).
    """
    target = Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, doc.title)
    pages = paint(doc, writer)
    del writer  # QPdfWriter finishes the document when it is destroyed
    data = bytes(buffer.data().data())
    buffer.close()
    if not data:
        raise _write_failed(str(target))
    try:
        with atomic_private_file(target) as handle:
            handle.write(data)
    except OSError as exc:
        raise _write_failed(f"{target} ({exc.strerror})") from None
    return pages


RUN_TITLE = "Informasjonsskriv fra Sjeldenregisteret"


def write_documents(
    docs: Iterable[PrintDocument],
    handle: BinaryIO,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``docs`` as one A4 PDF into the open file ``handle``; returns the page count.

    For a letter run (``desktop.staff.letters.write_run`` hands in the temporary file of
    its atomic 0600 write): Qt's PDF writer streams into the file as it paints, so a run
    of a thousand letters is not held in memory first. The PDF's title is fixed text, no
    personal data."""
    device = QFile()
    if not device.open(
        handle.fileno(),
        QIODevice.OpenModeFlag.WriteOnly,
        QFileDevice.FileHandleFlag.DontCloseHandle,
    ):
        raise OSError("the PDF file could not be opened for writing")
    writer = _pdf_writer(device, RUN_TITLE)
    try:
        pages = paint_documents(docs, writer, progress)
    finally:
        del writer  # QPdfWriter finishes the document when it is destroyed
        device.close()
    return pages


def _configure_printer(printer: QPrinter, doc: PrintDocument) -> None:
    printer.setPageLayout(page_layout())
    printer.setDocName(doc.title)
    printer.setCreator("Sjelden")


def print_to(printer: QPrinter, doc: PrintDocument) -> int:
    """Print on an already configured printer (e.g. from a dialog); returns the page count."""
    return paint(doc, printer)


def print_document(
    doc: PrintDocument,
    parent: QWidget | None = None,
    *,
    dialog_factory: Callable[[QPrinter, QWidget | None], QPrintDialog] | None = None,
) -> bool:
    """Show the print dialog and print; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _configure_printer(printer, doc)
    dialog = (dialog_factory or QPrintDialog)(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print: %1").replace("%1", doc.title)
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_to(printer, doc)
    return True


def preview_document(doc: PrintDocument, parent: QWidget | None = None) -> bool:
    """Qt's print preview of ``doc``; the user prints from it. False when closed unprinted."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _configure_printer(printer, doc)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(
        QCoreApplication.translate("Printing", "Print preview: %1").replace("%1", doc.title)
    )
    preview.paintRequested.connect(lambda target: paint(doc, target))
    return preview.exec() == QDialog.DialogCode.Accepted


def save_pdf_dialog(
    doc: PrintDocument,
    parent: QWidget | None = None,
    *,
    directory: str | os.PathLike[str] | None = None,
) -> Path | None:
    """Ask where to save, then write the PDF; the chosen path, or None when cancelled."""
    start = Path(directory) / doc.file_name if directory else Path(doc.file_name)
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Save as PDF"),
        str(start),
        QCoreApplication.translate("Printing", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    write_pdf(doc, path)
    return path
