"""Counts of accepted records for the staff overview (and its chart): no personal data.

``count_by(records, dimension)`` counts the current revision of each record by one of:

- ``diagnosis``: ORPHA code (with its name); a record counts once for each distinct ORPHA
  code it holds, so the rows may add up to more than the number of records;
- ``institution``: the reporter's workplace, keyed by its organisation number when given
  and by its name otherwise (labelled with the name most often given for it);
- ``month``: the month of the registration date (``YYYY-MM``);
- ``county``: the county (fylke) of the patient's municipality on the registration date.

Months and counties are listed in code order (a time line, a map); diagnoses and
institutions by count, largest first. ``write_report_csv`` writes rows in the staff CSV
dialect (``desktop.staff.export.tabular``), atomically, to the path the user chose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from desktop.staff.export.codes import CodeNames
from desktop.staff.export.errors import ExportError
from desktop.staff.export.files import atomic_file
from desktop.staff.export.records import current_revisions, date_of, diagnoses, section, text
from desktop.staff.export.tabular import write_csv
from desktop.staff.model import RegisterRecord

Dimension = Literal["diagnosis", "institution", "month", "county"]
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)
_CODE_ORDER = ("month", "county")
HEADERS: dict[str, tuple[str, str, str]] = {
    "diagnosis": ("orpha_code", "orpha_name", "records"),
    "institution": ("institution", "institution_name", "records"),
    "month": ("month", "month_label", "records"),
    "county": ("county", "county_name", "records"),
}


@dataclass(frozen=True, slots=True)
class ReportRow:
    key: str  # ORPHA code, orgnr (or workplace name), YYYY-MM, or county number
    label: str  # its name (the key itself for months)
    count: int


def count_by(records: Iterable[RegisterRecord], dimension: str) -> list[ReportRow]:
    """The number of accepted records per value of ``dimension`` (see the module doc)."""
    if dimension not in DIMENSIONS:
        raise ExportError(
            f"Unknown report dimension {dimension!r}. Choose one of: {', '.join(DIMENSIONS)}."
        )
    names = CodeNames()
    counts: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {}
    for record in current_revisions(records):
        for key, label in _keys(record, dimension, names):
            counts[key] += 1
            labels.setdefault(key, Counter())[label] += 1
    rows = [ReportRow(key, _most_common(labels[key]), count) for key, count in counts.items()]
    if dimension in _CODE_ORDER:
        rows.sort(key=lambda row: row.key)
    else:
        rows.sort(key=lambda row: (-row.count, row.key))
    return rows


def _keys(record: RegisterRecord, dimension: str, names: CodeNames) -> set[tuple[str, str]]:
    reporter = section(record, "reporter")
    if dimension == "diagnosis":
        codes = {text(d, "orpha_code") for d in diagnoses(record)} - {""}
        return {(code, names.orpha(code)) for code in codes}
    if dimension == "institution":
        workplace = text(reporter, "workplace")
        return {(text(reporter, "orgnr") or workplace, workplace)}
    day = date_of(record, reporter.get("registration_date"), "registration date")
    if dimension == "month":
        month = f"{day:%Y-%m}"
        return {(month, month)}
    county, county_name = names.county(text(section(record, "patient"), "municipality"), day)
    return {(county, county_name)}


def _most_common(labels: Counter[str]) -> str:
    return min(labels.items(), key=lambda item: (-item[1], item[0]))[0]


def write_report_csv(rows: Sequence[ReportRow], dimension: str, destination: Path) -> Path:
    """Write a report (key, label, count per row) as CSV; atomically, nothing on failure."""
    if dimension not in HEADERS:
        raise ExportError(
            f"Unknown report dimension {dimension!r}. Choose one of: {', '.join(DIMENSIONS)}."
        )
    with atomic_file(Path(destination)) as handle:
        write_csv(handle, HEADERS[dimension], ([r.key, r.label, str(r.count)] for r in rows))
    return Path(destination)
