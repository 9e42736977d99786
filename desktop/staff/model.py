"""The shapes shared by the staff import, the register store, exports, reports and the UI.

Kept free of storage and Qt so every part (and its tests) can build them from plain data.
Payloads are records in the format of docs/record-format.md, already validated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ReviewState(StrEnum):
    """Where an incoming record revision stands in the review queue."""

    PENDING = "pending"  # waiting for a staff decision
    ACCEPTED = "accepted"  # in the register store; feedback "accepted"
    DUPLICATE = "duplicate"  # the register already holds it; feedback "duplicate"
    REJECTED = "rejected"  # refused with a reason code; feedback "rejected"


# The reason code of a registration rejected because its person is reserved (at import, or
# when the reservation is recorded).
RESERVED_REASON = "reservert"
# The register's own mark on an item whose revision held a reserved person while the record
# now holds another (its national id was corrected): signed as a ``purge_revision`` decision
# with the reason ``reservert``; never on the wire as a code of its own.
RESERVED_REVISION_REASON = "reservert_revisjon"


class Finding(StrEnum):
    """What the checks against the register found for an incoming revision."""

    INVALID = "invalid"  # the validator reports errors (issue keys kept, never values)
    REVISION = "revision"  # same record id already in the register: a correction (diff)
    DUPLICATE = "duplicate"  # same national id and ORPHA code under another record id
    RESERVED = "reserved"  # the person has a reservation: rejected automatically
    STALE = "stale"  # an older or equal revision than the register holds


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a revision came from: the signed batch and the installation that sent it."""

    batch_id: str
    installation_key_id: str
    received_at: str  # when the staff import opened the batch, YYYY-MM-DDTHH:MM:SSZ


@dataclass(frozen=True, slots=True)
class RegisterRecord:
    """One accepted revision as the register holds it (the current one unless history)."""

    record_id: str
    revision: int
    payload: dict[str, Any]
    origin: Origin
    accepted_at: str  # YYYY-MM-DDTHH:MM:SSZ
    accepted_by: str  # staff key id of whoever decided
    # The register's keyed hash of the person (hex), the same for all their records: a stable
    # pseudonym for exports that need one per person. Never the national id; None if absent.
    person_ref: str | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One line of a revision diff: a field path and its old and new values."""

    path: str  # e.g. "diagnoses[0].orpha_code"
    old: Any
    new: Any


@dataclass(slots=True)
class ReviewItem:
    """An incoming revision in the review queue, with what the checks found."""

    record_id: str
    revision: int
    payload: dict[str, Any] | None  # None once the item is decided and purged
    origin: Origin
    state: ReviewState = ReviewState.PENDING
    findings: list[Finding] = field(default_factory=list)
    issue_keys: list[str] = field(default_factory=list)  # "code@field", validator errors
    duplicate_of: str | None = None  # record id already in the register
    reason_code: str | None = None
    reason_text: str | None = None  # must not contain personal data
    decided_at: str | None = None  # YYYY-MM-DDTHH:MM:SSZ once decided
    decided_by: str | None = None  # staff key id (or "auto" for reservations)

    @property
    def clean(self) -> bool:
        """Pending with nothing found: what bulk acceptance takes."""
        return self.state is ReviewState.PENDING and not self.findings
