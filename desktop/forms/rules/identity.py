"""Rules on who the patient is: the national id and the sex it implies."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.forms.rules import Finding, RuleContext, rule

NATIONAL_ID_CODES = (
    "national_id.format",
    "national_id.checksum",
    "national_id.h_number",
    "national_id.fh_number",
    "national_id.synthetic",
    "national_id.birth_date",
    "national_id.future",
)


@rule("national_id", codes=NATIONAL_ID_CODES, syntax=True)
def check_national_id(ctx: RuleContext) -> Iterator[Finding]:
    if not isinstance(ctx.value, str):
        return
    parsed = ctx.facts.parse_national_id(ctx.value)
    if isinstance(parsed, str):
        yield Finding(parsed)


@rule("sex_matches_national_id", codes=("sex.differs_from_national_id",), live=True)
def check_sex_matches_id(ctx: RuleContext) -> Iterator[Finding]:
    """A warning, not an error: the registered sex may rightly differ from the number's."""
    implied = ctx.facts.id_sex
    if implied is not None and ctx.value in ("kvinne", "mann") and ctx.value != implied:
        yield Finding("sex.differs_from_national_id", "warning")
