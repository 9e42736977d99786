"""Every signed audit entry of a register with members is a member's (``audit verify``).

The signature (``desktop.storage.audit``) proves which key signed an entry, and
``audit_signers`` only says which public key a key id has: whoever can write the database
and holds the register's keyed-hash secret (every member does, and a removed member may have
kept it) could add a key of their own there and write entries that verify. So the chain is
also checked against the register's members (``desktop.staff.members``), walking it in
order:

* From the first member event on (``staff:member_added:…``, the first administrator's
  bootstrap, which that member signs in the transaction that makes them a member), every
  signed entry's key id must be a member's whose addition the chain has recorded by then
  (in an administrator's entry), with the very public key that signed it; else
  ``signer_not_member`` or ``signer_key_mismatch``. A ``members`` row written into the
  database without the chain's entry for it does not make anyone a member.
* A removed member's entries must come before the chain's ``staff:member_removed:<key id>``
  entry (their sessions refuse to write after it, ``Register.call``); when the chain has no
  such entry but the row says removed, before their ``removed_at`` (whole seconds, so an
  entry in the same second counts as before); else ``signer_removed``.
* Entries before the first member event are the register's from before it had members
  (the legacy prefix, and keyed entries of profiles from before members): their signatures
  are checked as always, and nothing more can be (no member existed to compare with).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.staff.dialect import Db
from desktop.staff.roles import ADMINISTRATOR
from desktop.storage.audit import AuditEntry, SignerCheck

_ADDED = "staff:member_added:"
_REMOVED = "staff:member_removed:"


def _added_key_id(entry: AuditEntry) -> str | None:
    """Whom a ``staff:member_added:`` entry made a member: ``…:<role>:<key id>`` when an
    administrator adds someone, ``…:<role>`` (the actor themselves) for the first one."""
    parts = entry.action.split(":")
    if len(parts) == 4:
        return parts[3]
    return entry.actor if len(parts) == 3 else None


def _second(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp).replace(microsecond=0)
    except ValueError:
        return None


def _removed_in_chain(db: Db) -> set[str]:
    """Whose removal the chain records (its entries are verified by the same walk)."""
    rows = db.execute(
        "SELECT action FROM audit_log WHERE action LIKE ?", (_REMOVED + "%",)
    ).fetchall()  # LIKE's "_" matches any one character: the prefix is checked below
    actions = (str(row[0]) for row in rows)
    return {a[len(_REMOVED) :] for a in actions if a.startswith(_REMOVED)}


@dataclass(frozen=True)
class _Row:
    role: str
    signing_key: bytes
    removed_at: str | None


def _members(db: Db) -> dict[str, _Row]:
    """The ``members`` rows by their own key id (the one ``members.find`` looks up), not the
    id derived from the signing key they hold: that key is what is being checked."""
    return {
        str(r[0]): _Row(str(r[1]), bytes(r[2]), None if r[3] is None else str(r[3]))
        for r in db.execute(
            "SELECT member_key_id, role, signing_key, removed_at FROM members"
        ).fetchall()
    }


def check(db: Db) -> SignerCheck:
    """The check ``audit.verify`` asks about each entry in order (stateful: one walk)."""
    known = _members(db)
    removal_recorded = _removed_in_chain(db)
    added: set[str] = set()
    removed: set[str] = set()
    started = False

    def signer_problem(entry: AuditEntry, signer: str, public: bytes | None) -> str | None:
        member = known.get(signer)
        if member is None or signer not in added:
            return "signer_not_member"
        if member.signing_key != public:
            return "signer_key_mismatch"
        if signer in removed:
            return "signer_removed"
        if member.removed_at is not None and signer not in removal_recorded:
            at, gone = _second(entry.at), _second(member.removed_at)
            if at is None or gone is None or at > gone:
                return "signer_removed"
        return None

    def judge(entry: AuditEntry, public: bytes | None) -> str | None:
        nonlocal started
        newcomer = _added_key_id(entry) if entry.action.startswith(_ADDED) else None
        if newcomer is not None and not started:
            added.add(newcomer)  # the first administrator: a member by their own entry
            started = True
        if not started or entry.signer is None:
            return None
        problem = signer_problem(entry, entry.signer, public)
        # Only an administrator's entry adds or removes a member (``roles``: ``members``).
        if problem is None and known[entry.signer].role == ADMINISTRATOR:
            if newcomer is not None:
                added.add(newcomer)
            if entry.action.startswith(_REMOVED):
                removed.add(entry.action[len(_REMOVED) :])
        return problem

    return judge
