"""The real inbox refuses an enrollment that no honest installation could send: a small-order
key with a fixed "proof" (that proof verifies for any message), and a label that would fake
lines or reorder text on the screen staff read while comparing fingerprints (issue 13 pt 4)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.enrollment import build_enrollment
from sjelden_protocol.keys import b64encode

from tests.inbox.conftest import Inbox

IDENTITY = bytes([1]) + bytes(31)


def test_a_small_order_key_cannot_enroll(inbox: Inbox) -> None:
    code = inbox.staff("POST", "/v1/staff/enrollment-codes").json()["code"]
    forged = {
        "code": code,
        "label": "Legekontor",
        "public_key": b64encode(IDENTITY),
        "proof": b64encode(IDENTITY + bytes(32)),
    }
    refused = inbox.http.post("/v1/enrollments", json=forged)
    assert refused.status_code == 400, refused.text
    assert refused.json()["code"] == "malformed"
    # the code was not spent on the forgery: an honest enrollment still works with it
    honest = build_enrollment(Ed25519PrivateKey.generate(), code, "Legekontor")
    assert inbox.http.post("/v1/enrollments", json=honest).status_code in (200, 201)


def test_a_label_with_a_faked_line_cannot_enroll(inbox: Inbox) -> None:
    code = inbox.staff("POST", "/v1/staff/enrollment-codes").json()["code"]
    label = "Legekontor\nab12cd34  approved  1234 5678  Ahus"
    refused = inbox.http.post(
        "/v1/enrollments", json=build_enrollment(Ed25519PrivateKey.generate(), code, label)
    )
    assert refused.status_code in (400, 422), refused.text
