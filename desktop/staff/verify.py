"""The envelope checks of docs/protocol.md, for the register, with refusals staff can act on.

The order is the protocol's: framing and header first (no key needed), then the sender must
be an installation pinned here, its signature must verify and it must not have been revoked
before the batch was received, and only then is anything
decrypted, with whichever register key the batch names (old keys are kept after a rotation).
Every failure becomes ``BatchRefused`` with the protocol's reason code and a message saying
what to do; the register's own checks (replays) are the importer's, inside its transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import Envelope, decrypt_envelope, parse_envelope, verify_envelope
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.limits import MAX_ENVELOPE_BYTES
from sjelden_protocol.payload import Record
from sjelden_protocol.timefmt import format_utc

from desktop.staff.errors import BatchRefused
from desktop.staff.trust import PinnedInstallation


def _refused(exc: ProtocolError, batch_id: str | None) -> BatchRefused:
    return BatchRefused(exc.code, exc.message, batch_id=batch_id)


def check_envelope(
    data: bytes,
    pinned: Mapping[str, PinnedInstallation],
    *,
    received_at: datetime,
    max_size: int = MAX_ENVELOPE_BYTES,
) -> Envelope:
    """Framing, header, pinned sender, signature, and a sender not revoked when the batch
    was received (``received_at``: the inbox's receipt time, or now for a file, whose own
    dates a stolen key could forge); nothing is decrypted yet."""
    try:
        envelope = parse_envelope(data, max_size=max_size)
    except ProtocolError as exc:
        raise _refused(exc, None) from exc
    batch_id = envelope.header.batch_id
    sender = pinned.get(envelope.header.sender_key_id)
    if sender is None:
        raise BatchRefused(
            "unknown_key",
            f"installation key {envelope.header.sender_key_id} is not pinned here",
            batch_id=batch_id,
        )
    try:
        verify_envelope(envelope, sender.public_key)
    except ProtocolError as exc:
        raise _refused(exc, batch_id) from exc
    if sender.revoked_before(received_at):
        raise BatchRefused(
            "installation_revoked",
            f"installation {sender.key_id} revoked at {sender.revoked_at}, "
            f"batch received at {format_utc(received_at)}",
            batch_id=batch_id,
        )
    return envelope


def decrypt(envelope: Envelope, register_keys: Mapping[str, X25519PrivateKey]) -> list[Record]:
    """Open a verified envelope with the register key it names; records checked as the
    protocol requires (ids, revisions, form, count)."""
    batch_id = envelope.header.batch_id
    key = register_keys.get(envelope.header.recipient_key_id)
    if key is None:
        raise BatchRefused(
            "wrong_recipient",
            f"encrypted to register key {envelope.header.recipient_key_id}",
            batch_id=batch_id,
        )
    try:
        return decrypt_envelope(envelope, key)
    except ProtocolError as exc:
        raise _refused(exc, batch_id) from exc
