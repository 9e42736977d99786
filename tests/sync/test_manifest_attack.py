"""The attack of issue 13, replayed end to end on the real inbox: the inbox is switched to an
attacker's encryption key and asks the client, every way it can, to take that key: a
``wrong_recipient`` answer, a key file for the user to install, an unsigned manifest, a
manifest whose keys were changed after the root signed it, an old manifest. The client takes
none: the records stay queued, every batch stays sealed to the register's key (the attacker's
private key opens none), and the user is told not to install key files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import ProtocolError, key_id, open_batch, parse_envelope
from sjelden_protocol.keys import raw_public, save_public_key
from sjelden_protocol.manifest import ManifestKey, sign_manifest
from sjelden_protocol.timefmt import now_utc

from desktop.net.errors import SyncError
from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store
from desktop.sync import identity, outbox, service
from tests.conftest import FAST_KDF_SECONDS
from tests.helpers.cli import run_cli
from tests.sync.conftest import FAST, PASSPHRASE, add_completed, enroll_store
from tests.sync.faultproxy import FaultProxy
from tests.sync.inbox_process import InboxProcess, Staff


def _cli(*args: str) -> tuple[int, str]:
    done = run_cli(*args, env={"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"})
    return done.returncode, done.stdout + done.stderr


def _serve_instead(document: dict[str, object]) -> object:
    """A proxy rewrite: the manifest the inbox serves becomes ``document``."""
    replacement = json.dumps(document).encode()

    def change(body: bytes) -> bytes:
        return replacement if b'"sjelden.key_manifest"' in body else body

    return change


def _all_queued(store: Store, ids: list[str]) -> bool:
    return all(
        store.call(lambda c, i=i: records.get(c, i)).status is RecordStatus.QUEUED  # type: ignore[misc, union-attr]
        for i in ids
    )


def _attacker_opens_nothing(store: Store, attacker: X25519PrivateKey, legit: str) -> None:
    pending = store.call(outbox.pending_batches)
    assert pending
    signing = store.call(identity.installation_key)
    assert signing is not None
    senders = {key_id(signing.public_key()): signing.public_key()}
    for batch in pending:
        envelope = store.call(lambda c, b=batch: outbox.envelope_of(c, b.batch_id))  # type: ignore[misc]
        assert envelope is not None
        assert parse_envelope(envelope).header.recipient_key_id == legit
        with pytest.raises(ProtocolError):
            open_batch(envelope, {key_id(attacker.public_key()): attacker}, senders)


def test_a_compromised_inbox_cannot_get_records_sealed_to_its_key(
    inbox_server: InboxProcess, staff: Staff, tmp_path: Path
) -> None:
    attacker = X25519PrivateKey.generate()
    attacker_root = Ed25519PrivateKey.generate()
    attacker_file = tmp_path / "register-new.pub"
    save_public_key(attacker.public_key(), attacker_file)
    legit = key_id(staff.register_key.public_key())
    profile = Profile.named("default", kdf_target_seconds=FAST_KDF_SECONDS)
    with FaultProxy(("127.0.0.1", inbox_server.port)) as proxy:
        inbox_server.reached_through(proxy.url)
        store = profile.create(PASSPHRASE, key_storage="file", language="en").store
        try:
            enroll_store(store, proxy.url, staff)
            ids = add_completed(store, 4, seed=13)
            # The inbox now takes only batches sealed to the attacker's key.
            inbox_server.stop()
            inbox_server.recipient_key_ids = (key_id(attacker.public_key()),)
            inbox_server.start()

            # 1. wrong_recipient: the client fetches the manifest, which names no such key.
            with pytest.raises(SyncError) as refused:
                service.run_sync(store, policy=FAST)
            assert refused.value.code == "wrong_recipient"
            assert "Do not install key files" in refused.value.user_message("en")
            assert _all_queued(store, ids)
            _attacker_opens_nothing(store, attacker, legit)

            # 2. a manifest signed by the attacker's own "root", 3. the register's manifest
            # with the attacker's key added after signing, 4. the register's older manifest.
            since = now_utc()
            theirs = ManifestKey("recipient", raw_public(attacker.public_key()), since)
            forged = sign_manifest(
                sequence=99, issued_at=since, keys=[theirs], root=attacker_root
            ).to_json()
            newest = staff.manifests[-1]
            altered = json.loads(json.dumps(newest))
            altered["manifest"]["keys"].append(theirs.to_json())
            altered["manifest"]["sequence"] += 1
            unsigned = {"manifest": altered["manifest"], "signatures": []}
            staff.publish_manifest()  # the register's next manifest (same keys) is accepted
            service_error = None
            for document, code in (
                (forged, "manifest_invalid"),
                (altered, "manifest_invalid"),
                (unsigned, "manifest_invalid"),
                (newest, "manifest_replayed"),
            ):
                with pytest.raises(SyncError):
                    service.run_sync(store, policy=FAST)  # takes the register's manifest 2
                proxy.rewrite = _serve_instead(document)  # type: ignore[assignment]
                with pytest.raises(SyncError) as caught:
                    service.run_sync(store, policy=FAST)
                proxy.rewrite = None
                assert caught.value.code == code, document
                service_error = caught.value
                assert _all_queued(store, ids)
                _attacker_opens_nothing(store, attacker, legit)
            assert service_error is not None and "no key was changed" in (
                service_error.user_message("en")
            )
            (tmp_path / "old.json").write_text(json.dumps(newest))
            (tmp_path / "forged.json").write_text(json.dumps(forged))
        finally:
            store.close()

        # 5. the key file the inbox's message would have had the user install, and the same
        # manifests as files: all refused, nothing changes.
        code, text = _cli("register-key", "add", str(attacker_file))
        assert code == 2 and "register_key_unsigned" in text
        code, text = _cli("manifest", "import", str(tmp_path / "old.json"))
        assert code == 1 and "manifest_replayed" in text
        code, text = _cli("manifest", "import", str(tmp_path / "forged.json"))
        assert code == 1 and "manifest_invalid" in text
        store = profile.unlock(PASSPHRASE)
        try:
            ident = store.call(identity.load)
            assert ident is not None and key_id(ident.register_key) == legit
            assert _all_queued(store, ids)
            _attacker_opens_nothing(store, attacker, legit)
        finally:
            store.close()
    assert staff.batches() == []  # the inbox holds nothing it could have decrypted
