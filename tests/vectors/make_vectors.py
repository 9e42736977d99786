"""Regenerate tests/vectors/protocol-v1.json (run by hand when the protocol changes).

HPKE encryption is randomised, so the envelope in the file is one fixed sample: checkers
verify and decrypt it, and recompute every deterministic value (key ids, canonical bytes,
Ed25519 signatures) exactly. Run: .venv/bin/python -m tests.vectors.make_vectors
"""

from __future__ import annotations

import hashlib
import json
import struct
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import envelope as env_mod
from sjelden_protocol import payload
from sjelden_protocol.canonical import canonical_json
from sjelden_protocol.enrollment import ENROLL_DOMAIN, _body, build_enrollment
from sjelden_protocol.envelope import BatchHeader, assemble, build_batch, parse_envelope
from sjelden_protocol.feedback import RecordDecision, _reason_info, sign_feedback
from sjelden_protocol.keys import fingerprint, key_id, raw_private, raw_public
from sjelden_protocol.manifest import MANIFEST_DOMAIN, ManifestKey, sign_manifest
from sjelden_protocol.montgomery import x25519_private_of, x25519_public_of
from sjelden_protocol.receipts import issue_receipt
from sjelden_protocol.request_auth import request_message, sign_request

OUT = Path(__file__).with_name("protocol-v1.json")


def seed(label: str) -> bytes:
    return hashlib.sha256(b"sjelden test vector " + label.encode()).digest()


INSTALLATION = Ed25519PrivateKey.from_private_bytes(seed("installation"))
OTHER = Ed25519PrivateKey.from_private_bytes(seed("other installation"))
REGISTER = X25519PrivateKey.from_private_bytes(seed("register"))
SERVER = Ed25519PrivateKey.from_private_bytes(seed("server"))
STAFF = Ed25519PrivateKey.from_private_bytes(seed("staff"))
REASON_V2 = "Samtykkeskjemaet er ikke signert; send ny revisjon."
ROOT = Ed25519PrivateKey.from_private_bytes(seed("register root"))
NEW_ROOT = Ed25519PrivateKey.from_private_bytes(seed("register root 2"))
CREATED = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
BATCH_ID = "0b6e6d1c-3f7a-4c55-9d1e-2a9e8f0c4b11"
RECORDS: list[dict[str, Any]] = [
    {
        "record_id": "5d0c8a3e-1b2f-4e6a-8c9d-0f1e2d3c4b5a",
        "revision": 1,
        "form": {"id": "sjelden.registration", "version": "1.0"},
        "fields": {"diagnosis_code": "Q87.1", "birth_year": 2011, "note": "Syntetisk – æøå"},
    },
    {
        "record_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        "revision": 3,
        "form": {"id": "sjelden.registration", "version": "1.0"},
        "fields": {"diagnosis_code": "E70.0", "birth_year": 1987, "weight_kg": 71.5},
    },
]


def key_block(name: str, private: Ed25519PrivateKey | X25519PrivateKey) -> dict[str, str]:
    public = private.public_key()
    return {
        "name": name,
        "algorithm": "Ed25519" if isinstance(private, Ed25519PrivateKey) else "X25519",
        "private_hex": raw_private(private).hex(),
        "public_hex": raw_public(public).hex(),
        "key_id": key_id(public),
        "fingerprint": fingerprint(public),
    }


def resign(body: bytes, key: Ed25519PrivateKey = INSTALLATION) -> bytes:
    return body + key.sign(env_mod.SIGNATURE_DOMAIN + body)


