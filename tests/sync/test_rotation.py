"""The register rotates its encryption key while batches sealed to the old one are undelivered:
the register publishes a root-signed manifest naming the new key, the inbox (started with
``--recipient-key-id`` for the new key) refuses the old batches, and the next sync takes the
manifest and delivers every record exactly once: a batch the inbox already held (its receipt
was lost) as it is, the others re-packed into new batches under the new key. Real inbox
subprocess, real CLI, real encrypted store."""

from __future__ import annotations

from sjelden_protocol import key_id, parse_envelope
from sjelden_protocol.keys import fingerprint, load_public_key

from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store
from desktop.sync import identity, outbox, service
from tests.conftest import FAST_KDF_SECONDS
from tests.helpers.cli import run_cli
from tests.sync.conftest import FAST, PASSPHRASE, add_completed, enroll_store
from tests.sync.inbox_process import InboxProcess, Staff


def _register_key_add(*args: str) -> tuple[int, str, str]:
    done = run_cli(
        "register-key",
        "add",
        *args,
        env={"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"},
    )
    return done.returncode, done.stdout, done.stderr


def _pending_ids(store: Store) -> list[str]:
    return [b.batch_id for b in store.call(outbox.pending_batches)]


def test_old_key_batches_are_refused_repacked_and_delivered_once(
    inbox_server: InboxProcess, staff: Staff
) -> None:
    # The seal in a file (not the tests' in-memory keyring), so the CLI subprocess can unlock.
    profile = Profile.named("default", kdf_target_seconds=FAST_KDF_SECONDS)
    store = profile.create(PASSPHRASE, key_storage="file", language="en").store
    try:
        installation = enroll_store(store, inbox_server.url, staff)
        ids = add_completed(store, 6, seed=5)
        ident = store.call(identity.load)
        assert ident is not None
        # Two batches sealed to the register's first key, neither delivered yet.
        assert outbox.pack(store, ident, max_records=3).batches == 2
        held_id, home_id = _pending_ids(store)
        old_key = key_id(staff.register_key.public_key())
        # The first reached the inbox, but its receipt never came back (cut connection).
        held_bytes = store.call(lambda c: outbox.envelope_of(c, held_id))
        assert held_bytes is not None
        answer = staff.http.put(
            f"{inbox_server.url}/v1/batches/{held_id}",
            data=held_bytes,
            headers={"Content-Type": "application/octet-stream"},
            timeout=30,
        )
        assert answer.status_code == 201, answer.text

        # The register rotates: a new key, and the inbox takes only batches sealed to it.
        new_file = staff.rotate_register_key()
        new_key = key_id(staff.register_key.public_key())
        inbox_server.stop()
        inbox_server.recipient_key_ids = (new_key,)
        inbox_server.start()

        staff.publish_manifest()  # the new key, signed by the root
    finally:
        store.close()

    # A key file no longer changes anything: the command refuses and says where keys come from.
    code, _, err = _register_key_add(
        str(new_file), "--fingerprint", fingerprint(load_public_key(new_file))
    )
    assert code == 2 and "register_key_unsigned" in err
    store = profile.unlock(PASSPHRASE)
    try:
        ident = store.call(identity.load)
        assert ident is not None and key_id(ident.register_key) == old_key
        report = service.run_sync(store, policy=FAST)
        assert (report.stale.held, report.stale.resealed) == (1, 1)
        assert report.uploaded.delivered_records == 3
        assert all(store.call(lambda c: records.get(c, i)).status is RecordStatus.SENT for i in ids)  # type: ignore[union-attr]
        assert store.call(outbox.pending_batches) == []
        assert store.call(lambda c: outbox.batch_state(c, home_id)) is None  # dissolved
        held_state = store.call(lambda c: outbox.batch_state(c, held_id))
        assert held_state is outbox.BatchState.DELIVERED  # with the inbox's receipt
    finally:
        store.close()

    # The inbox holds the batch it already had and one new batch (never the old id again with
    # other bytes); together they hold every record exactly once, each openable by the register.
    batches = {b["batch_id"]: b for b in staff.batches()}
    assert held_id in batches and home_id not in batches and len(batches) == 2
    [repacked_id] = set(batches) - {held_id}
    recipients = {}
    seen: list[str] = []
    for batch_id in batches:
        response = staff.call("GET", f"/v1/staff/batches/{batch_id}")
        recipients[batch_id] = parse_envelope(response.content).header.recipient_key_id
        seen += [r["record_id"] for r in staff.open(batch_id)]
    assert recipients == {held_id: old_key, repacked_id: new_key}
    assert sorted(seen) == sorted(ids)
    assert installation in {i["key_id"] for i in staff.installations()}
