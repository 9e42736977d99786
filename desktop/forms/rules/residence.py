"""Municipality numbers change over time; a registration keeps the one in force on its date."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.forms.codelists import municipality_valid_on
from desktop.forms.rules import Finding, RuleContext, rule


@rule(
    "municipality_valid_on_registration_date", codes=("municipality.not_valid_on_date",), live=True
)
def check_municipality_on_date(ctx: RuleContext) -> Iterator[Finding]:
    if isinstance(ctx.value, str) and not municipality_valid_on(
        ctx.value, ctx.facts.reference_date
    ):
        yield Finding("municipality.not_valid_on_date")
