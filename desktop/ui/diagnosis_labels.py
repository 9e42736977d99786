"""Diagnosis codes with their names for the lists: "ORPHA:558 Marfans syndrom".

A clinician scanning the record list, or an officer the review queue, recognises a
diagnosis by its name, not by a six-digit number; the code stays in front because it is
what the register stores and what a search finds. Names come from the shipped ORPHA list
(``get_codelist("orpha")``), in the UI language where the list has that label (bokmål for
most rare diagnoses) and in English otherwise.

Reading the list the first time parses a CSV file of a few thousand rows, so callers ask
off the GUI thread (the record list with its page, on the database thread; the staff
queue warms the list in its loader). Each (code, language) is then answered from a cache.
A list that cannot be read leaves the bare codes: a name is a help, never a reason to hide
a row.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from desktop.forms.codelists import CodeListError, get_codelist
from desktop.messages import Lang

#: Between diagnoses in one cell; names may hold commas ("Deficiency, type 2").
SEPARATOR = "; "


@functools.lru_cache(maxsize=8192)
def diagnosis_label(code: str, lang: Lang) -> str:
    """``code`` followed by its name, or the code alone when the list has no such code."""
    try:
        checker = get_codelist("orpha")
    except CodeListError:
        return code
    canonical = checker.normalize(code)
    if canonical is None:
        return code
    name = checker.label(canonical, lang)
    return f"{canonical} {name}" if name and name != canonical else canonical


def diagnoses_text(codes: Iterable[str], lang: Lang) -> str:
    """Several codes in one cell, each with its name, in the record's order."""
    return SEPARATOR.join(diagnosis_label(code, lang) for code in codes if code)
