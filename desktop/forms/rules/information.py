"""Which information letter fits the patient's age, and when a guardian should be named.

The register has four letters (adults; parents/next of kin; children 12-16; children 7-11).
Children get their own letter and their parents get theirs, so for a child either letter is
a fitting choice and the suggestion lists both, the child's own first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from desktop.forms.conditions import is_filled
from desktop.forms.rules import Finding, RuleContext, age_on, rule

ADULT_AGE = 16


def suggest_information_letters(birth_date: dt.date, on: dt.date) -> list[str]:
    """The letter codes that fit the age on ``on``, the preferred one first."""
    age = age_on(birth_date, on)
    if age < 7:
        return ["foresatte"]
    if age < 12:
        return ["barn_7_11", "foresatte"]
    if age < ADULT_AGE:
        return ["barn_12_16", "foresatte"]
    return ["voksne"]


@rule("information_letter_fits_age", codes=("information.letter_age",), live=True)
def check_letter_fits_age(ctx: RuleContext) -> Iterator[Finding]:
    birth = ctx.facts.birth_date
    if birth is None or not isinstance(ctx.value, str):
        return
    fitting = suggest_information_letters(birth, ctx.facts.reference_date)
    if ctx.value not in fitting:
        age = age_on(birth, ctx.facts.reference_date)
        yield Finding(
            "information.letter_age", "warning", {"age": age, "options": "|".join(fitting)}
        )


@rule("guardian_suggested_for_minor", codes=("guardian.suggested",), when_empty=True)
def check_guardian(ctx: RuleContext) -> Iterator[Finding]:
    age = ctx.facts.age
    if age is None or age >= ADULT_AGE:
        return
    guardian = ctx.value if isinstance(ctx.value, dict) else {}
    if not is_filled(guardian.get("name")):
        yield Finding("guardian.suggested", "warning", {"age": age})
