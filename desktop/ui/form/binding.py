"""The payload the form edits, and concrete paths into it.

A concrete path is a tuple of keys and list indexes, ``("diagnoses", 0, "omim")``; its text
form (``diagnoses[0].omim``) is the one the validator reports issues against, so a field
widget is found from an issue by that string. Empty values are removed rather than stored,
so a draft never holds ``""`` or ``[]`` and the stored record matches the record format.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

Path = tuple[str | int, ...]


def path_text(path: Path) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text = f"{text}.{part}" if text else part
    return text


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return not value
    return False


class Binder:
    """Owns the payload dict; every widget reads and writes through it."""

    def __init__(self, payload: Mapping[str, Any] | None = None) -> None:
        self.payload: dict[str, Any] = copy.deepcopy(dict(payload or {}))

    def reset(self, payload: Mapping[str, Any]) -> None:
        self.payload = copy.deepcopy(dict(payload))

    def snapshot(self) -> dict[str, Any]:
        return copy.deepcopy(self.payload)

    def get(self, path: Path, default: Any = None) -> Any:
        node: Any = self.payload
        for part in path:
            if isinstance(part, int):
                if not isinstance(node, list) or not 0 <= part < len(node):
                    return default
            elif not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node

    def container(self, path: Path) -> Mapping[str, Any]:
        found = self.get(path)
        return found if isinstance(found, Mapping) else {}

    def _parent(self, path: Path, create: bool) -> Any:
        node: Any = self.payload
        for part in path[:-1]:
            if isinstance(part, int):
                if not isinstance(node, list) or not 0 <= part < len(node):
                    return None
                if not isinstance(node[part], dict):
                    if not create:
                        return None
                    node[part] = {}
                node = node[part]
            else:
                child = node.get(part) if isinstance(node, dict) else None
                if not isinstance(child, dict | list):
                    if not create or not isinstance(node, dict):
                        return None
                    child = node[part] = {}
                node = child
        return node

    def set(self, path: Path, value: Any) -> None:
        """Store ``value`` at ``path`` (creating parent objects); empty values are removed."""
        if is_empty(value):
            self.remove(path)
            return
        parent = self._parent(path, create=True)
        key = path[-1]
        in_dict = isinstance(parent, dict) and isinstance(key, str)
        in_list = isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent)
        if in_dict or in_list:
            parent[key] = value

    def remove(self, path: Path) -> Any:
        parent = self._parent(path, create=False)
        key = path[-1]
        if isinstance(parent, dict) and isinstance(key, str):
            return parent.pop(key, None)
        return None

    # -- lists ------------------------------------------------------------------------------

    def items(self, path: Path) -> list[Any]:
        found = self.get(path)
        return found if isinstance(found, list) else []

    def append_item(self, path: Path) -> int:
        items = self.get(path)
        if not isinstance(items, list):
            items = []
            parent = self._parent(path, create=True)
            if isinstance(parent, dict) and isinstance(path[-1], str):
                parent[path[-1]] = items
        items.append({})
        return len(items) - 1

    def remove_item(self, path: Path, index: int) -> None:
        items = self.get(path)
        if isinstance(items, list) and 0 <= index < len(items):
            del items[index]
            if not items:
                self.remove(path)
