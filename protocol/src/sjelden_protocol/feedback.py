"""Staff-signed feedback: the register's per-record decisions, addressed to one installation.

The inbox server only relays these documents; the desktop client trusts a decision because
a registered staff key signed it, not because the server said so.

Version 2 (what ``sign_feedback`` writes when given the installation's key) carries no free
text in clear: a reason text is sealed with HPKE, the batches' suite, to the X25519 key of
the installation that sent the record (derived from its enrolled Ed25519 key,
``montgomery``), with ``info`` binding it to the document and the decision, so neither the
inbox nor anyone who copies a document can read it, and a sealed text cannot be moved onto
another decision. Version 2 also has the decision ``purge``: the person has reserved
themselves against the register, and the installation deletes every revision of the
record. Version 3 adds ``purge_revision``: one earlier revision of the record held the
reserved person (a later revision corrected the national id to someone else), so the
installation deletes that revision and every earlier one of the same person, and keeps the
record. The register writes version 3 only for a document that holds such a decision, so
clients that read version 2 keep reading everything else. Version 1 documents (reason texts
in clear, no ``purge``) are still read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .canonical import canonical_json
from .envelope import hpke_open, hpke_seal
from .errors import MalformedError, TooLargeError
from .keys import b64decode, b64encode, check_key_id, key_id
from .limits import MAX_FEEDBACK_DECISIONS, MAX_REASON_TEXT_CHARS
from .montgomery import x25519_private_of, x25519_public_of
from .payload import canonical_uuid
from .signing import lookup_key, sign_document, verify_document
from .timefmt import format_utc, parse_utc

FEEDBACK_DOMAIN = b"sjelden/feedback/v1\x00"
FEEDBACK_TYPE = "sjelden.feedback"
REASON_DOMAIN = b"sjelden/feedback-reason/v1\x00"
DECISIONS = ("accepted", "rejected", "duplicate")
#: version 2 adds ``purge``: delete every revision of the record (a reservation)
DECISIONS_V2 = (*DECISIONS, "purge")
#: version 3 adds ``purge_revision``: delete that revision (and its person's), keep the record
DECISIONS_V3 = (*DECISIONS_V2, "purge_revision")
VERSIONS = (1, 2, 3)
_ALLOWED = {1: DECISIONS, 2: DECISIONS_V2, 3: DECISIONS_V3}
Decision = Literal["accepted", "rejected", "duplicate", "purge", "purge_revision"]
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
_DECISION_FIELDS = {
    1: frozenset({"decision", "reason_code", "reason_text", "record_id", "revision"}),
    2: frozenset({"decision", "reason_code", "reason_sealed", "record_id", "revision"}),
    3: frozenset({"decision", "reason_code", "reason_sealed", "record_id", "revision"}),
}
#: HPKE enc (32) + ChaCha20-Poly1305 tag (16) + at most 4 UTF-8 bytes per character
_MAX_SEALED_BYTES = 48 + 4 * MAX_REASON_TEXT_CHARS


@dataclass(frozen=True, slots=True)
class RecordDecision:
    record_id: str
    revision: int
    decision: Decision
    reason_code: str | None = None
    #: in clear: what staff wrote (before signing) or what ``open_reasons`` opened
    reason_text: str | None = None
    #: version 2 on the wire: the text sealed to the installation (base64url ``enc || ct``)
    reason_sealed: str | None = None

    def to_json(self, version: int = 1) -> dict[str, Any]:
        body: dict[str, Any] = {
            "decision": self.decision,
            "reason_code": self.reason_code,
            "record_id": self.record_id,
            "revision": self.revision,
        }
        if version == 1:
            body["reason_text"] = self.reason_text
        else:
            body["reason_sealed"] = self.reason_sealed
        return body


@dataclass(frozen=True, slots=True)
class Feedback:
    feedback_id: str
    installation_key_id: str
    batch_id: str | None
    issued_at: datetime
    staff_key_id: str
    decisions: tuple[RecordDecision, ...]
    signature: str
    version: int = 1

    def body(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "decisions": [decision.to_json(self.version) for decision in self.decisions],
            "feedback_id": self.feedback_id,
            "installation_key_id": self.installation_key_id,
            "issued_at": format_utc(self.issued_at),
            "staff_key_id": self.staff_key_id,
            "type": FEEDBACK_TYPE,
            "version": self.version,
        }

    def to_json(self) -> dict[str, Any]:
        return {"feedback": self.body(), "signature": self.signature}


def _decision(value: object, index: int, version: int) -> RecordDecision:
    where = f"decision #{index}"
    fields = _DECISION_FIELDS[version]
    if not isinstance(value, dict) or set(value) != fields:
        raise MalformedError(f"{where} must have exactly the fields {sorted(fields)}")
    revision = value["revision"]
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
        raise MalformedError(f"{where} revision must be an integer >= 1")
    decision = value["decision"]
    allowed = _ALLOWED[version]
    if decision not in allowed:
        raise MalformedError(f"{where} decision must be one of {', '.join(allowed)}")
    code = value["reason_code"]
    text = value.get("reason_text")
    sealed = value.get("reason_sealed")
    if sealed is not None and (
        not isinstance(sealed, str)
        or not 48 < len(b64decode(sealed, what=f"{where} reason_sealed")) <= _MAX_SEALED_BYTES
    ):
        raise MalformedError(f"{where} reason_sealed must be base64url of one HPKE message")
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
        reason_sealed=sealed,
    )


def _decisions(values: Sequence[object], version: int) -> tuple[RecordDecision, ...]:
    if len(values) > MAX_FEEDBACK_DECISIONS:
        raise TooLargeError(f"feedback holds at most {MAX_FEEDBACK_DECISIONS} decisions")
    return tuple(_decision(value, index, version) for index, value in enumerate(values))


def _reason_info(feedback_id: str, installation_key_id: str, decision: RecordDecision) -> bytes:
    """HPKE ``info``: the sealed text belongs to this document and this decision only."""
    return REASON_DOMAIN + canonical_json(
        {
            "decision": decision.decision,
            "feedback_id": feedback_id,
            "installation_key_id": installation_key_id,
            "record_id": decision.record_id,
            "revision": decision.revision,
        }
    )


def _sealed(
    decision: RecordDecision, feedback_id: str, installation: Ed25519PublicKey
) -> RecordDecision:
    if decision.reason_text is not None and len(decision.reason_text) > MAX_REASON_TEXT_CHARS:
        raise MalformedError(
            f"reason_text must be text of at most {MAX_REASON_TEXT_CHARS} characters"
        )
    sealed = (
        None
        if decision.reason_text is None
        else b64encode(
            hpke_seal(
                decision.reason_text.encode("utf-8"),
                x25519_public_of(installation),
                _reason_info(feedback_id, key_id(installation), decision),
            )
        )
    )
    return RecordDecision(
        decision.record_id, decision.revision, decision.decision, decision.reason_code, None, sealed
    )


def _version(decisions: Sequence[RecordDecision], *, sealed: bool) -> int:
    if not sealed:
        return 1
    return 3 if any(d.decision == "purge_revision" for d in decisions) else 2


def sign_feedback(
    *,
    feedback_id: str,
    installation_key_id: str,
    batch_id: str | None,
    decisions: Sequence[RecordDecision],
    issued_at: datetime,
    key: Ed25519PrivateKey,
    installation: Ed25519PublicKey | None = None,
) -> Feedback:
    """Sign, then parse the signed document: the one check of every field happens there.

    With the ``installation``'s enrolled key (whose key id must be ``installation_key_id``)
    the document is version 2: reason texts are sealed to it and ``purge`` is allowed.
    Without it, version 1 with reason texts in clear (kept for reading old documents and
    for their test vectors; the register always seals)."""
    if installation is not None and key_id(installation) != installation_key_id:
        raise MalformedError("the installation key is not the one installation_key_id names")
    if installation is not None:
        decisions = [_sealed(d, feedback_id, installation) for d in decisions]
    body = Feedback(
        feedback_id=feedback_id,
        installation_key_id=installation_key_id,
        batch_id=batch_id,
        issued_at=issued_at,
        staff_key_id=key_id(key.public_key()),
        decisions=tuple(decisions),
        signature="",
        version=_version(decisions, sealed=installation is not None),
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
    version = body["version"]
    if body["type"] != FEEDBACK_TYPE or isinstance(version, bool) or version not in VERSIONS:
        raise MalformedError(
            "not a version 1, 2 or 3 feedback document; update the software",
            code="unsupported_version",
        )
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
        decisions=_decisions(body["decisions"], version),
        signature=signature,
        version=version,
    )


def verify_feedback(
    document: object, trusted_staff_keys: Mapping[str, Ed25519PublicKey]
) -> Feedback:
    feedback = parse_feedback(document)
    key = lookup_key(trusted_staff_keys, feedback.staff_key_id, what="feedback")
    verify_document(FEEDBACK_DOMAIN, feedback.body(), feedback.signature, key, what="feedback")
    return feedback


def open_reasons(feedback: Feedback, installation: Ed25519PrivateKey) -> Feedback:
    """The verified ``feedback`` with each sealed reason opened by the installation's key
    (``DecryptionError`` if one does not open); a version 1 document is returned as is."""
    if feedback.version == 1:
        return feedback
    private = x25519_private_of(installation)
    opened = []
    for decision in feedback.decisions:
        text = None
        if decision.reason_sealed is not None:
            raw = hpke_open(
                b64decode(decision.reason_sealed, what="reason_sealed"),
                private,
                _reason_info(feedback.feedback_id, feedback.installation_key_id, decision),
            )
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise MalformedError("a sealed reason is not UTF-8 text") from exc
            if len(text) > MAX_REASON_TEXT_CHARS:
                raise MalformedError(
                    f"a sealed reason holds more than {MAX_REASON_TEXT_CHARS} characters"
                )
        opened.append(
            RecordDecision(
                decision.record_id,
                decision.revision,
                decision.decision,
                decision.reason_code,
                text,
                decision.reason_sealed,
            )
        )
    return Feedback(
        feedback.feedback_id,
        feedback.installation_key_id,
        feedback.batch_id,
        feedback.issued_at,
        feedback.staff_key_id,
        tuple(opened),
        feedback.signature,
        feedback.version,
    )
