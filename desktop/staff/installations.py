"""Which installations the register trusts: approved at the inbox and pinned here.

The inbox decides whose uploads it takes; the register decides whose batches it opens. The
two are kept separate on purpose: a compromised inbox could approve a key of its own, but
cannot make the register trust it, because a batch opens only if its sender is pinned in the
register (``desktop.staff.trust``, shared by every member), after staff compared the key's
fingerprint with the clinic by phone.

* ``approve``: compare the fingerprint, approve at the inbox, and pin, in that order.
* ``pin``: for installations already approved at the inbox (``sjelden-inbox devices
  approve``): compare the fingerprint and pin.

The public key comes from the inbox's staff installation list; it is checked to hash to the
key id, and the fingerprint staff compare is computed here from that key, not taken from
the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import (
    b64decode,
    ed25519_public_from_raw,
    fingerprint,
    key_id,
    same_fingerprint,
)
from sjelden_protocol.timefmt import now_utc

from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.staff import trust
from desktop.staff.errors import StaffError
from desktop.staff.session import StaffSession


@dataclass(frozen=True)
class InboxInstallation:
    key_id: str
    public_key: Ed25519PublicKey
    label: str
    status: str  # pending, approved, revoked (as the inbox says)
    pinned: bool
    revoked_at: datetime | None = None  # the inbox's revocation time

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def list_installations(session: StaffSession, transport: Transport) -> list[InboxInstallation]:
    answer = transport.request(
        "GET", "/v1/staff/installations", signer=session.keys.signing_key, ok=(200,)
    ).json()
    pinned = session.pinned_installations()
    out = []
    for entry in answer if isinstance(answer, list) else []:
        try:
            raw = b64decode(entry["public_key"], what="public_key", length=32)
            public = ed25519_public_from_raw(raw)
        except (KeyError, TypeError, ProtocolError) as exc:
            raise StaffError("installation_key_mismatch", "unreadable key") from exc
        if key_id(public) != entry.get("key_id"):
            raise StaffError("installation_key_mismatch", str(entry.get("key_id")))
        out.append(
            InboxInstallation(
                key_id=key_id(public),
                public_key=public,
                label=str(entry.get("label", "")),
                status=str(entry.get("status", "")),
                pinned=key_id(public) in pinned,
                revoked_at=_unix(entry.get("revoked_at")),
            )
        )
    return out


def _unix(value: object) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return datetime.fromtimestamp(value, UTC).replace(microsecond=0)


def record_revocations(session: StaffSession, transport: Transport) -> list[str]:
    """Take the inbox's revocations of pinned installations, at the inbox's time; the ids.

    The inbox can only make the register refuse more this way, never accept more: a
    revocation time already held here is never moved later."""
    pinned = session.pinned_installations()
    actor = session.register.actor
    done = []
    for found in list_installations(session, transport):
        held = pinned.get(found.key_id)
        if held is None or found.status != "revoked":
            continue
        at = found.revoked_at or now_utc()
        if held.revoked_at is not None and not held.revoked_before(at):
            continue
        session.register.call(
            lambda db, k=found.key_id, t=at: trust.revoke_installation(db, k, t, actor=actor),  # type: ignore[misc]
            "revoke installation",
        )
        done.append(found.key_id)
    return done


def revoke(
    session: StaffSession, transport: Transport | None, installation_key_id: str
) -> trust.PinnedInstallation:
    """Revoke at the inbox (when there is one) and here, at the inbox's revocation time.

    From then on the register refuses the installation's batches, from the inbox and from
    files; batches the inbox received before are still imported."""
    if installation_key_id not in session.pinned_installations():
        raise StaffError("unknown_installation", installation_key_id)
    at = now_utc()
    if transport is not None:
        answer = transport.request(
            "POST",
            f"/v1/staff/installations/{installation_key_id}/revoke",
            signer=session.keys.signing_key,
            ok=(200,),
        ).json()
        at = _unix(answer.get("revoked_at") if isinstance(answer, dict) else None) or at
    actor = session.register.actor
    return session.register.call(
        lambda db: trust.revoke_installation(db, installation_key_id, at, actor=actor),
        "revoke installation",
    )


def _find(
    session: StaffSession, transport: Transport, installation_key_id: str
) -> InboxInstallation:
    for found in list_installations(session, transport):
        if found.key_id == installation_key_id:
            return found
    raise StaffError("unknown_installation", installation_key_id)


def _checked(found: InboxInstallation, typed_fingerprint: str) -> None:
    if not same_fingerprint(typed_fingerprint, found.fingerprint):
        raise StaffError("fingerprint_mismatch", found.key_id)


def approve(
    session: StaffSession, transport: Transport, installation_key_id: str, typed_fingerprint: str
) -> trust.PinnedInstallation:
    """Compare, approve at the inbox (unless it already is) and pin here."""
    found = _find(session, transport, installation_key_id)
    _checked(found, typed_fingerprint)
    if found.status != "approved":
        try:
            transport.request(
                "POST",
                f"/v1/staff/installations/{found.key_id}/approve",
                signer=session.keys.signing_key,
                ok=(200,),
            )
        except SyncError as exc:
            if exc.code == "installation_revoked":
                raise StaffError("installation_not_approved", "revoked") from exc
            raise
    return _pin(session, found)


def pin(
    session: StaffSession, transport: Transport, installation_key_id: str, typed_fingerprint: str
) -> trust.PinnedInstallation:
    """Pin an installation already approved at the inbox, after comparing fingerprints."""
    found = _find(session, transport, installation_key_id)
    _checked(found, typed_fingerprint)
    if found.status != "approved":
        raise StaffError("installation_not_approved", found.key_id)
    return _pin(session, found)


def _pin(session: StaffSession, found: InboxInstallation) -> trust.PinnedInstallation:
    actor = session.register.actor
    return session.register.call(
        lambda db: trust.pin_installation(db, found.public_key, found.label, actor=actor),
        "pin installation",
    )


def enrollment_code(session: StaffSession, transport: Transport) -> tuple[str, int]:
    """A one-time enrollment code for a clinic, and when it expires (Unix time)."""
    answer = transport.request(
        "POST", "/v1/staff/enrollment-codes", signer=session.keys.signing_key, ok=(201,)
    ).json()
    return str(answer["code"]), int(answer["expires_at"])
