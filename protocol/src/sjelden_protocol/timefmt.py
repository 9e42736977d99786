"""The one timestamp format on the wire: RFC 3339 UTC with whole seconds and a ``Z``.

One format with one spelling keeps signed JSON canonical; sub-second precision buys nothing
for batches that travel for days.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from .errors import MalformedError

_PATTERN = re.compile(r"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")


def format_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware; pass datetime.now(UTC)")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: object, *, what: str) -> datetime:
    if not isinstance(text, str) or not _PATTERN.match(text):
        raise MalformedError(f"{what} must look like 2025-01-31T12:00:00Z (UTC, whole seconds)")
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError as exc:
        raise MalformedError(f"{what} is not a real calendar date and time") from exc


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
