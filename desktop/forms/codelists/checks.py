"""The two questions validation asks of the code lists: is this a code, and was it in force.

Kept apart from the lookups so the validator depends on a small surface: ``normalize`` says
whether a value names a code at all (in any version of the list, so an outdated municipality
gets the precise "not in force on that date" message rather than "unknown"), and
``municipality_valid_on`` answers the date rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property, lru_cache
from typing import Literal

from desktop.forms.codelists.codes import (
    normalize_icd10,
    normalize_kommunenummer,
    normalize_orpha,
)
from desktop.forms.codelists.model import CodeList, Concept
from desktop.forms.codelists.store import NoVersionInForceError, default_store

CodeListName = Literal["orpha", "icd10", "kommuner", "fylker", "omim", "hgnc"]

# ORPHA ``status`` values: an inactive entity of Orphanet's pack, or (HPO source) a code the
# newest release no longer annotates.
INACTIVE_STATUSES = frozenset({"obsolete", "deprecated", "inactive"})
DROPPED_STATUS = "dropped"


def _normalize_fylkesnummer(text: str) -> str | None:
    stripped = text.strip()
    return stripped if len(stripped) == 2 and stripped.isdigit() else None


def _normalize_omim(text: str) -> str | None:
    stripped = text.strip()
    return stripped if len(stripped) == 6 and stripped.isdigit() else None


def _normalize_symbol(text: str) -> str | None:
    stripped = text.strip()
    return stripped or None


_SYNTAX: dict[str, Callable[[str], str | None]] = {
    "orpha": normalize_orpha,
    "icd10": normalize_icd10,
    "kommuner": normalize_kommunenummer,
    "fylker": _normalize_fylkesnummer,
    "omim": _normalize_omim,
    "hgnc": _normalize_symbol,
}


@dataclass(frozen=True)
class CodeChecker:
    name: CodeListName
    versions: tuple[CodeList, ...]
    # Every code of every version in one set: validation asks once per code field per record.
    _codes: frozenset[str] = field(init=False, repr=False, compare=False)
    _alignments: dict[str, tuple[str, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

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

    def concept(self, code: str) -> Concept | None:
        """The code's entry in the newest version holding it."""
        for version in reversed(self.versions):
            found = version.get(code)
            if found is not None:
                return found
        return None

    def attribute(self, code: str, name: str) -> str:
        """One attribute of the code's newest entry ("" when absent)."""
        concept = self.concept(code)
        return concept.attributes.get(name, "") if concept is not None else ""

    @cached_property
    def subcategories(self) -> Mapping[str, tuple[str, ...]]:
        """ICD-10: category -> its subcategories, in code order (empty for other lists)."""
        found: dict[str, list[str]] = {}
        for code in sorted(self._codes):
            if len(code) > 3 and code[3] == ".":
                found.setdefault(code[:3], []).append(code)
        return {category: tuple(codes) for category, codes in found.items()}

    def aligned_icd10(self, code: str) -> tuple[str, ...]:
        """ORPHA: the ICD-10 codes the entry is aligned with (``icd10`` attribute, words of
        ``CODE`` or ``CODE:RELATION``)."""
        cached = self._alignments.get(code)
        if cached is None:
            words = self.attribute(code, "icd10").split()
            cached = tuple(word.split(":", 1)[0] for word in words)
            self._alignments[code] = cached
        return cached


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


def municipality_on(code: str, day: date) -> Concept | None:
    """The municipality's entry in the list judging ``day`` (its name and county then)."""
    return municipalities_on(day).get(code)


def describe_codes(codes: Iterable[str], subcategories: Mapping[str, tuple[str, ...]]) -> str:
    """ICD-10 codes for a message: every subcategory of a category as a range ("E84.0–E84.9"),
    otherwise the codes themselves ("E70.0, E70.1")."""
    ordered = list(dict.fromkeys(codes))
    parts: list[str] = []
    done: set[str] = set()
    for code in ordered:
        if code in done:
            continue
        category = code[:3]
        members = subcategories.get(category, ())
        if len(members) > 2 and set(members) <= set(ordered):
            parts.append(f"{members[0]}–{members[-1]}")
            done.update(members)
        else:
            parts.append(code)
            done.add(code)
    return ", ".join(parts)
