"""Syntax rules for contact details and identifiers of people and organisations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import mul

from desktop.forms.conditions import is_filled
from desktop.forms.rules import Finding, RuleContext, rule

_POSTAL_CODE = re.compile(r"^[0-9]{4}$")
# Norwegian numbers (8 digits, optional +47/0047) or international +<country><number>;
# spaces and hyphens between digit groups are allowed, as people write them.
_PHONE = re.compile(r"^(?:\+|00)?[0-9](?:[ -]?[0-9]){5,16}$")
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_HPR = re.compile(r"^[0-9]{4,9}$")
# Enhetsregisteret's mod-11 weights (as python-stdnum's ``stdnum.no.orgnr.checksum``); the
# weighted sum including the check digit is 0 modulo 11.
_ORGNR_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2, 1)


@rule("postal_code", codes=("postal_code.format",), syntax=True)
def check_postal_code(ctx: RuleContext) -> Iterator[Finding]:
    if isinstance(ctx.value, str) and not _POSTAL_CODE.match(ctx.value):
        yield Finding("postal_code.format")


@rule("phone", codes=("phone.format",), syntax=True)
def check_phone(ctx: RuleContext) -> Iterator[Finding]:
    if isinstance(ctx.value, str) and not _PHONE.match(ctx.value.strip()):
        yield Finding("phone.format")


@rule("email", codes=("email.format",), syntax=True)
def check_email(ctx: RuleContext) -> Iterator[Finding]:
    value = ctx.value
    if isinstance(value, str) and (not _EMAIL.match(value.strip()) or ".." in value):
        yield Finding("email.format")


@rule("orgnr", codes=("orgnr.format", "orgnr.checksum"), syntax=True)
def check_orgnr(ctx: RuleContext) -> Iterator[Finding]:
    value = ctx.value
    if not isinstance(value, str):
        return
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        yield Finding("orgnr.format")
    elif sum(map(mul, _ORGNR_WEIGHTS, map(int, value))) % 11 != 0:
        yield Finding("orgnr.checksum")


@rule("hpr_number", codes=("hpr_number.format",), syntax=True)
def check_hpr_number(ctx: RuleContext) -> Iterator[Finding]:
    if isinstance(ctx.value, str) and not _HPR.match(ctx.value):
        yield Finding("hpr_number.format")


@rule("reporter_contact_required", codes=("reporter.contact_required",), when_empty=True)
def check_reporter_contact(ctx: RuleContext) -> Iterator[Finding]:
    """Attached to the phone field: phone or e-mail, at least one of them."""
    if not is_filled(ctx.value) and not is_filled(ctx.container.get("email")):
        yield Finding("reporter.contact_required")
