from __future__ import annotations

import contextlib
import json
import struct
import uuid
import zlib
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from sjelden_protocol import (
    ProtocolError,
    build_batch,
    key_id,
    open_batch,
    parse_envelope,
    verify_envelope,
)
from sjelden_protocol import envelope as env_mod
from sjelden_protocol.envelope import BatchHeader, assemble
from sjelden_protocol.payload import compress

from .conftest import code_of, fake_record


def open_with(data: bytes, signer: Ed25519PrivateKey, register_key: X25519PrivateKey) -> list:
    return open_batch(
        data,
        {key_id(register_key.public_key()): register_key},
        {key_id(signer.public_key()): signer.public_key()},
    ).records


def test_round_trip_and_server_view(signer, register_key) -> None:
    records = [fake_record(), fake_record(revision=4, note="tekst med æøå")]
    batch_id = uuid.uuid4()
    data = build_batch(
        records, batch_id=batch_id, signer=signer, recipient=register_key.public_key()
    )
    envelope = parse_envelope(data)
    verify_envelope(envelope, signer.public_key())
    assert envelope.header.batch_id == str(batch_id)
    assert envelope.header.record_count == 2
    assert envelope.header.sender_key_id == key_id(signer.public_key())
    assert b"Q87.1" not in data and b"record_id" not in data  # the server cannot read it
    assert open_with(data, signer, register_key) == records


