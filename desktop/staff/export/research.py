"""De-identified research extract (CSV): what research needs, no direct identifier.

Removed: national id, names, address, phone, e-mail, guardian, the reporter's name, HPR
number, phone, e-mail, workplace and department, every free-text field (comment, "other
basis"), the information-letter details, and the register's own keys (record id, batch,
installation, staff key). Coarsened: the birth date becomes the age in whole years on the
registration date, the municipality becomes its county (fylke), and every date becomes its
year (registration, death, immunoglobulin start, HSCT).

Each person (national id) gets a random pseudonym drawn for this export alone
(``secrets``; 64 bits), kept in memory and never written: two extracts cannot be linked
with each other or back to the register, and a person's several records share one
pseudonym within the extract. Rows are ordered by pseudonym, so their order says nothing
about the register's. Not done here (see docs/staff-exports.md): small-cell suppression,
top-coding of high ages, and any judgement of indirect identification through rare
diagnoses or variants; the extract is pseudonymised-by-design, not certified anonymous.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from pathlib import Path

from desktop.staff.export import registry_csv
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.files import atomic_file, check_file_destination
from desktop.staff.export.records import (
    PID_MODULE,
    current_revisions,
    diagnoses,
    module,
    person,
    section,
    text,
    year_of,
)
from desktop.staff.export.result import ExportResult
from desktop.staff.export.tabular import decimal, write_csv
from desktop.staff.model import RegisterRecord

PERSON_COLUMNS = (
    "patient_pseudonym",
    "registration_number",
    "diagnosis_number",
    "diagnosis_count",
    "age_at_registration",
    "sex",
    "county",
    "county_name",
    "vital_status",
    "year_of_death",
    "registration_year",
    "research_contact",
    "reporter_role",
)
# The registry CSV's diagnosis and PID columns, less free text and with dates as years.
FREE_TEXT = frozenset({"basis_other"})
PID_YEARS = {"ig_replacement_start": "ig_replacement_start_year", "hsct_date": "hsct_year"}
DIAGNOSIS_COLUMNS = tuple(c for c in registry_csv.DIAGNOSIS_COLUMNS if c not in FREE_TEXT)
PID_COLUMNS = {name: f"pid_{PID_YEARS.get(name, name)}" for name in registry_csv.PID_FIELDS}
COLUMNS = PERSON_COLUMNS + DIAGNOSIS_COLUMNS + tuple(PID_COLUMNS.values())
PSEUDONYM_BYTES = 8


def write(records: Iterable[RegisterRecord], destination: Path, *, today: dt.date) -> ExportResult:
    check_file_destination(destination)
    current = list(current_revisions(records))  # pseudonyms and their order need them all
    rows = extract_rows(current, CodeNames(), today)
    with atomic_file(destination) as handle:
        write_csv(handle, COLUMNS, ([row[c] for c in COLUMNS] for row in rows))
    return ExportResult(len(current), (destination,))


def extract_rows(
    records: list[RegisterRecord], names: CodeNames, today: dt.date
) -> list[dict[str, str]]:
    """The extract's rows as column -> cell, in output order."""
    by_person: dict[str, list[tuple[dt.date, str, RegisterRecord]]] = {}
    facts = {}
    for record in records:
        fact = person(record, today)
        facts[record.record_id] = fact
        by_person.setdefault(fact.national_id, []).append(
            (fact.registration_date, record.record_id, record)
        )
    pseudonyms = _pseudonyms(len(by_person))
    rows: list[dict[str, str]] = []
    for pseudonym, held in zip(pseudonyms, by_person.values(), strict=True):
        for registration, (_, _, record) in enumerate(sorted(held, key=lambda h: h[:2]), 1):
            fact = facts[record.record_id]
            patient = section(record, "patient")
            county, county_name = names.county(
                text(patient, "municipality"), fact.registration_date
            )
            pid = module(record, PID_MODULE)
            listed = diagnoses(record)
            common = {
                "patient_pseudonym": pseudonym,
                "registration_number": str(registration),
                "diagnosis_count": str(len(listed)),
                "age_at_registration": str(fact.age_at_registration),
                "sex": text(patient, "sex"),
                "county": county,
                "county_name": county_name,
                "vital_status": text(patient, "vital_status"),
                "year_of_death": year_of(patient.get("date_of_death")),
                "registration_year": str(fact.registration_date.year),
                "research_contact": text(section(record, "information"), "research_contact"),
                "reporter_role": text(section(record, "reporter"), "role"),
            }
            for number, diagnosis in enumerate(listed, start=1):
                row = dict(common)
                row["diagnosis_number"] = str(number)
                cells = registry_csv.diagnosis_cells(diagnosis, names)
                row.update({column: cells[column] for column in DIAGNOSIS_COLUMNS})
                selects = diagnosis.get("sub_registry") == PID_MODULE
                for name, column in PID_COLUMNS.items():
                    value = pid.get(name) if selects else None
                    row[column] = year_of(value) if name in PID_YEARS else decimal(value)
                rows.append(row)
    rows.sort(
        key=lambda r: (
            r["patient_pseudonym"],
            int(r["registration_number"]),
            int(r["diagnosis_number"]),
        )
    )
    return rows


def _pseudonyms(count: int) -> list[str]:
    """``count`` distinct random pseudonyms ("P" and 16 hex digits) for this export."""
    drawn: set[str] = set()
    ordered: list[str] = []
    while len(ordered) < count:
        candidate = "P" + secrets.token_hex(PSEUDONYM_BYTES)
        if candidate not in drawn:
            drawn.add(candidate)
            ordered.append(candidate)
    return ordered
