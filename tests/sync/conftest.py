"""Fixtures for sync tests: a real inbox subprocess, the register's staff, enrolled clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sjelden_protocol.keys import fingerprint, load_public_key

from desktop.forms.demo import demo_records
from desktop.net.http import RetryPolicy
from desktop.storage import records as stored
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store
from desktop.sync import enroll, identity
from tests.sync.inbox_process import InboxProcess, Staff

PASSPHRASE = "korrekt hest batteri stift 42"
FAST = RetryPolicy(attempts=6, base_delay=0.01, max_delay=0.1, connect_timeout=2, read_timeout=5)


@pytest.fixture
def inbox_server(tmp_path: Path) -> Iterator[InboxProcess]:
    server = InboxProcess(tmp_path / "inbox-data")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def staff(inbox_server: InboxProcess, tmp_path: Path) -> Iterator[Staff]:
    member = Staff(inbox_server, tmp_path)
    try:
        yield member
    finally:
        member.close()


@dataclass
class Client:
    store: Store
    key_id: str


def add_completed(store: Store, count: int, seed: int | None = None) -> list[str]:
    """Synthetic completed registrations (random ids, made-up values)."""
    records = list(demo_records(count, seed))
    items: list[tuple[str, Any, RecordStatus]] = [
        (r["record_id"], r, RecordStatus.COMPLETED) for r in records
    ]
    store.call(
        lambda c: stored.import_many(
            c, items, form_id="sjeldenregisteret", form_version=1, author=store.actor
        )
    )
    return [r["record_id"] for r in records]


def enroll_store(
    store: Store, server_url: str, staff: Staff, *, approve: bool = True, **kwargs: Any
) -> str:
    result = enroll.enroll(
        store,
        server_url=server_url,
        code=staff.enrollment_code(),
        label="Testklinikk PC 1",
        register_keys=[load_public_key(staff.register_public_file)],  # type: ignore[list-item]
        staff_keys=[load_public_key(staff.public_key_file)],  # type: ignore[list-item]
        root_key=staff.root.public_key(),
        root_fingerprint=fingerprint(staff.root.public_key()),
        policy=FAST,
        **kwargs,
    )
    kid = result.fingerprints.installation_key_id
    signing = store.call(identity.installation_key)
    assert signing is not None
    staff.trust(signing.public_key())
    if approve:
        staff.approve(kid)
    return kid


@pytest.fixture
def client(
    make_profile: Callable[..., Profile], inbox_server: InboxProcess, staff: Staff
) -> Iterator[Client]:
    store = make_profile().create(PASSPHRASE).store
    try:
        kid = enroll_store(store, inbox_server.url, staff)
        yield Client(store, kid)
    finally:
        store.close()
