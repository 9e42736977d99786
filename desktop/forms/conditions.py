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

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


class ConditionError(ValueError):
    """A condition in a form definition is malformed (a definition bug, not user input).

    ``where`` and ``reason`` are kept apart so the definition loader can put the place
    inside the condition after the place of the condition in its file."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


def is_filled(value: Any) -> bool:
    """Whether a payload value counts as filled in (empty strings and lists do not)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | dict):
        return bool(value)
    return True


#: A compiled condition: whether it holds for a container known to be a mapping.
Test = Callable[[Mapping[str, Any]], bool]
_NO_VALUES: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Condition:
    """One parsed condition; ``evaluate`` takes the container holding the fields it names."""

    op: str
    field: str | None = None
    values: tuple[Any, ...] = ()
    children: tuple[Condition, ...] = ()

    @functools.cached_property
    def test(self) -> Test:
        """The condition compiled once into a closure over a mapping (the operator is
        dispatched here, not per evaluation): what ``evaluate`` and the validator run."""
        return _compile(self)

    def evaluate(self, container: Mapping[str, Any] | Any) -> bool:
        """Whether the condition holds; a container that is no mapping has no values."""
        return self.test(container if isinstance(container, Mapping) else _NO_VALUES)

    def referenced_fields(self) -> frozenset[str]:
        """The sibling keys this condition reads, so a UI knows when to re-evaluate it."""
        if self.field is not None:
            return frozenset({self.field})
        names: set[str] = set()
        for child in self.children:
            names |= child.referenced_fields()
        return frozenset(names)

    def __getstate__(self) -> dict[str, Any]:
        # The compiled closure is rebuilt on demand, not pickled or copied.
        state = dict(self.__dict__)
        state.pop("test", None)
        return state


def _compile(condition: Condition) -> Test:
    op, key, values = condition.op, condition.field, condition.values
    if op in ("all", "any", "not"):
        tests = tuple(child.test for child in condition.children)
        if op == "all":
            return lambda container: all(test(container) for test in tests)
        if op == "any":
            return lambda container: any(test(container) for test in tests)
        return lambda container: not tests[0](container)
    if key is None:  # pragma: no cover - parse_condition gives every leaf a field
        raise AssertionError(f"condition {op!r} names no field")
    if op == "filled":
        wanted = bool(values[0])
        return lambda container: is_filled(container.get(key)) == wanted
    if op == "equals":
        expected = values[0]
        return lambda container: _hashable(value := container.get(key)) and value == expected
    if op == "in":
        return lambda container: _hashable(value := container.get(key)) and value in values
    if op == "contains_any":
        return lambda container: (
            isinstance(value := container.get(key), list)
            and any(_hashable(item) and item in values for item in value)
        )
    raise AssertionError(f"unhandled condition operator {op}")


def _hashable(value: Any) -> bool:
    """What conditions compare: scalars only."""
    return value is None or isinstance(value, str | int | float | bool)


_LEAF_OPS = ("equals", "in", "contains_any", "filled")


def parse_condition(raw: Any, where: str) -> Condition:
    """Parse the JSON form of a condition; ``where`` names its place for error messages."""
    if not isinstance(raw, Mapping):
        raise ConditionError(where, "a condition must be a JSON object")
    for op in ("all", "any"):
        if op in raw:
            items = raw[op]
            if not isinstance(items, list) or not items:
                raise ConditionError(where, f"'{op}' needs a non-empty list of conditions")
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
        raise ConditionError(where, "a condition needs 'field' (a sibling key) or all/any/not")
    ops = [op for op in _LEAF_OPS if op in raw]
    if len(ops) != 1:
        raise ConditionError(where, f"use exactly one of {', '.join(_LEAF_OPS)}")
    op = ops[0]
    arg = raw[op]
    if op in ("in", "contains_any"):
        if not isinstance(arg, list) or not arg:
            raise ConditionError(where, f"'{op}' needs a non-empty list")
        return Condition(op=op, field=field, values=tuple(arg))
    if op == "filled" and not isinstance(arg, bool):
        raise ConditionError(where, "'filled' takes true or false")
    return Condition(op=op, field=field, values=(arg,))
