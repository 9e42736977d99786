from __future__ import annotations

from sjelden_protocol import fingerprint, key_id

from .conftest import Inbox


def test_health_and_server_key(inbox: Inbox) -> None:
    assert inbox.http.get("/v1/health").json()["status"] == "ok"
    answer = inbox.http.get("/v1/server-key").json()
    public = inbox.ctx.server_key.public_key()
    assert answer["key_id"] == key_id(public)
    assert answer["fingerprint"] == fingerprint(public)
