"""Is there personal data in a reason text staff wrote about one record?

Reason texts go back to the clinic (sealed to it, docs/protocol.md) and stay in the
register's feedback documents; the clinic has the registration, so a reason never needs to
repeat who it is about. Patterns alone miss what matters most: "Kari Nordmann mangler
samtykke" holds no number at all. The staff tool has the decrypted record, so the text is
checked against the record's own values as well:

* **patterns**: the free-text check of the form (``desktop.forms.rules.privacy``: an 11-digit
  national id, an e-mail address, a phone number), plus a national id written with any
  separators between its digits (``07.10.01 54816``);
* **names**: the patient's given and family names, each word of them, as whole words,
  case- and accent-insensitive;
* **ids**: the record's national id and phone number, by their digits whatever the spacing;
* **dates**: the birth date (from the national id) and the patient's other dates, in the
  ways people write them (``17.05.1980``, ``17.5.80``, ``1980-05-17``, ``17/5/1980``,
  ``170580``, ``17. mai 1980``);
* **places**: street, postal place and the municipality's name.

It answers only whether the text holds any of them, never which, so no caller can echo a
value into a message or a log.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from desktop.forms.payload import parse_iso_date
from desktop.forms.rules.privacy import contains_personal_data

_ID_WITH_SEPARATORS = re.compile(r"(?<![0-9])[0-9](?:[ .\-/]{0,2}[0-9]){10}(?![0-9])")
_MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
_MIN_NAME = 2  # a one-letter initial alone says nothing


def _fold(text: str) -> str:
    """Case- and accent-insensitive, and ``ø``/``æ``/``å`` kept apart from o/a only by case."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _words(value: object) -> Iterator[str]:
    if isinstance(value, str):
        whole = value.strip()
        if len(whole) >= _MIN_NAME:
            yield whole
        for word in re.split(r"[\s,\-]+", whole):
            if len(word) >= _MIN_NAME:
                yield word


def _date_forms(day: dt.date) -> Iterator[str]:
    """Ways to write ``day``, as regular expressions over the folded text."""
    d, m, y, yy = day.day, day.month, day.year, day.year % 100
    sep = r"\s*[./\-]\s*"
    for dd in {f"{d:02d}", str(d)}:
        for mm in {f"{m:02d}", str(m)}:
            for year in (str(y), f"{yy:02d}"):
                yield rf"(?<![0-9]){dd}{sep}{mm}{sep}{year}(?![0-9])"
        yield rf"(?<![0-9]){dd}\.?\s*{_MONTHS[m - 1]}\s*{y}(?![0-9])"
    yield rf"(?<![0-9]){y}{sep}{m:02d}{sep}{d:02d}(?![0-9])"
    yield rf"(?<![0-9]){d:02d}{m:02d}{yy:02d}(?![0-9])"
    yield rf"(?<![0-9]){d:02d}{m:02d}{y}(?![0-9])"


def _birth_date(number: str) -> dt.date | None:
    from desktop.forms import national_id as nid

    try:
        return nid.parse(number).birth_date
    except ValueError:
        return None


def _municipality(code: object) -> str | None:
    if not isinstance(code, str) or not code:
        return None
    try:
        from desktop.forms.codelists import get_codelist

        return get_codelist("kommuner").label(code) or None
    except (KeyError, LookupError, ValueError):
        return None


def _record_terms(payload: Mapping[str, Any]) -> tuple[set[str], set[str], list[dt.date]]:
    """(words to find as whole words, digit strings, dates) of the record's patient."""
    patient = payload.get("patient")
    patient = patient if isinstance(patient, Mapping) else {}
    words: set[str] = set()
    for name in ("given_names", "family_name", "name"):
        words.update(_fold(w) for w in _words(patient.get(name)))
    address = patient.get("address")
    address = address if isinstance(address, Mapping) else {}
    for place in (address.get("street"), address.get("postal_place")):
        words.update(_fold(w) for w in _words(place) if not w.isdigit())
    municipality = _municipality(patient.get("municipality"))
    if municipality:
        words.add(_fold(municipality))
    numbers = {
        _digits(str(patient.get(field) or "")) for field in ("national_id", "phone", "mobile")
    }
    numbers = {n for n in numbers if len(n) >= 8}
    dates: list[dt.date] = []
    nid = _digits(str(patient.get("national_id") or ""))
    born = _birth_date(nid) if len(nid) == 11 else None
    if born is not None:
        dates.append(born)
    for key, value in patient.items():
        if key.endswith("date") or key.endswith("_on"):
            day = parse_iso_date(value)
            if day is not None:
                dates.append(day)
    return words, numbers, dates


def contains_record_data(text: str, payload: Mapping[str, Any] | None) -> bool:
    """Whether ``text`` holds personal data by pattern or any of ``payload``'s own values."""
    if contains_personal_data(text) or _ID_WITH_SEPARATORS.search(text):
        return True
    if payload is None:
        return False
    folded = _fold(text)
    words, numbers, dates = _record_terms(payload)
    for word in words:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
            return True
    digits = _digits(text)
    if any(number in digits for number in numbers):
        return True
    return any(re.search(form, folded) for day in dates for form in _date_forms(day))
