"""Keys no honest party could hold are refused at every boundary (issue 13 point 4).

For the Ed25519 identity point a fixed signature (R = identity, s = 0) verifies for every
message with ``cryptography`` itself (shown below), so an installation enrolled with it could
be impersonated by anyone. The small-order encodings are libsodium's blocklist
(``ge25519_has_small_order``); the mixed-order key is a real key plus a point of order 8.
"""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import edwards
from sjelden_protocol.enrollment import (
    build_enrollment,
    display_label,
    label_problem,
    verify_enrollment,
)
from sjelden_protocol.errors import MalformedError
from sjelden_protocol.keys import (
    b64encode,
    ed25519_public_from_raw,
    raw_public,
    x25519_public_from_raw,
)

SMALL_ORDER = [
    "0100000000000000000000000000000000000000000000000000000000000000",  # identity, order 1
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # order 2
    "0000000000000000000000000000000000000000000000000000000000000000",  # order 4
    "0000000000000000000000000000000000000000000000000000000000000080",  # order 4
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  # order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  # order 8
]
NON_CANONICAL = [
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = p
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = p + 1
    "0100000000000000000000000000000000000000000000000000000000000080",  # x = 0, sign 1
]
IDENTITY = bytes.fromhex(SMALL_ORDER[0])


def _encode(point: tuple[int, int, int, int]) -> bytes:
    x, y, z, _ = point
    inverse = pow(z, edwards._P - 2, edwards._P)
    x, y = x * inverse % edwards._P, y * inverse % edwards._P
    return (y | (x & 1) << 255).to_bytes(32, "little")


def test_the_identity_key_lets_anyone_sign_which_is_why_it_is_refused() -> None:
    forged = IDENTITY + bytes(32)
    lax = Ed25519PublicKey.from_public_bytes(IDENTITY)
    for message in (b"batch 1", b"any message at all"):
        lax.verify(forged, message)  # no exception: cryptography accepts the forgery
    with pytest.raises(MalformedError, match="small-order"):
        ed25519_public_from_raw(IDENTITY)


@pytest.mark.parametrize("encoded", SMALL_ORDER)
def test_small_order_points_are_refused(encoded: str) -> None:
    with pytest.raises(MalformedError):
        ed25519_public_from_raw(bytes.fromhex(encoded))


@pytest.mark.parametrize("encoded", NON_CANONICAL)
def test_non_canonical_encodings_are_refused(encoded: str) -> None:
    assert edwards.problem(bytes.fromhex(encoded)) is not None


def test_a_key_with_a_torsion_component_is_refused() -> None:
    honest = raw_public(Ed25519PrivateKey.generate().public_key())
    point, torsion = edwards._decode(honest), edwards._decode(bytes.fromhex(SMALL_ORDER[4]))
    assert point is not None and torsion is not None
    mixed = _encode(edwards._add(point, torsion))
    assert edwards.problem(mixed) == "an Ed25519 point outside the prime-order group"


def test_real_keys_are_accepted() -> None:
    for _ in range(200):
        key = Ed25519PrivateKey.generate().public_key()
        assert raw_public(ed25519_public_from_raw(raw_public(key))) == raw_public(key)
    for _ in range(50):
        x = X25519PrivateKey.generate().public_key()
        assert raw_public(x25519_public_from_raw(raw_public(x))) == raw_public(x)


@pytest.mark.parametrize("encoded", ["00" * 32, "01" + "00" * 31])
def test_low_order_x25519_keys_are_refused(encoded: str) -> None:
    with pytest.raises(MalformedError, match="low-order"):
        x25519_public_from_raw(bytes.fromhex(encoded))


def test_enrollment_with_the_identity_key_and_a_fixed_proof_is_refused() -> None:
    honest = build_enrollment(Ed25519PrivateKey.generate(), "ABCD-EFGH-JKMN-PQRS", "Legekontor")
    forged_proof = b64encode(IDENTITY + bytes(32))
    with pytest.raises(MalformedError, match="small-order"):
        verify_enrollment(
            "ABCD-EFGH-JKMN-PQRS",
            "Legekontor",
            b64encode(IDENTITY),
            forged_proof,
        )
    assert verify_enrollment(
        "ABCD-EFGH-JKMN-PQRS", "Legekontor", honest["public_key"], honest["proof"]
    )


@pytest.mark.parametrize(
    "label",
    [
        "Legekontor\nab12cd34  approved  1234 5678  Ahus",  # a faked line in `devices list`
        "Legekontor \u202eROTNOKEGEL",  # right-to-left override
        "Lege\u200bkontor",  # zero-width space (a format character)
        "Lege\x1b[2Jkontor",  # a terminal escape
    ],
)
def test_labels_with_control_or_bidi_characters(label: str) -> None:
    assert label_problem(label) is not None
    shown = display_label(label)
    assert "\ufffd" in shown
    assert not any(ord(char) < 32 or char in "\u202e\u200b" for char in shown)


def test_an_ordinary_label_is_shown_as_it_is() -> None:
    assert label_problem("Sørlandet sykehus – Arendal, barneavd.") is None
    assert display_label("Sørlandet sykehus – Arendal") == "Sørlandet sykehus – Arendal"
