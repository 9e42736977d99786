"""One-time enrollment codes: typed by hand, so an alphabet without look-alike letters."""

from __future__ import annotations

import re
import secrets

from sjelden_protocol.enrollment import normalise_code

from .storage import Store

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: 80 bits in 16 characters
_VALID = re.compile(r"\A[0-9A-HJKMNP-TV-Z]{16}\Z")


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def canonical_code(code: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be a code at all."""
    normal = normalise_code(code)
    return normal if _VALID.match(normal) else None


def issue_code(store: Store, *, now: int, expires_at: int) -> str:
    """Store a new code (hashed, in canonical form) and return it as the user types it."""
    code = new_code()
    store.add_enrollment_code(normalise_code(code), now=now, expires_at=expires_at)
    return code
