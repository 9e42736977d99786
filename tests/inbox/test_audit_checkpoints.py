"""The inbox keeps copies of the register's signed audit checkpoints: the first copy per
sequence number stays (another one is ``checkpoint_conflict``), a malformed one is refused
with its code, only staff may send or read them. Both databases."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.audit_checkpoint import AuditCheckpoint, message, parse_checkpoint
from sjelden_protocol.keys import key_id

from tests.inbox.conftest import Inbox


def _checkpoint(key: Ed25519PrivateKey, seq: int, digest: bytes) -> AuditCheckpoint:
    at, signer = "2026-12-04T12:00:00.000000+00:00", key_id(key.public_key())
    return AuditCheckpoint(seq, digest, at, signer, key.sign(message(seq, digest, at, signer)))


def test_checkpoint_copies_are_kept_first_come_and_listed_to_staff(inbox: Inbox) -> None:
    first = _checkpoint(inbox.staff_key, 1000, bytes(range(32)))
    stored = inbox.staff("PUT", "/v1/staff/audit-checkpoints", json_body=first.to_json())
    assert stored.status_code == 201 and stored.json() == {"seq": 1000, "created": True}
    again = inbox.staff("PUT", "/v1/staff/audit-checkpoints", json_body=first.to_json())
    assert again.status_code == 200 and again.json()["created"] is False

    other = _checkpoint(inbox.staff_key, 1000, bytes(32))
    refused = inbox.staff("PUT", "/v1/staff/audit-checkpoints", json_body=other.to_json())
    assert refused.status_code == 409 and refused.json()["code"] == "checkpoint_conflict"

    later = _checkpoint(inbox.staff_key, 2000, bytes(32))
    inbox.staff("PUT", "/v1/staff/audit-checkpoints", json_body=later.to_json())
    listed = inbox.staff("GET", "/v1/staff/audit-checkpoints")
    assert listed.status_code == 200
    held = [parse_checkpoint(d) for d in listed.json()]
    assert held == [first, later]  # the first copy of 1000, not the other
    assert held[0].signed_by(inbox.staff_key.public_key())
    paged = inbox.staff("GET", "/v1/staff/audit-checkpoints?after=1000&limit=1").json()
    assert [parse_checkpoint(d) for d in paged] == [later]


def test_malformed_and_unauthenticated_checkpoints_are_refused(inbox: Inbox) -> None:
    bad = _checkpoint(inbox.staff_key, 5, bytes(32)).to_json()
    bad["hash"] = "not base64!"
    refused = inbox.staff("PUT", "/v1/staff/audit-checkpoints", json_body=bad)
    assert refused.status_code == 400 and refused.json()["code"] == "malformed"
    stranger = Ed25519PrivateKey.generate()
    anonymous = inbox.signed(
        stranger,
        "PUT",
        "/v1/staff/audit-checkpoints",
        json_body=_checkpoint(stranger, 5, bytes(32)).to_json(),
    )
    assert anonymous.status_code in (401, 403)
    assert inbox.http.get("/v1/staff/audit-checkpoints").status_code == 401
    assert inbox.staff("GET", "/v1/staff/audit-checkpoints").json() == []
