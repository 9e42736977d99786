"""One line to the user in the language the app speaks: ``--language``, then
``SJELDEN_LANGUAGE``, else bokmål (the GUI chooses the same way, before the profile's choice).

Errors carry their stable code in brackets, so support and scripts can match on it whatever
the language.
"""

from __future__ import annotations

import os
import sys

from desktop.net.errors import Lang

LANGUAGE_ENV = "SJELDEN_LANGUAGE"


def language(requested: str | None = None) -> Lang:
    chosen = requested or os.environ.get(LANGUAGE_ENV) or "nb"
    return "en" if chosen == "en" else "nb"


def say(
    requested: str | None, nb: str, en: str, *, code: str | None = None, error: bool = False
) -> None:
    text = nb if language(requested) == "nb" else en
    if code:
        text = f"[{code}] {text}"
    print(text, file=sys.stderr if error else sys.stdout)
