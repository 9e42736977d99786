"""The few columns the record list shows, derived from a record's payload.

The store keeps them in their own (encrypted) columns so listing, sorting and the duplicate
check never parse JSON. They are always derived from the payload at write time, never edited
on their own, so they cannot drift from the record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.forms import payload as record_payload


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
    registered = record_payload.registration_date(payload)
    return RecordSummary(
        display_name=record_payload.patient_name(payload).listed,
        national_id=record_payload.national_id_shown(payload) or None,
        diagnosis=" ".join(record_payload.orpha_codes(payload)),
        registered_on=registered.isoformat() if registered is not None else None,
    )


def summarize_json(payload: str) -> RecordSummary:
    try:
        data = json.loads(payload)
    except ValueError:
        return RecordSummary()
    return summarize(data) if isinstance(data, dict) else RecordSummary()
