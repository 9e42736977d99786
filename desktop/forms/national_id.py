"""Norwegian national identity numbers: parse (birth date, sex, kind) and generate test ids.

The register links to the National Population Register, so it needs a fødselsnummer or a
D-number. H-numbers (hospital-internal, month + 40), FH-numbers (first digit 8 or 9) and the
synthetic test numbers of Skatteetaten's Tenor (month + 80) are refused with the reason.

Check digits come from ``stdnum.no.fodselsnummer``. From 2032 the Tax Administration issues
numbers whose first check digit may take any of four values (the weighted sum including it is
0, 1, 2 or 3 modulo 11) and whose individual digits no longer tell the sex. python-stdnum
(2.2) does not know that scheme yet, so it is implemented here on top of its digit weights:
such numbers are accepted on or after 2032-01-01 (earlier, a mismatching first check digit is
far more likely a typo) and carry no derived sex.

Exceptions carry a stable ``code`` and never the number itself: ids must not reach logs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from stdnum.no import fodselsnummer

NEW_SCHEME_FROM = dt.date(2032, 1, 1)
_K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)

Sex = Literal["kvinne", "mann"]


class IdKind(StrEnum):
    FNR = "fnr"
    DNR = "dnr"


@dataclass(frozen=True)
class NationalId:
    number: str
    kind: IdKind
    birth_date: dt.date
    sex: Sex | None  # None for 2032-scheme numbers, which do not encode sex
    new_scheme: bool = False


class NationalIdError(ValueError):
    """Why a number is not an acceptable national id; ``code`` is a stable machine code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(w * int(d) for w, d in zip(weights, digits, strict=False))


def parse(number: str, *, today: dt.date | None = None) -> NationalId:
    """Parse an 11-digit national id, or raise ``NationalIdError`` with the reason.

    ``today`` bounds the birth date (and decides whether 2032-scheme numbers are in use).
    Codes: ``national_id.format``, ``.checksum``, ``.h_number``, ``.fh_number``,
    ``.synthetic``, ``.birth_date``, ``.future``.
    """
    today = today or dt.date.today()
    if len(number) != 11 or not number.isascii() or not number.isdigit():
        raise NationalIdError("national_id.format")
    if _weighted(number, _K2_WEIGHTS) % 11 != 0:
        raise NationalIdError("national_id.checksum")
    k1_rest = _weighted(number, _K1_WEIGHTS) % 11
    legacy = number[9] == fodselsnummer.calc_check_digit1(number)
    new_scheme = not legacy and k1_rest in (1, 2, 3) and today >= NEW_SCHEME_FROM
    if not legacy and not new_scheme:
        raise NationalIdError("national_id.checksum")
    first = int(number[0])
    month = int(number[2:4])
    if first >= 8:
        raise NationalIdError("national_id.fh_number")
    if month > 80:
        raise NationalIdError("national_id.synthetic")
    if month > 40:
        raise NationalIdError("national_id.h_number")
    try:
        birth_date = fodselsnummer.get_birth_date(number)
    except Exception:  # stdnum raises its own ValidationError subclasses
        raise NationalIdError("national_id.birth_date") from None
    if birth_date > today:
        raise NationalIdError("national_id.future")
    kind = IdKind.DNR if first >= 4 else IdKind.FNR
    sex: Sex | None = None
    if not new_scheme:
        sex = "mann" if int(number[8]) % 2 else "kvinne"
    return NationalId(number, kind, birth_date, sex, new_scheme)


def is_valid(number: str, *, today: dt.date | None = None) -> bool:
    try:
        parse(number, today=today)
    except NationalIdError:
        return False
    return True


def _individual_ranges(year: int) -> list[range]:
    if 1854 <= year <= 1899:
        return [range(500, 750)]
    if 1900 <= year <= 1939:
        return [range(0, 500)]
    if 1940 <= year <= 1999:
        return [range(0, 500), range(900, 1000)]
    if 2000 <= year <= 2039:
        return [range(500, 1000)]
    raise ValueError("birth year must be between 1854 and 2039")


def generate(
    birth_date: dt.date,
    sex: Sex,
    kind: Literal["fnr", "dnr"] = "fnr",
    rng: random.Random | None = None,
) -> str:
    """A synthetic, check-digit-valid id for test and demo data (never a real person's on
    purpose, but treat output like any id: it may collide with a real one)."""
    rng = rng or random.Random()  # noqa: S311 - test data, not security
    ranges = _individual_ranges(birth_date.year)
    day = birth_date.day + (40 if kind == "dnr" else 0)
    stem = f"{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}"
    for _ in range(10_000):
        chosen = rng.choice(ranges)
        individual = rng.randrange(chosen.start, chosen.stop)
        if (individual % 2 == 1) != (sex == "mann"):
            individual += 1 if individual + 1 < chosen.stop else -1
        base = f"{stem}{individual:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if k1 == "10":
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if k2 == "10":
            continue
        return base + k1 + k2
    raise RuntimeError("no valid id found for this birth date")  # pragma: no cover
