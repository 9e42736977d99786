"""Syntax rules for genetic findings: gene symbol, HGVS variant, ISCN karyotype, OMIM."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.forms import hgvs, iscn
from desktop.forms.conditions import is_filled
from desktop.forms.rules import Finding, RuleContext, rule

# HGNC approved symbols: upper-case letters and digits, sometimes with '-' or '@'
# (e.g. CFTR, HLA-B, C4orf33 is written upper-case except 'orf').
_HGNC = re.compile(r"^[A-Z][A-Z0-9]*(?:orf[0-9]+)?(?:[-@][A-Z0-9]+)*$")
_OMIM = re.compile(r"^[0-9]{6}$")

HGVS_CODES = (
    "hgvs.reference",
    "hgvs.reference_version",
    "hgvs.type_mismatch",
    "hgvs.syntax",
    "hgvs.range_order",
    "hgvs.range_same",
    "hgvs.protein_one_letter",
    "hgvs.unchanged",
    "hgvs.substitution_range",
    "hgvs.insertion_flanks",
    "hgvs.conversion",
    "hgvs.delins_form",
    "hgvs.unknown_offset",
    "hgvs.repeat_frame",
    "hgvs.frameshift_nonsense",
    "hgvs.protein_start",
    "hgvs.protein_extension",
    "hgvs.allele_brackets",
    "hgvs.allele_parentheses",
    "hgvs.nucleotide_case",
)


@rule("hgvs", codes=HGVS_CODES, syntax=True)
def check_hgvs(ctx: RuleContext) -> Iterator[Finding]:
    """Errors for what the nomenclature refuses; warnings (one-letter amino acids) for what
    it accepts but discourages. Messages show the nearest valid form by a fixed example,
    never the value typed (messages may be logged); ``HgvsError.suggestion`` has the
    corrected description itself for a caller that may show it."""
    if not isinstance(ctx.value, str):
        return
    try:
        parsed = hgvs.parse(ctx.value.strip())
    except hgvs.HgvsError as exc:
        yield Finding(exc.code)
        return
    for code in parsed.warnings:
        yield Finding(code, severity="warning")


def is_valid_iscn(karyotype: str) -> bool:
    """An ISCN karyotype (``desktop.forms.iscn``)."""
    return iscn.is_valid(karyotype.strip())


@rule("iscn", codes=("iscn.syntax", "iscn.count"), syntax=True)
def check_iscn(ctx: RuleContext) -> Iterator[Finding]:
    if not isinstance(ctx.value, str):
        return
    try:
        iscn.parse(ctx.value.strip())
    except iscn.IscnError as exc:
        yield Finding(exc.code)


@rule("hgnc_symbol", codes=("gene.symbol",), syntax=True)
def check_hgnc_symbol(ctx: RuleContext) -> Iterator[Finding]:
    if isinstance(ctx.value, str) and not _HGNC.match(ctx.value.strip()):
        yield Finding("gene.symbol")


@rule("omim", codes=("omim.format",), syntax=True)
def check_omim(ctx: RuleContext) -> Iterator[Finding]:
    if isinstance(ctx.value, str) and not _OMIM.match(ctx.value):
        yield Finding("omim.format")


@rule("finding_has_variant_or_karyotype", codes=("genetic_finding.empty",))
def check_finding_content(ctx: RuleContext) -> Iterator[Finding]:
    """Attached to the list: every finding needs a variant or a karyotype."""
    if not isinstance(ctx.value, list):
        return
    for item in ctx.value:
        if isinstance(item, dict) and not (
            is_filled(item.get("hgvs")) or is_filled(item.get("karyotype"))
        ):
            yield Finding("genetic_finding.empty")
            return
