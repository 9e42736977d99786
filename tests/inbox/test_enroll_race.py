"""One key enrolled twice at the same moment with two codes: one wins, one is refused."""

from __future__ import annotations

import threading

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_inbox.storage import EnrollmentRefused
from sjelden_protocol import key_id
from sjelden_protocol.keys import raw_public

from .conftest import Inbox, canonical_code, new_code


def test_racing_enrollments_of_one_key(inbox: Inbox) -> None:
    store = inbox.ctx.store
    for _ in range(15):
        key = Ed25519PrivateKey.generate()
        kid, public = key_id(key.public_key()), raw_public(key.public_key())
        codes = [canonical_code(new_code()) for _ in range(2)]
        for code in codes:
            assert code is not None
            store.add_enrollment_code(code, now=0, expires_at=2**40)
        start = threading.Barrier(2)
        outcomes: list[str] = []

        def enroll(code: str) -> None:
            start.wait()
            try:
                store.enroll(code, kid, public, "race", now=1)
                outcomes.append("enrolled")
            except EnrollmentRefused as refused:
                outcomes.append(refused.code)

        threads = [threading.Thread(target=enroll, args=(c,)) for c in codes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["already_enrolled", "enrolled"]
        assert store.installation(kid) is not None
