"""Feedback version 2: reason texts sealed to the installation, and purge notices (issue 15
points 2 and 3)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import (
    Feedback,
    RecordDecision,
    canonical_json,
    key_id,
    open_reasons,
    sign_feedback,
    verify_feedback,
)
from sjelden_protocol.errors import DecryptionError, MalformedError, ProtocolError
from sjelden_protocol.feedback import FEEDBACK_DOMAIN
from sjelden_protocol.montgomery import x25519_private_of, x25519_public_of
from sjelden_protocol.signing import sign_document

TEXT = "Diagnosekoden passer ikke til funnene; send ny revisjon"


def _signed(
    staff: Ed25519PrivateKey, installation: Ed25519PrivateKey, *decisions: RecordDecision
) -> Feedback:
    return sign_feedback(
        feedback_id=str(uuid.uuid4()),
        installation_key_id=key_id(installation.public_key()),
        batch_id=None,
        decisions=list(decisions),
        issued_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        key=staff,
        installation=installation.public_key(),
    )


def test_the_derived_x25519_pair_matches_on_both_sides() -> None:
    """Public from the enrolled Ed25519 public key == public of the derived private key."""
    for _ in range(50):
        ed = Ed25519PrivateKey.generate()
        assert (
            x25519_public_of(ed.public_key()).public_bytes_raw()
            == x25519_private_of(ed).public_key().public_bytes_raw()
        )


def test_a_sealed_reason_is_not_in_the_document_and_opens_for_the_installation() -> None:
    staff, installation = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    record = str(uuid.uuid4())
    feedback = _signed(
        staff,
        installation,
        RecordDecision(record, 2, "rejected", "wrong_code", TEXT),
        RecordDecision(str(uuid.uuid4()), 1, "purge", "reservert"),
    )
    wire = canonical_json(feedback.to_json()).decode()
    assert feedback.version == 2 and "Diagnosekoden" not in wire and "reason_text" not in wire
    verified = verify_feedback(json.loads(wire), {key_id(staff.public_key()): staff.public_key()})
    opened = open_reasons(verified, installation)
    assert [d.reason_text for d in opened.decisions] == [TEXT, None]
    assert [d.decision for d in opened.decisions] == ["rejected", "purge"]
    with pytest.raises(DecryptionError):
        open_reasons(verified, Ed25519PrivateKey.generate())


def test_a_sealed_reason_cannot_be_moved_to_another_decision() -> None:
    """Even re-signed by a staff key, a text sealed for one decision does not open on
    another: the HPKE info binds the document, the record and the revision."""
    staff, installation = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    trusted = {key_id(staff.public_key()): staff.public_key()}
    first = _signed(
        staff, installation, RecordDecision(str(uuid.uuid4()), 1, "rejected", "x", TEXT)
    )
    other = _signed(staff, installation, RecordDecision(str(uuid.uuid4()), 1, "rejected", "x", "y"))
    body = other.body()
    body["decisions"][0]["reason_sealed"] = first.decisions[0].reason_sealed
    moved = {"feedback": body, "signature": sign_document(FEEDBACK_DOMAIN, body, staff)}
    with pytest.raises(DecryptionError):
        open_reasons(verify_feedback(moved, trusted), installation)
    # Unsigned tampering is caught by the signature first.
    tampered = other.to_json()
    tampered["feedback"]["decisions"][0]["reason_sealed"] = first.decisions[0].reason_sealed
    with pytest.raises(ProtocolError):
        verify_feedback(tampered, trusted)


def test_version_1_cannot_purge_and_bad_sealed_values_are_malformed() -> None:
    staff, installation = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    with pytest.raises(MalformedError, match="decision must be one of"):
        sign_feedback(
            feedback_id=str(uuid.uuid4()),
            installation_key_id=key_id(installation.public_key()),
            batch_id=None,
            decisions=[RecordDecision(str(uuid.uuid4()), 1, "purge", "reservert")],
            issued_at=datetime.now(UTC),
            key=staff,
        )
    good = _signed(staff, installation, RecordDecision(str(uuid.uuid4()), 1, "rejected", "x", TEXT))
    for bad in ("not base64!", "AAAA", 7):
        document = good.to_json()
        document["feedback"]["decisions"][0]["reason_sealed"] = bad
        with pytest.raises(MalformedError):
            verify_feedback(document, {key_id(staff.public_key()): staff.public_key()})
    with pytest.raises(MalformedError, match="installation key"):
        sign_feedback(
            feedback_id=str(uuid.uuid4()),
            installation_key_id=key_id(installation.public_key()),
            batch_id=None,
            decisions=[RecordDecision(str(uuid.uuid4()), 1, "accepted")],
            issued_at=datetime.now(UTC),
            key=staff,
            installation=Ed25519PrivateKey.generate().public_key(),
        )
