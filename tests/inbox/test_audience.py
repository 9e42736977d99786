"""Signed requests name the server they are for (issue 13 point 4): two real inboxes that
enrolled the same installation key; a request captured at one is refused by the other, and
a request that names no server is refused where the inbox knows its own addresses."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import key_id, sign_request
from sjelden_protocol.keys import raw_public

from tests.inbox.conftest import Inbox, make_inbox

A, B = "https://innboks-a.example", "https://innboks-b.example:8443"


def _enroll(inbox: Inbox, key: Ed25519PrivateKey) -> None:
    from sjelden_inbox.codes import canonical_code, new_code
    from sjelden_inbox.storage import InstallationStatus

    code = canonical_code(new_code())
    assert code is not None
    kid, store = key_id(key.public_key()), inbox.ctx.store
    store.add_enrollment_code(code, now=0, expires_at=2**40)
    store.enroll(code, kid, raw_public(key.public_key()), "PC 1", now=0)
    store.set_status(kid, InstallationStatus.APPROVED, now=0)


def test_a_request_made_for_one_inbox_is_refused_by_another(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    target = "/v1/installations/me"
    for a in make_inbox(tmp_path / "a", f"sqlite:///{tmp_path / 'a.sqlite3'}", public_urls={A}):
        for b in make_inbox(tmp_path / "b", f"sqlite:///{tmp_path / 'b.sqlite3'}", public_urls={B}):
            _enroll(a, key)
            _enroll(b, key)
            # the client means A (any spelling of A's address signs the same origin)
            headers = sign_request(key, "GET", target, now=datetime.now(UTC), audience=A + "/")
            assert headers["X-Sjelden-Audience"] == A
            replayed = b.http.get(target, headers=headers)  # captured, sent to B first
            assert replayed.status_code == 401
            assert replayed.json()["code"] == "wrong_audience"
            assert "innboks-a.example" in replayed.json()["message"]
            assert a.http.get(target, headers=headers).status_code == 200  # still good at A
            # B's own requests work; a version 1 request (no audience) is refused by both
            assert b.signed(key, "GET", target).status_code == 200
            old = sign_request(key, "GET", target, now=datetime.now(UTC))
            assert "X-Sjelden-Audience" not in old
            for inbox in (a, b):
                answer = inbox.http.get(target, headers=old)
                assert answer.status_code == 401 and answer.json()["code"] == "wrong_audience"
            # an audience header changed after signing breaks the signature
            forged = dict(headers, **{"X-Sjelden-Audience": B})
            assert b.http.get(target, headers=forged).json()["code"] == "bad_signature"
