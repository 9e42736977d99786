"""Staff make the register's key manifests (issue 13 point 1): ``sjelden staff manifest …`` as
real subprocesses on a real staff profile (SQCipher file) and the real inbox on 127.0.0.1.

The root key is made at ``staff init`` and kept only in the profile's encrypted store; a
manifest names the register and staff keys of the profile and the inbox's receipt key (its
fingerprint compared), is signed by the root, written to a file and published; revoking
the receipt key is the next manifest, which a clinic holding the first takes, and then no
longer trusts that key."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import requests
import trustme
from sjelden_protocol.keys import b64decode, fingerprint, key_id, load_public_key
from sjelden_protocol.manifest import verify_manifest
from sjelden_protocol.timefmt import now_utc

from desktop.staff import keys, manifest, session
from desktop.storage.profile import Profile
from tests.helpers.cli import run_cli
from tests.staff.conftest import PASSPHRASE
from tests.sync.inbox_process import InboxProcess

ENV = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}


def staff(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = run_cli("--profile", "register", "staff", *args, env=ENV)
    if ok:
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def test_staff_sign_publish_and_revoke_manifests(
    inbox_server: InboxProcess, tmp_path: Path
) -> None:
    letter = tmp_path / "letter"
    init = staff(
        "init", "--key-file", "--language", "en", "--out", str(letter), "--inbox", inbox_server.url
    )
    root = load_public_key(letter / "root.pub")
    assert fingerprint(root) in init.stdout  # printed for the enrollment letter
    inbox_server.admin("staff", "add", str(letter / "staff.pub"))

    served = requests.get(inbox_server.url + "/v1/server-key", timeout=30).json()
    receipt_raw = b64decode(served["public_key"], what="server key", length=32)
    wrong = staff(
        "manifest", "add-key", "--role", "receipt", "--from-inbox", "--fingerprint", "AAAA " * 8,
        ok=False,
    )  # fmt: skip
    assert wrong.returncode == 1 and "fingerprint does not match" in wrong.stderr
    staff(
        "manifest", "add-key", "--role", "receipt", "--from-inbox",
        "--fingerprint", fingerprint(receipt_raw),
    )  # fmt: skip

    ca = trustme.CA()
    cert = tmp_path / "inbox-cert.pem"
    ca.issue_cert("127.0.0.1").cert_chain_pems[0].write_to_path(str(cert))
    bad = staff(
        "manifest", "add-key", "--role", "tls", "--cert", str(letter / "root.pub"), ok=False
    )
    assert bad.returncode == 1 and "certificate" in bad.stderr
    staff("manifest", "add-key", "--role", "tls", "--cert", str(cert))

    out = tmp_path / "manifest-1.json"
    signed = staff("manifest", "sign", "--out", str(out), "--publish")
    assert "Key manifest 1 is signed" in signed.stdout and "published" in signed.stdout
    assert (out.stat().st_mode & 0o777) == 0o600
    first = json.loads(out.read_text())
    published = requests.get(inbox_server.url + "/v1/manifest", timeout=30).json()
    assert published == first
    checked = verify_manifest(first, root)  # type: ignore[arg-type]
    moment = now_utc()
    assert checked.signers("receipt", moment).keys() == {key_id(receipt_raw)}
    assert key_id(load_public_key(letter / "staff.pub")) in checked.signers("staff", moment)
    assert checked.tls_pins(moment) == {manifest.tls_pin(cert.read_bytes())}
    recipient = checked.recipient(moment)
    assert recipient is not None
    assert key_id(recipient) == key_id(load_public_key(letter / "register.pub"))

    # Revoking the receipt key is the next manifest; a clinic holding the first takes it.
    revoked = staff("manifest", "revoke", key_id(receipt_raw), "--publish")
    assert "Revoked" in revoked.stdout and "Key manifest 2 is signed" in revoked.stdout
    second = requests.get(inbox_server.url + "/v1/manifest", timeout=30).json()
    newer = verify_manifest(second, root, newest_sequence=checked.sequence)  # type: ignore[arg-type]
    assert newer.sequence == 2
    assert newer.signers("receipt", now_utc()) == {}
    again = staff("manifest", "revoke", key_id(receipt_raw), ok=False)
    assert again.returncode == 1 and "No key in the manifest" in again.stderr
    shown = staff("manifest", "show").stdout
    assert "REVOKED" in shown and "Newest key manifest signed: 2" in shown

    # A root rotation: signed by the old and the new root; a clinic pinning the old follows.
    rotated = staff("manifest", "rotate-root", "--letter", str(tmp_path / "new"), "--publish")
    new_root = load_public_key(tmp_path / "new" / "root.pub")
    assert fingerprint(new_root) in rotated.stdout and "Key manifest 3 is signed" in rotated.stdout
    third = requests.get(inbox_server.url + "/v1/manifest", timeout=30).json()
    assert len(third["signatures"]) == 2
    moved = verify_manifest(third, root, newest_sequence=2)  # type: ignore[arg-type]
    assert key_id(moved.root_key) == key_id(new_root)
    staff("manifest", "sign", "--publish")  # from now on the new root alone
    fourth = requests.get(inbox_server.url + "/v1/manifest", timeout=30).json()
    assert len(fourth["signatures"]) == 1
    verify_manifest(fourth, new_root, newest_sequence=3)  # type: ignore[arg-type]


def test_root_key_lives_only_in_the_encrypted_profile(
    make_profile: Callable[..., Profile],
) -> None:
    """One root per profile, made at set-up (or on first use); its private bytes are in no
    file of the profile in clear."""
    profile = make_profile("staff")
    opened, _ = session.create(profile, PASSPHRASE)
    with opened:
        made = opened.keys.root_key
        assert made is not None
        assert opened.store.call(lambda c: keys.ensure_root(c, actor="t")) is not None
        again = opened.store.call(lambda c: keys.ensure_root(c, actor="t"))
        assert key_id(again.public_key()) == key_id(made.public_key())
        first = manifest.session_sign(opened)
        second = manifest.session_sign(opened)
        assert (first.sequence, second.sequence) == (1, 2)
        assert first.root_key_id == key_id(made.public_key())
    raw = made.private_bytes_raw()
    for path in profile.directory.rglob("*"):
        if path.is_file():
            assert raw not in path.read_bytes(), path.name
