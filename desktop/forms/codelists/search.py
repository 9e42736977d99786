"""Diagnosis search over ORPHA and ICD-10: by code, name, synonym, word prefix, and with typos.

Results come in tiers: exact code, then code prefix, then names starting with the query, then
names whose words start with every query word, then names matched only with typo tolerance.
Within a tier, a main label beats a synonym, and a short (more general) name beats a long one.

Everything a query needs is precomputed at construction (sorted names, word postings, a
deletion index for typos), so one query is a handful of set operations and bisections: the
search runs on every keystroke in the GUI thread. Build the index once, off the GUI thread.
"""

from __future__ import annotations

import bisect
import enum
import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from desktop.forms.codelists.codes import (
    normalize_icd10,
    normalize_kommunenummer,
    normalize_orpha,
)
from desktop.forms.codelists.fuzzy import FuzzyVocabulary
from desktop.forms.codelists.model import CodeList, Concept
from desktop.forms.codelists.store import default_store
from desktop.forms.codelists.text import fold

DEFAULT_LIMIT = 20
# ORPHA entries Orphanet made inactive (see checks.INACTIVE_STATUSES)
_INACTIVE = frozenset({"obsolete", "deprecated", "inactive"})
_ICD10_PREFIX = re.compile(r"^\s*([A-Za-z][0-9]{1,2})(?:\s*\.?\s*([0-9]{0,2}))?\s*$")
_DIGITS = re.compile(r"^\s*(?:orpha(?:code)?\s*:?\s*)?([0-9]{1,7})\s*$", re.IGNORECASE)


class MatchKind(enum.IntEnum):
    """How a hit matched; lower values rank higher."""

    EXACT_CODE = 0
    CODE_PREFIX = 1
    NAME_PREFIX = 2
    WORD = 3
    FUZZY = 4


@dataclass(frozen=True, slots=True)
class Hit:
    list_id: str
    code: str
    label: str
    matched: str
    """The name or synonym that matched (the label again for a code match)."""
    kind: MatchKind


@dataclass(frozen=True, slots=True)
class _Name:
    concept: int
    text: str
    folded: str


