"""Shared synthetic records for the form tests (no real person's data anywhere)."""

from __future__ import annotations

import copy
import datetime as dt
import random
from typing import Any

import pytest

from desktop.forms import national_id

TODAY = dt.date(2025, 6, 15)


def make_id(
    birth: dt.date, sex: national_id.Sex = "kvinne", kind: str = "fnr", seed: int = 1
) -> str:
    return national_id.generate(birth, sex, kind, random.Random(seed))  # type: ignore[arg-type]


ADULT_ID = make_id(dt.date(1980, 5, 17), "kvinne")
CHILD_ID = make_id(dt.date(2016, 3, 2), "mann")


def valid_record() -> dict[str, Any]:
    """A complete record of a synthetic adult that passes every rule without warnings."""
    return {
        "record_id": "3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c",
        "revision": 1,
        "form": {"id": "sjeldenregisteret", "version": 1},
        "patient": {
            "national_id": ADULT_ID,
            "family_name": "Testesen",
            "given_names": "Prøve Kari",
            "sex": "kvinne",
            "municipality": "0301",
            "address": {"street": "Testveien 1", "postal_code": "0424", "postal_place": "Oslo"},
            "phone": "+47 912 34 567",
            "email": "kari@example.no",
            "vital_status": "levende",
        },
        "diagnoses": [
            {
                "orpha_code": "ORPHA:586",
                "icd10": "E84.0",
                "omim": "219700",
                "assertion": "bekreftet",
                "diagnosis_year": 1982,
                "onset": "alder",
                "onset_age": 1,
                "basis": ["klinisk", "molekylaergenetisk"],
                "genetic_findings": [
                    {
                        "gene": "CFTR",
                        "hgvs": "NM_000492.4:c.1521_1523del",
                        "zygosity": "homozygot",
                        "inheritance": "ukjent",
                        "classification": "patogen",
                    }
                ],
                "institution": {"name": "Testsykehuset HF", "orgnr": "974589095"},
            }
        ],
        "information": {
            "letter": "voksne",
            "letter_given_date": "2025-06-01",
            "letter_recipient": "pasient",
            "research_contact": "ja",
        },
        "reporter": {
            "name": "Lege Testesen",
            "hpr_number": "1234567",
            "role": "sykehuslege",
            "workplace": "Testsykehuset HF",
            "phone": "22 11 88 00",
            "registration_date": "2025-06-01",
        },
        "modules": {},
    }


@pytest.fixture
def record() -> dict[str, Any]:
    return copy.deepcopy(valid_record())
