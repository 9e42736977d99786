"""Retiring an old register recipient key: the register stops being able to open what was
sealed to it (issue 15, deletion that reaches everywhere).

A rotation keeps every older register private key so batches sealed before it still open.
But a kept key also opens every copy of such a batch anyone kept: an export of the inbox's
database, a backup, a batch file on a USB stick, including batches of people who have since
reserved themselves. Once no batch the register still has to read is sealed to the key, it
is needed for nothing, and retiring it makes those copies unreadable for good.

``retire`` refuses while the key can still be needed:

* it is the newest register key (clinics seal to it now): ``register_key_in_use``;
* the newest key manifest still announces it to the clinics as usable:
  ``register_key_announced`` (publish a manifest revoking it first, and give the clinics time
  to sync: they re-seal pending batches under the new key by themselves);
* a quarantined batch is sealed to it: ``register_key_still_needed`` (retry or discard those
  first).

Then, in one register transaction, every member's wrap of the key is deleted, the key id is
recorded as retired in ``register_meta`` (so no administrator's profile that still holds a
copy seals it to the members again, ``members.unlock``), and the event is audited; the
retiring administrator's profile deletes its own copy at once, every other profile at its
next unlock (``keys.forget_retired``). A batch sealed to a retired key that arrives later is
refused as ``wrong_recipient``, which asks the clinic to update the register key and send
again. Batches still unacknowledged at the inbox are the operator's to check before (``staff
pull`` first): the register cannot see what it has not fetched.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sjelden_protocol.timefmt import format_utc, now_utc

from desktop.staff import keys as staff_keys
from desktop.staff import manifest, members, quarantine, roles
from desktop.staff import register as reg
from desktop.staff.crypto import RegisterCipher
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession


def _sealed_to(db: Db, cipher: RegisterCipher, key_id: str) -> int:
    """How many quarantined batches are sealed to ``key_id`` (a retry would need it)."""
    return sum(
        parsed.header.recipient_key_id == key_id for _, parsed in quarantine.each_batch(db, cipher)
    )


def retire(session: StaffSession, key_id: str, *, now: datetime | None = None) -> int:
    """Retire register key ``key_id``; returns how many members' wraps of it were deleted."""
    roles.require(session, "keys")
    moment = now or now_utc()
    keys = session.keys
    if key_id == keys.newest_register_key_id:
        raise StaffError("register_key_in_use", key_id)
    if key_id not in keys.register_keys:
        raise StaffError("unknown_register_key", key_id)
    cipher, actor = session.register.cipher, session.register.actor

    def run(db: Db) -> int:
        with db.transaction("retire register key"):
            # In the transaction: an administrator signing a manifest on another PC at this
            # moment either comes first (and is seen here) or waits for the retirement.
            newest = manifest.latest(db)
            if newest is not None and any(
                k.role == "recipient" and k.key_id == key_id and k.usable_at(moment)
                for k in newest.keys
            ):
                raise StaffError("register_key_announced", key_id)
            held = _sealed_to(db, cipher, key_id)
            if held:
                raise StaffError("register_key_still_needed", f"{key_id}: {held} quarantined")
            wraps = db.execute(
                "DELETE FROM member_wraps WHERE secret_role = 'register' AND secret_key_id = ?",
                (key_id,),
            ).rowcount
            members.mark_retired(db, key_id, format_utc(moment))
            reg.log(db, actor, f"staff:register_key_retired:{key_id}")
        return int(wraps)

    wraps = session.register.call(run, "retire register key")
    session.store.call(
        lambda c: staff_keys.forget_retired(c, {key_id}, actor=actor), "forget retired key"
    )
    session.refresh_keys()
    return wraps
