"""The error answer every 4xx (and 503) shares, and the status for each protocol code."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from sjelden_protocol.errors import ProtocolError


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable reason, see docs/protocol.md")
    message: str = Field(description="What is wrong and how to fix it, in English")


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


_STATUS = {
    "too_large": 413,
    "bad_signature": 401,
    "unknown_key": 401,
    "stale_timestamp": 401,
    "missing_signature": 401,
    "wrong_audience": 401,
    "wrong_recipient": 422,
    "invalid_record": 422,
}


def from_protocol(error: ProtocolError) -> ApiError:
    return ApiError(_STATUS.get(error.code, 400), error.code, error.message)


_DESCRIPTIONS = {
    400: "Malformed input (framing, encoding, header fields)",
    401: "Unknown key, bad signature, stale timestamp, replayed nonce or wrong audience",
    403: "The key is known but not allowed (pending approval, revoked, not staff)",
    404: "No such object (or not visible to this key)",
    409: "The id is already used for different content",
    410: "Acknowledged and deleted after the retention period (the batch id stays known)",
    413: "The body is larger than the server accepts",
    422: "Well-formed but invalid request",
    429: "Rate limit exceeded; retry after the Retry-After seconds",
    503: "Storage temporarily unavailable; retry later",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {
        status: {"model": ErrorBody, "description": _DESCRIPTIONS[status]}
        for status in sorted({400, 404, 413, 422, 503, *statuses})
    }
