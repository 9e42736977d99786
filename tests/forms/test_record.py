from __future__ import annotations

import datetime as dt
import uuid

from desktop.forms.record import new_record
from desktop.forms.validate import validate


def test_new_record_is_a_clean_draft() -> None:
    record = new_record(
        {"name": "Lege Testesen", "hpr_number": "1234567", "secret": "x"}, today=dt.date(2025, 6, 1)
    )
    assert uuid.UUID(record["record_id"]).version == 4
    assert record["revision"] == 1
    assert record["form"] == {"id": "sjeldenregisteret", "version": 1}
    assert record["reporter"] == {
        "name": "Lege Testesen",
        "hpr_number": "1234567",
        "registration_date": "2025-06-01",
    }
    assert validate(record, mode="draft", today=dt.date(2025, 6, 1)).issues == []
    assert not validate(record, today=dt.date(2025, 6, 1)).ok
    assert new_record()["record_id"] != new_record()["record_id"]
