"""Rules that read the code lists' own knowledge: inactive ORPHA codes, ICD-10 categories that
have subcategories, and ICD-10 codes that do not match the ORPHA code's alignments.

All are warnings: a clinician may have good reason (an older record, a deliberate code) and
confirms. A list that cannot be read is reported by the code-field check already, so these
rules then say nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.forms.codelists.checks import (
    DROPPED_STATUS,
    INACTIVE_STATUSES,
    CodeChecker,
    describe_codes,
    get_codelist,
)
from desktop.forms.rules import Finding, RuleContext, rule


def _checker(name: str) -> CodeChecker | None:
    try:
        return get_codelist(name)  # type: ignore[arg-type]
    except Exception:  # the code field's own check reports an unreadable list
        return None


@rule(
    "orpha_in_force",
    codes=("orpha.inactive", "orpha.inactive_no_successor", "orpha.dropped"),
    live=True,
)
def check_orpha_in_force(ctx: RuleContext) -> Iterator[Finding]:
    """An ORPHA code Orphanet made inactive names its successor; one the newest source
    no longer carries says so."""
    value = ctx.value
    orpha = _checker("orpha")
    if orpha is None or not isinstance(value, str):
        return
    concept = orpha.concept(value)
    if concept is None:
        return
    status = concept.attributes.get("status", "")
    if status in INACTIVE_STATUSES:
        successor = concept.attributes.get("successor", "")
        if successor:
            yield Finding(
                "orpha.inactive",
                "warning",
                {
                    "orpha": value,
                    "successor": successor,
                    "successor_name": orpha.label(successor, "en"),
                },
            )
        else:
            yield Finding("orpha.inactive_no_successor", "warning", {"orpha": value})
    elif status == DROPPED_STATUS:
        version = orpha.versions[-1].version
        yield Finding("orpha.dropped", "warning", {"orpha": value, "version": version})


@rule("icd10_specific", codes=("icd10.needs_subcategory",), live=True)
def check_icd10_specific(ctx: RuleContext) -> Iterator[Finding]:
    """A three-character category that has subcategories is not a final code."""
    value = ctx.value
    if not isinstance(value, str) or len(value) != 3:
        return
    icd10 = _checker("icd10")
    if icd10 is None:
        return
    members = icd10.subcategories.get(value)
    if members:
        yield Finding(
            "icd10.needs_subcategory",
            "warning",
            {"icd10": value, "subcategories": describe_codes(members, icd10.subcategories)},
        )


@rule("icd10_aligned_with_orpha", codes=("icd10.not_aligned_with_orpha",), live=True)
def check_icd10_aligned(ctx: RuleContext) -> Iterator[Finding]:
    """The ICD-10 code should be one the diagnosis's ORPHA code is aligned with (when the
    list knows its alignments). A category of an aligned subcategory, or a subcategory of an
    aligned category, counts as aligned (the category rule asks for the subcategory)."""
    value = ctx.value
    orpha_code = ctx.container.get("orpha_code")
    if not isinstance(value, str) or not isinstance(orpha_code, str):
        return
    orpha = _checker("orpha")
    if orpha is None:
        return
    aligned = orpha.aligned_icd10(orpha_code)
    if not aligned or value in aligned:
        return
    category = value[:3]
    if any(code == category or code[:3] == value for code in aligned):
        return
    icd10 = _checker("icd10")
    subcategories = icd10.subcategories if icd10 is not None else {}
    yield Finding(
        "icd10.not_aligned_with_orpha",
        "warning",
        {"orpha": orpha_code, "aligned": describe_codes(aligned, subcategories)},
    )
