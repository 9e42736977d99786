"""Purge notices and sealed reasons at the clinic; retention and backups at unlock (issue 15
points 2 and 3). Real SQLCipher stores, the real inbox on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from sjelden_protocol import RecordDecision

from desktop.forms.demo import demo_records
from desktop.storage import backup, keywrap, records
from desktop.storage.connection import Connection, open_encrypted
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.shred import shred
from desktop.storage.store import Store
from desktop.sync import outbox, retention, service, transport_file
from tests.staff.conftest import PASSPHRASE
from tests.sync.conftest import FAST, Client, add_completed
from tests.sync.inbox_process import Staff

REASON = "Diagnoseåret er senere enn registreringen; send ny revisjon."


def _count(store: Store, sql: str, *params: object) -> int:
    return int(store.call(lambda c: c.execute(sql, params).fetchone()[0]))


def test_a_purge_notice_by_file_deletes_the_record_and_is_reported(
    client: Client, staff: Staff, tmp_path: Path
) -> None:
    """A file-transport clinic purges when it imports the register's feedback file."""
    store = client.store
    ids = add_completed(store, 3, seed=41)
    assert service.run_sync(store, policy=FAST).uploaded.delivered_records == 3
    staff.decide(client.key_id, [RecordDecision(i, 1, "accepted") for i in ids])
    service.run_sync(store, policy=FAST)
    # A new draft revision of the person's record: it goes too.
    draft = store.call(lambda c: records.new_revision(c, record_id=ids[0], author=store.actor))
    assert draft.revision == 2
    stranger = str(uuid.uuid4())  # never sent from here: ignored
    document = staff.decide(
        client.key_id,
        [
            RecordDecision(ids[0], 1, "purge", "reservert"),
            RecordDecision(stranger, 1, "purge", "reservert"),
            RecordDecision(ids[1], 1, "rejected", "late_correction", REASON),
        ],
    )
    assert document["feedback"]["version"] == 2 and REASON not in json.dumps(document)
    path = tmp_path / "feedback.json"
    path.write_text(json.dumps(document))

    result = transport_file.import_file(store, path)
    assert (result.purged, result.rejected) == (1, 1)
    assert store.call(lambda c: records.get(c, ids[0])) is None
    assert _count(store, "SELECT count(*) FROM record_history WHERE record_id = ?", ids[0]) == 0
    assert _count(store, "SELECT count(*) FROM outbox_items WHERE record_id = ?", ids[0]) == 0
    assert _count(store, "SELECT count(*) FROM outbox_batches WHERE envelope IS NOT NULL") == 0
    assert _count(store, "SELECT count(*) FROM outbox_batches WHERE receipt IS NOT NULL") == 1
    actions = [(e.action, e.record_id) for e in store.audit_entries(ids[0])]
    assert ("purge_reserved", ids[0]) in actions
    assert store.call(lambda c: records.get(c, ids[2])).status is RecordStatus.ACCEPTED  # type: ignore[union-attr]
    # The sealed reason was opened with the installation's key and kept in the store.
    info = store.call(lambda c: outbox.item(c, ids[1]))
    assert info is not None and (info.reason_code, info.reason_text) == ("late_correction", REASON)
    assert store.get_setting(retention.BACKUPS_STALE) is True
    # Applied once: the same file again, and the same document online, purge nothing more.
    assert transport_file.import_file(store, path).purged == 0
    assert service.run_sync(store, policy=FAST).feedback.purged == 0


def test_an_online_sync_reports_a_purge(client: Client, staff: Staff) -> None:
    store = client.store
    ids = add_completed(store, 2, seed=42)
    service.run_sync(store, policy=FAST)
    staff.decide(client.key_id, [RecordDecision(ids[0], 1, "purge", "reservert")])
    report = service.run_sync(store, policy=FAST)
    assert report.feedback.purged == 1
    assert store.call(lambda c: records.get(c, ids[0])) is None
    assert store.call(lambda c: records.get(c, ids[1])) is not None