def invalid_envelopes(good: bytes) -> list[dict[str, str]]:
    envelope = parse_envelope(good)
    unsigned = good[:-64]
    flipped = bytearray(unsigned)
    flipped[-1] ^= 0x01
    header = envelope.header
    v2 = json.loads(envelope.header_bytes)
    v2["version"] = 2
    fake_count = BatchHeader(
        batch_id=header.batch_id,
        sender_key_id=header.sender_key_id,
        recipient_key_id=header.recipient_key_id,
        created_at=header.created_at,
        record_count=3,
        plaintext_length=header.plaintext_length,
    ).encode()
    plaintext = payload.encode_records(RECORDS)
    recount = env_mod._SUITE.encrypt(payload.compress(plaintext), REGISTER.public_key(), fake_count)
    cases = [
        ("truncated", good[:-10], "truncated"),
        ("bad magic", b"XXXX" + good[4:], "bad_magic"),
        ("format version 2", good[:4] + b"\x02" + good[5:], "unsupported_version"),
        ("trailing byte", good + b"\x00", "trailing_data"),
        ("ciphertext bit flipped", bytes(flipped) + good[-64:], "bad_signature"),
        ("signed by a key that is not enrolled", resign(unsigned, OTHER), "bad_signature"),
        ("ciphertext bit flipped and re-signed", resign(bytes(flipped)), "decryption_failed"),
        (
            "header version 2, signed",
            resign(
                struct.pack(">4sBI", b"SJBT", 1, len(canonical_json(v2)))
                + canonical_json(v2)
                + struct.pack(">I", len(envelope.ciphertext))
                + envelope.ciphertext
            ),
            "unsupported_version",
        ),
        (
            "record_count says 3, payload holds 2",
            assemble(fake_count, recount, INSTALLATION),
            "count_mismatch",
        ),
    ]
    return [{"name": name, "envelope_hex": data.hex(), "error": code} for name, data, code in cases]


def manifest_vectors() -> dict[str, Any]:
    """A manifest signed by the root (staff key 1 revoked) and a root rotation signed by the
    old and the new root; Ed25519 is deterministic, so both are reproducible exactly."""
    keys = [
        ManifestKey("recipient", raw_public(REGISTER.public_key()), CREATED),
        ManifestKey("receipt", raw_public(SERVER.public_key()), CREATED),
        ManifestKey("staff", raw_public(STAFF.public_key()), CREATED),
        ManifestKey(
            "staff",
            raw_public(OTHER.public_key()),
            CREATED,
            revoked_at=datetime(2025, 3, 20, 0, 0, 0, tzinfo=UTC),
        ),
    ]
    signed = sign_manifest(
        sequence=7, issued_at=datetime(2025, 3, 21, 8, 0, 0, tzinfo=UTC), keys=keys, root=ROOT
    )
    rotation = sign_manifest(
        sequence=8,
        issued_at=datetime(2025, 4, 1, 8, 0, 0, tzinfo=UTC),
        keys=keys,
        root=NEW_ROOT,
        previous_root=ROOT,
    )
    return {
        "keys": [key_block("root", ROOT), key_block("new_root", NEW_ROOT)],
        "signature_domain_hex": MANIFEST_DOMAIN.hex(),
        "manifest": {
            "document": signed.to_json(),
            "canonical_body_utf8": canonical_json(signed.body()).decode(),
        },
        "rotation": {
            "document": rotation.to_json(),
            "canonical_body_utf8": canonical_json(rotation.body()).decode(),
        },
        "invalid": [
            {"name": "sequence 7 after 8 was accepted", "error": "manifest_replayed"},
            {"name": "signed by a key other than the pinned root", "error": "unknown_key"},
        ],
    }


def feedback_v2_vectors(batch_id: str, record_ids: list[str]) -> dict[str, Any]:
    """Version 2: a reason sealed to the installation (randomised: one kept sample) and a
    purge notice; with the installation's derived X25519 pair and the HPKE info bytes."""
    feedback = sign_feedback(
        feedback_id="5e1f0c3a-7b2d-4e8f-9a6b-1c2d3e4f5a6b",
        installation_key_id=key_id(INSTALLATION.public_key()),
        batch_id=batch_id,
        decisions=[
            RecordDecision(record_ids[1], 3, "rejected", "missing_consent", REASON_V2),
            RecordDecision(record_ids[0], 1, "purge", "reservert"),
        ],
        issued_at=datetime(2025, 3, 16, 8, 0, 0, tzinfo=UTC),
        key=STAFF,
        installation=INSTALLATION.public_key(),
    )
    decision = feedback.decisions[0]
    return {
        "document": feedback.to_json(),
        "canonical_body_utf8": canonical_json(feedback.body()).decode(),
        "installation_x25519_public_hex": x25519_public_of(INSTALLATION.public_key())
        .public_bytes_raw()
        .hex(),
        "installation_x25519_private_hex": raw_private(x25519_private_of(INSTALLATION)).hex(),
        "sealed_reasons": [
            {
                "record_id": decision.record_id,
                "info_hex": _reason_info(
                    feedback.feedback_id, feedback.installation_key_id, decision
                ).hex(),
                "reason_text": REASON_V2,
            }
        ],
    }


