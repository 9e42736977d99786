"""Protocol errors with stable reason codes.

Every failure to build, parse, verify or open a protocol object raises one
``ProtocolError`` subclass. The ``code`` is part of the contract (docs/protocol.md): the
inbox server returns it in its 4xx answers and the desktop client maps it to a message,
so codes are never renamed, only added.
"""

from __future__ import annotations


class ProtocolError(Exception):
    """Base class; ``code`` is the stable machine-readable reason."""

    code = "protocol_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class MalformedError(ProtocolError):
    """The bytes are not a well-formed protocol object (fix the sender)."""

    code = "malformed"


class TruncatedError(MalformedError):
    code = "truncated"


class UnsupportedVersionError(ProtocolError):
    code = "unsupported_version"


class TooLargeError(ProtocolError):
    code = "too_large"


class SignatureError(ProtocolError):
    code = "bad_signature"


class UnknownKeyError(ProtocolError):
    code = "unknown_key"


class WrongRecipientError(ProtocolError):
    code = "wrong_recipient"


class DecryptionError(ProtocolError):
    code = "decryption_failed"


class InvalidRecordError(ProtocolError):
    code = "invalid_record"


class StaleTimestampError(ProtocolError):
    code = "stale_timestamp"


class WrongAudienceError(ProtocolError):
    """A signed request names another server (or none): it was not made for this one."""

    code = "wrong_audience"
