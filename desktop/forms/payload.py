"""The few values the rest of the app keys on, read from a record payload in one way.

The record list and its duplicate check, the validator's duplicate lookup, the registry's
import, decisions and reservations (keyed hashes), the printouts and the exports all read
the same values from a payload: the national id, the patient's names, the ORPHA codes of
the diagnoses and the registration date. Each used to be read where it was needed, with
its own idea of normalising (stripped here, every space removed there, upper-cased in a
third place), so the clinic's store and the register could disagree on whether two records
are of the same person and diagnosis. Read here, a value has one normal form:

* a **national id** is the number as python-stdnum reads a fødselsnummer or D-number
  (whitespace and stdnum's separators removed) when that leaves 11 digits; anything else
  is no national id. Whether it is a *valid* one (check digits, birth date) is the
  validator's question (``desktop.forms.national_id``);
* an **ORPHA code** is ``ORPHA:`` and digits, surrounding whitespace aside; a loosely
  written code (``orpha:558``, ``558``) is not one here: the form's code field turns those
  into the canonical spelling, and the validator refuses them until it has;
* **names** are the texts trimmed; the **registration date** is a strict ``YYYY-MM-DD``;
* the **postal address** and the **guardian** are what a window envelope shows: the clinic's
  letters (``desktop.forms.letters``) and the register's letter runs
  (``desktop.staff.letter_render``) address the same person the same way.

Reading never raises and never logs: drafts and damaged payloads give empty values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stdnum.no import fodselsnummer

_ORPHA_CODE = re.compile(r"ORPHA:[0-9]+")


def normalise_national_id(value: object) -> str | None:
    """The 11 digits of a fødselsnummer or D-number as written in ``value``, else None."""
    if not isinstance(value, str):
        return None
    number: str = fodselsnummer.compact("".join(value.split()))
    return number if len(number) == 11 and number.isascii() and number.isdigit() else None


def normalise_orpha_code(value: object) -> str | None:
    """``ORPHA:<digits>`` when ``value`` is one (surrounding whitespace aside), else None."""
    if not isinstance(value, str):
        return None
    code = value.strip()
    return code if _ORPHA_CODE.fullmatch(code) else None


def parse_iso_date(value: Any) -> dt.date | None:
    """A strict ``YYYY-MM-DD`` date, or None (the validator's type check reports it)."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _patient(payload: object) -> Mapping[str, Any]:
    return _mapping(_mapping(payload).get("patient"))


def national_id(payload: object) -> str | None:
    """The patient's national id in its normal form, or None (none, or not 11 digits)."""
    return normalise_national_id(_patient(payload).get("national_id"))


def national_id_shown(payload: object) -> str:
    """The national id to show a user: the normal form when there is one, else the text
    as typed (a draft's half-typed number), else ""."""
    typed = _patient(payload).get("national_id")
    return normalise_national_id(typed) or _text(typed)


def orpha_code(diagnosis: object) -> str | None:
    """The ORPHA code of one diagnosis (an item of ``diagnoses``), or None."""
    return normalise_orpha_code(_mapping(diagnosis).get("orpha_code"))


def orpha_codes(payload: object) -> list[str]:
    """The ORPHA codes of the record's diagnoses, in form order (one per diagnosis that
    has one; the same code twice when two diagnoses name it)."""
    diagnoses = _mapping(payload).get("diagnoses")
    if not isinstance(diagnoses, list):
        return []
    return [code for item in diagnoses if (code := orpha_code(item)) is not None]


@dataclass(frozen=True, slots=True)
class PatientName:
    family: str
    given: str

    @property
    def listed(self) -> str:
        """``Family, Given``, as lists and the summary printout sort and show a person."""
        return ", ".join(part for part in (self.family, self.given) if part)

    @property
    def full(self) -> str:
        """``Given Family``, as a letter addresses the person."""
        return " ".join(part for part in (self.given, self.family) if part)


def patient_name(payload: object) -> PatientName:
    patient = _patient(payload)
    return PatientName(_text(patient.get("family_name")), _text(patient.get("given_names")))


def registration_date(payload: object) -> dt.date | None:
    """The reporter's registration date, when it is a strict ISO date."""
    return parse_iso_date(_mapping(_mapping(payload).get("reporter")).get("registration_date"))


@dataclass(frozen=True, slots=True)
class PostalAddress:
    street: str
    postal_code: str
    postal_place: str

    @property
    def complete(self) -> bool:
        return bool(self.street and self.postal_code and self.postal_place)

    @property
    def postal_line(self) -> str:
        """``0123 PLACE``: the place in capitals, as Posten asks; what is missing left out."""
        return " ".join(p for p in (self.postal_code, self.postal_place.upper()) if p)


def postal_address(payload: object) -> PostalAddress:
    address = _mapping(_patient(payload).get("address"))
    return PostalAddress(
        _text(address.get("street")),
        _text(address.get("postal_code")),
        _text(address.get("postal_place")),
    )


@dataclass(frozen=True, slots=True)
class Guardian:
    name: str
    address_lines: tuple[str, ...]  # the free-text address, its non-empty lines


def guardian(payload: object) -> Guardian:
    found = _mapping(_patient(payload).get("guardian"))
    lines = (line.strip() for line in _text(found.get("address")).splitlines())
    return Guardian(_text(found.get("name")), tuple(line for line in lines if line))


def letter_given_date(payload: object) -> dt.date | None:
    """When the clinic gave or sent the information letter, if the record says so."""
    return parse_iso_date(_mapping(_mapping(payload).get("information")).get("letter_given_date"))


def is_deceased(payload: object) -> bool:
    return _patient(payload).get("vital_status") == "dod"
