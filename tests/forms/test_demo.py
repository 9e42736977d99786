from __future__ import annotations

import datetime as dt

from desktop.forms import national_id
from desktop.forms.demo import demo_records
from desktop.forms.validate import validate

TODAY = dt.date(2025, 6, 15)


def test_demo_records_are_valid_and_varied() -> None:
    records = list(demo_records(400, seed=7, today=TODAY))
    for record in records:
        result = validate(record, today=TODAY)
        assert result.issues == [], [i.as_dict() for i in result.issues]
    kinds = {national_id.parse(r["patient"]["national_id"], today=TODAY).kind for r in records}
    assert kinds == {national_id.IdKind.FNR, national_id.IdKind.DNR}
    assert any(r["patient"]["vital_status"] == "dod" for r in records)
    assert any("guardian" in r["patient"] for r in records)
    assert any(r["modules"] for r in records)
    assert any(
        f.get("hgvs")
        for r in records
        for d in r["diagnoses"]
        for f in d.get("genetic_findings", [])
    )
    assert len({r["record_id"] for r in records}) == len(records)


def test_same_seed_same_records() -> None:
    assert list(demo_records(5, seed=3, today=TODAY)) == list(demo_records(5, seed=3, today=TODAY))
    assert list(demo_records(5, seed=3, today=TODAY)) != list(demo_records(5, seed=4, today=TODAY))
