"""The validator as a whole: never raises, draft mode, confirmations, languages."""

from __future__ import annotations

import copy
import json
import pickle
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.forms.rules import RULES
from desktop.forms.validate import error_keys, validate
from tests.forms.conftest import ADULT_ID, TODAY, valid_record

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)
KEYS = [
    "patient",
    "diagnoses",
    "information",
    "reporter",
    "modules",
    "form",
    "record_id",
    "revision",
]


@st.composite
def mangled_record(draw: st.DrawFn) -> Any:
    """A valid record with a few values swapped for arbitrary JSON, at any depth."""
    record: Any = copy.deepcopy(valid_record())
    record["diagnoses"][0]["sub_registry"] = draw(st.sampled_from([None, "primaer-immunsvikt"]))
    for _ in range(draw(st.integers(1, 4))):
        target = record
        while isinstance(target, dict | list) and target and draw(st.booleans()):
            key = draw(
                st.sampled_from(
                    list(target.keys()) if isinstance(target, dict) else list(range(len(target)))
                )
            )
            if not isinstance(target[key], dict | list):
                break
            target = target[key]
        if isinstance(target, dict) and target:
            target[draw(st.sampled_from(list(target)))] = draw(JSON)
        elif isinstance(target, list) and target:
            target[0] = draw(JSON)
    return record


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(JSON, st.dictionaries(st.sampled_from(KEYS), JSON), mangled_record()),
    st.sampled_from(["complete", "draft"]),
    st.sampled_from(["nb", "en"]),
)
def test_never_raises_on_arbitrary_json(payload: Any, mode: Any, lang: Any) -> None:
    result = validate(
        payload, mode=mode, lang=lang, today=TODAY, duplicate_lookup=lambda a, b: True
    )
    for issue in result.issues:
        assert issue.severity in ("error", "warning")
        assert issue.message and not re.search(r"\{[a-z_]+\}", issue.message)
    json.dumps([i.as_dict() for i in result.issues])


def test_draft_mode_checks_only_what_is_filled_in() -> None:
    draft = {"record_id": "3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c", "patient": {"national_id": "123"}}
    issues = validate(draft, mode="draft", today=TODAY).issues
    assert [(i.field, i.code) for i in issues] == [("patient.national_id", "national_id.format")]
    assert validate({}, mode="draft", today=TODAY).ok
    # Cross-field checks wait for completion.
    record = valid_record()
    record["patient"]["sex"] = "mann"
    assert validate(record, mode="draft", today=TODAY).issues == []


def test_warnings_need_explicit_confirmation() -> None:
    record = valid_record()
    record["patient"]["sex"] = "mann"
    result = validate(record, today=TODAY)
    assert result.ok and not result.can_complete
    [warning] = result.needs_confirmation
    assert warning.key == "sex.differs_from_national_id@patient.sex"
    confirmed = validate(record, today=TODAY, confirmed_warnings=[warning.key])
    assert confirmed.can_complete and confirmed.issues[0].confirmed
    assert validate(
        record, today=TODAY, confirmed_warnings=["sex.differs_from_national_id"]
    ).can_complete
    assert not validate(record, today=TODAY, confirmed_warnings=["other@patient.sex"]).can_complete


def test_errors_cannot_be_confirmed_away() -> None:
    record = valid_record()
    del record["patient"]["family_name"]
    result = validate(
        record, today=TODAY, confirmed_warnings=["field.required@patient.family_name"]
    )
    assert not result.ok and not result.can_complete


def test_error_keys_are_the_errors_only_and_picklable() -> None:
    record = valid_record()
    record["patient"]["sex"] = "mann"  # a warning: confirmed at completion, not counted
    del record["patient"]["family_name"]
    assert error_keys(record) == ["field.required@patient.family_name"]
    assert pickle.loads(pickle.dumps(error_keys)) is error_keys


def test_messages_name_field_problem_and_fix_in_both_languages() -> None:
    record = valid_record()
    record["patient"]["national_id"] = ADULT_ID[:10] + str((int(ADULT_ID[10]) + 1) % 10)
    nb = validate(record, today=TODAY).issues[0].message
    en = validate(record, today=TODAY, lang="en").issues[0].message
    assert nb.startswith("Pasient › Fødselsnummer / D-nummer") and "Kontroller" in nb
    assert en.startswith("Patient › National identity number / D number") and "Check" in en


def test_messages_never_contain_the_value() -> None:
    record = valid_record()
    record["patient"]["national_id"] = "98765432109"
    record["patient"]["family_name"] = 12345
    record["diagnoses"][0]["genetic_findings"][0]["hgvs"] = "NM_999999.1:c.77777Q>Z"
    for lang in ("nb", "en"):
        for issue in validate(record, today=TODAY, lang=lang).issues:  # type: ignore[arg-type]
            for value in ("98765432109", "12345", "77777"):
                assert value not in issue.message


def test_every_rule_code_has_a_message_in_both_languages() -> None:
    from desktop.forms.messages import MESSAGES

    for rule in RULES.values():
        for code in rule.codes:
            assert code in MESSAGES, code
            nb, en = MESSAGES[code].nb, MESSAGES[code].en
            assert "{label}" in nb and "{label}" in en, code


def test_validating_one_record_does_not_change_it() -> None:
    record = valid_record()
    before = copy.deepcopy(record)
    validate(record, today=TODAY)
    assert record == before
