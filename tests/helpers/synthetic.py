"""Synthetic patients for storage tests: valid check digits, obviously fake people.

National ids are built with python-stdnum's own check-digit functions, so they validate like
real ones without being anybody's.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from stdnum.no import fodselsnummer

MARKER_FAMILY_NAME = "Zzyxtestesen"


def national_id(birth: dt.date, *, female: bool, rng: random.Random, d_number: bool = False) -> str:
    day = birth.day + (40 if d_number else 0)
    base = f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"
    while True:
        # individual numbers 000-499 are people born 1900-1999, 500-999 born 2000-2039
        low, high = (0, 499) if birth.year < 2000 else (500, 999)
        individual = rng.randint(low, high)
        if (individual % 2 == 0) != female:
            continue
        partial = f"{base}{individual:03d}"
        k1 = fodselsnummer.calc_check_digit1(partial)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(partial + k1)
        if len(k2) != 1:
            continue
        number = partial + k1 + k2
        if fodselsnummer.is_valid(number):
            return number


def record(rng: random.Random, *, family_name: str = MARKER_FAMILY_NAME) -> dict[str, Any]:
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 26000))
    return {
        "record_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "form": {"id": "sjeldenregisteret", "version": 1},
        "patient": {
            "national_id": national_id(birth, female=rng.random() < 0.5, rng=rng),
            "family_name": family_name,
            "given_names": rng.choice(["Testa", "Prøve", "Eksempel"]),
        },
        "diagnoses": [{"orpha_code": rng.choice(["ORPHA:586", "ORPHA:558", "ORPHA:616874"])}],
        "reporter": {"registration_date": "2026-11-23"},
    }
