"""Canonical JSON: the exact bytes that signatures cover.

Signed objects are restricted to objects, arrays, strings, booleans, null and integers in
the IEEE-754 safe range, with ASCII keys. Within that subset the encoding below (sorted
keys, no whitespace, UTF-8, minimal escapes) is byte-identical to RFC 8785 (JCS), so an
independent implementation can use any JCS library. Floats are refused rather than
canonicalised because their text form is where implementations disagree.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import MalformedError

JsonValue = Any
MAX_SAFE_INTEGER = 2**53 - 1


def _check(value: JsonValue, depth: int = 0) -> None:
    if depth > 32:
        raise MalformedError("JSON nesting is deeper than 32 levels; flatten the object")
    if value is None or isinstance(value, bool | str):
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise MalformedError(
                    "a string holds an unpaired surrogate; send valid Unicode text"
                ) from exc
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise MalformedError("an integer is outside ±(2^53-1); send it as a string")
        return
    if isinstance(value, float):
        raise MalformedError("floats are not allowed in signed JSON; use integers or strings")
    if isinstance(value, list | tuple):
        for item in value:
            _check(item, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii():
                raise MalformedError("object keys in signed JSON must be ASCII strings")
            _check(item, depth + 1)
        return
    raise MalformedError(f"type {type(value).__name__} cannot be encoded as signed JSON")


def canonical_json(value: JsonValue) -> bytes:
    """Encode ``value`` canonically; raise ``MalformedError`` outside the allowed subset."""
    _check(value)
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise MalformedError(f"duplicate JSON key {key!r}; each key may appear once")
        result[key] = value
    return result


def _no_float(text: str) -> Any:
    raise MalformedError("floats are not allowed in signed JSON; use integers or strings")


def _no_constant(text: str) -> Any:
    raise MalformedError(f"{text} is not valid JSON")


def parse_json(data: bytes, *, what: str) -> JsonValue:
    """Strictly parse UTF-8 JSON: no duplicate keys, floats, NaN or invalid text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedError(f"{what} is not valid UTF-8") from exc
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_float=_no_float,
            parse_constant=_no_constant,
        )
    except RecursionError as exc:
        raise MalformedError(f"{what} is nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise MalformedError(f"{what} is not valid JSON: {exc.msg} at byte {exc.pos}") from exc
    except ValueError as exc:  # e.g. an integer literal with thousands of digits
        raise MalformedError(f"{what} is not acceptable JSON: {exc}") from exc
    return value


def parse_canonical(data: bytes, *, what: str) -> JsonValue:
    """Parse JSON and insist it is already canonical, so one object has one byte form."""
    value = parse_json(data, what=what)
    if canonical_json(value) != data:
        raise MalformedError(
            f"{what} is not in canonical JSON form (sorted keys, no whitespace, RFC 8785)",
            code="not_canonical",
        )
    return value
