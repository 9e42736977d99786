"""The implementation reproduces tests/vectors/protocol-v1.json, and the vector envelope
opens with an independent RFC 9180 implementation built from primitives, which shows an
outside implementer can check themselves against the file."""

from __future__ import annotations

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
    verify_feedback,
    verify_receipt,
)
from sjelden_protocol.enrollment import verify_enrollment
from sjelden_protocol.payload import encode_records
from sjelden_protocol.request_auth import check_request, parse_request_auth, request_message

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
