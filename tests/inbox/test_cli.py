"""sjelden-inbox commands, in-process, plus ``serve`` as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_inbox.cli import main
from sjelden_inbox.storage import InstallationStatus, Store, open_database
from sjelden_protocol import fingerprint, key_id
from sjelden_protocol.keys import raw_public

from tests.sync.inbox_process import free_port


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_enroll_code_devices_and_staff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path)]
    code, out, _ = run(capsys, "enroll-code", *data)
    assert code == 0
    typed = out.strip()
    assert len(typed) == 19 and typed.count("-") == 3

    key = Ed25519PrivateKey.generate()
    kid = key_id(key.public_key())
    store = Store(open_database(f"sqlite:///{tmp_path / 'inbox.sqlite3'}"))
    store.enroll(typed.replace("-", ""), kid, raw_public(key.public_key()), "PC 3", now=1)
    store.close()

    code, out, _ = run(capsys, "devices", "list", *data)
    assert kid in out and "pending" in out and fingerprint(key.public_key()) in out
    code, _, err = run(capsys, "devices", "approve", kid, "--fingerprint", "AAAA BBBB", *data)
    assert code == 1 and "mismatch" in err
    code, out, _ = run(
        capsys, "devices", "approve", kid, "--fingerprint", fingerprint(key.public_key()), *data
    )
    assert code == 0 and "approved" in out
    code, out, _ = run(capsys, "devices", "revoke", kid, *data)
    assert code == 0 and "revoked" in out
    code, _, err = run(capsys, "devices", "approve", kid, *data)
    assert code == 1 and "revoked" in err
    store = Store(open_database(f"sqlite:///{tmp_path / 'inbox.sqlite3'}"))
    assert store.installation(kid).status is InstallationStatus.REVOKED  # type: ignore[union-attr]
    store.close()

    code, out, _ = run(capsys, "keygen", "--kind", "staff", "--out", str(tmp_path / "staff.pem"))
    assert code == 0 and (tmp_path / "staff.pem").stat().st_mode & 0o777 == 0o600
    code, out, _ = run(
        capsys, "staff", "add", str(tmp_path / "staff.pem.pub"), "--label", "Ola", *data
    )
    assert code == 0 and "added" in out
    code, out, _ = run(capsys, "staff", "list", *data)
    assert "active" in out and "Ola" in out
    code, _, _ = run(capsys, "keygen", "--kind", "staff", "--out", str(tmp_path / "staff.pem"))
    assert code == 1  # never overwrites a key

    code, out, _ = run(capsys, "server-key", *data)
    assert code == 0 and "fingerprint" in out
    assert (tmp_path / "server-signing-key.pem").stat().st_mode & 0o777 == 0o600


@pytest.mark.slow
def test_serve_runs_with_only_a_data_dir(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sjelden_inbox",
            "serve",
            "--data-dir",
            str(tmp_path),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        assert answer.json()["status"] == "ok"
        assert (tmp_path / "inbox.sqlite3").exists()
    finally:
        process.terminate()
        process.communicate(timeout=20)


def test_devices_list_never_prints_a_label_s_control_characters(tmp_path: Path, capsys) -> None:
    data = ("--data-dir", str(tmp_path))
    code, out, _ = run(capsys, "enroll-code", *data)
    key = Ed25519PrivateKey.generate()
    kid = key_id(key.public_key())
    store = Store(open_database(f"sqlite:///{tmp_path / 'inbox.sqlite3'}"))
    # stored before labels were checked at enrollment, or written another way
    faked = "PC\nffffffff  approved  AAAA BBBB  Ahus \u202eTFEL"
    store.enroll(out.strip().replace("-", ""), kid, raw_public(key.public_key()), faked, now=1)
    store.close()
    code, out, _ = run(capsys, "devices", "list", *data)
    assert code == 0
    assert len(out.strip().splitlines()) == 1  # no faked second line
    assert "\u202e" not in out and "\ufffd" in out
