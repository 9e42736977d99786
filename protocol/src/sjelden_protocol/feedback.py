"""Staff-signed feedback: the register's per-record decisions, addressed to one installation.

The inbox server only relays these documents; the desktop client trusts a decision because
a registered staff key signed it, not because the server said so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import MalformedError, TooLargeError
from .keys import check_key_id, key_id
from .limits import MAX_FEEDBACK_DECISIONS, MAX_REASON_TEXT_CHARS
from .payload import canonical_uuid
from .signing import lookup_key, sign_document, verify_document
from .timefmt import format_utc, parse_utc

FEEDBACK_DOMAIN = b"sjelden/feedback/v1\x00"
FEEDBACK_TYPE = "sjelden.feedback"
DECISIONS = ("accepted", "rejected", "duplicate")
Decision = Literal["accepted", "rejected", "duplicate"]
REASON_CODE = re.compile(r"\A[a-z][a-z0-9_]{0,63}\Z")
# The register's own reason codes (staff choose others): a batch carrying a record id that
# another installation sent first is refused, and each of its records rejected with this.
RECORD_OWNED_ELSEWHERE = "record_owned_elsewhere"
_BODY_FIELDS = frozenset(
    {
        "batch_id",
        "decisions",
        "feedback_id",
        "installation_key_id",
        "issued_at",
        "staff_key_id",
        "type",
        "version",
    }
)
_DECISION_FIELDS = frozenset({"decision", "reason_code", "reason_text", "record_id", "revision"})


@dataclass(frozen=True, slots=True)
class RecordDecision:
    record_id: str
    revision: int
    decision: Decision
    reason_code: str | None = None
    reason_text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "reason_code": self.reason_code,
            "reason_text": self.reason_text,
            "record_id": self.record_id,
            "revision": self.revision,
        }


@dataclass(frozen=True, slots=True)
class Feedback:
    feedback_id: str
    installation_key_id: str
    batch_id: str | None
    issued_at: datetime
    staff_key_id: str
    decisions: tuple[RecordDecision, ...]
    signature: str

    def body(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "decisions": [decision.to_json() for decision in self.decisions],
            "feedback_id": self.feedback_id,
            "installation_key_id": self.installation_key_id,
            "issued_at": format_utc(self.issued_at),
            "staff_key_id": self.staff_key_id,
            "type": FEEDBACK_TYPE,
            "version": 1,
        }

    def to_json(self) -> dict[str, Any]:
        return {"feedback": self.body(), "signature": self.signature}


def _decision(value: object, index: int) -> RecordDecision:
    where = f"decision #{index}"
    if not isinstance(value, dict) or set(value) != _DECISION_FIELDS:
        raise MalformedError(f"{where} must have exactly the fields {sorted(_DECISION_FIELDS)}")
    revision = value["revision"]
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
        raise MalformedError(f"{where} revision must be an integer >= 1")
    decision = value["decision"]
    if decision not in DECISIONS:
        raise MalformedError(f"{where} decision must be one of {', '.join(DECISIONS)}")
    code, text = value["reason_code"], value["reason_text"]
    if code is not None and (not isinstance(code, str) or not REASON_CODE.match(code)):
        raise MalformedError(f"{where} reason_code must match [a-z][a-z0-9_]{{0,63}}")
    if decision == "rejected" and code is None:
        raise MalformedError(f"{where} is a rejection and needs a reason_code")
    if text is not None and (not isinstance(text, str) or len(text) > MAX_REASON_TEXT_CHARS):
        raise MalformedError(
            f"{where} reason_text must be text of at most {MAX_REASON_TEXT_CHARS} characters"
        )
    return RecordDecision(
        record_id=canonical_uuid(value["record_id"], what=f"{where} record_id"),
        revision=revision,
        decision=decision,
        reason_code=code,
        reason_text=text,
    )


def _decisions(values: Sequence[object]) -> tuple[RecordDecision, ...]:
    if len(values) > MAX_FEEDBACK_DECISIONS:
        raise TooLargeError(f"feedback holds at most {MAX_FEEDBACK_DECISIONS} decisions")
    return tuple(_decision(value, index) for index, value in enumerate(values))


def sign_feedback(
    *,
    feedback_id: str,
    installation_key_id: str,
    batch_id: str | None,
    decisions: Sequence[RecordDecision],
    issued_at: datetime,
    key: Ed25519PrivateKey,
) -> Feedback:
    """Sign, then parse the signed document: the one check of every field happens there."""
    body = Feedback(
        feedback_id=feedback_id,
        installation_key_id=installation_key_id,
        batch_id=batch_id,
        issued_at=issued_at,
        staff_key_id=key_id(key.public_key()),
        decisions=tuple(decisions),
        signature="",
    ).body()
    return parse_feedback(
        {"feedback": body, "signature": sign_document(FEEDBACK_DOMAIN, body, key)}
    )


def parse_feedback(document: object) -> Feedback:
    if not isinstance(document, dict) or set(document) != {"feedback", "signature"}:
        raise MalformedError("signed feedback is an object with 'feedback' and 'signature'")
    body = document["feedback"]
    if not isinstance(body, dict) or set(body) != _BODY_FIELDS:
        raise MalformedError(f"feedback must have exactly the fields {sorted(_BODY_FIELDS)}")
    if body["type"] != FEEDBACK_TYPE or body["version"] != 1:
        raise MalformedError("not a version 1 feedback document", code="unsupported_version")
    for name in ("installation_key_id", "staff_key_id"):
        check_key_id(body[name], what=f"feedback {name}")
    if not isinstance(body["decisions"], list) or not body["decisions"]:
        raise MalformedError("feedback decisions must be a non-empty array")
    signature = document["signature"]
    if not isinstance(signature, str):
        raise MalformedError("feedback signature must be a string")
    batch_id = body["batch_id"]
    return Feedback(
        feedback_id=canonical_uuid(body["feedback_id"], what="feedback_id"),
        installation_key_id=body["installation_key_id"],
        batch_id=None if batch_id is None else canonical_uuid(batch_id, what="batch_id"),
        issued_at=parse_utc(body["issued_at"], what="feedback issued_at"),
        staff_key_id=body["staff_key_id"],
        decisions=_decisions(body["decisions"]),
        signature=signature,
    )


def verify_feedback(
    document: object, trusted_staff_keys: Mapping[str, Ed25519PublicKey]
) -> Feedback:
    feedback = parse_feedback(document)
    key = lookup_key(trusted_staff_keys, feedback.staff_key_id, what="feedback")
    verify_document(FEEDBACK_DOMAIN, feedback.body(), feedback.signature, key, what="feedback")
    return feedback
