"""Date rules across fields: nothing before birth, nothing in the future, plausible years.

The birth date comes from the national id (``Facts``); when the id is missing or invalid the
rules that need it stay silent, because the id itself is already reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.forms.payload import parse_iso_date
from desktop.forms.rules import Finding, RuleContext, rule

EARLIEST_DIAGNOSIS_YEAR = 1900


@rule("not_in_future", codes=("date.future",), live=True)
def check_not_in_future(ctx: RuleContext) -> Iterator[Finding]:
    value = parse_iso_date(ctx.value)
    if value is not None and value > ctx.facts.today:
        yield Finding("date.future")


@rule("not_before_birth", codes=("date.before_birth",), live=True)
def check_not_before_birth(ctx: RuleContext) -> Iterator[Finding]:
    value = parse_iso_date(ctx.value)
    birth = ctx.facts.birth_date
    if value is not None and birth is not None and value < birth:
        yield Finding("date.before_birth")


@rule(
    "date_of_death_range", codes=("date_of_death.before_birth", "date_of_death.future"), live=True
)
def check_date_of_death(ctx: RuleContext) -> Iterator[Finding]:
    value = parse_iso_date(ctx.value)
    if value is None:
        return
    birth = ctx.facts.birth_date
    if birth is not None and value < birth:
        yield Finding("date_of_death.before_birth")
    if value > ctx.facts.today:
        yield Finding("date_of_death.future")


@rule(
    "diagnosis_year_bounds",
    codes=(
        "diagnosis_year.too_early",
        "diagnosis_year.before_birth",
        "diagnosis_year.after_registration",
    ),
    live=True,
)
def check_diagnosis_year(ctx: RuleContext) -> Iterator[Finding]:
    year = ctx.value
    if not isinstance(year, int) or isinstance(year, bool):
        return
    birth = ctx.facts.birth_date
    registration_year = ctx.facts.reference_date.year
    if year < EARLIEST_DIAGNOSIS_YEAR:
        yield Finding("diagnosis_year.too_early", params={"min": EARLIEST_DIAGNOSIS_YEAR})
    elif birth is not None and year < birth.year - 1:
        yield Finding("diagnosis_year.before_birth", params={"min": birth.year - 1})
    if year > registration_year:
        yield Finding("diagnosis_year.after_registration", params={"max": registration_year})


@rule("onset_age_bounds", codes=("onset_age.above_age",), live=True)
def check_onset_age(ctx: RuleContext) -> Iterator[Finding]:
    age = ctx.facts.age
    value = ctx.value
    if isinstance(value, int) and not isinstance(value, bool) and age is not None and value > age:
        yield Finding("onset_age.above_age", params={"age": age})
