"""The implementation reproduces tests/vectors/protocol-v1.json, and the vector envelope
opens with an independent RFC 9180 implementation built from primitives, which shows an
outside implementer can check themselves against the file."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
from sjelden_protocol import (
    ProtocolError,
    canonical_json,
    fingerprint,
    key_id,
    open_batch,
    open_reasons,
    sign_feedback,
    verify_feedback,
    verify_receipt,
)
from sjelden_protocol.enrollment import verify_enrollment
from sjelden_protocol.payload import encode_records
from sjelden_protocol.request_auth import (
    check_request,
    origin,
    parse_request_auth,
    request_message,
)

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parents[2] / "vectors" / "protocol-v1.json").read_text(encoding="utf-8")
)
KEYS = {block["name"]: block for block in VECTORS["keys"]}


def ed_private(name: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(KEYS[name]["private_hex"]))


def ed_public(name: str) -> Ed25519PublicKey:
    return ed_private(name).public_key()


def register_private() -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(bytes.fromhex(KEYS["register"]["private_hex"]))


# --- an independent RFC 9180 base-mode open, from primitives, for the check above ---------
def _labeled_extract(suite: bytes, salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt or bytes(32), b"HPKE-v1" + suite + label + ikm, hashlib.sha256).digest()


def _labeled_expand(suite: bytes, prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    labeled = struct.pack(">H", length) + b"HPKE-v1" + suite + label + info
    return HKDFExpand(hashes.SHA256(), length, labeled).derive(prk)


def rfc9180_open(sk: X25519PrivateKey, enc_and_ct: bytes, info: bytes) -> bytes:
    enc, ct = enc_and_ct[:32], enc_and_ct[32:]
    kem_suite = b"KEM" + struct.pack(">H", 0x0020)
    dh = sk.exchange(X25519PublicKey.from_public_bytes(enc))
    pk_rm = sk.public_key().public_bytes_raw()
    eae_prk = _labeled_extract(kem_suite, b"", b"eae_prk", dh)
    shared = _labeled_expand(kem_suite, eae_prk, b"shared_secret", enc + pk_rm, 32)
    suite = b"HPKE" + struct.pack(">HHH", 0x0020, 0x0001, 0x0003)
    psk_id_hash = _labeled_extract(suite, b"", b"psk_id_hash", b"")
    info_hash = _labeled_extract(suite, b"", b"info_hash", info)
    context = b"\x00" + psk_id_hash + info_hash
    secret = _labeled_extract(suite, shared, b"secret", b"")
    key = _labeled_expand(suite, secret, b"key", context, 32)
    nonce = _labeled_expand(suite, secret, b"base_nonce", context, 12)
    return ChaCha20Poly1305(key).decrypt(nonce, ct, b"")


# ------------------------------------------------------------------------------------------


def test_key_ids_and_fingerprints() -> None:
    for block in VECTORS["keys"]:
        raw = bytes.fromhex(block["public_hex"])
        assert key_id(raw) == block["key_id"] == hashlib.sha256(raw).hexdigest()[:32]
        assert fingerprint(raw) == block["fingerprint"]


@pytest.mark.parametrize("case", VECTORS["canonical_json"])
def test_canonical_json(case: dict[str, str]) -> None:
    assert canonical_json(json.loads(case["input"])) == case["canonical"].encode("utf-8")


def test_batch_envelope_layout_and_signature() -> None:
    batch = VECTORS["batch"]
    data = bytes.fromhex(batch["envelope_hex"])
    header = batch["header_utf8"].encode("utf-8")
    # Framing read by hand, not by the implementation.
    magic, fmt, header_length = struct.unpack_from(">4sBI", data)
    assert (magic, fmt, header_length) == (b"SJBT", 1, len(header))
    assert data[9 : 9 + header_length] == header
    (ct_length,) = struct.unpack_from(">I", data, 9 + header_length)
    ciphertext = data[13 + header_length : 13 + header_length + ct_length]
    assert len(data) == 13 + header_length + ct_length + 64
    assert hashlib.sha256(data).hexdigest() == batch["envelope_sha256"]
    signed = bytes.fromhex(batch["signature_domain_hex"]) + data[:-64]
    ed_public("installation").verify(data[-64:], signed)
    # Ed25519 is deterministic, so the signature is reproducible from the private key.
    assert ed_private("installation").sign(signed).hex() == batch["signature_hex"]
    # Independent HPKE open, info = header bytes, then zlib, then the plaintext vector.
    compressed = rfc9180_open(register_private(), ciphertext, header)
    assert zlib.decompress(compressed) == batch["plaintext_utf8"].encode("utf-8")
    assert encode_records(batch["records"]) == batch["plaintext_utf8"].encode("utf-8")


def test_batch_opens_with_the_implementation() -> None:
    batch = VECTORS["batch"]
    opened = open_batch(
        bytes.fromhex(batch["envelope_hex"]),
        {KEYS["register"]["key_id"]: register_private()},
        {KEYS["installation"]["key_id"]: ed_public("installation")},
    )
    assert opened.records == batch["records"]
    assert opened.header.batch_id == batch["batch_id"]
    assert opened.header.created_at == datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
    assert opened.envelope_sha256 == batch["envelope_sha256"]


@pytest.mark.parametrize("case", VECTORS["invalid_envelopes"], ids=lambda c: c["name"])
def test_invalid_envelopes_fail_with_their_code(case: dict[str, str]) -> None:
    with pytest.raises(ProtocolError) as caught:
        open_batch(
            bytes.fromhex(case["envelope_hex"]),
            {KEYS["register"]["key_id"]: register_private()},
            {KEYS["installation"]["key_id"]: ed_public("installation")},
        )
    assert caught.value.code == case["error"]


def test_receipt() -> None:
    vector = VECTORS["receipt"]
    document = vector["document"]
    assert canonical_json(document["receipt"]).decode() == vector["canonical_body_utf8"]
    receipt = verify_receipt(
        document,
        {KEYS["server"]["key_id"]: ed_public("server")},
        envelope=bytes.fromhex(VECTORS["batch"]["envelope_hex"]),
    )
    assert receipt.to_json() == document
    resigned = ed_private("server").sign(
        b"sjelden/receipt/v1\x00" + canonical_json(document["receipt"])
    )
    assert document["signature"] == _b64(resigned)


def test_feedback() -> None:
    vector = VECTORS["feedback"]
    feedback = verify_feedback(vector["document"], {KEYS["staff"]["key_id"]: ed_public("staff")})
    assert [d.decision for d in feedback.decisions] == ["accepted", "rejected"]
    assert canonical_json(vector["document"]["feedback"]).decode() == vector["canonical_body_utf8"]
    resigned = ed_private("staff").sign(
        b"sjelden/feedback/v1\x00" + vector["canonical_body_utf8"].encode("utf-8")
    )
    assert vector["document"]["signature"] == _b64(resigned)


def test_request_signature() -> None:
    vector = VECTORS["request"]
    message = request_message(
        vector["method"],
        vector["target"],
        KEYS["installation"]["key_id"],
        vector["timestamp"],
        vector["nonce"],
        bytes.fromhex(vector["body_hex"]),
    )
    assert message.hex() == vector["message_hex"]
    auth = parse_request_auth(vector["headers"])
    check_request(
        auth,
        ed_public("installation"),
        vector["method"],
        vector["target"],
        bytes.fromhex(vector["body_hex"]),
        now=datetime.fromtimestamp(vector["timestamp"], UTC),
    )


def test_request_v2_signs_the_audience() -> None:
    """Version 2 names the server (its origin) as the message's last line; the same
    headers sent to another server, or with the audience changed, are refused."""
    vector = VECTORS["request_v2"]
    assert vector["audience"] == origin(vector["audience_as_configured"])
    assert vector["audience"] == "https://innboks.example:8443"
    body = bytes.fromhex(vector["body_hex"])
    message = request_message(
        vector["method"],
        vector["target"],
        KEYS["installation"]["key_id"],
        vector["timestamp"],
        vector["nonce"],
        body,
        vector["audience"],
    )
    assert message.hex() == vector["message_hex"]
    assert message.startswith(b"sjelden/request/v2\x00")
    auth = parse_request_auth(vector["headers"])
    when = datetime.fromtimestamp(vector["timestamp"], UTC)
    args = (ed_public("installation"), vector["method"], vector["target"], body)
    check_request(auth, *args, now=when, audiences=frozenset({vector["audience"]}))
    with pytest.raises(ProtocolError) as caught:
        check_request(auth, *args, now=when, audiences=frozenset({"https://another.example"}))
    assert caught.value.code == "wrong_audience"
    v1 = parse_request_auth(VECTORS["request"]["headers"])
    with pytest.raises(ProtocolError) as caught:
        check_request(v1, *args, now=when, audiences=frozenset({vector["audience"]}))
    assert caught.value.code == "wrong_audience"  # a version 1 request names no server


def test_enrollment_proof() -> None:
    vector = VECTORS["enrollment"]
    request = vector["request"]
    ed_public("installation").verify(
        _unb64(request["proof"]), bytes.fromhex(vector["signed_message_hex"])
    )
    parsed = verify_enrollment(**request)
    assert key_id(parsed.public_key) == KEYS["installation"]["key_id"]


def _b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_manifest_vectors_verify_and_reproduce() -> None:
    from sjelden_protocol.manifest import (
        MANIFEST_DOMAIN,
        ManifestReplayError,
        parse_manifest,
        verify_manifest,
    )

    section = VECTORS["manifest"]
    keys = {block["name"]: block for block in section["keys"]}

    def root(name: str) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(keys[name]["private_hex"]))

    assert bytes.fromhex(section["signature_domain_hex"]) == MANIFEST_DOMAIN
    document = section["manifest"]["document"]
    body = section["manifest"]["canonical_body_utf8"].encode()
    assert canonical_json(document["manifest"]) == body
    # Ed25519 is deterministic: the signature is reproduced from the private key.
    [signature] = document["signatures"]
    assert signature["key_id"] == keys["root"]["key_id"]
    expected = root("root").sign(MANIFEST_DOMAIN + body)
    assert signature["signature"] == base64.urlsafe_b64encode(expected).rstrip(b"=").decode()
    manifest = verify_manifest(document, root("root").public_key())
    moment = datetime(2025, 3, 22, tzinfo=UTC)
    # the revoked staff key (the "other installation" key in this file) is not trusted
    assert set(manifest.signers("staff", moment)) == {KEYS["staff"]["key_id"]}
    recipient = manifest.recipient(moment)
    assert recipient is not None and key_id(recipient) == KEYS["register"]["key_id"]

    rotation = section["rotation"]["document"]
    rotation_body = section["rotation"]["canonical_body_utf8"].encode()
    assert canonical_json(rotation["manifest"]) == rotation_body
    assert {s["key_id"] for s in rotation["signatures"]} == {
        keys["root"]["key_id"],
        keys["new_root"]["key_id"],
    }
    rotated = verify_manifest(rotation, root("root").public_key(), newest_sequence=7)
    assert key_id(rotated.root_key) == keys["new_root"]["key_id"]
    verify_manifest(rotation, root("new_root").public_key())
    errors = {case["name"]: case["error"] for case in section["invalid"]}
    with pytest.raises(ManifestReplayError) as old:
        verify_manifest(document, root("root").public_key(), newest_sequence=8)
    assert old.value.code == errors["sequence 7 after 8 was accepted"]
    with pytest.raises(ProtocolError) as other:
        verify_manifest(document, ed_private("server").public_key())
    assert other.value.code == errors["signed by a key other than the pinned root"]
    # the rotation without the old root's signature does not move a client off the old root
    half = {"manifest": rotation["manifest"], "signatures": rotation["signatures"][:1]}
    parse_manifest(half)
    with pytest.raises(ProtocolError):
        verify_manifest(half, root("root").public_key())


def test_feedback_v2_sealed_reason_and_purge() -> None:
    """The derived X25519 pair, the info bytes, and the sealed reason opened twice: by the
    implementation and by the RFC 9180 open above (issue 15 point 3)."""
    vector = VECTORS["feedback_v2"]
    feedback = verify_feedback(vector["document"], {KEYS["staff"]["key_id"]: ed_public("staff")})
    assert feedback.version == 2
    assert [d.decision for d in feedback.decisions] == ["rejected", "purge"]
    assert canonical_json(vector["document"]["feedback"]).decode() == vector["canonical_body_utf8"]
    installation = ed_private("installation")
    derived = X25519PrivateKey.from_private_bytes(
        bytes.fromhex(vector["installation_x25519_private_hex"])
    )
    assert derived.public_key().public_bytes_raw().hex() == vector["installation_x25519_public_hex"]
    # The private scalar is the first half of SHA-512 of the Ed25519 seed.
    seed = bytes.fromhex(KEYS["installation"]["private_hex"])
    assert hashlib.sha512(seed).digest()[:32].hex() == vector["installation_x25519_private_hex"]
    sealed = vector["sealed_reasons"][0]
    decision = feedback.decisions[0]
    ciphertext = base64.urlsafe_b64decode(
        decision.reason_sealed + "=" * (-len(decision.reason_sealed) % 4)
    )
    plain = rfc9180_open(derived, ciphertext, bytes.fromhex(sealed["info_hex"]))
    assert plain.decode("utf-8") == sealed["reason_text"]
    opened = open_reasons(feedback, installation)
    assert opened.decisions[0].reason_text == sealed["reason_text"]
    assert opened.decisions[1].reason_text is None


def test_feedback_v3_revision_purge() -> None:
    """Version 3 is written only for a document holding a ``purge_revision``; signing the
    vector's decisions again gives the same bytes (Ed25519 is deterministic)."""
    vector = VECTORS["feedback_v3"]
    feedback = verify_feedback(vector["document"], {KEYS["staff"]["key_id"]: ed_public("staff")})
    assert feedback.version == 3
    assert [(d.decision, d.revision, d.reason_code) for d in feedback.decisions] == [
        ("purge_revision", 1, "reservert")
    ]
    assert canonical_json(vector["document"]["feedback"]).decode() == vector["canonical_body_utf8"]
    again = sign_feedback(
        feedback_id=feedback.feedback_id,
        installation_key_id=feedback.installation_key_id,
        batch_id=feedback.batch_id,
        decisions=list(feedback.decisions),
        issued_at=feedback.issued_at,
        key=ed_private("staff"),
        installation=ed_public("installation"),
    )
    assert again.to_json() == vector["document"]


def test_manifest_tls_pin_vector() -> None:
    """The ``tls`` entry holds the SHA-256 of the inbox key's SubjectPublicKeyInfo (DER)."""
    import hashlib

    from sjelden_protocol.manifest import verify_manifest

    section = VECTORS["manifest_tls"]
    spki = bytes.fromhex(section["spki_der_hex"])
    assert hashlib.sha256(spki).hexdigest() == section["tls_pin_hex"]
    document = section["document"]
    assert canonical_json(document["manifest"]) == section["canonical_body_utf8"].encode()
    keys = {block["name"]: block for block in VECTORS["manifest"]["keys"]}
    root = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(keys["root"]["private_hex"]))
    manifest = verify_manifest(document, root.public_key())
    moment = datetime(2025, 4, 3, tzinfo=UTC)
    assert manifest.tls_pins(moment) == {bytes.fromhex(section["tls_pin_hex"])}
    assert set(manifest.signers("receipt", moment)) == {KEYS["server"]["key_id"]}
