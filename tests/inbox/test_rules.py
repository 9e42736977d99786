"""Every rule of the inbox, against a real uvicorn, on SQLite and on PostgreSQL."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import (
    RecordDecision,
    fingerprint,
    key_id,
    open_batch,
    sign_feedback,
    verify_feedback,
    verify_receipt,
)
from sjelden_protocol.enrollment import build_enrollment

from .conftest import Inbox, database_url, make_inbox


def reason(response) -> str:  # type: ignore[no-untyped-def]
    body = response.json()
    assert body["message"]  # every refusal explains itself
    return str(body["code"])


def server_keys(inbox: Inbox) -> dict:
    public = inbox.ctx.server_key.public_key()
    return {key_id(public): public}


# --- enrollment ----------------------------------------------------------------------------
def test_enrollment_pending_then_approved(inbox: Inbox) -> None:
    key = Ed25519PrivateKey.generate()
    code = inbox.staff("POST", "/v1/staff/enrollment-codes").json()["code"]
    response = inbox.http.post("/v1/enrollments", json=build_enrollment(key, code.lower(), "PC 7"))
    assert response.status_code == 201
    shown = response.json()
    assert shown["status"] == "pending"
    assert shown["fingerprint"] == fingerprint(key.public_key())  # both sides show the same
    me = inbox.signed(key, "GET", "/v1/installations/me")
    assert me.status_code == 200 and me.json()["status"] == "pending"
    batch_id, data = inbox.batch(key)
    refused = inbox.upload(batch_id, data)
    assert refused.status_code == 403 and reason(refused) == "installation_pending"
    assert reason(inbox.signed(key, "GET", "/v1/feedback")) == "installation_pending"
    listed = inbox.staff("GET", "/v1/staff/installations").json()
    assert [i["fingerprint"] for i in listed] == [fingerprint(key.public_key())]
    inbox.staff("POST", f"/v1/staff/installations/{shown['key_id']}/approve")
    assert inbox.upload(batch_id, data).status_code == 201


def test_enrollment_code_is_one_time_and_proof_is_checked(inbox: Inbox) -> None:
    code = inbox.staff("POST", "/v1/staff/enrollment-codes").json()["code"]
    first = Ed25519PrivateKey.generate()
    assert (
        inbox.http.post("/v1/enrollments", json=build_enrollment(first, code, "a")).status_code
        == 201
    )
    again = inbox.http.post(
        "/v1/enrollments", json=build_enrollment(Ed25519PrivateKey.generate(), code, "b")
    )
    assert again.status_code == 403 and reason(again) == "bad_enrollment_code"
    code2 = inbox.staff("POST", "/v1/staff/enrollment-codes").json()["code"]
    same_key = inbox.http.post("/v1/enrollments", json=build_enrollment(first, code2, "a"))
    assert same_key.status_code == 409 and reason(same_key) == "already_enrolled"
    forged = build_enrollment(Ed25519PrivateKey.generate(), code2, "c")
    forged["public_key"] = build_enrollment(first, code2, "c")["public_key"]
    bad = inbox.http.post("/v1/enrollments", json=forged)
    assert bad.status_code == 401 and reason(bad) == "bad_signature"
    made_up = inbox.http.post(
        "/v1/enrollments",
        json=build_enrollment(Ed25519PrivateKey.generate(), "AAAA-BBBB-CCCC-DDDD", "d"),
    )
    assert made_up.status_code == 403 and reason(made_up) == "bad_enrollment_code"


def test_a_code_typed_with_look_alikes_enrolls(inbox: Inbox) -> None:
    """O for 0 and I/L for 1, lower case, spaces: read as Crockford reads them, both when
    the client normalised the code and when an earlier client sent it as typed."""
    for canonical, typed in (
        ("0123ABCD0000EFGH", "oi23 abcd OOOO efgh"),
        ("1111ABCD2345WXYZ", "IlL1-abcd-2345-wxyz"),
    ):
        inbox.ctx.store.add_enrollment_code(canonical, now=0, expires_at=2**40)
        key = Ed25519PrivateKey.generate()
        request = build_enrollment(key, typed, "Testklinikk")
        assert request["code"] == canonical
        if canonical.startswith("1"):
            request["code"] = typed  # as an earlier client sent it
        assert inbox.http.post("/v1/enrollments", json=request).status_code == 201
    used_u = build_enrollment(Ed25519PrivateKey.generate(), "UUUU-ABCD-2345-WXYZ", "x")
    refused = inbox.http.post("/v1/enrollments", json=used_u)
    assert refused.status_code in (403, 422)


def test_a_staff_key_added_twice_is_reported_not_raised(inbox: Inbox) -> None:
    """The duplicate is the database's unique violation, on either backend."""
    public = Ed25519PrivateKey.generate().public_key()
    raw = public.public_bytes_raw()
    assert inbox.ctx.store.add_staff_key(key_id(public), raw, "ny", now=1) is True
    assert inbox.ctx.store.add_staff_key(key_id(public), raw, "igjen", now=2) is False
    assert inbox.ctx.store.staff_key(key_id(public)).label == "ny"  # type: ignore[union-attr]


