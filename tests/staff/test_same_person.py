"""The clinic's store and the register decide "same person, same diagnosis" alike.

Before, the clinic's record list stripped a national id and upper-cased an ORPHA code with
its spaces removed, while the register hashed the id with every space removed and the
code only stripped: a twin typed ``010170 12345`` was the same person to the register but
not to the clinic, and ``orpha:558`` the same diagnosis to the clinic but not to the
register. Both now read a payload through ``desktop.forms.payload``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator

import pytest

from desktop.staff.importer import Importer
from desktop.staff.model import Finding
from desktop.staff.session import StaffSession
from desktop.storage import records as local_records
from desktop.storage.profile import Profile
from desktop.storage.store import Store
from tests.staff.conftest import Records, pin_clinic

Spelling = Callable[[str], str]

NUMBER_SPELLINGS: list[tuple[str, Spelling, bool]] = [
    ("as written", lambda nid: nid, True),
    ("with spaces", lambda nid: f" {nid[:6]} {nid[6:]} ", True),
    ("with a tab", lambda nid: f"{nid[:6]}\t{nid[6:]}", True),
    ("with a dash", lambda nid: f"{nid[:6]}-{nid[6:]}", True),
    ("ten digits", lambda nid: nid[:10], False),
]
CODE_SPELLINGS: list[tuple[str, Spelling, bool]] = [
    ("surrounded by spaces", lambda code: f" {code} ", True),
    ("lower case", lambda code: code.lower(), False),
    ("a space for the colon", lambda code: code.replace(":", " "), False),
    ("the number alone", lambda code: code.removeprefix("ORPHA:"), False),
]


@pytest.fixture
def clinic_store(make_profile: Callable[..., Profile]) -> Iterator[Store]:
    with make_profile("clinic").create("riktig hest batteri stift").store as store:
        yield store


def _twin(
    records: Records, number: Spelling, code: Spelling
) -> tuple[dict[str, object], dict[str, object]]:
    original = records.one()
    twin = copy.deepcopy(records.same_person(original))
    twin["patient"]["national_id"] = number(original["patient"]["national_id"])
    twin["diagnoses"][0]["orpha_code"] = code(original["diagnoses"][0]["orpha_code"])
    return original, twin


@pytest.mark.parametrize(
    ("number", "code", "same"),
    [(n, lambda c: c, same) for _, n, same in NUMBER_SPELLINGS]
    + [(lambda n: n, c, same) for _, c, same in CODE_SPELLINGS],
    ids=[f"number {name}" for name, _, _ in NUMBER_SPELLINGS]
    + [f"code {name}" for name, _, _ in CODE_SPELLINGS],
)
def test_the_clinic_and_the_register_agree_on_a_twin(
    clinic_store: Store,
    staff_session: StaffSession,
    importer: Importer,
    records: Records,
    number: Spelling,
    code: Spelling,
    same: bool,
) -> None:
    original, twin = _twin(records, number, code)
    # The clinic: the twin is a draft in the store; completing the original asks the store
    # whether it already holds this person and diagnosis.
    clinic_store.call(
        lambda c: local_records.save_draft(
            c,
            record_id=str(twin["record_id"]),
            payload=twin,
            form_id="sjeldenregisteret",
            form_version=1,
            author="test",
        )
    )
    asked = (original["patient"]["national_id"], original["diagnoses"][0]["orpha_code"])
    found = clinic_store.call(
        lambda c: local_records.find_likely_duplicates(c, national_id=asked[0], orpha_code=asked[1])
    )
    clinic_says = found == [twin["record_id"]]
    # The register: the original waits in the queue when the twin arrives.
    clinic = pin_clinic(staff_session)
    importer.import_bytes(clinic.batch([original]))
    importer.import_bytes(clinic.batch([twin]))
    item = staff_session.register.pending_for(str(twin["record_id"]))[0]
    register_says = Finding.DUPLICATE in item.findings
    assert (clinic_says, register_says) == (same, same)
