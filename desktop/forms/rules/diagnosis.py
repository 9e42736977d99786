"""Rules on a diagnosis as a whole: the undiagnosed code and likely duplicates."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.forms.rules import Finding, RuleContext, rule

UNDIAGNOSED_ORPHA = "ORPHA:616874"


@rule(
    "undiagnosed_requires_assertion",
    codes=("diagnosis.undiagnosed_assertion", "diagnosis.assertion_needs_undiagnosed_code"),
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
    lookup = ctx.duplicate_lookup
    patient = ctx.record.get("patient")
    if lookup is None or not isinstance(patient, dict) or not isinstance(ctx.value, str):
        return
    nid = patient.get("national_id")
    if isinstance(nid, str) and ctx.facts.birth_date is not None and lookup(nid, ctx.value):
        yield Finding("diagnosis.likely_duplicate", "warning")