def feedback_v3_vectors(batch_id: str, record_ids: list[str]) -> dict[str, Any]:
    """Version 3: a revision purge (no sealed text, so the document is deterministic)."""
    feedback = sign_feedback(
        feedback_id="6f2a1d4b-8c3e-4f90-8b7c-2d3e4f5a6b7c",
        installation_key_id=key_id(INSTALLATION.public_key()),
        batch_id=batch_id,
        decisions=[RecordDecision(record_ids[0], 1, "purge_revision", "reservert")],
        issued_at=datetime(2026, 12, 3, 8, 0, 0, tzinfo=UTC),
        key=STAFF,
        installation=INSTALLATION.public_key(),
    )
    return {
        "document": feedback.to_json(),
        "canonical_body_utf8": canonical_json(feedback.body()).decode(),
    }


def tls_pin_of(key: Ed25519PrivateKey) -> bytes:
    """SHA-256 over a public key's SubjectPublicKeyInfo (DER), as a ``tls`` entry holds it."""
    spki = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).digest()


def manifest_tls_vectors() -> dict[str, Any]:
    """A manifest naming the inbox's TLS key pin (role ``tls``: the SHA-256 of the
    certificate's SubjectPublicKeyInfo DER; here of the server key's, any key type works)."""
    pin = tls_pin_of(SERVER)
    keys = [
        ManifestKey("recipient", raw_public(REGISTER.public_key()), CREATED),
        ManifestKey("receipt", raw_public(SERVER.public_key()), CREATED),
        ManifestKey("staff", raw_public(STAFF.public_key()), CREATED),
        ManifestKey("tls", pin, CREATED),
    ]
    signed = sign_manifest(
        sequence=9, issued_at=datetime(2025, 4, 2, 8, 0, 0, tzinfo=UTC), keys=keys, root=ROOT
    )
    spki = SERVER.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return {
        "spki_der_hex": spki.hex(),
        "tls_pin_hex": pin.hex(),
        "document": signed.to_json(),
        "canonical_body_utf8": canonical_json(signed.body()).decode(),
    }


def _previous() -> dict[str, Any] | None:
    """The file as it stands: its randomised samples (the envelope and the invalid envelopes
    derived from a second encryption) are kept, so adding a vector changes nothing else."""
    return json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else None


def request_v2_vectors(body: bytes, when: datetime, nonce: str) -> dict[str, Any]:
    """A version 2 signed request: the same request as section ``request``, made for the
    server ``https://innboks.example:8443`` (its audience, signed as the last line)."""
    target, audience = "/v1/feedback?after=0", "https://Innboks.example:8443/"
    headers = sign_request(
        INSTALLATION, "GET", target, body, now=when, nonce=nonce, audience=audience
    )
    return {
        "method": "GET",
        "target": target,
        "body_hex": body.hex(),
        "timestamp": int(when.timestamp()),
        "nonce": nonce,
        "audience_as_configured": audience,
        "audience": headers["X-Sjelden-Audience"],
        "message_hex": request_message(
            "GET",
            target,
            key_id(INSTALLATION.public_key()),
            int(when.timestamp()),
            nonce,
            body,
            headers["X-Sjelden-Audience"],
        ).hex(),
        "headers": headers,
    }


