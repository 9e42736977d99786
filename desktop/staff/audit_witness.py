"""The inbox as a witness of the register's audit chain (issue 17 point 3, "optionally sent
to the inbox as well").

The keyed chain and its signed checkpoints (``desktop.storage.audit``) find any entry
changed, inserted or removed in the middle. What they cannot find alone is a cut tail:
whoever holds the register database can delete the newest entries together with the newest
checkpoints, and what is left verifies as a shorter chain. A member holding the register's
keys could even rewrite the chain and sign new checkpoints. So copies of the checkpoints go
to the inbox, a separate machine and database the register's staff do not administer
(``PUT /v1/staff/audit-checkpoints``; the inbox keeps the first copy per sequence number and
refuses another, ``checkpoint_conflict``). Comparing fetches them back: every copy must be
signed by a member of the register with their own key, and the register's chain must still
have that entry with that hash.

Sending and comparing are every member's (as verifying is): anyone may check that nothing was
rewritten. Nothing sent holds a field value: sequence numbers, hashes, times, key ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sjelden_protocol.audit_checkpoint import AuditCheckpoint, parse_checkpoint
from sjelden_protocol.canonical import canonical_json
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import ed25519_public_from_raw

from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.staff import members
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.roles import require
from desktop.storage import audit

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession

PAGE = 1000

# What a comparison can find, first by sequence number (the codes ``audit verify`` prints).
CHAIN_CUT = "witness_entry_missing"  # the inbox holds a checkpoint past the chain's end
CHAIN_REWRITTEN = "witness_hash_differs"  # the chain's entry has another hash than witnessed
SIGNER_UNKNOWN = "witness_signer_unknown"  # signed by no member of the register
SIGNATURE_BAD = "witness_signature_invalid"  # not signed by the member it names


@dataclass(frozen=True)
class Sent:
    """How many checkpoints went to the inbox now, and how many it held already."""

    sent: int
    held: int


@dataclass(frozen=True)
class Comparison:
    compared: int  # checkpoint copies the inbox holds
    problem: str | None = None
    seq: int | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def parse_or_refuse(page: object) -> list[AuditCheckpoint]:
    """One page of the inbox's answer, each copy checked for form (``witness_unreadable``)."""
    if not isinstance(page, list):
        raise StaffError("witness_unreadable", "not a list")
    try:
        return [parse_checkpoint(document) for document in page]
    except ProtocolError as exc:
        raise StaffError("witness_unreadable", exc.code) from exc


def _fetch(transport: Transport, session: StaffSession) -> list[AuditCheckpoint]:
    held: list[AuditCheckpoint] = []
    after = 0
    while True:
        page = transport.request(
            "GET",
            f"/v1/staff/audit-checkpoints?after={after}&limit={PAGE}",
            signer=session.keys.signing_key,
            ok=(200,),
        ).json()
        found = parse_or_refuse(page)
        held.extend(found)
        if len(found) < PAGE:
            return held
        after = found[-1].seq


def send(session: StaffSession, transport: Transport) -> Sent:
    """Every checkpoint of the register the inbox does not hold yet, sent to it."""
    require(session, "view")
    local = session.register.call(audit.checkpoints, "audit checkpoints")
    there = {c.seq: c for c in _fetch(transport, session)}
    sent = 0
    for mark in local:
        held = there.get(mark.seq)
        if held is not None and held != mark:
            # The inbox witnessed another checkpoint under this number: the chain was
            # rewritten since (``compare`` names what differs).
            raise StaffError("audit_broken", f"seq {mark.seq}: {CHAIN_REWRITTEN}")
        if held is not None:
            continue
        try:
            transport.request(
                "PUT",
                "/v1/staff/audit-checkpoints",
                body=canonical_json(mark.to_json()),
                signer=session.keys.signing_key,
                content_type="application/json",
                ok=(200, 201),
            )
        except SyncError as exc:
            if exc.code == "checkpoint_conflict":
                # The inbox holds another checkpoint under this number: compare says which.
                raise StaffError("audit_broken", f"seq {mark.seq}: {CHAIN_REWRITTEN}") from exc
            raise
        sent += 1
    return Sent(sent, len(local) - sent)


def _signers(db: Db) -> dict[str, bytes]:
    """Each member's signing key (removed ones too: their old checkpoints stay valid)."""
    return {m.key_id: m.identity.signing_key for m in members.members(db)}


def _hashes(db: Db, seqs: list[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for start in range(0, len(seqs), 500):
        chunk = seqs[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for seq, digest in db.execute(
            f"SELECT seq, hash FROM audit_log WHERE seq IN ({marks})",  # noqa: S608 - placeholders only
            chunk,
        ).fetchall():
            found[int(seq)] = bytes(digest)
    return found


def compare(session: StaffSession, transport: Transport) -> Comparison:
    """The inbox's copies against the register's chain; the first problem by sequence."""
    require(session, "view")
    witnessed = sorted(_fetch(transport, session), key=lambda c: c.seq)
    seqs = [c.seq for c in witnessed]
    signers, hashes = session.register.call(
        lambda db: (_signers(db), _hashes(db, seqs)), "audit witness"
    )
    for mark in witnessed:
        public = signers.get(mark.signer)
        if public is None:
            return Comparison(len(witnessed), SIGNER_UNKNOWN, mark.seq)
        if not mark.signed_by(ed25519_public_from_raw(public)):
            return Comparison(len(witnessed), SIGNATURE_BAD, mark.seq)
        held = hashes.get(mark.seq)
        if held is None:
            return Comparison(len(witnessed), CHAIN_CUT, mark.seq)
        if held != mark.hash:
            return Comparison(len(witnessed), CHAIN_REWRITTEN, mark.seq)
    return Comparison(len(witnessed))
