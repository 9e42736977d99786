"""Counts of accepted records for the staff overview (and its chart): no personal data.

``count_by(records, dimension)`` counts the current revision of each record by one of:

- ``diagnosis``: ORPHA code (with its name); a record counts once for each distinct ORPHA
  code it holds, so the rows may add up to more than the number of records;
- ``institution``: the reporter's workplace, keyed by its organisation number when given
  and by its name otherwise (labelled with the name most often given for it);
- ``month``: the month of the registration date (``YYYY-MM``);
- ``county``: the county (fylke) of the patient's municipality on the registration date.

``letter_rows(counts)`` is the information letters' report (issue 17): persons whose letter
is pending, printed, sent or was given by the clinic, and reservations received after a
letter, from the letter queue (``desktop.staff.letter_queue``).

Months and counties are listed in code order (a time line, a map); diagnoses and
institutions by count, largest first. ``write_report_csv`` writes rows in the staff CSV
dialect (``desktop.staff.export.tabular``), atomically, to the path the user chose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.forms.payload import orpha_codes
from desktop.messages import Catalogue, Lang, Message
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.errors import ExportError
from desktop.staff.export.files import atomic_file
from desktop.staff.export.records import (
    current_revisions,
    registration_date,
    section,
    text,
)
from desktop.staff.export.tabular import write_csv
from desktop.staff.letter_queue import LetterCounts
from desktop.staff.model import RegisterRecord


@dataclass(frozen=True, slots=True)
class _Table:
    header: tuple[str, str, str]  # the report CSV's columns: key, label, count
    code_order: bool  # rows by key (a time line, a map) rather than by count


_TABLES: dict[str, _Table] = {
    "diagnosis": _Table(("orpha_code", "orpha_name", "records"), code_order=False),
    "institution": _Table(("institution", "institution_name", "records"), code_order=False),
    "month": _Table(("month", "month_label", "records"), code_order=True),
    "county": _Table(("county", "county_name", "records"), code_order=True),
}
DIMENSIONS: tuple[str, ...] = tuple(_TABLES)  # in the overview's order
#: The information letters' report: persons per letter state, from the letter queue's
#: counts (``letter_rows``), not from the records; saved with ``write_report_csv`` too.
LETTERS = "letters"
_TABLES[LETTERS] = _Table(("letter_state", "letter_state_name", "persons"), code_order=False)


@dataclass(frozen=True, slots=True)
class ReportRow:
    key: str  # ORPHA code, orgnr (or workplace name), YYYY-MM, or county number
    label: str  # its name (the key itself for months)
    count: int


def count_by(records: Iterable[RegisterRecord], dimension: str) -> list[ReportRow]:
    """The number of accepted records per value of ``dimension`` (see the module doc)."""
    if dimension == LETTERS:
        raise ExportError("The letters report is counted from the letter queue: letter_rows.")
    table = _table(dimension)
    names = CodeNames()
    counts: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {}
    for record in current_revisions(records):
        for key, label in _keys(record, dimension, names):
            counts[key] += 1
            labels.setdefault(key, Counter())[label] += 1
    rows = [ReportRow(key, _most_common(labels[key]), count) for key, count in counts.items()]
    if table.code_order:
        rows.sort(key=lambda row: row.key)
    else:
        rows.sort(key=lambda row: (-row.count, row.key))
    return rows


def _table(dimension: str) -> _Table:
    table = _TABLES.get(dimension)
    if table is None:
        raise ExportError(
            f"Unknown report dimension {dimension!r}. Choose one of: {', '.join(DIMENSIONS)}."
        )
    return table


def _keys(record: RegisterRecord, dimension: str, names: CodeNames) -> set[tuple[str, str]]:
    reporter = section(record, "reporter")
    if dimension == "diagnosis":
        codes = set(orpha_codes(record.payload))
        return {(code, names.orpha(code)) for code in codes}
    if dimension == "institution":
        workplace = text(reporter, "workplace")
        return {(text(reporter, "orgnr") or workplace, workplace)}
    day = registration_date(record)
    if dimension == "month":
        month = f"{day:%Y-%m}"
        return {(month, month)}
    county, county_name = names.county(text(section(record, "patient"), "municipality"), day)
    return {(county, county_name)}


def _most_common(labels: Counter[str]) -> str:
    return min(labels.items(), key=lambda item: (-item[1], item[0]))[0]


#: The letter report's rows, in this order: (key, bokmål label, English label).
_LETTER_ROWS = Catalogue(
    "report.letters",
    {
        "pending": Message("Venter på brev", "Letter pending"),
        "printed": Message("Skrevet ut, ikke sendt", "Printed, not sent"),
        "sent": Message("Brev sendt", "Letter sent"),
        "clinic": Message("Brev gitt av klinikken", "Letter given by the clinic"),
        "reservations": Message("Reservasjoner etter brev", "Reservations after a letter"),
        "returned": Message("herav med returnert slipp", "of which by returned slip"),
    },
)


def letter_rows(counts: LetterCounts, lang: Lang = "nb") -> list[ReportRow]:
    """Letters pending, printed, sent and given by the clinic, and the reservations
    received after a letter (``desktop.staff.letter_queue.counts``): persons, no data."""
    values = {
        "pending": counts.pending,
        "printed": counts.printed,
        "sent": counts.sent,
        "clinic": counts.clinic,
        "reservations": counts.reservations,
        "returned": counts.returned,
    }
    return [ReportRow(key, _LETTER_ROWS.text(key, lang), values[key]) for key in _LETTER_ROWS]


def write_report_csv(rows: Sequence[ReportRow], dimension: str, destination: Path) -> Path:
    """Write a report (key, label, count per row) as CSV; atomically, nothing on failure."""
    header = _table(dimension).header
    with atomic_file(Path(destination)) as handle:
        write_csv(handle, header, ([r.key, r.label, str(r.count)] for r in rows))
    return Path(destination)
