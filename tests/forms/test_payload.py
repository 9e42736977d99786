"""The values the app keys on, read from a payload in one normal form."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop.forms import payload
from desktop.forms.demo import demo_records

NID = "01017012345"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (NID, NID),
        (f" {NID} ", NID),
        ("010170 12345", NID),
        ("010170\t123\u00a045", NID),
        ("010170-12345", NID),
        ("010170:12345", NID),
        ("0101701234", None),
        ("010170123456", None),
        ("0101701234x", None),
        ("０１０１７０１２３４５", NID),  # stdnum reads full-width digits as digits
        ("", None),
        (1017012345, None),
        (None, None),
    ],
)
def test_a_national_id_is_eleven_digits_as_stdnum_reads_it(typed: object, expected: str) -> None:
    assert payload.normalise_national_id(typed) == expected
    record = {"patient": {"national_id": typed}}
    assert payload.national_id(record) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ORPHA:558", "ORPHA:558"),
        (" ORPHA:558\n", "ORPHA:558"),
        ("orpha:558", None),
        ("ORPHA 558", None),
        ("ORPHA558", None),
        ("558", None),
        ("ORPHA:", None),
        ("ORPHA:55a", None),
        (558, None),
        (None, None),
    ],
)
def test_an_orpha_code_is_orpha_colon_digits(typed: object, expected: str | None) -> None:
    assert payload.normalise_orpha_code(typed) == expected
    assert payload.orpha_code({"orpha_code": typed}) == expected


def test_codes_in_form_order_one_per_diagnosis_that_has_one() -> None:
    record = {
        "diagnoses": [
            {"orpha_code": "ORPHA:586"},
            None,
            {"icd10": "E84.0"},
            {"orpha_code": "orpha:558"},
            {"orpha_code": " ORPHA:586 "},
        ]
    }
    assert payload.orpha_codes(record) == ["ORPHA:586", "ORPHA:586"]


@pytest.mark.parametrize(
    "broken", [None, [], "x", {"patient": [], "diagnoses": {}, "reporter": "y"}, {"patient": 3}]
)
def test_reading_a_damaged_payload_gives_empty_values(broken: Any) -> None:
    assert payload.national_id(broken) is None
    assert payload.national_id_shown(broken) == ""
    assert payload.orpha_codes(broken) == []
    assert payload.patient_name(broken) == payload.PatientName("", "")
    assert payload.registration_date(broken) is None


def test_names_dates_and_the_number_shown() -> None:
    record = {
        "patient": {
            "family_name": " Testesen ",
            "given_names": "Prøve Kari",
            "national_id": "0101",
        },
        "reporter": {"registration_date": "2025-06-01"},
    }
    name = payload.patient_name(record)
    assert (name.listed, name.full) == ("Testesen, Prøve Kari", "Prøve Kari Testesen")
    assert payload.PatientName("", "Kari").listed == "Kari"
    assert payload.registration_date(record) == dt.date(2025, 6, 1)
    # a draft's half-typed number is shown as typed; a whole one in its normal form
    assert payload.national_id_shown(record) == "0101"
    record["patient"]["national_id"] = " 010170 12345"
    assert payload.national_id_shown(record) == NID


@pytest.mark.parametrize("typed", ["2025-6-01", "20250601", "2025-06-01 ", "2025-02-30", 20250601])
def test_a_registration_date_is_strict_iso(typed: object) -> None:
    assert payload.registration_date({"reporter": {"registration_date": typed}}) is None


def test_valid_records_read_as_written() -> None:
    """What the validator accepts is already in the normal form: no existing key moves."""
    for record in demo_records(200, seed=3):
        assert payload.national_id(record) == record["patient"]["national_id"]
        written = [d["orpha_code"] for d in record["diagnoses"] if "orpha_code" in d]
        assert payload.orpha_codes(record) == written
