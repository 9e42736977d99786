"""1,000 random mutations of real batch files, each refused as a whole with a clear reason.

Bits flipped anywhere, truncation, trailing bytes, edited or swapped headers (with the old
signature, or re-signed by the pinned clinic), a batch encrypted to another register key,
one signed by an unknown key, replays, a header from one batch over the ciphertext of
another, and payloads sealed correctly but broken inside (not JSON, duplicate ids, wrong
counts or lengths). After all of them, the queue, the register and the imported batch ids
are exactly as before. Both backends.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import struct
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import key_id
from sjelden_protocol.envelope import BatchHeader, assemble, parse_envelope

from desktop.staff.errors import BATCH_MESSAGES, BatchRefused
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from tests.staff.conftest import Clinic, Records, pin_clinic, table_counts

MUTATIONS = 1000
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
EXPECTED_CODES = {
    "truncated",
    "bad_magic",
    "trailing_data",
    "not_canonical",
    "malformed",
    "unsupported_version",
    "too_large",
    "unknown_key",
    "bad_signature",
    "wrong_recipient",
    "decryption_failed",
    "length_mismatch",
    "invalid_record",
    "count_mismatch",
    "already_imported",
    "batch_conflict",
}


def _frame(header: bytes, ciphertext: bytes, signature: bytes) -> bytes:
    return (
        b"SJBT\x01"
        + struct.pack(">I", len(header))
        + header
        + struct.pack(">I", len(ciphertext))
        + ciphertext
        + signature
    )


class Mutator:
    def __init__(
        self,
        rng: random.Random,
        clinic: Clinic,
        good: list[bytes],
        imported: bytes,
        fresh: Callable[[], list[dict[str, object]]],
    ) -> None:
        self.rng = rng
        self.fresh = fresh
        self.clinic = clinic
        self.good = good
        self.imported = imported
        self.stranger = Ed25519PrivateKey.generate()
        self.other_register = X25519PrivateKey.generate().public_key()

    def _pick(self) -> bytes:
        return self.rng.choice(self.good)

    def flip(self) -> bytes:
        data = bytearray(self._pick())
        for _ in range(self.rng.randint(1, 8)):
            position = self.rng.randrange(len(data))
            data[position] ^= 1 << self.rng.randrange(8)
        return bytes(data)

    def truncate(self) -> bytes:
        data = self._pick()
        return data[: self.rng.randrange(len(data))]

    def trailing(self) -> bytes:
        return self._pick() + self.rng.randbytes(self.rng.randint(1, 64))

    def _header_edit(self, header: dict[str, object]) -> bytes:
        choice = self.rng.randrange(9)
        if choice == 0:
            header["batch_id"] = str(uuid.uuid4())
        elif choice == 1:
            header["record_count"] = int(header["record_count"]) + self.rng.choice((-1, 1, 100))  # type: ignore[call-overload]
        elif choice == 2:
            header["plaintext_length"] = int(header["plaintext_length"]) + self.rng.randint(1, 50)  # type: ignore[call-overload]
        elif choice == 3:
            header["created_at"] = "2020-01-01T00:00:00Z"
        elif choice == 4:
            header["recipient_key_id"] = key_id(self.other_register)
        elif choice == 5:
            header["sender_key_id"] = key_id(self.stranger.public_key())
        elif choice == 6:
            header["extra"] = "x"
        elif choice == 7:
            header["version"] = 2
        else:  # not canonical: whitespace and unsorted keys
            return json.dumps(header, indent=1).encode()
        return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()

    def edit_header(self) -> bytes:
        envelope = parse_envelope(self._pick())
        header = self._header_edit(json.loads(envelope.header_bytes))
        if self.rng.random() < 0.5:  # the old signature
            return _frame(header, envelope.ciphertext, envelope.signature)
        return assemble(header, envelope.ciphertext, self.clinic.key)  # re-signed by the clinic

    def swap(self) -> bytes:
        first, second = self.rng.sample(self.good, 2)
        a, b = parse_envelope(first), parse_envelope(second)
        if self.rng.random() < 0.5:
            return _frame(a.header_bytes, b.ciphertext, a.signature)
        return assemble(a.header_bytes, b.ciphertext, self.clinic.key)

    def other_recipient(self) -> bytes:
        return Clinic(self.clinic.key, self.other_register).batch(self.fresh())

    def unknown_signer(self) -> bytes:
        return Clinic(self.stranger, self.clinic.recipient).batch(self.fresh())

    def replay(self) -> bytes:
        return self.imported

    def broken_payload(self) -> bytes:
        """Sealed and signed correctly by the pinned clinic; the inside is wrong."""
        record = _minimal()
        kind = self.rng.randrange(5)
        declared: int | None = None
        count = 1
        if kind == 0:
            plaintext = b"not json at all"
        elif kind == 1:
            plaintext = json.dumps([record, dict(record)]).encode()
            count = 2
        elif kind == 2:
            plaintext = json.dumps([record]).encode()
            count = 3
        elif kind == 3:
            plaintext = json.dumps([record]).encode()
            declared = len(plaintext) + 7
        else:
            plaintext = json.dumps([{"record_id": "nope", "revision": 0, "form": {}}]).encode()
        header = BatchHeader(
            batch_id=str(uuid.uuid4()),
            sender_key_id=self.clinic.key_id,
            recipient_key_id=key_id(self.clinic.recipient),
            created_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            record_count=count,
            plaintext_length=declared or len(plaintext),
        ).encode()
        ciphertext = SUITE.encrypt(zlib.compress(plaintext), self.clinic.recipient, header)
        return assemble(header, ciphertext, self.clinic.key)

    def garbage(self) -> bytes:
        if self.rng.random() < 0.5:
            return self.rng.randbytes(self.rng.randint(0, 400))
        return b"SJBT\x01" + self.rng.randbytes(self.rng.randint(0, 400))

    def any(self) -> tuple[str, bytes]:
        kinds: list[Callable[[], bytes]] = [
            self.flip,
            self.flip,
            self.truncate,
            self.trailing,
            self.edit_header,
            self.edit_header,
            self.swap,
            self.other_recipient,
            self.unknown_signer,
            self.replay,
            self.broken_payload,
            self.garbage,
        ]
        maker = self.rng.choice(kinds)
        return maker.__name__, maker()


def _minimal() -> dict[str, object]:
    return {
        "record_id": str(uuid.uuid4()),
        "revision": 1,
        "form": {"id": "sjeldenregisteret", "version": 1},
    }


def test_every_mutation_is_refused_and_nothing_is_stored(
    staff_session: StaffSession, importer: Importer, records: Records, tmp_path: Path
) -> None:
    clinic = pin_clinic(staff_session)
    other_clinic = pin_clinic(staff_session, "another pinned clinic")
    imported = clinic.batch(records.many(3))
    importer.import_bytes(imported)
    good = [clinic.batch(records.many(2)) for _ in range(3)] + [other_clinic.batch(records.many(1))]
    before = table_counts(staff_session)
    batch_ids_before = staff_session.register.call(
        lambda db: sorted(str(r[0]) for r in db.execute("SELECT batch_id FROM imported_batches"))
    )
    rng = random.Random(20250314)
    mutator = Mutator(rng, clinic, good, imported, lambda: records.many(1))
    seen: dict[str, set[str]] = {}
    for number in range(MUTATIONS):
        kind, data = mutator.any()
        path = tmp_path / f"mutation-{number}.sjbt"
        path.write_bytes(data)
        with pytest.raises(BatchRefused) as caught:
            importer.import_file(path)
        code = caught.value.code
        assert code in EXPECTED_CODES, (kind, code, caught.value.detail)
        assert code in BATCH_MESSAGES
        for lang in ("nb", "en"):
            message = caught.value.user_message(lang)  # type: ignore[arg-type]
            assert len(message) > 30 and code not in message
        seen.setdefault(kind, set()).add(code)
        path.unlink()

    assert table_counts(staff_session) == before
    assert (
        staff_session.register.call(
            lambda db: sorted(
                str(r[0]) for r in db.execute("SELECT batch_id FROM imported_batches")
            )
        )
        == batch_ids_before
    )
    # Every kind of mutation happened, and the checks behind the signature were reached.
    assert set(seen) == {
        "flip", "truncate", "trailing", "edit_header", "swap", "other_recipient",
        "unknown_signer", "replay", "broken_payload", "garbage",
    }  # fmt: skip
    reached = set().union(*seen.values())
    assert {"bad_signature", "decryption_failed", "wrong_recipient", "unknown_key"} <= reached
    assert {"already_imported", "count_mismatch", "length_mismatch", "invalid_record"} <= reached
    # The untouched batches still import: the refusals were about the mutations only.
    for data in good:
        assert importer.import_bytes(data).records >= 1
