"""Is a 32-byte Ed25519 public key a point an honest key could be?

Written by hand because ``cryptography`` (OpenSSL) decodes any encoding of a curve point,
and offers no check of its order: a small-order point such as the identity (``01 00 … 00``)
is accepted as a public key, and for it a fixed "signature" verifies for *every* message,
so whoever knows it can sign as that installation. libsodium's
``crypto_core_ed25519_is_valid_point`` makes exactly this check, but would bring a second
cryptography library (PyNaCl) into a protocol that is otherwise pure Python on
``cryptography``. The arithmetic below is RFC 8032's reference algorithm (section 5.1), used
only to *validate* keys at the boundary (enrollment, staff keys, key files, keys read back),
never to sign or verify; results are cached, so each key costs one check per process.

A key is refused when its encoding is not canonical (y ≥ p, or x = 0 with the sign bit set),
when it is not on the curve, when it has small order (8·P is the identity), or when it has a
torsion component (L·P is not the identity), as libsodium refuses it.
"""

from __future__ import annotations

import functools

_P = 2**255 - 19
_D = (-121665 * pow(121666, _P - 2, _P)) % _P
_L = 2**252 + 27742317777372353535851937790883648493
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)

_Point = tuple[int, int, int, int]  # extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z
_IDENTITY: _Point = (0, 1, 1, 0)


def _add(a: _Point, b: _Point) -> _Point:
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    aa = (y1 - x1) * (y2 - x2) % _P
    bb = (y1 + x1) * (y2 + x2) % _P
    cc = t1 * 2 * _D * t2 % _P
    dd = z1 * 2 * z2 % _P
    e, f, g, h = bb - aa, dd - cc, dd + cc, bb + aa
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _multiply(scalar: int, point: _Point) -> _Point:
    result = _IDENTITY
    while scalar:
        if scalar & 1:
            result = _add(result, point)
        point = _add(point, point)
        scalar >>= 1
    return result


def _is_identity(point: _Point) -> bool:
    x, y, z, _ = point
    return x % _P == 0 and (y - z) % _P == 0


def _decode(raw: bytes) -> _Point | None:
    """RFC 8032 5.1.3, refusing non-canonical encodings; None when not a curve point."""
    value = int.from_bytes(raw, "little")
    sign = value >> 255
    y = value & ((1 << 255) - 1)
    if y >= _P:
        return None
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P) % _P
    if x2 == 0:
        if sign:
            return None
        return (0, y, 1, 0)
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P:
        return None
    if x & 1 != sign:
        x = _P - x
    return (x, y, 1, x * y % _P)


@functools.lru_cache(maxsize=4096)
def problem(raw: bytes) -> str | None:
    """Why ``raw`` is not an acceptable Ed25519 public key, or None when it is."""
    if len(raw) != 32:
        return "an Ed25519 public key is 32 bytes"
    point = _decode(raw)
    if point is None:
        return "not a canonical encoding of a point on Ed25519"
    if _is_identity(_multiply(8, point)):
        return "a small-order Ed25519 point (no private key stands behind it)"
    if not _is_identity(_multiply(_L, point)):
        return "an Ed25519 point outside the prime-order group"
    return None
