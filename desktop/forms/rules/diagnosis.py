"""Rules on a diagnosis as a whole: the undiagnosed code and likely duplicates."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.forms.payload import national_id, normalise_orpha_code
from desktop.forms.rules import Finding, RuleContext, rule

UNDIAGNOSED_ORPHA = "ORPHA:616874"


@rule(
    "undiagnosed_requires_assertion",
    codes=("diagnosis.undiagnosed_assertion", "diagnosis.assertion_needs_undiagnosed_code"),
    live=True,
)
def check_undiagnosed(ctx: RuleContext) -> Iterator[Finding]:
    """ORPHA:616874 must carry the 'udiagnostisert' assertion (Orphanet RD-CODE); the
    assertion on any other code contradicts it, which is likely a slip: a warning."""
    assertion = ctx.container.get("assertion")
    if ctx.value == UNDIAGNOSED_ORPHA:
        if assertion != "udiagnostisert":
            yield Finding("diagnosis.undiagnosed_assertion")
    elif isinstance(ctx.value, str) and assertion == "udiagnostisert":
        yield Finding("diagnosis.assertion_needs_undiagnosed_code", "warning")


@rule("likely_duplicate", codes=("diagnosis.likely_duplicate",))
def check_duplicate(ctx: RuleContext) -> Iterator[Finding]:
    """Asks the store with the keys every store reads (``desktop.forms.payload``), and
    only for a national id the validator accepts (the facts hold its birth date)."""
    lookup = ctx.duplicate_lookup
    if lookup is None or ctx.facts.birth_date is None:
        return
    nid, code = national_id(ctx.record), normalise_orpha_code(ctx.value)
    if nid is not None and code is not None and lookup(nid, code):
        yield Finding("diagnosis.likely_duplicate", "warning")