class DiagnosisSearch:
    def __init__(self, lists: Sequence[CodeList]) -> None:
        self._lists = list(lists)
        self._concepts: list[tuple[int, Concept]] = []
        self._by_code: dict[str, int] = {}
        names: list[tuple[tuple[int, int, int, int], _Name]] = []
        for list_pos, codelist in enumerate(self._lists):
            for concept in codelist:
                index = len(self._concepts)
                self._concepts.append((list_pos, concept))
                self._by_code.setdefault(concept.code, index)
                if concept.attributes.get("status") in _INACTIVE:
                    continue  # found by its code (to read an old record), not by its name
                seen: set[str] = set()
                texts = [(t, 0) for t in concept.labels.values()] + [
                    (s, 1) for s in concept.synonyms
                ]
                for text, is_synonym in texts:
                    folded = fold(text)
                    if folded and folded not in seen:
                        seen.add(folded)
                        key = (is_synonym, len(folded), list_pos, index)
                        names.append((key, _Name(index, text, folded)))
        # A name's position in this order is its rank within a tier.
        names.sort(key=lambda item: item[0])
        self._names = [name for _, name in names]
        self._sorted_folded = sorted((n.folded, i) for i, n in enumerate(self._names))
        self._folded_keys = [f for f, _ in self._sorted_folded]
        self._word_postings: dict[str, set[int]] = {}
        for i, name in enumerate(self._names):
            for word in name.folded.split():
                self._word_postings.setdefault(word, set()).add(i)
        self._vocabulary = sorted(self._word_postings)
        self._fuzzy = FuzzyVocabulary(self._vocabulary)
        codes = sorted((_code_key(c.code), i) for i, (_, c) in enumerate(self._concepts))
        self._code_keys = [k for k, _ in codes]
        self._code_order = [i for _, i in codes]
        self._prefix_postings = lru_cache(maxsize=4096)(self._compute_prefix_postings)
        for first in {word[0] for word in self._vocabulary}:
            self._prefix_postings(first)  # the largest unions, needed on the first keystroke

    def __len__(self) -> int:
        return len(self._concepts)

    def search(self, query: str, *, limit: int = DEFAULT_LIMIT, lang: str = "nb") -> list[Hit]:
        hits: list[Hit] = []
        taken: set[int] = set()

        def take(concept_index: int, kind: MatchKind, matched: str | None = None) -> bool:
            if concept_index not in taken:
                taken.add(concept_index)
                concept = self._concepts[concept_index][1]
                label = concept.label(lang)
                list_id = self._lists[self._concepts[concept_index][0]].id
                hits.append(Hit(list_id, concept.code, label, matched or label, kind))
            return len(hits) >= limit

        if limit <= 0 or not query.strip():
            return hits
        exact, prefixed = self._code_matches(query)
        for index in exact:
            if take(index, MatchKind.EXACT_CODE):
                return hits
        for index in prefixed:
            if take(index, MatchKind.CODE_PREFIX):
                return hits
        folded = fold(query)
        tokens = folded.split()
        if not tokens:
            return hits
        for name_index in self._name_prefix(folded, limit):
            name = self._names[name_index]
            if take(name.concept, MatchKind.NAME_PREFIX, name.text):
                return hits
        for name_index in self._word_matches(tokens, limit):
            name = self._names[name_index]
            if take(name.concept, MatchKind.WORD, name.text):
                return hits
        for name_index in self._fuzzy_matches(tokens, limit - len(hits), taken):
            name = self._names[name_index]
            if take(name.concept, MatchKind.FUZZY, name.text):
                return hits
        return hits

    # --- tiers -------------------------------------------------------------------------------

    def _code_matches(self, query: str) -> tuple[list[int], list[int]]:
        exact: list[int] = []
        prefixed: list[int] = []
        keys: list[str] = []
        orpha = normalize_orpha(query)
        icd10 = normalize_icd10(query)
        kommune = normalize_kommunenummer(query)
        for code in (orpha, icd10, kommune):
            if code is not None and code in self._by_code:
                exact.append(self._by_code[code])
        digits = _DIGITS.match(query)
        if digits:
            keys.append(_code_key(f"ORPHA:{digits.group(1)}"))
            if len(digits.group(1)) <= 4 and digits.group(0).strip().isdigit():
                keys.append(digits.group(1))  # a municipality number being typed
        icd = _ICD10_PREFIX.match(query)
        if icd:
            keys.append(_code_key(icd.group(1).upper() + (icd.group(2) or "")))
        for key in keys:
            start = bisect.bisect_left(self._code_keys, key)
            end = bisect.bisect_left(self._code_keys, key + "\uffff", lo=start)
            ordered = sorted(self._code_order[start:end], key=self._code_length)
            prefixed.extend(i for i in ordered if i not in exact)
        return exact, prefixed

    def _code_length(self, concept_index: int) -> tuple[int, str]:
        code = self._concepts[concept_index][1].code
        return len(code), code

    def _name_prefix(self, folded: str, limit: int) -> Iterator[int]:
        # An exact name first, then names going on with a new word ("down syndrome" for
        # "down"), then the rest ("downstream ..."). In the sorted names these are three
        # consecutive runs, because a space sorts before every letter and digit.
        keys = self._folded_keys
        start = bisect.bisect_left(keys, folded)
        exact_end = bisect.bisect_right(keys, folded, lo=start)
        spaced_end = bisect.bisect_left(keys, folded + " \uffff", lo=exact_end)
        end = bisect.bisect_left(keys, folded + "\uffff", lo=spaced_end)
        for run_start, run_end in ((start, exact_end), (exact_end, spaced_end), (spaced_end, end)):
            run = {self._sorted_folded[i][1] for i in range(run_start, run_end)}
            yield from _in_rank_order(run, limit)

    def _word_matches(self, tokens: list[str], limit: int) -> Iterator[int]:
        # Names where every token is a whole word first; ``take`` skips repeats, so the
        # prefix matches need not exclude them (a costly difference of large sets).
        yield from _in_rank_order(
            _intersect(self._word_postings.get(t, set()) for t in tokens), limit
        )
        yield from _in_rank_order(_intersect(self._prefix_postings(t) for t in tokens), limit)

    def _fuzzy_matches(self, tokens: list[str], wanted: int, taken: set[int]) -> list[int]:
        """Names where every token matches a word, at least one of them only with a typo."""
        if wanted <= 0:
            return []
        typo_distances: list[dict[int, int]] = []
        for token in tokens:
            distances: dict[int, int] = {}
            # A token that starts some word is most likely being typed, not mistyped; giving
            # it typo tolerance too would flood the results ("mand" is one edit from "and").
            near = {} if self._prefix_postings(token) else self._fuzzy.near(token)
            for word, distance in near.items():
                for name_index in self._word_postings[word]:
                    if distances.get(name_index, distance + 1) > distance:
                        distances[name_index] = distance
            typo_distances.append(distances)
        candidates = set().union(*typo_distances)
        scored: list[tuple[int, int]] = []
        for name_index in candidates:
            if self._names[name_index].concept in taken:
                continue
            total = 0
            for token, distances in zip(tokens, typo_distances, strict=True):
                if name_index in self._prefix_postings(token):
                    continue  # an exact prefix match costs nothing
                if name_index not in distances:
                    break
                total += distances[name_index]
            else:
                scored.append((total, name_index))
        # A few extra, since several names of one concept collapse into one hit.
        return [i for _, i in heapq.nsmallest(wanted * 4, scored)]

    def _compute_prefix_postings(self, prefix: str) -> frozenset[int]:
        start = bisect.bisect_left(self._vocabulary, prefix)
        end = bisect.bisect_left(self._vocabulary, prefix + "\uffff", lo=start)
        found: set[int] = set()
        for word in self._vocabulary[start:end]:
            found |= self._word_postings[word]
        return frozenset(found)


def _code_key(code: str) -> str:
    return code.upper().replace(".", "")


def _in_rank_order(ids: set[int], limit: int) -> Iterator[int]:
    """``sorted(ids)``, lazily: a query usually needs only the first ``limit`` concepts."""
    head_size = 4 * limit  # several names of one concept may collapse into one hit
    if len(ids) <= head_size:
        yield from sorted(ids)
        return
    head = heapq.nsmallest(head_size, ids)
    yield from head
    yield from sorted(i for i in ids if i > head[-1])


def _intersect(sets: Iterable[set[int] | frozenset[int]]) -> set[int]:
    ordered = sorted(sets, key=len)
    if not ordered:
        return set()
    result = set(ordered[0])
    for other in ordered[1:]:
        result &= other
        if not result:
            break
    return result


@cache
def default_search(lists: tuple[str, ...] = ("orpha", "icd10")) -> DiagnosisSearch:
    """The search over the newest shipped versions of ``lists`` (built once per process)."""
    store = default_store()
    return DiagnosisSearch([store.get(list_id) for list_id in lists])
