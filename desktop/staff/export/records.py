"""What every export and report derives from an accepted record, computed one way.

The register store hands over accepted revisions; an export takes the current revision of
each record (the highest revision per record id, should a history grouped by record id be passed
in), and
reads the birth date and id kind from the national id the validator already accepted.
Records are streamed: ``Register.iter_current`` pages through the register, and nothing
here holds more than one record unless the format needs them all (a FHIR Bundle, the
research extract's pseudonym order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.forms import hgvs as hgvs_grammar
from desktop.forms import national_id, payload
from desktop.forms.demo import PID_MODULE as PID_MODULE  # the exports' pid_* sub-registry
from desktop.forms.national_id import IdKind
from desktop.forms.rules import age_on
from desktop.staff.export.errors import ExportError
from desktop.staff.model import RegisterRecord


def current_revisions(records: Iterable[RegisterRecord]) -> Iterator[RegisterRecord]:
    """The highest revision of each record id, streamed in input order.

    The contract: a record's revisions are adjacent in ``records``. ``Register.iter_current``
    (one revision per record, in record-id order, paged) meets it, and so does a history
    grouped by record id; only the record ids seen are remembered, never the records. A
    record id that comes back after another raises ``ValueError`` (a bug in the caller).
    """
    seen: set[str] = set()
    held: RegisterRecord | None = None
    for record in records:
        if held is not None and record.record_id == held.record_id:
            if record.revision > held.revision:
                held = record
            continue
        if record.record_id in seen:
            raise ValueError("a record's revisions must be adjacent")  # a bug, not user input
        seen.add(record.record_id)
        if held is not None:
            yield held
        held = record
    if held is not None:
        yield held


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
    number = payload.national_id(record.payload)
    try:
        if number is None:
            raise national_id.NationalIdError("national_id.format")
        parsed = national_id.parse(number, today=today)
    except national_id.NationalIdError as exc:
        raise ExportError(
            f"Record {record.record_id} (revision {record.revision}) has a national id the "
            f"validator should have refused ({exc.code}). Nothing was exported; report this "
            "as a bug, or reject and re-import the record."
        ) from None
    registered = registration_date(record)
    return Person(
        number, parsed.kind, parsed.birth_date, registered, age_on(parsed.birth_date, registered)
    )


def registration_date(record: RegisterRecord) -> dt.date:
    """The registration date (``desktop.forms.payload``), or an ``ExportError``."""
    registered = payload.registration_date(record.payload)
    if registered is None:
        raise _no_valid(record, "registration date")
    return registered


def date_of(record: RegisterRecord, value: object, what: str) -> dt.date:
    """A date field of an accepted record, read as the validator reads it (strict ISO
    ``YYYY-MM-DD``), or an ``ExportError`` naming the record and ``what`` (never the value)."""
    parsed = payload.parse_iso_date(value)
    if parsed is None:
        raise _no_valid(record, what)
    return parsed


def _no_valid(record: RegisterRecord, what: str) -> ExportError:
    return ExportError(
        f"Record {record.record_id} (revision {record.revision}) has no valid {what}. "
        "Nothing was exported; report this as a bug."
    )


def mapping(value: object) -> Mapping[str, Any]:
    """``value`` when it is an object (a JSON mapping), else an empty mapping."""
    return value if isinstance(value, Mapping) else {}


def section(record: RegisterRecord, name: str) -> Mapping[str, Any]:
    """A top-level object of the payload, or an empty mapping when it is absent."""
    return mapping(record.payload.get(name))


def diagnoses(record: RegisterRecord) -> list[Mapping[str, Any]]:
    value = record.payload.get("diagnoses")
    return [d for d in value if isinstance(d, Mapping)] if isinstance(value, list) else []


def findings(diagnosis: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    value = diagnosis.get("genetic_findings")
    return [f for f in value if isinstance(f, Mapping)] if isinstance(value, list) else []


def module(record: RegisterRecord, module_id: str) -> Mapping[str, Any]:
    return mapping(section(record, "modules").get(module_id))


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


@dataclass(frozen=True, slots=True)
class Coordinate:
    """How the exports label an HGVS coordinate type (the letter before the dot)."""

    loinc: str  # the genomics-reporting component the expression is given as
    loinc_display: str
    molecule_context: str  # Phenopacket v2 MoleculeContext


# The one map from HGVS coordinate type to the FHIR component and the phenopacket context.
# LOINC has no separate RNA-change code: r. (RNA) and n. (non-coding transcript) go with the
# transcript-level c.HGVS component; m. (mitochondrial) is a genomic DNA change.
COORDINATES = {
    "c": Coordinate("48004-6", "DNA change (c.HGVS)", "transcript"),
    "n": Coordinate("48004-6", "DNA change (c.HGVS)", "transcript"),
    "r": Coordinate("48004-6", "DNA change (c.HGVS)", "transcript"),
    "g": Coordinate("81290-9", "Genomic DNA change (gHGVS)", "genomic"),
    "m": Coordinate("81290-9", "Genomic DNA change (gHGVS)", "genomic"),
    "p": Coordinate("48005-3", "Amino acid change (pHGVS)", "protein"),
}


def hgvs_coordinate(description: str) -> tuple[str, Coordinate]:
    """The coordinate type of an accepted HGVS description (``"m"`` for
    ``NC_012920.1:m.3243A>G``) and its labels, read with the validator's parser."""
    try:
        letter = hgvs_grammar.parse(description).coordinate
    except hgvs_grammar.HgvsError as exc:
        raise ExportError(
            f"A genetic finding has an HGVS description the validator should have refused "
            f"({exc.code}). Nothing was exported; report this as a bug."
        ) from None
    return letter, COORDINATES[letter]
