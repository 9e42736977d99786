"""Synthetic patients for storage tests: valid check digits, obviously fake people.

National ids come from ``desktop.forms.national_id.generate`` (python-stdnum's check-digit
functions), so they validate like real ones.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from typing import Any

from desktop.forms.national_id import generate

MARKER_FAMILY_NAME = "Zzyxtestesen"


@dataclass(frozen=True)
class FormId:
    """The form synthetic records are on, as ``record_ops`` takes it, without loading it."""

    id: str = "sjeldenregisteret"
    version: int = 1


FORM = FormId()


def record(rng: random.Random, *, family_name: str = MARKER_FAMILY_NAME) -> dict[str, Any]:
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 26000))
    return {
        "record_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "form": {"id": "sjeldenregisteret", "version": 1},
        "patient": {
            "national_id": generate(birth, rng.choice(("kvinne", "mann")), rng=rng),
            "family_name": family_name,
            "given_names": rng.choice(["Testa", "Prøve", "Eksempel"]),
        },
        "diagnoses": [{"orpha_code": rng.choice(["ORPHA:586", "ORPHA:558", "ORPHA:616874"])}],
        "reporter": {"registration_date": "2026-11-23"},
    }
