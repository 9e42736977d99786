"""One-time enrollment codes, typed by hand: Crockford base32 (``sjelden_protocol.crockford``)."""

from __future__ import annotations

from sjelden_protocol import crockford

from .storage import Store

CODE_LENGTH = 16  # 80 bits


def new_code() -> str:
    return crockford.random_code(CODE_LENGTH)


def canonical_code(code: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be a code at all."""
    return crockford.canonical(code, CODE_LENGTH)


def issue_code(store: Store, *, now: int, expires_at: int) -> str:
    """Store a new code (hashed, in canonical form) and return it as the user types it."""
    code = new_code()
    store.add_enrollment_code(crockford.normalise(code), now=now, expires_at=expires_at)
    return code