def main() -> None:
    previous = _previous()
    if previous is not None:
        good = bytes.fromhex(previous["batch"]["envelope_hex"])
    else:
        good = build_batch(
            RECORDS,
            batch_id=BATCH_ID,
            signer=INSTALLATION,
            recipient=REGISTER.public_key(),
            now=CREATED,
        )
    envelope = parse_envelope(good)
    receipt = issue_receipt(
        envelope, received_at=datetime(2025, 3, 14, 9, 30, 0, tzinfo=UTC), key=SERVER
    )
    feedback = sign_feedback(
        feedback_id="c3d2e1f0-a9b8-4c7d-9e6f-5a4b3c2d1e0f",
        installation_key_id=key_id(INSTALLATION.public_key()),
        batch_id=BATCH_ID,
        decisions=[
            RecordDecision(RECORDS[0]["record_id"], 1, "accepted"),
            RecordDecision(
                RECORDS[1]["record_id"],
                3,
                "rejected",
                "missing_consent",
                "Samtykke mangler i skjemaet.",
            ),
        ],
        issued_at=datetime(2025, 3, 20, 14, 0, 0, tzinfo=UTC),
        key=STAFF,
    )
    request_body = b""
    request_time = datetime(2025, 3, 21, 8, 0, 0, tzinfo=UTC)
    nonce = "bm9uY2UtZm9yLXZlY3Rvcg"
    headers = sign_request(
        INSTALLATION, "GET", "/v1/feedback?after=0", request_body, now=request_time, nonce=nonce
    )
    enrollment = build_enrollment(INSTALLATION, "ABCD-EFGH-JKMN-PQRS", "Legekontoret Nordlys, PC 2")
    vectors = {
        "description": (
            "Sjelden batch protocol v1 test vectors; see docs/protocol.md. Hex is lowercase."
        ),
        "keys": [
            key_block("installation", INSTALLATION),
            key_block("other_installation", OTHER),
            key_block("register", REGISTER),
            key_block("server", SERVER),
            key_block("staff", STAFF),
        ],
        "canonical_json": [
            {
                "input": '{"b": [1, true, null], "a": "x\\u00e6\\n\\u0001"}',
                "canonical": '{"a":"xæ\\n\\u0001","b":[1,true,null]}',
            },
            {
                "input": '{"z": {"y": 2, "x": 1}, "emoji": "\\ud83d\\ude00"}',
                "canonical": '{"emoji":"😀","z":{"x":1,"y":2}}',
            },
        ],
        "batch": {
            "batch_id": BATCH_ID,
            "created_at": "2025-03-14T09:26:53Z",
            "records": RECORDS,
            "plaintext_utf8": payload.encode_records(RECORDS).decode("utf-8"),
            "header_utf8": envelope.header_bytes.decode("utf-8"),
            "signature_domain_hex": env_mod.SIGNATURE_DOMAIN.hex(),
            "envelope_hex": good.hex(),
            "envelope_sha256": envelope.sha256,
            "signature_hex": envelope.signature.hex(),
        },
        "invalid_envelopes": (
            previous["invalid_envelopes"] if previous is not None else invalid_envelopes(good)
        ),
        "receipt": {
            "document": receipt.to_json(),
            "canonical_body_utf8": canonical_json(receipt.body()).decode(),
        },
        "feedback": {
            "document": feedback.to_json(),
            "canonical_body_utf8": canonical_json(feedback.body()).decode(),
        },
        "request": {
            "method": "GET",
            "target": "/v1/feedback?after=0",
            "body_hex": request_body.hex(),
            "timestamp": int(request_time.timestamp()),
            "nonce": nonce,
            "message_hex": request_message(
                "GET",
                "/v1/feedback?after=0",
                key_id(INSTALLATION.public_key()),
                int(request_time.timestamp()),
                nonce,
                request_body,
            ).hex(),
            "headers": headers,
        },
        "enrollment": {
            "request": enrollment,
            "signed_message_hex": (
                ENROLL_DOMAIN
                + canonical_json(
                    _body(enrollment["code"], enrollment["label"], enrollment["public_key"])
                )
            ).hex(),
        },
        "manifest": manifest_vectors(),
        "feedback_v2": feedback_v2_vectors(BATCH_ID, [r["record_id"] for r in RECORDS]),
        "manifest_tls": manifest_tls_vectors(),
        "request_v2": request_v2_vectors(request_body, request_time, nonce),
        "feedback_v3": feedback_v3_vectors(BATCH_ID, [r["record_id"] for r in RECORDS]),
    }
    if previous is not None:
        # Sections already published stay byte-identical (an implementer may have pinned
        # them); only sections new to this run are added.
        vectors = {**vectors, **previous}
    OUT.write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
