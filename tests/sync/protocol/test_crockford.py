"""One Crockford normaliser for enrollment codes and recovery keys."""

from __future__ import annotations

from sjelden_protocol import crockford
from sjelden_protocol.enrollment import normalise_code

from desktop.storage import keywrap


def test_look_alikes_are_read_both_ways() -> None:
    assert crockford.normalise("oIl-1 0") == "01110"
    assert crockford.canonical("abcd-efgh", 8) == "ABCDEFGH"
    assert crockford.canonical("OOOO IIII", 8) == "00001111"
    assert crockford.canonical("UUUU-AAAA", 8) is None  # U has no reading
    assert crockford.canonical("ABCD", 8) is None
    assert crockford.grouped("ABCDEFGH") == "ABCD-EFGH"


def test_random_codes_are_canonical() -> None:
    for length in (16, 32):
        code = crockford.random_code(length)
        assert crockford.grouped(crockford.canonical(code, length) or "") == code


def test_enrollment_codes_and_recovery_keys_agree() -> None:
    key = keywrap.new_recovery_key()
    typed = key.lower().replace("0", "o").replace("1", "l")
    assert keywrap.normalize_recovery_key(typed) == key
    assert normalise_code(typed) == key.replace("-", "")
    assert keywrap.normalize_recovery_key("U" * 32) is None
