"""Field-by-field differences between two revisions, in the validator's path spelling."""

from __future__ import annotations

from desktop.staff.diff import diff_payloads
from desktop.staff.model import FieldChange


def test_changed_added_and_removed_leaves() -> None:
    old = {
        "record_id": "a",
        "revision": 1,
        "patient": {"family_name": "Testesen", "phone": "91234567"},
        "diagnoses": [{"orpha_code": "ORPHA:586", "basis": ["klinisk"]}],
    }
    new = {
        "record_id": "a",
        "revision": 2,
        "patient": {"family_name": "Testesen", "email": "x@example.no"},
        "diagnoses": [
            {"orpha_code": "ORPHA:558", "basis": ["klinisk", "biokjemisk"]},
            {"orpha_code": "ORPHA:70"},
        ],
    }
    assert diff_payloads(old, new) == [
        FieldChange("diagnoses[0].basis[1]", None, "biokjemisk"),
        FieldChange("diagnoses[0].orpha_code", "ORPHA:586", "ORPHA:558"),
        FieldChange("diagnoses[1].orpha_code", None, "ORPHA:70"),
        FieldChange("patient.email", None, "x@example.no"),
        FieldChange("patient.phone", "91234567", None),
    ]


def test_identical_revisions_and_type_changes() -> None:
    record = {"record_id": "a", "revision": 1, "diagnoses": [{"diagnosis_year": 2020}]}
    assert diff_payloads(record, dict(record, revision=5)) == []
    changed = {"record_id": "a", "revision": 2, "diagnoses": [{"diagnosis_year": "2020"}]}
    assert diff_payloads(record, changed) == [
        FieldChange("diagnoses[0].diagnosis_year", 2020, "2020")
    ]
    assert diff_payloads({}, {"modules": {}}) == [FieldChange("modules", None, {})]
