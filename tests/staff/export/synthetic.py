"""Accepted register records built from the form's demo generator (synthetic only).

``desktop.forms.demo`` gives valid, varied records (fødselsnummer and D-numbers, deceased
patients, genetic findings with HGVS and karyotypes, the primary immunodeficiency module);
here they are wrapped as the register store hands them to exports and reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.forms.demo import demo_records, orgnr_with_check_digit
from desktop.staff.model import Origin, RegisterRecord
from tests.helpers.synthetic import MARKER_FAMILY_NAME

TODAY = dt.date(2025, 6, 15)


def wrap(payload: dict[str, Any], *, batch: int = 1) -> RegisterRecord:
    return RegisterRecord(
        record_id=payload["record_id"],
        revision=payload["revision"],
        payload=payload,
        origin=Origin(
            batch_id=f"batch-{batch:04d}",
            installation_key_id=f"install-{batch % 7:02d}",
            received_at="2025-06-14T10:00:00Z",
        ),
        accepted_at="2025-06-14T12:00:00Z",
        accepted_by="staff-key-01",
    )


def register_records(count: int, seed: int = 7, today: dt.date = TODAY) -> list[RegisterRecord]:
    return [wrap(p, batch=i // 50) for i, p in enumerate(demo_records(count, seed, today))]


def _orgnr(base: str) -> str:
    number = orgnr_with_check_digit(base)
    assert number is not None, "a base without a mod-11 check digit"
    return number


GOLDEN_ORGNR = _orgnr("97458909")
REPORTER_ORGNR = _orgnr("98395111")


def golden_payload() -> dict[str, Any]:
    """One hand-written record whose every exported cell the tests check: a deceased woman
    with a D-number in Oslo, Marfan syndrome with an HGVS variant and a karyotype, and a
    second diagnosis in the primary immunodeficiency sub-registry."""
    import random

    from desktop.forms.national_id import generate

    return {
        "record_id": "3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c",
        "revision": 2,
        "form": {"id": "sjeldenregisteret", "version": 1},
        "patient": {
            "national_id": generate(dt.date(1990, 5, 17), "kvinne", "dnr", random.Random(3)),
            "family_name": MARKER_FAMILY_NAME,
            "given_names": "Prøve Kari Anne",
            "sex": "kvinne",
            "municipality": "0301",
            "address": {
                "street": "Zzyxveien 12",
                "postal_code": "0424",
                "postal_place": "Prøvestad",
            },
            "phone": "91234567",
            "email": "zzyx.kari@example.no",
            "vital_status": "dod",
            "date_of_death": "2024-11-02",
        },
        "diagnoses": [
            {
                "orpha_code": "ORPHA:558",
                "icd10": "Q87.4",
                "omim": "154700",
                "assertion": "bekreftet",
                "diagnosis_year": 2010,
                "onset": "alder",
                "onset_age": 12,
                "basis": ["cytogenetisk", "klinisk", "molekylaergenetisk"],
                "genetic_findings": [
                    {
                        "gene": "FBN1",
                        "hgvs": "NM_000138.5:c.3010T>A",
                        "zygosity": "heterozygot",
                        "inheritance": "de_novo",
                        "classification": "patogen",
                    },
                    {"karyotype": "46,XX,del(5)(p15.2)", "classification": "sannsynlig_patogen"},
                ],
                "institution": {"name": "Testsykehuset HF", "orgnr": GOLDEN_ORGNR},
            },
            {
                "orpha_code": "ORPHA:47",
                "assertion": "sannsynlig",
                "diagnosis_year": 2015,
                "onset": "ved_fodsel",
                "basis": ["klinisk"],
                "institution": {"name": "Demo universitetssykehus"},
                "sub_registry": "primaer-immunsvikt",
            },
        ],
        "information": {
            "letter": "voksne",
            "letter_given_date": "2024-10-01",
            "letter_recipient": "pasient",
            "research_contact": "ja",
        },
        "reporter": {
            "name": "Lege Zzyxreporter",
            "hpr_number": "7654321",
            "role": "sykehuslege",
            "workplace": "Testsykehuset HF",
            "department": "Medisinsk avdeling",
            "orgnr": REPORTER_ORGNR,
            "phone": "22334455",
            "email": "zzyx.lege@example.no",
            "registration_date": "2024-10-01",
            "comment": 'Kontroll; "viktig"\nny linje',
        },
        "modules": {
            "primaer-immunsvikt": {
                "iuis_category": "antistoffsvikt",
                "igg_at_diagnosis": 2.5,
                "iga_at_diagnosis": 0.05,
                "igm_at_diagnosis": 0.3,
                "recurrent_infections": "ja",
                "ig_replacement": "ja",
                "ig_replacement_route": "sc",
                "ig_replacement_start": "2016-03-01",
                "hsct": "nei",
            }
        },
    }


def assert_valid(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload, after checking the form's validator accepts it (no errors)."""
    from desktop.forms.validate import validate

    errors = validate(payload, today=TODAY).errors
    assert not errors, [issue.key for issue in errors]
    return payload


def identifiers(records: list[RegisterRecord]) -> dict[str, set[str]]:
    """Every direct identifier in ``records``, by kind, for the de-identification scans."""
    found: dict[str, set[str]] = {
        "text": set(),  # scanned as substrings: long and distinctive
        "token": set(),  # scanned as whole cells or tokens: short digit strings
    }
    for record in records:
        payload = record.payload
        patient = payload["patient"]
        reporter = payload["reporter"]
        found["text"].add(record.record_id)
        found["text"].add(patient["national_id"])
        found["text"].add(patient["family_name"])
        found["text"].add(patient["given_names"])  # whole: demo first words ("Demo") are
        # also words of the demo institutions' names
        for key in ("email",):
            if patient.get(key):
                found["text"].add(patient[key])
        if patient.get("phone"):
            found["token"].add(patient["phone"])
        address = patient.get("address") or {}
        if address.get("street"):
            found["text"].add(address["street"])
        guardian = patient.get("guardian") or {}
        for key in ("name", "address"):
            if guardian.get(key):
                found["text"].add(guardian[key])
        if guardian.get("phone"):
            found["token"].add(guardian["phone"])
        found["text"].add(reporter["name"])
        found["token"].add(reporter["hpr_number"])
        if reporter.get("email"):
            found["text"].add(reporter["email"])
        if reporter.get("phone"):
            found["token"].add(reporter["phone"])
        if reporter.get("comment"):
            found["text"].add(reporter["comment"])
    return found
