"""The CSV dialect of every CSV the staff mode writes (registry, research, reports).

Chosen for Excel in a Norwegian locale, where most hospital staff open and import CSV:
- semicolon-separated: Excel nb-NO splits on the locale's list separator, which is ";"
  (the decimal separator is the comma);
- UTF-8 with a byte-order mark: without it Excel reads the file as Windows-1252 and
  garbles æ, ø and å; Python (``utf-8-sig``), R (``fileEncoding="UTF-8-BOM"``) and
  database loaders skip the mark;
- RFC 4180 otherwise: CRLF line ends, a header row, fields quoted with double quotes when
  they hold the separator, a quote or a line break, quotes doubled;
- decimals with a comma (``7,5``), as Excel nb-NO expects beside ";"; dates ISO
  ``YYYY-MM-DD``. Codes with leading zeros (municipality 0301) are written as they are:
  open the file with Data > From Text/CSV and set the columns to Text to keep them;
- no formulas: a cell that Excel (or LibreOffice) would run as a formula is written with a
  leading apostrophe (``'=HYPERLINK(...)``), see ``neutralise``. Names, comments and other
  free text are entered by reporters, so they are never trusted as plain text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import BinaryIO

DELIMITER = ";"
ENCODING = "utf-8-sig"  # writes the BOM
LIST_SEPARATOR = " | "  # between the items of a list in one cell (basis, genes, ...)
# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "@", "\t", "\r")
_SIGNED = ("+", "-")
# A signed cell that is only a number or a phone number ("-1,5", "+47 912 34 567") stays.
_PLAIN_NUMBER = re.compile(r"^[+-]?[\d\s.,]+$")


def neutralise(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would read it as a formula.

    Cells starting with ``=``, ``@``, a tab or a carriage return, and cells starting with
    ``+`` or ``-`` unless they are a plain number or phone number, are prefixed; Excel
    shows the rest of the cell as text and hides the apostrophe.
    """
    if cell.startswith(_FORMULA_START) or (
        cell.startswith(_SIGNED) and not _PLAIN_NUMBER.fullmatch(cell)
    ):
        return "'" + cell
    return cell


def decimal(value: object) -> str:
    """A number as Excel nb-NO reads it: decimal comma, no thousands separator."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def write_csv(handle: BinaryIO, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write the header and rows to a binary handle, every cell ``neutralise``d."""
    text = io.TextIOWrapper(handle, encoding=ENCODING, newline="", write_through=False)
    writer = csv.writer(
        text, delimiter=DELIMITER, quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    writer.writerow(header)
    for row in rows:
        if len(row) != len(header):
            raise ValueError("row width differs from the header")  # a bug in a column list
        writer.writerow([neutralise(cell) for cell in row])
    text.flush()
    text.detach()  # leave the handle open for the caller's fsync