def _accepted_long_ago(store: Store, record_ids: list[str], days: int) -> None:
    """As if the register accepted them ``days`` ago (no server: an offline PC)."""
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="microseconds")

    def run(conn: object) -> None:
        for record_id in record_ids:
            outbox.set_state(
                conn,  # type: ignore[arg-type]
                record_id,
                1,
                outbox.ItemState.ACCEPTED,
                [RecordStatus.COMPLETED],
                batch_id=None,
                decided=True,
            )
        conn.execute("UPDATE outbox_items SET decided_at = ?", (old,))  # type: ignore[attr-defined]

    store.call(run)


def _backup_texts(profile: Profile) -> list[str]:
    key = profile._unseal_with_passphrase(PASSPHRASE)
    texts = []
    try:
        for path in backup.backups(profile.directory):
            copy = open_encrypted(path, key)
            try:
                texts.append(
                    "\n".join(str(r[0]) for r in copy.execute("SELECT payload FROM records"))
                )
            finally:
                copy.close()
    finally:
        keywrap.wipe(key)
    return texts


def test_an_offline_pc_purges_at_unlock_and_its_backups_follow(
    make_profile: Callable[..., Profile],
) -> None:
    profile = make_profile("offline")
    store = profile.create(PASSPHRASE).store
    ids = add_completed(store, 2, seed=43)
    nid = store.call(lambda c: records.get(c, ids[0])).payload["patient"]["national_id"]  # type: ignore[union-attr]
    _accepted_long_ago(store, [ids[0]], days=40)
    # An older backup that still holds the record (set-up's was made before it existed).
    key = profile._unseal_with_passphrase(PASSPHRASE)
    try:
        older = store.call(
            lambda c: backup.back_up(
                c, profile.directory, bytes(key), today=lambda: dt.date(2000, 1, 1)
            )
        )
    finally:
        keywrap.wipe(key)
    store.close()
    assert older is not None and len(backup.backups(profile.directory)) == 2
    assert sum(nid in text for text in _backup_texts(profile)) == 1

    store = profile.unlock(PASSPHRASE)
    try:
        store.call(lambda c: None)  # after the unlock's background step
        record = store.call(lambda c: records.get(c, ids[0]))
        assert record is not None and record.payload.get("purged") is True
        assert "patient" in store.call(lambda c: records.get(c, ids[1])).payload  # type: ignore[union-attr]
        assert store.get_setting(retention.BACKUPS_STALE) is False
    finally:
        store.close()
    assert not older.exists() and len(backup.backups(profile.directory)) == 1
    assert not any(nid in text for text in _backup_texts(profile))


def test_migration_backups_are_shredded_after_the_grace_period(
    make_profile: Callable[..., Profile], tmp_path: Path
) -> None:
    profile = make_profile("migrated")
    profile.create(PASSPHRASE).store.close()
    now = dt.datetime.now(dt.UTC)
    old = profile.db_path.with_name(
        f"{profile.db_path.name}.schema3-{(now - dt.timedelta(days=15)):%Y%m%dT%H%M%SZ}.bak"
    )
    fresh = profile.db_path.with_name(
        f"{profile.db_path.name}.schema3-{(now - dt.timedelta(days=2)):%Y%m%dT%H%M%SZ}.bak"
    )
    for path in (old, fresh):
        path.write_bytes(profile.db_path.read_bytes())
    witness = tmp_path / "witness"
    os.link(old, witness)  # the same blocks, to see what the deletion left in them
    size = witness.stat().st_size

    store = profile.unlock(PASSPHRASE)
    try:
        store.call(lambda c: None)
    finally:
        store.close()
    assert not old.exists() and fresh.exists()
    assert witness.read_bytes() == bytes(size)  # overwritten with zeros before the unlink
    later = now + dt.timedelta(days=13)
    assert backup.prune_migration_backups(profile.db_path, now=later) == [fresh]
    assert not fresh.exists()


