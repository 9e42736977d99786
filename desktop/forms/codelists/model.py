"""A code list as the rest of the app sees it: codes with labels, independent of file format.

Labels are kept per language because ORPHA and ICD-10 are published in English while the UI
speaks bokmål first; ``Concept.label`` falls back so a missing translation never shows a blank.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

FALLBACK_LANGUAGES = ("nb", "en")


@dataclass(frozen=True, slots=True, eq=False)
class Concept:
    code: str
    labels: Mapping[str, str]
    synonyms: tuple[str, ...] = ()
    attributes: Mapping[str, str] = field(default_factory=dict)

    def label(self, lang: str = "nb") -> str:
        for candidate in (lang, *FALLBACK_LANGUAGES):
            text = self.labels.get(candidate)
            if text:
                return text
        return self.code


def in_period(valid_from: date | None, valid_to: date | None, day: date) -> bool:
    """Whether ``day`` lies in ``[valid_from, valid_to)``; ``None`` leaves that end open."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day < valid_to)


@dataclass(frozen=True, slots=True, eq=False)
class CodeList:
    """One version of one code list, with where it came from and when it is in force.

    ``valid_from``/``valid_to`` bound the version in time (``valid_to`` exclusive; ``None``
    means open-ended), so a registration can be checked against the list that was in force
    on its registration date rather than today's.
    """

    id: str
    version: str
    title: Mapping[str, str]
    source: str
    licence: str
    concepts: Mapping[str, Concept]
    system: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def __contains__(self, code: object) -> bool:
        return code in self.concepts

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, code: str) -> Concept | None:
        return self.concepts.get(code)

    def in_force_on(self, day: date) -> bool:
        return in_period(self.valid_from, self.valid_to, day)

    def label(self, code: str, lang: str = "nb") -> str:
        concept = self.concepts.get(code)
        return concept.label(lang) if concept is not None else code
