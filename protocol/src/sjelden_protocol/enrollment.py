"""Enrollment requests: an installation presents its public key with a one-time code.

The request is signed by the key being enrolled (proof of possession), and the signature
covers the code, so a code seen in transit cannot be reused to enroll a different key.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import crockford
from .errors import MalformedError
from .keys import b64decode, b64encode, ed25519_public_from_raw, raw_public
from .signing import sign_document, verify_document

ENROLL_DOMAIN = b"sjelden/enroll/v1\x00"
MAX_LABEL_CHARS = 200


@dataclass(frozen=True, slots=True)
class EnrollmentRequest:
    code: str
    label: str
    public_key: Ed25519PublicKey


def normalise_code(code: str) -> str:
    """Codes are read aloud and typed by hand: case, separators and look-alikes do not matter
    (``crockford.normalise``), so the signature covers what the inbox will look up."""
    return crockford.normalise(code)


def _body(code: str, label: str, public_key_b64: str) -> dict[str, Any]:
    return {
        "code": normalise_code(code),
        "label": label,
        "public_key": public_key_b64,
        "type": "sjelden.enroll",
        "version": 1,
    }


def build_enrollment(key: Ed25519PrivateKey, code: str, label: str) -> dict[str, Any]:
    public_b64 = b64encode(raw_public(key.public_key()))
    body = _body(code, label, public_b64)
    return {
        # Sent normalised, so an inbox of an earlier version (which did not read look-alikes)
        # checks the signature over the same code the client signed.
        "code": normalise_code(code),
        "label": label,
        "public_key": public_b64,
        "proof": sign_document(ENROLL_DOMAIN, body, key),
    }


#: Unicode categories that must never reach a screen from a label: controls (a newline could
#: fake a line in `devices list`), format characters (bidi overrides reorder what staff read
#: while comparing fingerprints), line/paragraph separators, surrogates and private use.
_UNSHOWABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
_REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def label_problem(label: str) -> str | None:
    if len(label) > MAX_LABEL_CHARS or not label.strip():
        return f"label must be 1-{MAX_LABEL_CHARS} characters"
    if any(unicodedata.category(char) in _UNSHOWABLE for char in label):
        return "label must not hold control or bidirectional formatting characters"
    return None


def display_label(label: str) -> str:
    """A label as it may be shown: each unshowable character becomes U+FFFD, visibly.

    New enrollments are refused such labels (``verify_enrollment``); this guards every place
    a label is printed, for labels stored before that check or arriving another way."""
    return "".join(
        _REPLACEMENT if unicodedata.category(char) in _UNSHOWABLE else char
        for char in label[:MAX_LABEL_CHARS]
    )


def verify_enrollment(code: str, label: str, public_key: str, proof: str) -> EnrollmentRequest:
    problem = label_problem(label)
    if problem is not None:
        raise MalformedError(problem)
    key = ed25519_public_from_raw(b64decode(public_key, what="public_key", length=32))
    verify_document(ENROLL_DOMAIN, _body(code, label, public_key), proof, key, what="enrollment")
    return EnrollmentRequest(code=normalise_code(code), label=label, public_key=key)
