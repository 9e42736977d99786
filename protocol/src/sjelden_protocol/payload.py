"""The sealed payload: a JSON array of records, zlib-compressed.

Decompression is capped by the length the (signed) header declares, so a small ciphertext
cannot expand into gigabytes (zip-bomb defence) and the receiver knows the memory it needs
before it starts.
"""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import InvalidRecordError, MalformedError, TooLargeError
from .limits import (
    MAX_FORM_ID_CHARS,
    MAX_FORM_VERSION,
    MAX_PLAINTEXT_BYTES,
    MAX_RECORDS_PER_BATCH,
    MAX_REVISION,
)

Record = dict[str, Any]


def canonical_uuid(value: object, *, what: str) -> str:
    """Accept only the lowercase hyphenated uuid spelling so one id has one form."""
    if not isinstance(value, str):
        raise MalformedError(f"{what} must be a uuid string")
    try:
        parsed = uuid.UUID(value)
    except ValueError as exc:
        raise MalformedError(f"{what} is not a valid uuid") from exc
    if str(parsed) != value:
        raise MalformedError(f"{what} must be a lowercase hyphenated uuid, e.g. {parsed}")
    return value


def check_record(record: object, index: int) -> Record:
    """Check the few fields the protocol relies on; the rest is the form's business."""
    where = f"record #{index}"
    if not isinstance(record, dict):
        raise InvalidRecordError(f"{where} is not a JSON object")
    try:
        canonical_uuid(record.get("record_id"), what=f"{where} record_id")
    except MalformedError as exc:
        raise InvalidRecordError(exc.message) from exc
    revision = record.get("revision")
    if (
        isinstance(revision, bool)
        or not isinstance(revision, int)
        or not 1 <= revision <= MAX_REVISION
    ):
        raise InvalidRecordError(f"{where} revision must be an integer from 1 to {MAX_REVISION}")
    form = record.get("form")
    if (
        not isinstance(form, dict)
        or not isinstance(form.get("id"), str)
        or not 0 < len(form["id"]) <= MAX_FORM_ID_CHARS
        or isinstance(form.get("version"), bool)
        or not isinstance(form.get("version"), str | int)
    ):
        raise InvalidRecordError(
            f"{where} form must be an object with a string id (at most {MAX_FORM_ID_CHARS} "
            "characters) and a version"
        )
    version = form["version"]
    if isinstance(version, int) and not 0 <= version <= MAX_FORM_VERSION:
        raise InvalidRecordError(f"{where} form version must be from 0 to {MAX_FORM_VERSION}")
    if isinstance(version, str) and not 0 < len(version) <= MAX_FORM_ID_CHARS:
        raise InvalidRecordError(f"{where} form version must be 1-{MAX_FORM_ID_CHARS} characters")
    return record


def check_records(records: Sequence[object]) -> list[Record]:
    if len(records) > MAX_RECORDS_PER_BATCH:
        raise TooLargeError(
            f"a batch holds at most {MAX_RECORDS_PER_BATCH} records, got {len(records)}; "
            "split it into several batches"
        )
    checked = [check_record(record, index) for index, record in enumerate(records)]
    seen: set[str] = set()
    for record in checked:
        if record["record_id"] in seen:
            raise InvalidRecordError(
                f"record_id {record['record_id']} appears twice; send one revision per batch"
            )
        seen.add(record["record_id"])
    return checked


def encode_records(records: Sequence[Mapping[str, Any]]) -> bytes:
    try:
        return json.dumps(
            list(records),
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
            allow_nan=False,
        ).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise InvalidRecordError(f"records cannot be encoded as JSON: {exc}") from exc


def compress(plaintext: bytes, level: int = 6) -> bytes:
    return zlib.compress(plaintext, level)


def decompress(data: bytes, expected_length: int) -> bytes:
    if expected_length > MAX_PLAINTEXT_BYTES:
        raise TooLargeError(
            f"payload declares {expected_length} bytes; limit {MAX_PLAINTEXT_BYTES}"
        )
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, expected_length + 1)
    except zlib.error as exc:
        raise MalformedError("payload is not valid zlib data") from exc
    if len(out) != expected_length or not inflater.eof or inflater.unconsumed_tail:
        raise MalformedError(
            "payload length does not match plaintext_length in the header", code="length_mismatch"
        )
    if inflater.unused_data:
        raise MalformedError("payload has bytes after the zlib stream")
    return out


def _reject_constant(text: str) -> Any:
    raise MalformedError(f"payload holds {text}, which is not valid JSON")


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise MalformedError("payload holds an object with a duplicate key")
    return result


def decode_records(plaintext: bytes) -> list[Record]:
    try:
        value = json.loads(
            plaintext.decode("utf-8"),
            object_pairs_hook=_reject_duplicates,
            parse_constant=_reject_constant,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise MalformedError("payload is not a valid UTF-8 JSON array") from exc
    if not isinstance(value, list):
        raise MalformedError("payload must be a JSON array of records")
    return check_records(value)
