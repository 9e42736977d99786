"""Deletion reaches everywhere (issue 15 point 2), end to end on real parts.

A clinic registers a synthetic person (and a second person, the control) and syncs through
the real inbox (a subprocess on 127.0.0.1, SQLite in its data dir); the register (SQLCipher,
or PostgreSQL at SJELDEN_TEST_PG_URL) pulls, imports and accepts; one record is rejected
with a reason text. Then the person reserves themselves. After the purge notice reached the
clinic, the inbox's retention ran (a restart with ``--batch-retention-days 0``) and the
clinic unlocked again (retention and backups at unlock), the person's national id and name
are searched for in every table of the clinic's store and of each of its backups, in every
file of the clinic's profile and of the inbox, and in every table of the register (the
keyed hash too), and found nowhere; the control person is still there. The reason text is
in no inbox file either (point 3).
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sjelden_protocol.keys import load_public_key

from desktop.forms import national_id
from desktop.forms.demo import demo_records
from desktop.staff import decisions, feedback, installations, keys, reservations, session
from desktop.staff.importer import Importer
from desktop.staff.pull import pull
from desktop.storage import backup, keywrap, records
from desktop.storage.connection import Connection, open_encrypted
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store
from desktop.sync import enroll, service
from tests.staff.conftest import PASSPHRASE
from tests.sync.conftest import FAST
from tests.sync.inbox_process import InboxProcess

GIVEN, FAMILY = "Fiktiva", "Slettemarkørsen"
REASON = "Samtykkeskjemaet er ikke signert; send ny revisjon."


def _person(seed: int, **patient: Any) -> dict[str, Any]:
    record = copy.deepcopy(next(demo_records(1, seed)))
    record["patient"].update(patient)
    return record


def _dump_sqlite(conn: Connection | sqlite3.Connection, schema: str = "main") -> str:
    """Every value of every table of one (attached) SQLite/SQLCipher database, as text."""
    tables = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
        ).fetchall()
    ]
    parts: list[str] = []
    for table in tables:
        for row in conn.execute(f'SELECT * FROM {schema}."{table}"').fetchall():
            for value in row:
                parts.append(
                    bytes(value).decode("latin-1")
                    if isinstance(value, bytes | memoryview)
                    else str(value)
                )
    return "\n".join(parts)


def _clinic_everything(store: Store, profile: Profile) -> str:
    """The clinic's store and each of its backups, decrypted, every table (the backups are
    opened with the data key, unsealed with the passphrase as an unlock does)."""
    texts = [store.call(_dump_sqlite, "dump")]
    key = profile._unseal_with_passphrase(PASSPHRASE)
    try:
        for path in backup.backups(profile.directory):
            copy = open_encrypted(path, key)
            try:
                texts.append(_dump_sqlite(copy))
            finally:
                copy.close()
    finally:
        keywrap.wipe(key)
    return "\n".join(texts)


def _register_everything(staff: session.StaffSession) -> tuple[str, str]:
    """(every value of every register table as text, the same with blobs as hex)."""
    register = staff.register
    if register.backend.dialect == "postgresql":

        def tables_pg(db: Any) -> tuple[str, str]:
            names = [
                str(r[0])
                for r in db.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                ).fetchall()
            ]
            text = "\n".join(
                str(r[0])
                for name in names
                for r in db.execute(f'SELECT t::text FROM "{name}" t').fetchall()
            )
            return text, text

        return register.call(tables_pg)

    def tables_sqlite(db: Any) -> tuple[str, str]:
        conn = db.conn
        text = _dump_sqlite(conn)
        hexed = "\n".join(
            bytes(v).hex() if isinstance(v, bytes | memoryview) else str(v)
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for row in conn.execute(f'SELECT * FROM "{name}"').fetchall()
            for v in row
        )
        return text, hexed

    return register.call(tables_sqlite)


def _files_holding(root: Path, needles: list[bytes]) -> list[str]:
    return [
        f"{path.relative_to(root)}"
        for path in sorted(root.rglob("*"))
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


def _enroll_clinic(
    store: Store, staff: session.StaffSession, transport: Any, letter: tuple[Path, Path], url: str
) -> None:
    code, _ = installations.enrollment_code(staff, transport)
    result = enroll.enroll(
        store,
        server_url=url,
        code=code,
        label="Klinikk Slett",
        register_keys=[load_public_key(letter[0])],  # type: ignore[list-item]
        staff_keys=[load_public_key(letter[1])],  # type: ignore[list-item]
        policy=FAST,
    )
    prints = result.fingerprints
    installations.approve(staff, transport, prints.installation_key_id, prints.installation.lower())


def test_register_import_reserve_then_nothing_is_left(
    inbox_server: InboxProcess,
    make_profile: Callable[..., Profile],
    tmp_path: Path,
    register_db: str | None,
) -> None:
    inbox_server.stop()
    inbox_server.extra_args = ("--batch-retention-days", "0")
    inbox_server.start()
    nid = national_id.generate(dt.date(1987, 3, 9), "kvinne", "fnr", random.Random(1509))
    person = _person(151, national_id=nid, given_names=GIVEN, family_name=FAMILY)
    control = _person(152)
    rejected = _person(153)
    needles = [nid, f"{nid[:6]} {nid[6:]}", FAMILY, f"{GIVEN} {FAMILY}"]

    staff, _ = session.create(
        make_profile("staff"), PASSPHRASE, inbox_url=inbox_server.url, register_db=register_db
    )
    letter = keys.write_public_files(staff.keys, tmp_path / "letter")
    inbox_server.admin("staff", "add", str(letter[1]), "--label", "register staff")
    clinic_profile = make_profile("klinikk")
    clinic = clinic_profile.create(PASSPHRASE).store
    try:
        with staff.transport(FAST) as transport, Importer(staff, workers=1) as importer:
            _enroll_clinic(clinic, staff, transport, letter, inbox_server.url)
            clinic.call(
                lambda c: records.import_many(
                    c,
                    [
                        (r["record_id"], r, RecordStatus.COMPLETED)
                        for r in (person, control, rejected)
                    ],
                    form_id="sjeldenregisteret",
                    form_version=1,
                    author=clinic.actor,
                )
            )
            assert service.run_sync(clinic, policy=FAST).uploaded.delivered_records == 3
            assert [r.records for r in pull(importer, transport).imported] == [3]
            register = staff.register
            decisions.decide(
                register,
                rejected["record_id"],
                "reject",
                reason_code="missing_consent",
                reason_text=REASON,
            )
            assert decisions.accept_clean(register) == decisions.CleanResult(2, 0)
            feedback.prepare(register, staff.keys.signing_key, staff.pinned_installations())
            assert feedback.send(register, transport, staff.keys.signing_key).failed == []
            got = service.run_sync(clinic, policy=FAST).feedback
            assert (got.accepted, got.rejected, got.purged) == (2, 1, 0)
            # Positive controls: the search finds the person and the reason where they are.
            assert all(n in _clinic_everything(clinic, clinic_profile) for n in needles[:1])
            assert FAMILY in _clinic_everything(clinic, clinic_profile)
            assert REASON in _clinic_everything(clinic, clinic_profile)
            assert register.current(person["record_id"]) is not None

            result = reservations.reserve(register, nid)
            assert result.records_removed == 1 and result.purge_notices == 1
            feedback.prepare(register, staff.keys.signing_key, staff.pinned_installations())
            assert feedback.send(register, transport, staff.keys.signing_key).failed == []
            got = service.run_sync(clinic, policy=FAST).feedback
            assert got.purged == 1
        person_key = register.cipher.person_key(nid)
    finally:
        clinic.close()
    # The inbox's retention runs at its start; the clinic's at its unlock.
    inbox_server.stop()
    inbox_server.start()
    inbox_server.stop()
    clinic = clinic_profile.unlock(PASSPHRASE)
    try:
        clinic.call(lambda c: None)  # the unlock's retention and backup ran before this
        assert clinic.call(lambda c: records.get(c, person["record_id"])) is None
        survivor = clinic.call(lambda c: records.get(c, control["record_id"]))
        assert survivor is not None and survivor.status is RecordStatus.ACCEPTED
        everything = _clinic_everything(clinic, clinic_profile)
        assert len(backup.backups(clinic_profile.directory)) == 1
        for needle in needles:
            assert needle not in everything, "clinic store or backup"
        assert control["patient"]["family_name"] in everything  # the search still works
        clinic.call(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
        raw = [n.encode() for n in needles]
        assert _files_holding(clinic_profile.directory, raw) == []

        # The inbox: no envelope bytes left, no name, id or reason text in any file.
        inbox_db = sqlite3.connect(inbox_server.data_dir / "inbox.sqlite3")
        try:
            envelopes = inbox_db.execute("SELECT length(envelope) FROM batches").fetchall()
            assert envelopes and all(length == 0 for (length,) in envelopes)
            inbox_text = _dump_sqlite(inbox_db)
        finally:
            inbox_db.close()
        assert not any(n in inbox_text for n in [*needles, REASON])
        assert _files_holding(inbox_server.data_dir, [*raw, REASON.encode()]) == []

        # The register: no person, no keyed hash outside the reservation itself.
        text, hexed = _register_everything(staff)
        for needle in needles:
            assert needle not in text, "register"
        assert hexed.count(person_key.hex()) == 1  # reservations.person_key, nothing else
        assert staff.register.current(control["record_id"]) is not None
    finally:
        clinic.close()
        staff.close()
