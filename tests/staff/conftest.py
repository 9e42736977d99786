"""Fixtures for the staff mode: a real staff profile (SQLCipher file, in-memory keyring, fast
KDF) whose register lives in the same file or in a fresh PostgreSQL schema
(``SJELDEN_TEST_PG_URL``), pinned installations with real keys, and real batch envelopes."""

from __future__ import annotations

import copy
import datetime as dt
import random
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sjelden_protocol import build_batch

from desktop.forms import national_id
from desktop.forms.demo import DemoGenerator
from desktop.staff import keys, session, trust
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from desktop.storage.profile import Profile
from tests.inbox.conftest import postgres_schema_url

PASSPHRASE = "registerets hemmelige stift 2025"
TODAY = dt.date.today()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def register_db(backend: str) -> Iterator[str | None]:
    """``None`` for the profile's own SQLCipher file, else a fresh PostgreSQL schema URL."""
    if backend == "sqlite":
        yield None
    else:
        with postgres_schema_url() as url:
            yield url


@pytest.fixture
def staff_session(
    make_profile: Callable[..., Profile], register_db: str | None
) -> Iterator[StaffSession]:
    opened, _ = session.create(make_profile("staff"), PASSPHRASE, register_db=register_db)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def importer(staff_session: StaffSession) -> Iterator[Importer]:
    with Importer(staff_session, workers=1) as imp:
        yield imp


@dataclass
class Clinic:
    """An installation the register has pinned: its key and a way to seal batches."""

    key: Ed25519PrivateKey
    recipient: X25519PublicKey

    @property
    def key_id(self) -> str:
        from sjelden_protocol import key_id

        return key_id(self.key.public_key())

    def batch(self, records: list[dict[str, Any]], batch_id: str | None = None) -> bytes:
        return build_batch(
            records,
            batch_id=batch_id or str(uuid.uuid4()),
            signer=self.key,
            recipient=self.recipient,
        )


def pin_clinic(staff: StaffSession, label: str = "Testklinikk") -> Clinic:
    key = Ed25519PrivateKey.generate()
    staff.register.call(
        lambda db: trust.pin_installation(db, key.public_key(), label, actor="test")
    )
    recipient = staff.keys.register_keys[staff.keys.newest_register_key_id].public_key()
    return Clinic(key, recipient)


@pytest.fixture
def clinic(staff_session: StaffSession) -> Clinic:
    return pin_clinic(staff_session)


class Records:
    """Valid synthetic registrations (desktop.forms.demo), one generator per test."""

    def __init__(self, seed: int = 7) -> None:
        self.generator = DemoGenerator(seed, TODAY)
        self.rng = random.Random(seed)

    def one(self, **patient: Any) -> dict[str, Any]:
        record = self.generator.record()
        record["revision"] = 1
        record["patient"].update(patient)
        return record

    def many(self, count: int) -> list[dict[str, Any]]:
        return [self.one() for _ in range(count)]

    def same_person(self, record: dict[str, Any]) -> dict[str, Any]:
        """Another registration (new record id) of the same person and diagnosis."""
        twin = copy.deepcopy(record)
        twin["record_id"] = str(uuid.uuid4())
        twin["revision"] = 1
        twin["reporter"]["name"] = "Lege Annensen"
        return twin

    def national_id(self) -> str:
        return national_id.generate(dt.date(1980, 5, 17), "kvinne", "fnr", self.rng)


@pytest.fixture
def records() -> Records:
    return Records()


def revised(record: dict[str, Any], **patient: Any) -> dict[str, Any]:
    newer = copy.deepcopy(record)
    newer["revision"] = record["revision"] + 1
    newer["patient"].update(patient)
    return newer


def add_member(
    staff: StaffSession, signing: Ed25519PrivateKey | None = None, role: str = "registrar"
) -> Ed25519PrivateKey:
    """Another staff member on ``staff``'s register, added by its administrator from a join
    request as ``sjelden staff member add`` does; their signing key (the one given, or a new
    one). Whoever signs audit entries on a register must be one (``audit verify``)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from desktop.staff import members

    signing = signing or Ed25519PrivateKey.generate()
    identity = members.identity_of("Fiktiv Kollega", signing, X25519PrivateKey.generate())
    with tempfile.TemporaryDirectory() as folder:
        request = members.write_request(identity, Path(folder) / "join.json").read_bytes()
    members.add_member(staff, request, identity.fingerprint, role)
    return signing


def forge_signed(staff: StaffSession, key: Ed25519PrivateKey, action: str) -> int:
    """An audit entry as someone holding the register's database and its keyed-hash secret
    (every member, or a removed one who kept it) writes it: keyed, signed by ``key``, whose
    public key ``audit.append`` puts in ``audit_signers``. Outside any session; its seq."""
    from desktop.staff.dialect import Db
    from desktop.storage import audit

    signer = audit.Signer(staff.keys.cipher.audit_key(), key)

    def run(db: Db) -> int:
        audit.act_as(db, signer)
        try:
            with db.transaction("forge"):
                return audit.append(db, actor=signer.key_id, action=action).seq
        finally:
            audit.act_as(db, None)

    return int(staff.register.backend.submit(run, "forge").result())


def table_counts(staff: StaffSession) -> dict[str, int]:
    tables = (
        "register_records",
        "register_history",
        "register_index",
        "review_items",
        "review_index",
        "imported_batches",
        "reservations",
        "feedback_documents",
        "audit_log",
    )
    return staff.register.call(
        lambda db: {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
    )


# The real inbox subprocess of the sync tests, for the end-to-end and CLI tests here.
from tests.sync.conftest import inbox_server  # noqa: E402, F401
from tests.sync.inbox_process import InboxProcess  # noqa: E402


@pytest.fixture
def staff(
    inbox_server: InboxProcess,  # noqa: F811
    make_profile: Callable[..., Profile],
    tmp_path: Path,
    register_db: str | None,
) -> Iterator[StaffSession]:
    """A staff profile connected to the real inbox, its staff key added there."""
    opened, _ = session.create(
        make_profile("staff"), PASSPHRASE, inbox_url=inbox_server.url, register_db=register_db
    )
    _, staff_pub = keys.write_public_files(opened.keys, tmp_path / "letter")
    inbox_server.admin("staff", "add", str(staff_pub), "--label", "register staff")
    try:
        yield opened
    finally:
        opened.close()


def enrolled_clinic_key(staff: StaffSession, transport: Any, url: str) -> Ed25519PrivateKey:
    """A clinic key enrolled through the inbox's real endpoints, approved and pinned by staff."""
    import requests
    from sjelden_protocol import key_id
    from sjelden_protocol.enrollment import build_enrollment
    from sjelden_protocol.keys import fingerprint

    from desktop.staff import installations

    key = Ed25519PrivateKey.generate()
    code, _ = installations.enrollment_code(staff, transport)
    answer = requests.post(
        url + "/v1/enrollments", json=build_enrollment(key, code, "Testklinikk"), timeout=30
    )
    assert answer.status_code == 201, answer.text
    installations.approve(staff, transport, key_id(key.public_key()), fingerprint(key.public_key()))
    return key
