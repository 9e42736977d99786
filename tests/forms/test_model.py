from __future__ import annotations

import datetime as dt
import json

import jsonschema_rs
import pytest
from pydantic import ValidationError

from desktop.forms.demo import demo_records
from desktop.forms.model import record_json_schema, record_model
from tests.forms.conftest import valid_record


def test_schema_is_valid_json_schema_and_accepts_demo_records() -> None:
    schema = record_json_schema()
    assert jsonschema_rs.meta.is_valid(schema)
    validator = jsonschema_rs.validator_for(schema)
    for record in [valid_record(), *demo_records(100, seed=2, today=dt.date(2025, 6, 15))]:
        errors = [e.message for e in validator.iter_errors(json.loads(json.dumps(record)))]
        assert errors == []


def test_schema_refuses_structural_errors() -> None:
    validator = jsonschema_rs.validator_for(record_json_schema())
    record = valid_record()
    record["patient"]["sex"] = "female"
    assert not validator.is_valid(record)
    record = valid_record()
    record["patient"]["nickname"] = "x"
    assert not validator.is_valid(record)


def test_pydantic_models_complete_and_draft() -> None:
    model = record_model()
    parsed = model.model_validate(valid_record())
    assert parsed.patient.vital_status == "levende"  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        model.model_validate({"patient": {}})
    draft = record_model(draft=True)
    assert draft.model_validate({"patient": {"family_name": "Testesen"}}) is not None
