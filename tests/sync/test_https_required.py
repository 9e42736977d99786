"""``https://`` is required for every server that is not this machine (issue 13 point 5): in
the one place every request passes (``Transport``), at enrollment before anything is kept,
in the real ``sjelden enroll`` and ``sjelden staff init/configure`` commands; plain http to
the loopback (the embedded demo inbox, these tests) stays allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.keys import fingerprint, save_public_key

from desktop.net.errors import SyncError
from desktop.net.http import Transport, check_server_url
from tests.helpers.cli import run_cli
from tests.sync.conftest import PASSPHRASE

ENV = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}


@pytest.mark.parametrize(
    "url",
    [
        "https://innboks.sjeldenregisteret.no",
        "https://10.0.0.5:8443/",
        "http://127.0.0.1:8080",
        "http://127.8.9.10",
        "http://localhost:9",
        "http://[::1]:9",
    ],
)
def test_https_and_loopback_http_are_taken(url: str) -> None:
    assert check_server_url(url) == url
    with Transport(url):
        pass


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://innboks.sjeldenregisteret.no", "https_required"),
        ("http://10.0.0.5:8080", "https_required"),
        ("http://127.0.0.1.evil.example", "https_required"),
        ("HTTP://inbox.example", "https_required"),
        ("innboks.example", "bad_server_url"),
        ("ftp://inbox.example", "bad_server_url"),
        ("https://", "bad_server_url"),
        ("https://inbox.example:port", "bad_server_url"),
    ],
)
def test_anything_else_is_refused_with_a_coded_message(url: str, code: str) -> None:
    with pytest.raises(SyncError) as refused:
        Transport(url)
    assert refused.value.code == code
    assert "https://" in refused.value.user_message("nb")
    assert "https://" in refused.value.user_message("en")


def test_the_commands_refuse_plain_http_before_anything_is_kept(tmp_path: Path) -> None:
    root = Ed25519PrivateKey.generate().public_key()
    root_file = tmp_path / "root.pub"
    save_public_key(root, root_file)
    home = {"SJELDEN_HOME": str(tmp_path / "home"), **ENV}
    assert run_cli("init", "--key-file", env=home).returncode == 0
    enrolled = run_cli(
        "enroll", "--server", "http://innboks.example", "--code", "ABCD-EFGH-JKMN-PQRS",
        "--root-key", str(root_file), "--root-fingerprint", fingerprint(root),
        "--label", "Testklinikk", env=home,
    )  # fmt: skip
    assert enrolled.returncode == 1
    assert "https_required" in enrolled.stdout + enrolled.stderr
    assert "must start with https://" in enrolled.stdout + enrolled.stderr  # SJELDEN_LANG=en

    staff = run_cli(
        "--profile", "register", "staff", "init", "--key-file", "--out", str(tmp_path / "l"),
        "--inbox", "http://innboks.example", env=home,
    )  # fmt: skip
    assert staff.returncode == 1 and "must start with https://" in staff.stdout + staff.stderr
    assert not (tmp_path / "home" / "register" / "profile.json").exists()  # nothing half-made