def test_shred_of_a_missing_file_is_no_error(tmp_path: Path) -> None:
    shred(tmp_path / "gone")
    empty = tmp_path / "empty"
    empty.touch()
    shred(empty)
    assert not empty.exists()


def corrected_to_another_person(store: Store, record_id: str, seed: int) -> None:
    """Revision 2 (the same person, saved but never sent), then revision 3 whose national id
    was corrected to someone else's (a wrong patient picked at first)."""
    other = next(iter(demo_records(1, seed)))

    def run(conn: Connection) -> None:
        for patient in (None, other["patient"]):
            current = records.new_revision(conn, record_id=record_id, author=store.actor)
            body = dict(current.payload)
            if patient is not None:
                body["patient"] = patient
            records.write_draft(
                conn,
                record_id=record_id,
                payload=body,
                form_id=current.form_id,
                form_version=current.form_version,
                author=store.actor,
            )
            records.complete(conn, record_id=record_id, payload=body, author=store.actor)

    store.call(run)


def test_a_revision_purge_deletes_the_reserved_persons_revisions_and_keeps_the_record(
    client: Client, staff: Staff
) -> None:
    """Feedback version 3: the person is only in revisions 1 (sent) and 2 (never sent); the
    record, now another person's, stays with its current revision."""
    store = client.store
    (record_id,) = add_completed(store, 1, seed=44)
    person = store.call(lambda c: records.get(c, record_id)).payload["patient"]["national_id"]  # type: ignore[union-attr]
    service.run_sync(store, policy=FAST)
    staff.decide(client.key_id, [RecordDecision(record_id, 1, "accepted")])
    service.run_sync(store, policy=FAST)
    corrected_to_another_person(store, record_id, seed=45)
    assert service.run_sync(store, policy=FAST).uploaded.delivered_records == 1
    staff.decide(client.key_id, [RecordDecision(record_id, 3, "accepted")])
    service.run_sync(store, policy=FAST)
    history = "SELECT count(*) FROM record_history WHERE record_id = ?"
    assert _count(store, history, record_id) == 2

    document = staff.decide(
        client.key_id, [RecordDecision(record_id, 1, "purge_revision", "reservert")]
    )
    assert document["feedback"]["version"] == 3
    report = service.run_sync(store, policy=FAST)
    assert (report.feedback.purged, report.feedback.purged_revisions) == (0, 2)
    kept = store.call(lambda c: records.get(c, record_id))
    assert kept is not None and kept.revision == 3 and kept.status is RecordStatus.ACCEPTED
    assert kept.payload["patient"]["national_id"] != person
    assert _count(store, history, record_id) == 0
    assert _count(store, "SELECT count(*) FROM outbox_items WHERE record_id = ?", record_id) == 1
    # The batch that carried revision 1 keeps its receipt, not its sealed bytes.
    assert _count(store, "SELECT count(*) FROM outbox_batches WHERE envelope IS NOT NULL") == 0
    dump = store.call(
        lambda c: "\n".join(
            str(row)
            for t in ("records", "record_history")
            for row in c.execute(f"SELECT * FROM {t}")
        )
    )
    assert person not in dump
    purged = [
        e.revision for e in store.audit_entries(record_id) if e.action == "purge_reserved_revision"
    ]
    assert sorted(purged) == [1, 2]  # type: ignore[type-var]
    # Applied once.
    assert service.run_sync(store, policy=FAST).feedback.purged_revisions == 0


def test_a_revision_purge_of_the_current_persons_record_deletes_the_record(
    client: Client, staff: Staff
) -> None:
    """Should the current revision hold the reserved person after all, nothing of them stays."""
    store = client.store
    (record_id,) = add_completed(store, 1, seed=46)
    service.run_sync(store, policy=FAST)
    staff.decide(client.key_id, [RecordDecision(record_id, 1, "purge_revision", "reservert")])
    report = service.run_sync(store, policy=FAST)
    assert (report.feedback.purged, report.feedback.purged_revisions) == (1, 0)
    assert store.call(lambda c: records.get(c, record_id)) is None
