"""The record-list columns derived from a payload, for complete records and broken drafts."""

from __future__ import annotations

import pytest

from desktop.storage.summary import RecordSummary, summarize, summarize_json


def test_summary_of_a_complete_record() -> None:
    payload = {
        "patient": {
            "family_name": "Testesen",
            "given_names": "Prøve Kari",
            "national_id": "01017012345",
        },
        "diagnoses": [{"orpha_code": "ORPHA:586"}, {"orpha_code": "ORPHA:558"}],
        "reporter": {"registration_date": "2025-06-01"},
    }
    assert summarize(payload) == RecordSummary(
        "Testesen, Prøve Kari", "01017012345", "ORPHA:586 ORPHA:558", "2025-06-01"
    )


def test_the_columns_hold_the_one_normal_form() -> None:
    """The national id and ORPHA codes as ``desktop.forms.payload`` reads them, the keys
    the register hashes too (tests/staff/test_same_person.py): a loosely written code is
    no ORPHA code, a number typed with spaces is the number."""
    payload = {
        "patient": {"national_id": " 010170 12345"},
        "diagnoses": [{"orpha_code": "orpha:558"}, {"orpha_code": " ORPHA:586 "}],
        "reporter": {"registration_date": "2025-06-01 "},
    }
    assert summarize(payload) == RecordSummary("", "01017012345", "ORPHA:586", None)


@pytest.mark.parametrize(
    "payload",
    [
        None,
        [],
        {},
        {"patient": "x", "diagnoses": {"a": 1}, "reporter": []},
        {
            "patient": {"family_name": 3, "given_names": "  Kari "},
            "diagnoses": [None, {"orpha_code": "orpha:586"}],
            "reporter": {"registration_date": "2025-13-01"},
        },
    ],
)
def test_summary_never_fails_on_drafts(payload: object) -> None:
    summary = summarize(payload)
    assert isinstance(summary, RecordSummary)
    assert summary.registered_on is None


def test_summary_of_a_partial_draft() -> None:
    summary = summarize({"patient": {"given_names": " Kari "}, "diagnoses": [{}]})
    assert summary == RecordSummary("Kari", None, "", None)
    assert summarize_json("not json") == RecordSummary()
