"""Typo-tolerant word lookup: which vocabulary words lie within a small edit distance.

Comparing a query word with every vocabulary word costs tens of milliseconds in Python, too
slow for results-as-you-type, so this uses the symmetric-deletion idea (SymSpell): words are
indexed under every form with one letter deleted, the query is expanded by up to two
deletions, and only the few words that share a form are checked with a real distance.
"""

from __future__ import annotations

from collections.abc import Iterable


def allowed_distance(word: str) -> int:
    """Short words tolerate no typo (too many false friends), longer ones one or two."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a transposition is one edit), or ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        row_min = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class FuzzyVocabulary:
    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._index: dict[str, list[str]] = {}
        for word in vocabulary:
            if len(word) < 3:
                continue
            self._index.setdefault(word, []).append(word)
            for form in _deletions(word):
                self._index.setdefault(form, []).append(word)

    def near(self, word: str) -> dict[str, int]:
        """Vocabulary words within ``allowed_distance(word)`` of ``word``, with their distance."""
        limit = allowed_distance(word)
        if limit == 0:
            return {}
        forms = {word} | _deletions(word)
        if limit > 1:
            forms |= {d for form in list(forms) for d in _deletions(form)}
        found: dict[str, int] = {}
        for form in forms:
            for candidate in self._index.get(form, ()):
                if candidate not in found:
                    found[candidate] = osa_distance(word, candidate, limit)
        return {w: d for w, d in found.items() if d <= limit}