# --- upload and idempotency ---------------------------------------------------------------
def test_upload_stores_exact_bytes_and_returns_signed_receipt(inbox: Inbox) -> None:
    key = inbox.enroll()
    batch_id, data = inbox.batch(key, records=5)
    first = inbox.upload(batch_id, data)
    assert first.status_code == 201
    receipt = verify_receipt(first.json(), server_keys(inbox), envelope=data)
    assert receipt.batch_id == batch_id and receipt.record_count == 5
    again = inbox.upload(batch_id, data)
    assert again.status_code == 200 and again.json() == first.json()
    fetched = inbox.staff("GET", f"/v1/staff/batches/{batch_id}")
    assert fetched.status_code == 200 and fetched.content == data
    opened = open_batch(
        fetched.content,
        {key_id(inbox.register_key.public_key()): inbox.register_key},
        {key_id(key.public_key()): key.public_key()},
    )
    assert len(opened.records) == 5


def test_same_id_different_bytes_is_409(inbox: Inbox) -> None:
    key = inbox.enroll()
    batch_id, data = inbox.batch(key)
    _, other = inbox.batch(key, batch_id=batch_id)
    assert inbox.upload(batch_id, data).status_code == 201
    conflict = inbox.upload(batch_id, other)
    assert conflict.status_code == 409 and reason(conflict) == "batch_conflict"
    assert inbox.staff("GET", f"/v1/staff/batches/{batch_id}").content == data


def test_unknown_revoked_and_forged_senders(inbox: Inbox) -> None:
    stranger = Ed25519PrivateKey.generate()
    batch_id, data = inbox.batch(stranger)
    unknown = inbox.upload(batch_id, data)
    assert unknown.status_code == 401 and reason(unknown) == "unknown_key"

    key = inbox.enroll()
    batch_id, data = inbox.batch(key)
    tampered = bytearray(data)
    tampered[-100] ^= 1
    forged = inbox.upload(batch_id, bytes(tampered))
    assert forged.status_code == 401 and reason(forged) == "bad_signature"

    inbox.staff("POST", f"/v1/staff/installations/{key_id(key.public_key())}/revoke")
    revoked = inbox.upload(batch_id, data)
    assert revoked.status_code == 403 and reason(revoked) == "installation_revoked"
    assert reason(inbox.signed(key, "GET", "/v1/installations/me")) == "installation_revoked"
    again = inbox.staff("POST", f"/v1/staff/installations/{key_id(key.public_key())}/approve")
    assert again.status_code == 409


