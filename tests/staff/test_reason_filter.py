"""Reason texts are checked against the record's own names, ids, dates and places as well
as patterns (issue 15 point 3): the four cases the issue measured, and texts that pass."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from desktop.forms import national_id
from desktop.staff import decisions
from desktop.staff.errors import StaffError
from desktop.staff.importer import Importer
from desktop.staff.model import ReviewState
from desktop.staff.reason_filter import contains_record_data
from desktop.staff.session import StaffSession
from tests.staff.conftest import Clinic, Records

BORN = dt.date(2001, 10, 7)
NID = national_id.generate(BORN, "kvinne", "fnr", random.Random(15))


def _record(records: Records) -> dict[str, Any]:
    record = records.one(
        national_id=NID, given_names="Kari", family_name="Nordmann", municipality="4214"
    )
    record["patient"]["address"] = {
        "street": "Fiktivgata 3",
        "postal_code": "4820",
        "postal_place": "Prøvestad",
    }
    return record


REFUSED = [
    "Kari Nordmann mangler samtykke",
    "kari nordmann: samtykke mangler",
    "Samtykke fra NORDMANN mangler",
    "Født 07.10.2001, men diagnosen er satt før fødsel",
    "Fødselsdato 7.10.01 stemmer ikke",
    "født 2001-10-07?",
    "født 7. oktober 2001",
    "Bor i Prøvestad, ikke i oppgitt kommune",
    "Adressen Fiktivgata 3 er ufullstendig",
    "Kommunen Froland stemmer ikke med postnummeret",
    "Sjekk 07.10.01 54816",
    f"Sjekk {NID[:6]} {NID[6:]}",
    f"Sjekk {NID[:2]}.{NID[2:4]}.{NID[4:6]}-{NID[6:]}",
]
ALLOWED = [
    "Samtykke mangler; send ny revisjon med signert samtykke.",
    "Diagnosekoden ORPHA:558 passer ikke til funnene.",
    "Diagnoseåret 1964 er før fødselsåret.",
    "Mangler avdeling og HPR-nummer hos melder.",
]


@pytest.mark.parametrize("text", REFUSED)
def test_texts_with_the_records_own_values_or_patterns_are_refused(
    records: Records, text: str
) -> None:
    assert contains_record_data(text, _record(records))


@pytest.mark.parametrize("text", ALLOWED)
def test_texts_without_them_pass(records: Records, text: str) -> None:
    assert not contains_record_data(text, _record(records))


def test_without_the_record_the_patterns_still_refuse() -> None:
    assert contains_record_data("Sjekk 07.10.01 54816", None)
    assert not contains_record_data("Kari Nordmann mangler samtykke", None)


def test_deciding_with_such_a_text_is_refused_and_changes_nothing(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    """Through the real register: the decrypted record is what the text is checked against."""
    record = _record(records)
    report = importer.import_bytes(clinic.batch([record]))
    register = staff_session.register
    for text in ("Kari Nordmann mangler samtykke", "født 07.10.2001", "Bor i Prøvestad"):
        with pytest.raises(StaffError) as raised:
            decisions.decide(
                register,
                record["record_id"],
                "reject",
                reason_code="missing_consent",
                reason_text=text,
            )
        assert raised.value.code == "personal_data_in_text"
        message = raised.value.user_message("en")
        assert "Kari" not in message and "Prøvestad" not in message
    assert register.batch_items(report.batch_id)[0].state is ReviewState.PENDING
    decided = decisions.decide(
        register,
        record["record_id"],
        "reject",
        reason_code="missing_consent",
        reason_text="Samtykke mangler; send ny revisjon.",
    )
    assert decided.state is ReviewState.REJECTED
