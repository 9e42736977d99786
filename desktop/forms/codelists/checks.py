"""The two questions validation asks of the code lists: is this a code, and was it in force.

Kept apart from the lookups so the validator depends on a small surface: ``normalize`` says
whether a value names a code at all (in any version of the list, so an outdated municipality
gets the precise "not in force on that date" message rather than "unknown"), and
``municipality_valid_on`` answers the date rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Literal

from desktop.forms.codelists.codes import (
    normalize_icd10,
    normalize_kommunenummer,
    normalize_orpha,
)
from desktop.forms.codelists.model import CodeList
from desktop.forms.codelists.store import NoVersionInForceError, default_store

CodeListName = Literal["orpha", "icd10", "kommuner", "fylker"]


def _normalize_fylkesnummer(text: str) -> str | None:
    stripped = text.strip()
    return stripped if len(stripped) == 2 and stripped.isdigit() else None


_SYNTAX: dict[str, Callable[[str], str | None]] = {
    "orpha": normalize_orpha,
    "icd10": normalize_icd10,
    "kommuner": normalize_kommunenummer,
    "fylker": _normalize_fylkesnummer,
}


@dataclass(frozen=True)
class CodeChecker:
    name: CodeListName
    versions: tuple[CodeList, ...]
    # Every code of every version in one set: validation asks once per code field per record.
    _codes: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        codes = frozenset(code for version in self.versions for code in version.concepts)
        object.__setattr__(self, "_codes", codes)

    def normalize(self, value: str) -> str | None:
        """The canonical form of ``value`` when it names a code of any version, else ``None``.

        "e840" gives "E84.0": the caller compares with the input to tell a code written
        loosely from a code that does not exist.
        """
        canonical = _SYNTAX[self.name](value)
        if canonical is None:
            return None
        return canonical if canonical in self._codes else None

    def label(self, code: str, lang: str = "nb") -> str:
        for version in reversed(self.versions):
            if code in version:
                return version.label(code, lang)
        return code


def get_codelist(name: CodeListName) -> CodeChecker:
    """The checker for one list (built once; raises ``CodeListError`` if it cannot be read)."""
    return _checker(name)


@cache
def _checker(name: CodeListName) -> CodeChecker:
    return CodeChecker(name, tuple(default_store().versions(name)))


def municipality_valid_on(code: str, day: date) -> bool:
    """Whether ``code`` was a municipality number in force on ``day``.

    A day before the first shipped list is judged by the earliest list: registrations cannot
    predate this client, and an answer from the nearest list beats refusing every record.
    """
    return code in municipalities_on(day)


@lru_cache(maxsize=4096)
def municipalities_on(day: date) -> CodeList:
    """The list judging ``day``; asked once per record, for a few thousand distinct days."""
    store = default_store()
    try:
        return store.get("kommuner", on=day)
    except NoVersionInForceError:
        return store.versions("kommuner")[0]
