"""The outbox on its own (no server): a revision's status and its outbox item move together;
a new register key, and batches re-packed under it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sjelden_protocol import key_id, open_batch, parse_envelope
from sjelden_protocol.keys import fingerprint, raw_public
from sjelden_protocol.manifest import ManifestKey, sign_manifest
from sjelden_protocol.timefmt import now_utc

from desktop.net.errors import SyncError
from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store
from desktop.sync import identity, manifest, outbox
from desktop.sync.identity import Identity
from tests.sync.conftest import PASSPHRASE, add_completed


def _identity() -> Identity:
    return Identity(
        signing_key=Ed25519PrivateKey.generate(),
        server_url="http://127.0.0.1:9",
        server_keys={},
        register_key=X25519PrivateKey.generate().public_key(),
        staff_keys={},
    )


def test_refused_batch_sets_aside_a_revision_already_superseded(
    make_profile: Callable[..., Profile],
) -> None:
    store = make_profile().create(PASSPHRASE).store
    try:
        record_id = add_completed(store, 1, seed=41)[0]
        assert outbox.pack(store, _identity(), validator=None).batches == 1
        [batch] = store.call(outbox.pending_batches)
        # The clinician starts revision 2 while revision 1 waits in the outbox.
        assert (
            store.call(
                lambda c: records.new_revision(c, record_id=record_id, author=store.actor)
            ).revision
            == 2
        )

        assert store.call(lambda c: outbox.quarantine_batch(c, batch.batch_id, "malformed")) == 1

        # Revision 1 (now in history) and its outbox item agree; revision 2 is untouched.
        assert (
            store.call(lambda c: records.history(c, record_id))[0].status is RecordStatus.SET_ASIDE
        )
        info = store.call(lambda c: outbox.item(c, record_id, 1))
        assert info is not None and info.state is outbox.ItemState.QUARANTINED
        assert info.reason_code == "malformed"
        current = store.call(lambda c: records.get(c, record_id))
        assert current is not None and (current.revision, current.status) == (
            2,
            RecordStatus.DRAFT,
        )
        actions = store.call(
            lambda c: [
                r[0]
                for r in c.execute(
                    "SELECT action FROM audit_log WHERE record_id = ? AND revision = 1 "
                    "ORDER BY seq",
                    (record_id,),
                )
            ]
        )
        assert actions[-2:] == ["status:queued", "status:set_aside"]
    finally:
        store.close()


def _pin(store: Store, register: X25519PublicKey) -> Identity:
    """An enrolled installation as far as the outbox cares: our key and the register's."""
    store.call(identity.new_installation_key)
    store.call(
        lambda c: identity.pin_keys(
            c,
            server_url="http://127.0.0.1:9",
            label="Testklinikk PC 1",
            server_keys=[Ed25519PrivateKey.generate().public_key()],
            register_keys=[register],
            staff_keys=[],
        )
    )
    ident = store.call(identity.load)
    assert ident is not None
    return ident


def _manifest(
    root: Ed25519PrivateKey, sequence: int, *registers: X25519PublicKey
) -> dict[str, object]:
    since = now_utc() - dt.timedelta(minutes=5)
    keys = [
        ManifestKey("recipient", raw_public(k), since + dt.timedelta(seconds=n))
        for n, k in enumerate(registers)
    ]
    return sign_manifest(sequence=sequence, issued_at=now_utc(), keys=keys, root=root).to_json()


def test_only_a_root_signed_newer_manifest_changes_the_key_batches_are_sealed_to(
    make_profile: Callable[..., Profile],
) -> None:
    store = make_profile().create(PASSPHRASE).store
    try:
        root, stranger = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
        first, second = (X25519PrivateKey.generate().public_key() for _ in range(2))
        with pytest.raises(SyncError) as no_root:
            store.call(lambda c: manifest.accept(c, _manifest(root, 1, first)))
        assert no_root.value.code == "root_key_missing"
        _pin(store, first)
        one = _manifest(root, 1, first)
        store.call(lambda c: manifest.accept(c, one, root=root.public_key()))
        prints = store.call(identity.fingerprints)
        assert prints is not None and prints.root == [fingerprint(root.public_key())]

        two = _manifest(root, 2, first, second)
        assert store.call(lambda c: manifest.accept(c, two)).changed
        loaded = store.call(identity.load)
        assert loaded is not None and key_id(loaded.register_key) == key_id(second)
        assert not store.call(lambda c: manifest.accept(c, two)).changed  # the same again
        for document, code in (
            (one, "manifest_replayed"),  # older
            (_manifest(stranger, 3, first), "manifest_invalid"),  # not the root's
            (_manifest(root, 2, first), "manifest_invalid"),  # other content, same sequence
        ):
            with pytest.raises(SyncError) as refused:
                store.call(lambda c, d=document: manifest.accept(c, d))  # type: ignore[misc]
            assert refused.value.code == code
        loaded = store.call(identity.load)
        assert loaded is not None and key_id(loaded.register_key) == key_id(second)
    finally:
        store.close()


