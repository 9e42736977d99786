"""The register's own information letters, as printable documents (no Qt).

The clinic prints a letter for the variant chosen in the record, dated the day it is given
(``desktop.forms.letters``). The register prints later, for people the clinic did not
inform, so it decides again, on the day of printing:

* the variant by the person's age **that day** (the form's rule,
  ``suggest_information_letters``): 16 and over the adults' letter to the patient; under 16
  the parents' letter, addressed to the guardian when the record names one, with the child's
  own letter enclosed for 7–11 and 12–15;
* the window-envelope block: the register's return address and the recipient's name and
  postal address. The parents' letter goes to the guardian's address when the record has
  one, else to the child's postal address (a child is registered where they live), to the
  guardian by name or "Foresatte til <child>";
* the reservation slip: the templates' slip (which asks for the national id by hand) is
  replaced by the register's (``resources/letters/register_slip.nb.html``): name, birth
  date, a signature line, the return address and the letter's reference, a random code that
  is not the national id, so a returned slip is found in one step.

A person without a complete postal address for the recipient (street, postal code and
place) gets no letter: ``plan`` says so, and the register looks the address up. Every value
is HTML-escaped by ``desktop.forms.letters.fill_template``; nothing here logs a value.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from desktop.forms import national_id as nid
from desktop.forms import payload as payload_values
from desktop.forms.letters import (
    REGISTER_POSTAL_ADDRESS,
    LetterError,
    PrintDocument,
    fill_template,
    format_date,
    letters_dir,
    render_letter,
)
from desktop.forms.payload import national_id, patient_name
from desktop.forms.rules.information import suggest_information_letters
from desktop.resources import Traversable

SLIP_TEMPLATE = "register_slip.nb.html"
_SLIP_START = '<div class="slip">'
GUARDIAN_VARIANT = "foresatte"
Recipient = Literal["patient", "guardian"]


@dataclass(frozen=True)
class LetterPlan:
    """What one person's envelope holds: the variants (the addressed one first, with the
    window block and the slip; any other enclosed) and who it is addressed to."""

    variants: tuple[str, ...]
    recipient: Recipient
    name: str
    address: tuple[str, ...]  # the postal address lines, as printed in the window


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def birth_date(payload: Mapping[str, Any]) -> dt.date | None:
    """From the national id (the register holds only records with a valid one)."""
    number = national_id(payload)
    if number is None or not nid.is_valid(number):
        return None
    return nid.parse(number).birth_date


def postal_address(payload: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The patient's postal address as window lines, or None when it is not complete."""
    address = payload_values.postal_address(payload)
    return (address.street, address.postal_line) if address.complete else None


def guardian_address(payload: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The guardian's address (free text in the form), when it has at least two lines."""
    lines = payload_values.guardian(payload).address_lines
    return lines if len(lines) >= 2 else None


def plan(payload: Mapping[str, Any], day: dt.date) -> LetterPlan | None:
    """The letters for a record on the print day ``day``; None when there is no address."""
    born = birth_date(payload)
    fitting = suggest_information_letters(born, day) if born and born <= day else ["voksne"]
    full = patient_name(payload).full
    if fitting == ["voksne"]:
        address = postal_address(payload)
        return None if address is None else LetterPlan(("voksne",), "patient", full, address)
    guardian = payload_values.guardian(payload).name
    address = (guardian_address(payload) if guardian else None) or postal_address(payload)
    if address is None:
        return None
    name = guardian or f"Foresatte til {full}"
    enclosed = tuple(v for v in fitting if v != GUARDIAN_VARIANT)
    return LetterPlan((GUARDIAN_VARIANT, *enclosed), "guardian", name, address)


@functools.cache
def _slip_template() -> str:
    path: Traversable = letters_dir() / SLIP_TEMPLATE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LetterError(f"cannot read the slip template {SLIP_TEMPLATE}: {exc}") from None
    return text[text.index("-->") + 3 :].strip() if text.startswith("<!--") else text.strip()


def slip_html(payload: Mapping[str, Any], reference: str, recipient: Recipient) -> str:
    """The register's reservation slip for one person (escaped HTML)."""
    born = birth_date(payload)
    values = {
        "patient_name": patient_name(payload).full or "_" * 28,
        "birth_date": format_date(born) if born else "_" * 12,
        "signer": "pasienten, eller foresatte for barn under 16 år"
        if recipient == "guardian"
        else "pasienten",
        "reference": reference,
        "register_address": "\n".join(REGISTER_POSTAL_ADDRESS),
    }
    return fill_template(_slip_template(), values)


def _with_slip(html: str, slip: str) -> str:
    """The letter's HTML with its own slip replaced by ``slip`` ("" drops it)."""
    start = html.find(_SLIP_START)
    end = html.rfind("</body>")
    if start < 0 or end < start:
        raise LetterError("a letter template has no reservation slip to replace")
    return html[:start] + slip + "\n" + html[end:]


def _addressed(payload: Mapping[str, Any], letter: LetterPlan) -> dict[str, Any]:
    """A copy of the payload whose recipient fields say what the window must show (the
    forms renderer reads the guardian's name and address for the parents' letter)."""
    copied = copy.deepcopy(dict(payload))
    patient = copied.setdefault("patient", {})
    if letter.recipient == "guardian":
        patient["guardian"] = {
            **_mapping(patient.get("guardian")),
            "name": letter.name,
            "address": "\n".join(letter.address),
        }
    information = dict(_mapping(copied.get("information")))
    information.pop("letter_given_date", None)  # the letter is dated the print day
    copied["information"] = information
    return copied


def documents(
    payload: Mapping[str, Any], letter: LetterPlan, reference: str, day: dt.date
) -> list[PrintDocument]:
    """One person's letters: the addressed one (window block, the register's slip), then
    each enclosed letter (no window, no slip)."""
    addressed = _addressed(payload, letter)
    docs = []
    for index, variant in enumerate(letter.variants):
        doc = render_letter(addressed, variant, today=day)
        if index == 0:
            slip = slip_html(payload, reference, letter.recipient)
            docs.append(dataclasses.replace(doc, html=_with_slip(doc.html, slip)))
        else:
            docs.append(dataclasses.replace(doc, html=_with_slip(doc.html, ""), window_html=""))
    return docs
