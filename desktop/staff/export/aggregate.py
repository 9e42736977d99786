"""The aggregate export (CSV): registrations counted by diagnosis, county, year and sex, with
small counts suppressed, which is what annual reports and most data requests need.

The table has one row per combination of ORPHA code, county (on the registration date) and
registration year that occurs, one column per sex and a total column, and a last row of
totals. A record counts once for each distinct ORPHA code it holds (as the overview's
report does), so a person with two diagnoses is in two rows.

Small-cell suppression (``desktop.staff.export.policy``): every count from 1 to 4, totals
included, is shown as ``<5`` (primary suppression). A hidden count must not be recoverable by
subtraction, so every line of the table (each row with its total, each column with the
totals row) that has a hidden entry must have at least two: while a line has exactly one,
the smallest non-zero entry still shown in it is hidden too and shown as ``x`` (secondary
suppression), and the check runs again until no line has exactly one. Zeros are shown: a zero
is no one, and hiding it would protect nothing. This is the classical rule of two; it does
not compute the exact interval an outsider could derive for each hidden cell by linear
programming, which remains the register's disclosure review for unusual tables.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop.forms.payload import orpha_code
from desktop.staff.export import policy
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.files import atomic_file, check_file_destination
from desktop.staff.export.records import (
    current_revisions,
    diagnoses,
    registration_date,
    section,
    text,
)
from desktop.staff.export.result import ExportResult
from desktop.staff.export.tabular import write_csv
from desktop.staff.model import RegisterRecord

SEXES = ("kvinne", "mann", "ubestemt", "ukjent")  # the form's choices, in its order
KEYS = ("orpha_code", "orpha_name", "county", "county_name", "year")
COLUMNS = (*KEYS, *SEXES, "total")
TOTAL_ROW = "total"

Key = tuple[str, str, str]  # ORPHA code, county number, year


def write(records: Iterable[RegisterRecord], destination: Path, *, today: dt.date) -> ExportResult:
    check_file_destination(destination)
    names = CodeNames()
    counts: Counter[tuple[Key, str]] = Counter()
    county_names: dict[str, str] = {}
    total = 0
    for record in current_revisions(records):
        total += 1
        registered = registration_date(record)
        patient = section(record, "patient")
        county, county_name = names.county(text(patient, "municipality"), registered)
        county_names.setdefault(county, county_name)
        sex = text(patient, "sex")
        sex = sex if sex in SEXES else "ukjent"
        codes = {code for d in diagnoses(record) if (code := orpha_code(d))}
        for code in codes:
            counts[((code, county, str(registered.year)), sex)] += 1
    keys = sorted({key for key, _ in counts})
    table = [[counts[(key, sex)] for sex in SEXES] for key in keys]
    shown = protect(table)
    rows = [
        [code, names.orpha(code), county, county_names.get(county, ""), year, *cells]
        for (code, county, year), cells in zip(keys, shown[:-1], strict=True)
    ]
    rows.append([TOTAL_ROW, "", "", "", "", *shown[-1]])
    with atomic_file(destination) as handle:
        write_csv(handle, COLUMNS, rows)
    return ExportResult(total, (destination,))


def protect(table: Sequence[Sequence[int]]) -> list[list[str]]:
    """``table`` (rows of counts) with a total column and a totals row, small counts shown
    as ``<5`` and the counts that would give them away as ``x``.

    Returns one list per row and a last one for the totals, each ending with its total.
    """
    width = len(table[0]) if table else 0
    full = [[*row, sum(row)] for row in table]
    full.append([sum(row[c] for row in full) for c in range(width + 1)])
    hidden = {
        (r, c)
        for r, row in enumerate(full)
        for c, value in enumerate(row)
        if 0 < value < policy.AGGREGATE_THRESHOLD
    }
    primary = set(hidden)
    lines = [[(r, c) for c in range(width + 1)] for r in range(len(full))]
    lines += [[(r, c) for r in range(len(full))] for c in range(width + 1)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(1 for cell in line if cell in hidden) != 1:
                continue
            visible = [cell for cell in line if cell not in hidden]
            nonzero = [cell for cell in visible if full[cell[0]][cell[1]] > 0]
            candidates = nonzero or visible
            if not candidates:
                continue
            # the smallest count, and of equal counts the first: deterministic
            chosen = min(candidates, key=lambda cell: (full[cell[0]][cell[1]], cell))
            hidden.add(chosen)
            changed = True
    return [
        [
            policy.SMALL_CELL
            if (r, c) in primary
            else policy.HIDDEN_CELL
            if (r, c) in hidden
            else str(value)
            for c, value in enumerate(row)
        ]
        for r, row in enumerate(full)
    ]
