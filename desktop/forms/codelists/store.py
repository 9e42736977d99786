"""Loading the shipped code lists, and choosing the version in force on a given day.

The lists are data under ``resources/codelists/`` described by ``index.json``; nothing here
knows a particular list. A new municipality list (say after a reform) is a new CSV file and a
manifest entry with its ``valid_from``, and older registrations keep validating against the
list that was in force on their registration date.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import threading
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from desktop.forms.codelists.model import CodeList, Concept, in_period
from desktop.resources import Traversable, resource_path

SYNONYM_SEPARATOR = "|"
_LABEL_PREFIX = "label_"


class CodeListError(Exception):
    """The code lists are missing or malformed: an installation problem, not a user error."""


class UnknownCodeListError(CodeListError):
    def __init__(self, list_id: str, known: list[str]) -> None:
        super().__init__(f"No code list named {list_id!r}; known lists: {', '.join(known)}.")
        self.list_id = list_id


class NoVersionInForceError(CodeListError):
    """No version of a list covers the day asked for (e.g. a date before the first version)."""

    def __init__(self, list_id: str, day: date) -> None:
        super().__init__(f"No version of code list {list_id!r} is in force on {day.isoformat()}.")
        self.list_id = list_id
        self.day = day


def default_root() -> Traversable:
    return resource_path("codelists")


class CodeListStore:
    """All versions of all code lists under one directory, each loaded on first use."""

    def __init__(self, root: Traversable) -> None:
        self.root = root
        index_path = root / "index.json"
        try:
            index = json.loads(index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CodeListError(
                f"Cannot read the code-list index {index_path}: {exc}. "
                "Reinstall the application, or run tools/codelists/build.py in a source tree."
            ) from exc
        self._entries: dict[str, list[dict[str, Any]]] = {}
        self._loaded: dict[tuple[str, str], CodeList] = {}
        self._lock = threading.Lock()
        for entry in index["lists"]:
            self._entries.setdefault(entry["id"], []).append(entry)
        for list_id, entries in self._entries.items():
            entries.sort(key=lambda e: e.get("valid_from") or "")
            _check_no_overlap(list_id, entries)

    def ids(self) -> list[str]:
        return sorted(self._entries)

    def get(self, list_id: str, *, on: date | None = None) -> CodeList:
        """The version in force ``on`` a day, or the newest version when no day is given."""
        entries = self._entries.get(list_id)
        if entries is None:
            raise UnknownCodeListError(list_id, self.ids())
        if on is None:
            return self._load(entries[-1])
        # Newest first. The validator asks once per distinct day (checks.municipalities_on).
        for entry in reversed(entries):
            if in_period(_day(entry.get("valid_from")), _day(entry.get("valid_to")), on):
                return self._load(entry)
        raise NoVersionInForceError(list_id, on)

    def versions(self, list_id: str) -> list[CodeList]:
        if list_id not in self._entries:
            raise UnknownCodeListError(list_id, self.ids())
        return [self._load(entry) for entry in self._entries[list_id]]

    def _load(self, entry: Mapping[str, Any]) -> CodeList:
        key = (entry["id"], entry["version"])
        with self._lock:
            loaded = self._loaded.get(key)
            if loaded is None:
                loaded = _read_csv_list(self.root, entry)
                self._loaded[key] = loaded
            return loaded


@cache
def default_store() -> CodeListStore:
    """The lists shipped with the application (loaded once per process)."""
    return CodeListStore(default_root())


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _check_no_overlap(list_id: str, entries: list[dict[str, Any]]) -> None:
    for earlier, later in itertools.pairwise(entries):
        end, start = _day(earlier.get("valid_to")), _day(later.get("valid_from"))
        if end is None or start is None or start < end:
            raise CodeListError(
                f"Versions {earlier['version']} and {later['version']} of code list "
                f"{list_id!r} overlap in time: give the earlier one a valid_to no later than "
                "the later one's valid_from."
            )


def _read_csv_list(root: Traversable, entry: Mapping[str, Any]) -> CodeList:
    path = root / entry["file"]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CodeListError(f"Cannot read code list file {path}: {exc}.") from exc
    concepts: dict[str, Concept] = {}
    for row in csv.DictReader(io.StringIO(text)):
        labels = {
            k[len(_LABEL_PREFIX) :]: v for k, v in row.items() if k.startswith(_LABEL_PREFIX) and v
        }
        synonyms = tuple(s.strip() for s in (row.get("synonyms") or "").split(SYNONYM_SEPARATOR))
        attributes = {
            k: v
            for k, v in row.items()
            if v and k != "code" and k != "synonyms" and not k.startswith(_LABEL_PREFIX)
        }
        code = row["code"]
        if code in concepts:
            raise CodeListError(f"Code list file {path} repeats a code.")
        concepts[code] = Concept(code, labels, tuple(s for s in synonyms if s), attributes)
    return CodeList(
        id=entry["id"],
        version=entry["version"],
        title=entry.get("title", {}),
        source=entry["source"],
        licence=entry["licence"],
        concepts=concepts,
        system=entry.get("system"),
        valid_from=_day(entry.get("valid_from")),
        valid_to=_day(entry.get("valid_to")),
    )
