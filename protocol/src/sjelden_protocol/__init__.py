"""The batch protocol: the one implementation of envelopes, receipts, feedback and
signed requests, shared by the desktop sync client, the staff import and the inbox server.

The contract is docs/protocol.md; tests/vectors/ pins its bytes. A distribution of its own
(``sjelden-protocol``, pure Python on ``cryptography``) so the client, the staff mode and the
inbox share one implementation instead of copies, and the inbox installs without the desktop.
"""

from .canonical import canonical_json
from .envelope import (
    BatchHeader,
    DecryptedBatch,
    Envelope,
    build_batch,
    decrypt_envelope,
    open_batch,
    parse_envelope,
    verify_envelope,
)
from .errors import (
    DecryptionError,
    InvalidRecordError,
    MalformedError,
    ProtocolError,
    SignatureError,
    StaleTimestampError,
    TooLargeError,
    TruncatedError,
    UnknownKeyError,
    UnsupportedVersionError,
    WrongRecipientError,
)
from .feedback import (
    Feedback,
    RecordDecision,
    open_reasons,
    parse_feedback,
    sign_feedback,
    verify_feedback,
)
from .keys import fingerprint, key_id
from .receipts import Receipt, ReceiptMismatchError, issue_receipt, parse_receipt, verify_receipt
from .request_auth import sign_request

#: the one place the version is written: pyproject.toml reads it (setuptools' dynamic version)
__version__ = "0.2.0"

__all__ = [
    "BatchHeader",
    "DecryptedBatch",
    "DecryptionError",
    "Envelope",
    "Feedback",
    "InvalidRecordError",
    "MalformedError",
    "ProtocolError",
    "Receipt",
    "ReceiptMismatchError",
    "RecordDecision",
    "SignatureError",
    "StaleTimestampError",
    "TooLargeError",
    "TruncatedError",
    "UnknownKeyError",
    "UnsupportedVersionError",
    "WrongRecipientError",
    "__version__",
    "build_batch",
    "canonical_json",
    "decrypt_envelope",
    "fingerprint",
    "issue_receipt",
    "key_id",
    "open_batch",
    "open_reasons",
    "parse_envelope",
    "parse_feedback",
    "parse_receipt",
    "sign_feedback",
    "sign_request",
    "verify_envelope",
    "verify_feedback",
    "verify_receipt",
]
