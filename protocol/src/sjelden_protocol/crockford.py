"""Codes typed by hand (enrollment codes, recovery keys) in Crockford's base32.

One normaliser for every code a person reads off a letter and types back, on the client,
in the CLI and on the inbox, so a code is never accepted by one and refused by another.
Crockford's decoding rules: case does not matter, separators do not matter, and the
look-alikes the alphabet leaves out are read as what they look like (``O`` as ``0``, ``I``
and ``L`` as ``1``); ``U`` is left out without a reading and makes a code invalid.
It lives in the protocol because the inbox may import nothing else of ours, and enrollment
codes are signed in their normalised form (``enrollment``).
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
GROUP = 4


def normalise(text: str) -> str:
    """Upper case, separators (anything not a letter or digit) dropped, look-alikes read."""
    return "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOK_ALIKES)


def canonical(text: str, length: int) -> str | None:
    """The normalised code when it is ``length`` characters of the alphabet, else ``None``."""
    normal = normalise(text)
    if len(normal) != length or any(ch not in ALPHABET for ch in normal):
        return None
    return normal


def grouped(code: str) -> str:
    """``XXXX-XXXX-…``: how a code is printed and read aloud."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def random_code(length: int) -> str:
    """``length`` random characters (5 bits each), printed in groups."""
    return grouped("".join(secrets.choice(ALPHABET) for _ in range(length)))
