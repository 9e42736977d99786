"""An installation's X25519 key pair from its Ed25519 key pair, for what the register seals to it.

An installation enrolls one Ed25519 key (it signs batches and requests). Reason texts of
feedback are sealed to that installation with HPKE as batches are sealed to the register,
which needs an X25519 key; rather than enrolling a second key (a second fingerprint to
compare by phone, a second key to lose), both sides derive it from the enrolled one, as
libsodium's ``crypto_sign_ed25519_{pk,sk}_to_curve25519`` do (RFC 7748 section 4.1 gives
the birational map): the public key is u = (1 + y) / (1 − y) mod p of the Edwards point,
the private key the clamped first half of SHA-512(seed), which is the Ed25519 signing scalar.
The map is a bijection of the prime-order subgroup, and enrolled keys are checked to lie in
it (``edwards.problem``), so no key of a small order can come out.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from .errors import MalformedError
from .keys import raw_private, raw_public

_P = 2**255 - 19


def x25519_public_of(key: Ed25519PublicKey) -> X25519PublicKey:
    y = int.from_bytes(raw_public(key), "little") & ((1 << 255) - 1)
    if y == 1 or y >= _P:
        raise MalformedError("not an Ed25519 key an installation could hold")
    u = (1 + y) * pow(1 - y, _P - 2, _P) % _P
    return X25519PublicKey.from_public_bytes(u.to_bytes(32, "little"))


def x25519_private_of(key: Ed25519PrivateKey) -> X25519PrivateKey:
    # X25519 clamps the scalar itself (RFC 7748 decodeScalar25519), as Ed25519 does.
    return X25519PrivateKey.from_private_bytes(hashlib.sha512(raw_private(key)).digest()[:32])
