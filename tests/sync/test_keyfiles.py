"""The letter's key files: the right kind is loaded, anything else refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.keys import save_public_key

from desktop.sync.keyfiles import KeyFileError, load_register_key, load_staff_key


def _pem(path: Path, key) -> Path:
    save_public_key(key.public_key(), path)
    return path


def test_each_kind_loads_and_a_swapped_file_is_refused(tmp_path: Path) -> None:
    register = _pem(tmp_path / "register.pub", X25519PrivateKey.generate())
    staff = _pem(tmp_path / "staff.pub", Ed25519PrivateKey.generate())
    assert load_register_key(register) is not None
    assert load_staff_key(staff) is not None
    with pytest.raises(KeyFileError) as swapped:
        load_register_key(staff)
    assert swapped.value.code == "key_file_wrong_kind"
    assert "staff.pub" in swapped.value.user_message("nb")
    assert "feil slags nøkkel" in swapped.value.user_message("nb")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, "key_file_unreadable"),
        (b"not a key at all", "key_file_not_a_key"),
        ("rsa", "key_file_not_a_key"),
    ],
)
def test_unusable_files_name_the_file_and_the_fix(tmp_path: Path, content, code) -> None:
    path = tmp_path / "brev.pub"
    if content == "rsa":
        _pem(path, generate_private_key(public_exponent=65537, key_size=2048))
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(KeyFileError) as refused:
        load_staff_key(path)
    assert refused.value.code == code
    message = refused.value.user_message("en")
    assert "brev.pub" in message and "{name}" not in message
