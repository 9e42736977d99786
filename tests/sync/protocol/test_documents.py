"""Receipts, feedback, request signatures and enrollment proofs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import (
    RecordDecision,
    build_batch,
    canonical_json,
    issue_receipt,
    key_id,
    parse_envelope,
    sign_feedback,
    sign_request,
    verify_feedback,
    verify_receipt,
)
from sjelden_protocol.canonical import parse_canonical
from sjelden_protocol.enrollment import build_enrollment, verify_enrollment
from sjelden_protocol.request_auth import check_request, parse_request_auth

from .conftest import code_of, fake_record

NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)


def test_receipt_binds_the_exact_bytes(signer, register_key) -> None:
    server = Ed25519PrivateKey.generate()
    data = build_batch(
        [fake_record()], batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    receipt = issue_receipt(parse_envelope(data), received_at=NOW, key=server)
    trusted = {key_id(server.public_key()): server.public_key()}
    document = receipt.to_json()
    assert verify_receipt(document, trusted, envelope=data) == receipt
    other = build_batch(
        [fake_record()], batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    assert code_of(lambda: verify_receipt(document, trusted, envelope=other)) == "receipt_mismatch"
    forged = {**document, "receipt": {**document["receipt"], "record_count": 7}}
    assert code_of(lambda: verify_receipt(forged, trusted)) == "bad_signature"
    assert code_of(lambda: verify_receipt(document, {})) == "unknown_key"
    assert code_of(lambda: verify_receipt({"receipt": {}}, trusted)) == "malformed"


def test_feedback_sign_and_verify() -> None:
    staff = Ed25519PrivateKey.generate()
    record_id = str(uuid.uuid4())
    feedback = sign_feedback(
        feedback_id=str(uuid.uuid4()),
        installation_key_id="0" * 32,
        batch_id=None,
        decisions=[
            RecordDecision(record_id, 2, "rejected", "missing_consent", "Samtykke mangler."),
            RecordDecision(str(uuid.uuid4()), 1, "duplicate", "already_registered"),
        ],
        issued_at=NOW,
        key=staff,
    )
    trusted = {key_id(staff.public_key()): staff.public_key()}
    assert verify_feedback(feedback.to_json(), trusted) == feedback
    document = feedback.to_json()
    document["feedback"]["decisions"][0]["decision"] = "accepted"
    assert code_of(lambda: verify_feedback(document, trusted)) == "bad_signature"
    assert (
        code_of(
            lambda: sign_feedback(
                feedback_id=str(uuid.uuid4()),
                installation_key_id="0" * 32,
                batch_id=None,
                decisions=[RecordDecision(record_id, 1, "rejected")],
                issued_at=NOW,
                key=staff,
            )
        )
        == "malformed"
    )


def test_request_signature_window_and_tamper() -> None:
    key = Ed25519PrivateKey.generate()
    headers = sign_request(key, "POST", "/v1/x?a=1", b"body", now=NOW)
    auth = parse_request_auth(headers)
    check_request(
        auth, key.public_key(), "POST", "/v1/x?a=1", b"body", now=NOW + timedelta(seconds=299)
    )
    for method, target, body in (
        ("GET", "/v1/x?a=1", b"body"),
        ("POST", "/v1/x?a=2", b"body"),
        ("POST", "/v1/x?a=1", b"bodY"),
    ):
        assert (
            code_of(
                lambda m=method, t=target, b=body: check_request(
                    auth, key.public_key(), m, t, b, now=NOW
                )
            )
            == "bad_signature"
        )
    assert (
        code_of(
            lambda: check_request(
                auth,
                key.public_key(),
                "POST",
                "/v1/x?a=1",
                b"body",
                now=NOW + timedelta(seconds=301),
            )
        )
        == "stale_timestamp"
    )
    assert code_of(lambda: parse_request_auth({})) == "missing_signature"
    assert (
        code_of(lambda: parse_request_auth({**headers, "X-Sjelden-Nonce": "short"})) == "malformed"
    )


def test_enrollment_proof_binds_code_and_key() -> None:
    key = Ed25519PrivateKey.generate()
    request = build_enrollment(key, "abcd-efgh", "Testklinikk PC 1")
    assert verify_enrollment(**request).code == "ABCDEFGH"
    assert code_of(lambda: verify_enrollment(**{**request, "code": "ABCD-EFGX"})) == "bad_signature"
    stranger = build_enrollment(Ed25519PrivateKey.generate(), "abcd-efgh", "x")
    assert (
        code_of(lambda: verify_enrollment(**{**request, "public_key": stranger["public_key"]}))
        == "bad_signature"
    )


def test_canonical_json_refuses_floats_duplicates_and_non_canonical() -> None:
    assert code_of(lambda: canonical_json({"a": 1.5})) == "malformed"
    assert code_of(lambda: canonical_json({"a": 2**53})) == "malformed"
    assert code_of(lambda: parse_canonical(b'{"a":1,"a":1}', what="x")) == "malformed"
    assert code_of(lambda: parse_canonical(b'{"b":1,"a":1}', what="x")) == "not_canonical"
    assert code_of(lambda: parse_canonical(b'{"a":1.0}', what="x")) == "malformed"
    assert parse_canonical(b'{"a":[1,"\xc3\xa6"]}', what="x") == {"a": [1, "æ"]}
