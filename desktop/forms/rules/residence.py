"""Municipality numbers change over time; a registration keeps the one in force on its date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from desktop.forms.rules import Finding, RuleContext, rule

# The code lists are imported on first use (not when the rules are), then kept here.
_valid_on: Callable[[str, dt.date], bool] | None = None


@rule("municipality_valid_on_registration_date", codes=("municipality.not_valid_on_date",))
def check_municipality_on_date(ctx: RuleContext) -> Iterator[Finding]:
    global _valid_on
    if _valid_on is None:
        from desktop.forms.codelists import municipality_valid_on

        _valid_on = municipality_valid_on
    if isinstance(ctx.value, str) and not _valid_on(ctx.value, ctx.facts.reference_date):
        yield Finding("municipality.not_valid_on_date")
