"""Conditions that make a field required or visible, written as data in a form definition.

The definition must stay data (one definition drives the UI, the validator and the registry
import), so conditions are a tiny JSON vocabulary instead of code. A condition looks at a
sibling field in the same container (the same section, group or repeated item):

    {"field": "vital_status", "equals": "dod"}
    {"field": "onset", "in": ["alder"]}
    {"field": "basis", "contains_any": ["molekylaergenetisk", "cytogenetisk"]}
    {"field": "hgvs", "filled": true}
    {"all": [...]}, {"any": [...]}, {"not": {...}}

Evaluation never raises: a malformed payload simply makes a condition false.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class ConditionError(ValueError):
    """A condition in a form definition is malformed (a definition bug, not user input)."""


def is_filled(value: Any) -> bool:
    """Whether a payload value counts as filled in (empty strings and lists do not)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | dict):
        return bool(value)
    return True


@dataclass(frozen=True)
class Condition:
    """One parsed condition; ``evaluate`` takes the container holding the fields it names."""

    op: str
    field: str | None = None
    values: tuple[Any, ...] = ()
    children: tuple[Condition, ...] = ()

    def evaluate(self, container: Mapping[str, Any] | Any) -> bool:
        if self.op == "all":
            return all(child.evaluate(container) for child in self.children)
        if self.op == "any":
            return any(child.evaluate(container) for child in self.children)
        if self.op == "not":
            return not self.children[0].evaluate(container)
        value = (
            container.get(self.field)
            if isinstance(container, Mapping) and self.field is not None
            else None
        )
        if self.op == "filled":
            return is_filled(value) == bool(self.values[0])
        if self.op == "equals":
            return _hashable(value) and value == self.values[0]
        if self.op == "in":
            return _hashable(value) and value in self.values
        if self.op == "contains_any":
            return isinstance(value, list) and any(
                _hashable(item) and item in self.values for item in value
            )
        raise AssertionError(f"unhandled condition operator {self.op}")

    def referenced_fields(self) -> frozenset[str]:
        """The sibling keys this condition reads, so a UI knows when to re-evaluate it."""
        if self.field is not None:
            return frozenset({self.field})
        names: set[str] = set()
        for child in self.children:
            names |= child.referenced_fields()
        return frozenset(names)


def _hashable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None


_LEAF_OPS = ("equals", "in", "contains_any", "filled")


def parse_condition(raw: Any, where: str) -> Condition:
    """Parse the JSON form of a condition; ``where`` names its place for error messages."""
    if not isinstance(raw, Mapping):
        raise ConditionError(f"{where}: a condition must be a JSON object")
    for op in ("all", "any"):
        if op in raw:
            items = raw[op]
            if not isinstance(items, list) or not items:
                raise ConditionError(f"{where}: '{op}' needs a non-empty list of conditions")
            return Condition(
                op=op,
                children=tuple(
                    parse_condition(item, f"{where}.{op}[{i}]") for i, item in enumerate(items)
                ),
            )
    if "not" in raw:
        return Condition(op="not", children=(parse_condition(raw["not"], f"{where}.not"),))
    field = raw.get("field")
    if not isinstance(field, str) or not field:
        raise ConditionError(f"{where}: a condition needs 'field' (a sibling key) or all/any/not")
    ops = [op for op in _LEAF_OPS if op in raw]
    if len(ops) != 1:
        raise ConditionError(f"{where}: use exactly one of {', '.join(_LEAF_OPS)}")
    op = ops[0]
    arg = raw[op]
    if op in ("in", "contains_any"):
        if not isinstance(arg, list) or not arg:
            raise ConditionError(f"{where}: '{op}' needs a non-empty list")
        return Condition(op=op, field=field, values=tuple(arg))
    if op == "filled" and not isinstance(arg, bool):
        raise ConditionError(f"{where}: 'filled' takes true or false")
    return Condition(op=op, field=field, values=(arg,))
