"""Field-by-field differences between two revisions of a record, for the reviewer.

Paths use the validator's spelling (``patient.family_name``, ``diagnoses[0].orpha_code``), so
a change and an issue about the same field line up. ``record_id`` and ``revision`` are left
out: they identify the revisions rather than describe the patient. Values are returned to
the caller for display; nothing here logs or prints them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.staff.model import FieldChange

_SKIP = frozenset({"record_id", "revision"})
_MISSING = None


def _leaves(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, Mapping):
        if not value and path:
            out[path] = {}
        for key in sorted(value):
            if not path and key in _SKIP:
                continue
            _leaves(value[key], f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list):
        if not value and path:
            out[path] = []
        for index, element in enumerate(value):
            _leaves(element, f"{path}[{index}]", out)
    else:
        out[path] = value


def diff_payloads(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[FieldChange]:
    """Every leaf that differs, in path order; a missing side is ``None``."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    _leaves(old, "", before)
    _leaves(new, "", after)
    changes = []
    for path in sorted(before.keys() | after.keys()):
        a, b = before.get(path, _MISSING), after.get(path, _MISSING)
        if a != b or type(a) is not type(b):
            changes.append(FieldChange(path, a, b))
    return changes
