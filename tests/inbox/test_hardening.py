"""Server hardening (issue 13 point 4) on a real uvicorn: failed authentications are
rate-limited per address, a key's state is revealed only to whoever can sign with it, a
replayed batch costs its sender nothing, and the interactive API pages are off by default."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import key_id, sign_request
from sjelden_protocol.request_auth import HEADER_KEY_ID

from tests.inbox.conftest import InstallationStatus, make_inbox


def _sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'inbox.sqlite3'}"


def test_failed_authentications_spend_the_address_s_budget(tmp_path: Path) -> None:
    for inbox in make_inbox(tmp_path, _sqlite(tmp_path), failed_auth_burst=5):
        stranger = Ed25519PrivateKey.generate()  # never enrolled
        codes = [
            inbox.signed(stranger, "GET", "/v1/installations/me").status_code for _ in range(5)
        ]
        assert codes == [401] * 5
        blocked = inbox.signed(stranger, "GET", "/v1/installations/me")
        assert blocked.status_code == 429 and blocked.json()["code"] == "rate_limited"
        assert int(blocked.headers["Retry-After"]) >= 1
        # and a forged signature of an enrolled key counts as well
        real = inbox.enroll_direct()
        assert inbox.signed(real, "GET", "/v1/installations/me").status_code == 429


def test_bad_signatures_on_an_enrolled_key_are_counted(tmp_path: Path) -> None:
    for inbox in make_inbox(tmp_path, _sqlite(tmp_path), failed_auth_burst=3):
        real = inbox.enroll_direct()
        impostor = Ed25519PrivateKey.generate()
        answers = []
        for _ in range(4):  # the real key's id, the impostor's signature
            headers = sign_request(impostor, "GET", "/v1/feedback", b"", now=datetime.now(UTC))
            headers[HEADER_KEY_ID] = key_id(real.public_key())
            answers.append(inbox.http.get("/v1/feedback", headers=headers).status_code)
        assert answers == [401, 401, 401, 429]


def test_a_key_s_state_is_told_only_to_its_holder(tmp_path: Path) -> None:
    for inbox in make_inbox(tmp_path, _sqlite(tmp_path)):
        pending = inbox.enroll(approve=False)
        kid = key_id(pending.public_key())
        impostor = Ed25519PrivateKey.generate()
        # a request naming the pending key but signed by someone else learns nothing about it
        headers = sign_request(impostor, "GET", "/v1/feedback", b"", now=datetime.now(UTC))
        headers[HEADER_KEY_ID] = kid
        response = inbox.http.get("/v1/feedback", headers=headers)
        assert response.status_code == 401, response.text
        assert response.json()["code"] != "installation_pending"
        # the holder is told
        own = inbox.signed(pending, "GET", "/v1/feedback")
        assert own.json()["code"] == "installation_pending"
        inbox.ctx.store.set_status(kid, InstallationStatus.REVOKED, now=1)
        headers = sign_request(impostor, "GET", "/v1/feedback", b"", now=datetime.now(UTC))
        headers[HEADER_KEY_ID] = kid
        response = inbox.http.get("/v1/feedback", headers=headers)
        assert response.status_code == 401 and response.json()["code"] != "installation_revoked"


def test_a_replayed_batch_costs_its_sender_no_tokens(tmp_path: Path) -> None:
    for inbox in make_inbox(
        tmp_path, _sqlite(tmp_path), rate_limit_burst=3, rate_limit_per_minute=0.001
    ):
        key = inbox.enroll_direct()
        batch_id, data = inbox.batch(key)
        assert inbox.upload(batch_id, data).status_code == 201
        for _ in range(10):  # someone replays the captured upload
            assert inbox.upload(batch_id, data).status_code == 200
        fresh_id, fresh = inbox.batch(key)
        assert inbox.upload(fresh_id, fresh).status_code == 201  # the sender's budget is intact


def test_interactive_api_pages_are_off_unless_asked_for(tmp_path: Path) -> None:
    for inbox in make_inbox(tmp_path, _sqlite(tmp_path)):
        assert inbox.http.get("/docs").status_code == 404
        assert inbox.http.get("/redoc").status_code == 404
        assert inbox.http.get("/openapi.json").status_code == 200  # the contract stays public
    for inbox in make_inbox(tmp_path / "docs", _sqlite(tmp_path / "docs"), api_docs=True):
        assert inbox.http.get("/docs").status_code == 200
