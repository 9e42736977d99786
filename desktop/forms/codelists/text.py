"""Folding text for search, so that what a clinician types matches however a name is spelled.

Case, accents and punctuation are ignored, and the Norwegian letters are folded to ASCII
(æ→ae, ø→o, å→a) because a keyboard, a referral letter and Orphanet's English names rarely
agree on "Sjögren", "Sjøgren" and "Sjogren".
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th", "ł": "l"})
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    if text.isascii():  # most names: skip the costly Unicode decomposition
        return _NOT_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Accents become combining marks, dropped with anything else non-ASCII (which the word
    # pattern would turn into a separator anyway). The letters without a decomposition are
    # folded after it, which also catches those it produces ("ǿ" gives "ø" and an accent).
    ascii_only = decomposed.translate(_SPECIAL).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(" ", ascii_only.lower()).strip()


def words(text: str) -> list[str]:
    return fold(text).split()
