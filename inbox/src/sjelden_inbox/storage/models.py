"""Rows as the rest of the server sees them; timestamps are Unix seconds in the database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class InstallationStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class Installation:
    key_id: str
    public_key: bytes
    label: str
    status: InstallationStatus
    enrolled_at: int
    approved_at: int | None
    revoked_at: int | None


@dataclass(frozen=True, slots=True)
class StaffKey:
    key_id: str
    public_key: bytes
    label: str
    added_at: int
    revoked_at: int | None


@dataclass(frozen=True, slots=True)
class BatchRow:
    seq: int
    batch_id: str
    sender_key_id: str
    envelope_sha256: str
    envelope_length: int
    record_count: int
    received_at: int
    receipt: str
    acknowledged_at: int | None