def test_reseal_moves_queued_revisions_to_a_new_batch_under_the_new_key(
    make_profile: Callable[..., Profile],
) -> None:
    store = make_profile().create(PASSPHRASE).store
    try:
        old_register, new_register = X25519PrivateKey.generate(), X25519PrivateKey.generate()
        ident = _pin(store, old_register.public_key())
        ids = add_completed(store, 3, seed=43)
        payloads = {i: store.call(lambda c: records.get(c, i)).payload for i in ids}  # type: ignore[union-attr]
        assert outbox.pack(store, ident, validator=None, max_records=2).batches == 2
        old_batches = store.call(outbox.pending_batches)
        # Revision 1 of one record waits in a batch while the clinician edits revision 2.
        assert (
            store.call(
                lambda c: records.new_revision(c, record_id=ids[0], author=store.actor)
            ).revision
            == 2
        )
        assert (
            store.call(lambda c: outbox.stale_batches(c, key_id(old_register.public_key()))) == []
        )

        root = Ed25519PrivateKey.generate()
        document = _manifest(root, 1, old_register.public_key(), new_register.public_key())
        store.call(lambda c: manifest.accept(c, document, root=root.public_key()))
        loaded = store.call(identity.load)
        assert loaded is not None
        ident = loaded
        new_kid = key_id(new_register.public_key())
        stale = store.call(lambda c: outbox.stale_batches(c, new_kid))
        assert stale == old_batches

        new_ids = [outbox.reseal(store, ident, batch) for batch in stale]
        assert None not in new_ids and not set(new_ids) & {b.batch_id for b in old_batches}
        # A stale view of a batch already re-packed writes nothing.
        assert outbox.reseal(store, ident, stale[0]) is None
        assert [b.batch_id for b in store.call(outbox.pending_batches)] == new_ids
        assert store.call(lambda c: outbox.stale_batches(c, new_kid)) == []
        for old in old_batches:
            assert store.call(lambda c, b=old: outbox.batch_state(c, b.batch_id)) is None  # type: ignore[misc]

        opened: dict[str, object] = {}
        for new_id in new_ids:
            envelope = store.call(lambda c, b=new_id: outbox.envelope_of(c, b))  # type: ignore[misc]
            assert envelope is not None
            assert parse_envelope(envelope).header.recipient_key_id == new_kid
            batch = open_batch(
                envelope,
                {new_kid: new_register},
                {ident.key_id: ident.signing_key.public_key()},
            )
            opened |= {r["record_id"]: r for r in batch.records}
        assert opened == payloads  # revision 1 of the edited record included
        for record_id in ids:
            info = store.call(lambda c, r=record_id: outbox.item(c, r, 1))  # type: ignore[misc]
            assert info is not None and info.state is outbox.ItemState.QUEUED
            assert info.batch_id in new_ids
        assert store.call(lambda c: records.history(c, ids[0]))[0].status is RecordStatus.QUEUED
        assert (
            store.call(lambda c: records.count(c, RecordStatus.QUEUED)) == 2
        )  # the third is the new draft
    finally:
        store.close()


def test_items_reads_exact_revisions_of_many_records_in_chunks(
    make_profile: Callable[..., Profile],
) -> None:
    """The record list's one-query-per-page lookup agrees with ``item`` row by row, past the
    400-id chunk, and leaves out revisions the outbox does not hold."""
    store = make_profile().create(PASSPHRASE).store
    try:
        ids = add_completed(store, 405, seed=43)
        assert outbox.pack(store, _identity(), validator=None).batches >= 1
        asked = [(r, 1) for r in ids] + [(ids[0], 2), ("not-a-record", 1)]
        found = store.call(lambda c: outbox.items(c, asked))
        assert set(found) == {(r, 1) for r in ids}
        for r in (ids[0], ids[399], ids[404]):
            assert found[(r, 1)] == store.call(lambda c, r=r: outbox.item(c, r, 1))  # type: ignore[misc]
        assert store.call(lambda c: outbox.items(c, [])) == {}
    finally:
        store.close()
