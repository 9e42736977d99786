"""What the command prints to the user, in the language the app speaks: ``--language``, then
``SJELDEN_LANGUAGE``, then the profile's choice, else bokmål, as the GUI chooses.
``desktop.cli.main`` chooses it once, before building the parser, so the help, argparse's own
words and every line a command prints speak it (``current``).

Every sentence comes from a catalogue (``desktop.cli.messages.CLI`` for the command's own,
``user_message`` for the core's errors), so the two languages are written in one place.
A one-line problem carries its stable code in brackets before the text, and an error its code
in parentheses after it, so support and scripts can match on it whatever the language.
"""

from __future__ import annotations

import sys
from typing import Protocol

from desktop.cli.messages import CLI
from desktop.messages import DEFAULT_LANG, LANGUAGE_ENV, Lang, choose, normalize

__all__ = ["LANGUAGE_ENV", "current", "failed", "language", "say", "set_language"]

_current: Lang = DEFAULT_LANG


def set_language(lang: str | None) -> Lang:
    """The language of this run of the command (one command per process)."""
    global _current
    _current = normalize(lang)
    return _current


def current() -> Lang:
    return _current


def language(requested: str | None = None) -> Lang:
    """``requested`` if given, else the language this run speaks."""
    return choose(requested) if requested else _current


def say(
    lang: Lang, code: str, *, error: bool = False, tag: str | None = None, **params: object
) -> None:
    """One line of the command's catalogue; ``tag`` (a stable code) goes in brackets before it."""
    text = CLI.text(code, lang, **params)
    if tag:
        text = f"[{tag}] {text}"
    print(text, file=sys.stderr if error else sys.stdout)


class Coded(Protocol):
    """An error with a stable code and a message (``StoreError``, ``SyncError``, ...)."""

    code: str

    def user_message(self, lang: Lang) -> str: ...


def failed(error: Coded, lang: Lang) -> int:
    """Print a coded error's message, its code and any bug report; the exit status 1."""
    print(error.user_message(lang), file=sys.stderr)
    print(f"({error.code})", file=sys.stderr)
    report = getattr(error, "report", None)
    if report:
        print(CLI.text("error_report", lang, report=report), file=sys.stderr)
    return 1
