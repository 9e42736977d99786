"""Bokmål for argparse's own words: "usage:", "options", "show this help message and exit",
its error lines.

argparse marks its strings for gettext, but binds ``gettext`` and ``ngettext`` into its own
module at import (``from gettext import gettext as _, ngettext``), and gettext finds
translations only as compiled ``.mo`` files of a text domain on disk, for the process's
locale. The app ships no ``.mo`` files and speaks the language chosen by ``--language`` or
the profile, not the locale, so ``install`` points argparse's two names at this small table
instead (the msgids are argparse's own, from Python 3.11's ``argparse.py``; a msgid not here
stays English). English puts gettext's functions back.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Callable

from desktop.messages import Lang

#: argparse's msgid -> bokmål; ``%(name)s``/``%s`` placeholders kept exactly
BOKMAL: dict[str, str] = {
    "usage: ": "bruk: ",
    "positional arguments": "posisjonsargumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpeteksten og avslutt",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig %(type)s-verdi: %(value)r",
    "the following arguments are required: %s": "disse argumentene må oppgis: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "expected one argument": "ventet ett argument",
    "expected at most one argument": "ventet høyst ett argument",
    "expected at least one argument": "ventet minst ett argument",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig valg: %(option)s kan bety %(matches)s"
    ),
    "not allowed with argument %s": "ikke tillatt sammen med argumentet %s",
    "one of the arguments %s is required": "ett av argumentene %s må oppgis",
    "ignored explicit argument %r": "ignorerte det eksplisitte argumentet %r",
    "can't open '%(filename)s': %(error)s": "kan ikke åpne '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "ukjent kommando %(parser_name)r (valg: %(choices)s)"
    ),
    "unexpected option string: %s": "uventet valg: %s",
}

#: argparse's plural msgids (singular, plural) -> bokmål (singular, plural)
BOKMAL_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        "ventet %s argument",
        "ventet %s argumenter",
    ),
}


def _bokmal(message: str) -> str:
    return BOKMAL.get(message, message)


def _bokmal_plural(singular: str, plural: str, n: int) -> str:
    one, many = BOKMAL_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


#: what argparse's ``_`` and ``ngettext`` become in each language
TRANSLATORS: dict[Lang, tuple[Callable[[str], str], Callable[[str, str, int], str]]] = {
    "nb": (_bokmal, _bokmal_plural),
    "en": (gettext.gettext, gettext.ngettext),
}


def install(lang: Lang) -> None:
    """Make argparse speak ``lang``; call before building the parser (it translates then)."""
    argparse._, argparse.ngettext = TRANSLATORS[lang]  # type: ignore[attr-defined]
