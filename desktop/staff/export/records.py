"""What every export and report derives from an accepted record, computed one way.

The register store hands over accepted revisions; an export takes the current revision of
each record (the highest revision per record id, should history be passed in too), and
reads the birth date and id kind from the national id the validator already accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.forms import national_id
from desktop.forms.national_id import IdKind
from desktop.forms.rules import age_on
from desktop.staff.export.errors import ExportError
from desktop.staff.model import RegisterRecord


def current_revisions(records: Iterable[RegisterRecord]) -> list[RegisterRecord]:
    """The highest revision of each record id, ordered by record id (stable output)."""
    latest: dict[str, RegisterRecord] = {}
    for record in records:
        held = latest.get(record.record_id)
        if held is None or record.revision > held.revision:
            latest[record.record_id] = record
    return [latest[key] for key in sorted(latest)]


@dataclass(frozen=True, slots=True)
class Person:
    """The facts of a record's patient that the exports derive rather than copy."""

    national_id: str
    kind: IdKind
    birth_date: dt.date
    registration_date: dt.date
    age_at_registration: int


def person(record: RegisterRecord, today: dt.date) -> Person:
    """Birth date, id kind and age at registration, or an ``ExportError`` naming the record.

    Accepted records passed the validator, so a failure here is a bug or a damaged store;
    the message carries the record id and the issue code, never the number itself.
    """
    patient = section(record, "patient")
    reporter = section(record, "reporter")
    number = patient.get("national_id")
    try:
        if not isinstance(number, str):
            raise national_id.NationalIdError("national_id.format")
        parsed = national_id.parse(number, today=today)
        registered = dt.date.fromisoformat(str(reporter.get("registration_date")))
    except national_id.NationalIdError as exc:
        raise ExportError(
            f"Record {record.record_id} (revision {record.revision}) has a national id the "
            f"validator should have refused ({exc.code}). Nothing was exported; report this "
            "as a bug, or reject and re-import the record."
        ) from None
    except ValueError:
        raise ExportError(
            f"Record {record.record_id} (revision {record.revision}) has no valid "
            "registration date. Nothing was exported; report this as a bug."
        ) from None
    return Person(
        number, parsed.kind, parsed.birth_date, registered, age_on(parsed.birth_date, registered)
    )


def section(record: RegisterRecord, name: str) -> Mapping[str, Any]:
    """A top-level object of the payload, or an empty mapping when it is absent."""
    value = record.payload.get(name)
    return value if isinstance(value, Mapping) else {}


def diagnoses(record: RegisterRecord) -> list[Mapping[str, Any]]:
    value = record.payload.get("diagnoses")
    return [d for d in value if isinstance(d, Mapping)] if isinstance(value, list) else []


def findings(diagnosis: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    value = diagnosis.get("genetic_findings")
    return [f for f in value if isinstance(f, Mapping)] if isinstance(value, list) else []


def module(record: RegisterRecord, module_id: str) -> Mapping[str, Any]:
    modules = record.payload.get("modules")
    value = modules.get(module_id) if isinstance(modules, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def text(container: Mapping[str, Any], key: str) -> str:
    """A field as text for a cell: empty when not filled in; numbers as written."""
    value = container.get(key)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def year_of(value: object) -> str:
    """The year of an ISO date field, or empty."""
    return value[:4] if isinstance(value, str) and len(value) >= 4 else ""
