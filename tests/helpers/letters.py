"""Synthetic records the register owes a letter, and a PDF's page count, for the letter
tests and ``benchmarks/bench_letter_run.py`` (one definition of "letter-ready")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession

ADDRESS = {"street": "Fiktivveien 1", "postal_code": "0150", "postal_place": "Oslo"}
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def letter_ready(record: dict[str, Any], *, given: bool = False) -> dict[str, Any]:
    """``record`` as a living person with a postal address; no clinic informed them, unless
    ``given`` (then the clinic gave the letter on the registration date)."""
    record["patient"]["address"] = dict(ADDRESS)
    record["patient"]["vital_status"] = "levende"
    record["patient"].pop("date_of_death", None)
    information = record.setdefault("information", {})
    information.pop("letter_given_date", None)
    information.pop("letter_recipient", None)
    if given:
        information["letter_given_date"] = record["reporter"]["registration_date"]
        information["letter_recipient"] = "pasient"
    return record


def pdf_pages(path: Path) -> int:
    return len(_PAGE.findall(path.read_bytes()))


def accept_all(staff: StaffSession) -> None:
    """Accept every clean item of the queue (acceptance is what queues a letter)."""
    from desktop.staff import decisions

    result = decisions.accept_clean(staff.register)
    assert result.left == 0 and result.accepted > 0
