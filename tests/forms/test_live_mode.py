"""The validator's live mode: what the form shows while the clinician types.

Live mode is a draft's checks plus the cross-field plausibility rules; a plausibility error
is a provisional warning there (it cannot be confirmed away) and an error at completion.
Draft mode (autosave, ``sjelden validate --draft``) is unchanged.
"""

from __future__ import annotations

import copy

from desktop.forms.rules import RULES
from desktop.forms.validate import validate
from tests.forms.conftest import TODAY, valid_record


def _with(change) -> dict:
    record = copy.deepcopy(valid_record())
    change(record)
    return record


def _future_year(record: dict) -> None:
    record["diagnoses"][0]["diagnosis_year"] = TODAY.year + 5


def test_a_plausibility_error_is_a_provisional_warning_while_typing():
    record = _with(_future_year)
    key = "diagnosis_year.after_registration@diagnoses[0].diagnosis_year"
    live = validate(record, mode="live", today=TODAY)
    [issue] = [i for i in live.issues if i.key == key]
    assert issue.severity == "warning" and issue.provisional
    assert live.ok  # nothing blocks a draft
    # confirming it changes nothing: completion refuses it all the same
    confirmed = validate(record, mode="live", today=TODAY, confirmed_warnings={key})
    assert not next(i for i in confirmed.issues if i.key == key).confirmed
    complete = validate(record, today=TODAY, confirmed_warnings={key})
    [error] = [i for i in complete.issues if i.key == key]
    assert error.severity == "error" and not error.provisional
    # the draft check (autosave, sjelden validate --draft) stays type and syntax only
    assert key not in {i.key for i in validate(record, mode="draft", today=TODAY).issues}


def test_a_warning_rule_stays_a_confirmable_warning_in_live_mode():
    def phone_in_comment(record: dict) -> None:
        record["reporter"]["comment"] = "Ring mor på 912 34 567"

    key = "comment.personal_data@reporter.comment"
    record = _with(phone_in_comment)
    [issue] = [i for i in validate(record, mode="live", today=TODAY).issues if i.key == key]
    assert issue.severity == "warning" and not issue.provisional
    confirmed = validate(record, mode="live", today=TODAY, confirmed_warnings={key})
    assert next(i for i in confirmed.issues if i.key == key).confirmed


def test_live_rules_need_nothing_but_the_record():
    """No live rule looks in the store or reports a missing value: a half-typed record must
    not drown in "missing" messages, and the form has no store look-up per keystroke."""
    live = {name for name, rule in RULES.items() if rule.live}
    assert "likely_duplicate" not in live
    assert not any(RULES[name].when_empty or RULES[name].syntax for name in live)
    assert {
        "diagnosis_year_bounds",
        "onset_age_bounds",
        "sex_matches_national_id",
        "comment_personal_data",
        "not_in_future",
    } <= live


def test_the_date_message_names_the_format_where_the_date_is_typed():
    def bad_date(record: dict) -> None:
        record["information"]["letter_given_date"] = "31.02.2024"

    record = _with(bad_date)

    def message(**kwargs) -> str:
        issues = validate(record, today=TODAY, **kwargs).issues
        return next(i.message for i in issues if i.code == "field.type_date")

    assert "DD.MM.ÅÅÅÅ" in message(typed_dates=True, lang="nb")
    assert "15.03.2024" in message(typed_dates=True, lang="nb")
    assert "DD.MM.YYYY" in message(typed_dates=True, lang="en")
    # a record file (sjelden validate, the registry import) is ISO
    assert "ÅÅÅÅ-MM-DD" in message(lang="nb")
    assert "YYYY-MM-DD" in message(lang="en")