def test_every_single_bit_flip_is_detected(signer, register_key) -> None:
    data = build_batch(
        [fake_record()], batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    for index in range(len(data)):
        for bit in (0x01, 0x80):
            tampered = bytearray(data)
            tampered[index] ^= bit
            with pytest.raises(ProtocolError):
                open_with(bytes(tampered), signer, register_key)


def test_truncation_at_every_length_is_refused(signer, register_key) -> None:
    data = build_batch(
        [fake_record()], batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    for length in range(len(data)):
        assert code_of(lambda n=length: parse_envelope(data[:n])) in {"truncated", "malformed"}


def test_unknown_signer_and_wrong_recipient(signer, register_key) -> None:
    data = build_batch(
        [fake_record()], batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    stranger = Ed25519PrivateKey.generate()
    other_register = X25519PrivateKey.generate()
    assert code_of(lambda: open_with(data, stranger, register_key)) == "unknown_key"
    assert code_of(lambda: open_with(data, signer, other_register)) == "wrong_recipient"
    assert (
        code_of(lambda: verify_envelope(parse_envelope(data), stranger.public_key()))
        == "unknown_key"
    )


def test_header_moved_to_another_ciphertext_does_not_decrypt(signer, register_key) -> None:
    """The header is the HPKE info: re-signing another batch's ciphertext under a new
    header (a different batch id) fails to decrypt even with a valid signature."""
    first = parse_envelope(
        build_batch(
            [fake_record()],
            batch_id=uuid.uuid4(),
            signer=signer,
            recipient=register_key.public_key(),
        )
    )
    header = first.header
    moved = BatchHeader(
        batch_id=str(uuid.uuid4()),
        sender_key_id=header.sender_key_id,
        recipient_key_id=header.recipient_key_id,
        created_at=header.created_at,
        record_count=header.record_count,
        plaintext_length=header.plaintext_length,
    )
    data = assemble(moved.encode(), first.ciphertext, signer)
    assert code_of(lambda: open_with(data, signer, register_key)) == "decryption_failed"


def _sealed(signer, register_key, plaintext: bytes, declared: int, count: int) -> bytes:
    header = BatchHeader(
        batch_id=str(uuid.uuid4()),
        sender_key_id=key_id(signer.public_key()),
        recipient_key_id=key_id(register_key.public_key()),
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
        record_count=count,
        plaintext_length=declared,
    ).encode()
    return assemble(
        header,
        env_mod._SUITE.encrypt(compress(plaintext), register_key.public_key(), header),
        signer,
    )


def test_zip_bomb_is_cut_at_the_declared_length(signer, register_key) -> None:
    bomb = b"[" + b" " * 20_000_000 + b"]"
    data = _sealed(signer, register_key, bomb, declared=100, count=0)
    assert len(data) < 40_000
    assert code_of(lambda: open_with(data, signer, register_key)) == "length_mismatch"


@pytest.mark.parametrize(
    ("plaintext", "code"),
    [
        (b'{"not": "a list"}', "malformed"),
        (b"[1]", "invalid_record"),
        (
            b'[{"record_id": "x", "revision": 1, "form": {"id": "f", "version": "1"}}]',
            "invalid_record",
        ),
        (b"\xff\xfe", "malformed"),
        (b"[NaN]", "malformed"),
    ],
)
def test_bad_payloads_from_a_trusted_sender(
    signer, register_key, plaintext: bytes, code: str
) -> None:
    data = _sealed(signer, register_key, plaintext, declared=len(plaintext), count=1)
    assert code_of(lambda: open_with(data, signer, register_key)) == code


def test_build_refuses_bad_records(signer, register_key) -> None:
    record = fake_record()
    for bad in (
        [record, dict(record)],
        [{**record, "revision": 0}],
        [{**record, "revision": True}],
        [{**record, "revision": 2**80}],  # once crashed the staff import (issue 14, F2)
        [{**record, "revision": 2**31}],
        [{**record, "form": {"id": "f" * 65, "version": "1"}}],
        [{**record, "form": {"id": "f", "version": -1}}],
        [{**record, "form": {"id": "f", "version": 2**40}}],
        [{**record, "record_id": str(uuid.uuid4()).upper()}],
        [{**record, "form": {"id": "", "version": "1"}}],
        [{**record, "fields": {"x": float("nan")}}],
    ):
        assert (
            code_of(
                lambda b=bad: build_batch(
                    b, batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
                )
            )
            == "invalid_record"
        )


def test_a_signed_batch_with_an_unbounded_revision_is_refused_when_opened(
    signer, register_key
) -> None:
    """A sender bypassing build_batch cannot get an integer past the bounds to the register."""
    record = {**fake_record(), "revision": 2**80}
    plaintext = json.dumps([record]).encode()
    data = _sealed(signer, register_key, plaintext, declared=len(plaintext), count=1)
    assert code_of(lambda: open_with(data, signer, register_key)) == "invalid_record"


def test_non_canonical_header_is_refused(signer, register_key) -> None:
    good = parse_envelope(
        build_batch(
            [fake_record()],
            batch_id=uuid.uuid4(),
            signer=signer,
            recipient=register_key.public_key(),
        )
    )
    spaced = json.dumps(json.loads(good.header_bytes), indent=1).encode()
    body = (
        struct.pack(">4sBI", b"SJBT", 1, len(spaced))
        + spaced
        + struct.pack(">I", len(good.ciphertext))
        + good.ciphertext
    )
    data = body + signer.sign(env_mod.SIGNATURE_DOMAIN + body)
    assert code_of(lambda: parse_envelope(data)) == "not_canonical"


def test_size_limit(signer, register_key) -> None:
    data = build_batch(
        [fake_record()], batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    assert code_of(lambda: parse_envelope(data, max_size=len(data) - 1)) == "too_large"
    parse_envelope(data, max_size=len(data))


def test_compression_helps(signer, register_key) -> None:
    records = [fake_record(note="samme tekst " * 20) for _ in range(200)]
    data = build_batch(
        records, batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    assert len(data) < parse_envelope(data).header.plaintext_length / 3
    assert zlib  # stdlib zlib is the one compression in v1


json_leaf = st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=20)
json_value = st.recursive(
    json_leaf | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(
    fields=st.lists(
        st.dictionaries(st.text(min_size=1, max_size=10), json_value, max_size=5), max_size=6
    )
)
def test_any_json_fields_round_trip(fields) -> None:
    signer, register_key = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    records = [{**fake_record(), "fields": value} for value in fields]
    data = build_batch(
        records, batch_id=uuid.uuid4(), signer=signer, recipient=register_key.public_key()
    )
    assert open_with(data, signer, register_key) == records


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=600))
def test_parse_never_crashes_on_random_bytes(data: bytes) -> None:
    for candidate in (data, b"SJBT\x01" + data):
        with contextlib.suppress(ProtocolError):
            parse_envelope(candidate)
