"""Request and response bodies, for validation and for the OpenAPI document.

Signed documents are validated strictly (no coercion), because a coerced value would no
longer be what was signed; the protocol module checks them again before use.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sjelden_protocol.enrollment import MAX_LABEL_CHARS
from sjelden_protocol.limits import MAX_FEEDBACK_DECISIONS

_STRICT = ConfigDict(strict=True, extra="forbid")
KEY_ID = r"^[0-9a-f]{32}$"


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    protocol_version: int


class ServerKey(BaseModel):
    key_id: str = Field(pattern=KEY_ID)
    public_key: str = Field(description="Raw Ed25519 public key, base64url")
    fingerprint: str = Field(description="Compare out of band before trusting receipts")


class EnrollmentIn(BaseModel):
    model_config = _STRICT
    code: str = Field(min_length=1, max_length=64, description="One-time code from the register")
    label: str = Field(
        min_length=1, max_length=MAX_LABEL_CHARS, description="e.g. clinic and PC name"
    )
    public_key: str = Field(min_length=43, max_length=43, description="Ed25519, base64url")
    proof: str = Field(min_length=86, max_length=86, description="Signature, see protocol.md")


class InstallationOut(BaseModel):
    key_id: str
    fingerprint: str
    public_key: str = Field(
        description="Raw Ed25519 public key, base64url: the register pins it only after "
        "checking that it hashes to key_id and comparing its fingerprint out of band"
    )
    label: str
    status: Literal["pending", "approved", "revoked"]
    enrolled_at: int
    approved_at: int | None
    revoked_at: int | None


class ReceiptBody(BaseModel):
    batch_id: str
    envelope_length: int
    envelope_sha256: str
    received_at: str
    record_count: int
    sender_key_id: str
    server_key_id: str
    type: Literal["sjelden.receipt"]
    version: Literal[1]


class ReceiptDocument(BaseModel):
    receipt: ReceiptBody
    signature: str


class BatchStatus(BaseModel):
    batch_id: str
    state: Literal["received", "imported"]
    receipt: ReceiptDocument


class BatchInfo(BaseModel):
    seq: int
    batch_id: str
    sender_key_id: str
    envelope_sha256: str
    envelope_length: int
    record_count: int
    received_at: int
    acknowledged_at: int | None


class BatchList(BaseModel):
    items: list[BatchInfo]
    next_after: int


class DecisionIn(BaseModel):
    """Version 1: a reason text in clear (the inbox refuses one that is not null)."""

    model_config = _STRICT
    record_id: str
    revision: int
    decision: Literal["accepted", "rejected", "duplicate"]
    reason_code: str | None
    reason_text: str | None


class SealedDecisionIn(BaseModel):
    """Versions 2 and 3: the reason text sealed to the installation (base64url HPKE), or a
    purge (version 3 also of one earlier revision, ``purge_revision``)."""

    model_config = _STRICT
    record_id: str
    revision: int
    decision: Literal["accepted", "rejected", "duplicate", "purge", "purge_revision"]
    reason_code: str | None
    reason_sealed: str | None


class FeedbackBody(BaseModel):
    model_config = _STRICT
    batch_id: str | None
    decisions: list[DecisionIn | SealedDecisionIn] = Field(
        min_length=1, max_length=MAX_FEEDBACK_DECISIONS
    )
    feedback_id: str
    installation_key_id: str
    issued_at: str
    staff_key_id: str
    type: Literal["sjelden.feedback"]
    version: Literal[1, 2, 3]


class FeedbackDocument(BaseModel):
    model_config = _STRICT
    feedback: FeedbackBody
    signature: str


class FeedbackItem(BaseModel):
    seq: int
    document: FeedbackDocument


class FeedbackList(BaseModel):
    items: list[FeedbackItem]
    next_after: int


class FeedbackStored(BaseModel):
    feedback_id: str
    created: bool


class EnrollmentCode(BaseModel):
    code: str = Field(description="Give to the installation's user; valid once")
    expires_at: int
