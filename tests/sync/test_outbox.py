"""The outbox on its own (no server): a revision's status and its outbox item move together."""

from __future__ import annotations

from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.sync import outbox
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
        assert store.new_revision(record_id).revision == 2

        assert store.call(lambda c: outbox.quarantine_batch(c, batch.batch_id, "malformed")) == 1

        # Revision 1 (now in history) and its outbox item agree; revision 2 is untouched.
        assert store.history(record_id)[0].status is RecordStatus.REJECTED
        info = store.call(lambda c: outbox.item(c, record_id, 1))
        assert info is not None and info.state is outbox.ItemState.QUARANTINED
        assert info.reason_code == "malformed"
        current = store.get(record_id)
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
        assert actions[-2:] == ["status:queued", "status:rejected"]
    finally:
        store.close()
