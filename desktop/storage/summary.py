"""The few columns the record list shows, derived from a record's payload.

The store keeps them in their own (encrypted) columns so listing, sorting and the duplicate
check never parse JSON. They are always derived from the payload at write time, never edited
on their own, so they cannot drift from the record.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RecordSummary:
    display_name: str = ""
    national_id: str | None = None
    diagnosis: str = ""  # space-separated ORPHA codes, in form order
    registered_on: str | None = None  # ISO date


def summarize(payload: Mapping[str, Any] | Any) -> RecordSummary:
    """Summary of a record in the format documented in ``docs/record-format.md``.

    Tolerant of drafts in any state (and of corrupt payloads): the record list cannot fail
    because one draft has a half-typed national id.
    """
    if not isinstance(payload, Mapping):
        return RecordSummary()
    patient = _mapping(payload.get("patient"))
    family = _text(patient.get("family_name"))
    given = _text(patient.get("given_names"))
    display = ", ".join(part for part in (family, given) if part)
    national_id = _text(patient.get("national_id")) or None
    codes: list[str] = []
    diagnoses = payload.get("diagnoses")
    if isinstance(diagnoses, list):
        for diagnosis in diagnoses:
            code = _text(_mapping(diagnosis).get("orpha_code")).upper().replace(" ", "")
            if code:
                codes.append(code)
    reporter = _mapping(payload.get("reporter"))
    registered_on = _iso_date(reporter.get("registration_date"))
    return RecordSummary(
        display_name=display,
        national_id=national_id,
        diagnosis=" ".join(codes),
        registered_on=registered_on,
    )


def summarize_json(payload: str) -> RecordSummary:
    try:
        data = json.loads(payload)
    except ValueError:
        return RecordSummary()
    return summarize(data) if isinstance(data, dict) else RecordSummary()


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