def test_malformed_and_mismatched_uploads(inbox: Inbox) -> None:
    key = inbox.enroll()
    batch_id, data = inbox.batch(key)
    for body, code in (
        (b"", "truncated"),
        (b"hello world, not a batch", "bad_magic"),
        (data[:-1], "truncated"),
    ):
        answer = inbox.upload(batch_id, body)
        assert answer.status_code == 400 and reason(answer) == code
    mismatch = inbox.upload(str(uuid.uuid4()), data)
    assert mismatch.status_code == 422 and reason(mismatch) == "batch_id_mismatch"
    bad_id = inbox.upload("not-a-uuid", data)
    assert bad_id.status_code == 400 and "uuid" in bad_id.json()["message"]
    bad_json = inbox.http.post(
        "/v1/enrollments", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert bad_json.status_code == 422 and reason(bad_json) == "invalid_request"


def test_oversize_is_413(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        for inbox in make_inbox(tmp_path, url, max_envelope_bytes=2000):
            key = inbox.enroll()
            batch_id, data = inbox.batch(key, records=200)
            assert len(data) > 2000
            declared = inbox.upload(batch_id, data)
            assert declared.status_code == 413 and reason(declared) == "too_large"

            def chunks():  # type: ignore[no-untyped-def]
                for start in range(0, len(data), 500):
                    yield data[start : start + 500]

            streamed = inbox.http.put(f"/v1/batches/{batch_id}", content=chunks())
            assert streamed.status_code == 413
            assert inbox.ctx.store.count_batches() == 0


# --- signed requests ----------------------------------------------------------------------
def test_request_signatures_timestamps_and_nonces(inbox: Inbox) -> None:
    key = inbox.enroll()
    assert inbox.signed(key, "GET", "/v1/feedback").status_code == 200
    stale = inbox.signed(key, "GET", "/v1/feedback", now=datetime.now(UTC) - timedelta(minutes=10))
    assert stale.status_code == 401 and reason(stale) == "stale_timestamp"
    nonce = "fixed-nonce-1234567890"
    assert inbox.signed(key, "GET", "/v1/feedback", nonce=nonce).status_code == 200
    replay = inbox.signed(key, "GET", "/v1/feedback", nonce=nonce)
    assert replay.status_code == 401 and reason(replay) == "replayed_nonce"
    unsigned = inbox.http.get("/v1/feedback")
    assert unsigned.status_code == 401 and reason(unsigned) == "missing_signature"
    headers = dict(inbox.signed(key, "GET", "/v1/feedback?after=0").request.headers)
    swapped = inbox.http.get("/v1/feedback?after=1", headers=headers)  # target not as signed
    assert swapped.status_code == 401
    assert reason(inbox.signed(key, "GET", "/v1/staff/installations")) == "unknown_key"


def test_batch_status_and_feedback_flow(inbox: Inbox) -> None:
    key, other = inbox.enroll(), inbox.enroll()
    kid = key_id(key.public_key())
    batch_id, data = inbox.batch(key, records=2)
    inbox.upload(batch_id, data)
    status = inbox.signed(key, "GET", f"/v1/batches/{batch_id}").json()
    assert status["state"] == "received"
    verify_receipt(status["receipt"], server_keys(inbox), envelope=data)
    assert inbox.signed(other, "GET", f"/v1/batches/{batch_id}").status_code == 404

    listed = inbox.staff("GET", "/v1/staff/batches").json()["items"]
    assert [item["batch_id"] for item in listed] == [batch_id]
    inbox.staff("POST", f"/v1/staff/batches/{batch_id}/ack")
    assert inbox.staff("GET", "/v1/staff/batches").json()["items"] == []
    assert inbox.signed(key, "GET", f"/v1/batches/{batch_id}").json()["state"] == "imported"

    opened = open_batch(
        data,
        {key_id(inbox.register_key.public_key()): inbox.register_key},
        {kid: key.public_key()},
    )
    feedback = sign_feedback(
        feedback_id=str(uuid.uuid4()),
        installation_key_id=kid,
        batch_id=batch_id,
        decisions=[
            RecordDecision(opened.records[0]["record_id"], 1, "accepted"),
            RecordDecision(
                opened.records[1]["record_id"],
                1,
                "rejected",
                "missing_consent",
                "Mangler samtykke.",
            ),
        ],
        issued_at=datetime.now(UTC).replace(microsecond=0),
        key=inbox.staff_key,
        installation=key.public_key(),
    )
    # A version 1 document with a reason text in clear is refused: the inbox stores none.
    clear = sign_feedback(
        feedback_id=str(uuid.uuid4()),
        installation_key_id=kid,
        batch_id=batch_id,
        decisions=[RecordDecision(opened.records[1]["record_id"], 1, "rejected", "x", "tekst")],
        issued_at=datetime.now(UTC).replace(microsecond=0),
        key=inbox.staff_key,
    )
    refused = inbox.staff("POST", "/v1/staff/feedback", json_body=clear.to_json())
    assert (refused.status_code, reason(refused)) == (422, "clear_reason_text")
    posted = inbox.staff("POST", "/v1/staff/feedback", json_body=feedback.to_json())
    assert posted.status_code == 201, posted.text
    stored = inbox.ctx.store.feedback_for(kid, after=0, limit=10)
    assert "Mangler samtykke" not in str(stored) and "reason_sealed" in str(stored)
    assert (
        inbox.staff("POST", "/v1/staff/feedback", json_body=feedback.to_json()).status_code == 200
    )
    changed = feedback.to_json()
    changed["feedback"]["decisions"][0]["decision"] = "duplicate"
    assert reason(inbox.staff("POST", "/v1/staff/feedback", json_body=changed)) == "bad_signature"

    downloaded = inbox.signed(key, "GET", "/v1/feedback?after=0").json()
    assert len(downloaded["items"]) == 1
    trusted = {key_id(inbox.staff_key.public_key()): inbox.staff_key.public_key()}
    assert verify_feedback(downloaded["items"][0]["document"], trusted) == feedback
    later = inbox.signed(key, "GET", f"/v1/feedback?after={downloaded['next_after']}").json()
    assert later["items"] == []
    assert inbox.signed(other, "GET", "/v1/feedback").json()["items"] == []


def test_rate_limit_is_per_installation(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        for inbox in make_inbox(tmp_path, url, rate_limit_per_minute=1, rate_limit_burst=3):
            first, second = inbox.enroll_direct(), inbox.enroll_direct()
            answers = [inbox.signed(first, "GET", "/v1/feedback").status_code for _ in range(4)]
            assert answers == [200, 200, 200, 429]
            limited = inbox.signed(first, "GET", "/v1/feedback")
            assert reason(limited) == "rate_limited" and int(limited.headers["Retry-After"]) >= 1
            assert inbox.signed(second, "GET", "/v1/feedback").status_code == 200


def test_logs_and_errors_hold_no_submitted_values(
    inbox: Inbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    marker = "Kari-Nordmann-SYNTHETIC-MARKER"
    key = inbox.enroll()
    batch_id, data = inbox.batch(key)
    inbox.upload(batch_id, data)
    answer = inbox.http.post(
        "/v1/enrollments", json={"code": marker, "label": marker, "public_key": 5, "proof": marker}
    )
    assert answer.status_code == 422 and marker not in answer.text
    assert marker not in caplog.text
    assert data.hex()[:64] not in caplog.text
