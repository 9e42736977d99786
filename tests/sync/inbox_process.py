"""The real inbox server as a subprocess on 127.0.0.1, plus a registry-staff client.

``InboxProcess`` runs ``python -m sjelden_inbox serve`` with its own data dir (SQLite and the
receipt key) on a fixed free port, so a test can kill it (SIGKILL, no clean shutdown) and
start it again on the same address with the same data. ``Staff`` signs its requests with a
staff key registered through the real ``sjelden-inbox staff add`` command, and does what the
register's import does: fetch batches, open them with the register's private key, post signed
decisions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_inbox import cli as inbox_cli
from sjelden_protocol import (
    RecordDecision,
    key_id,
    open_batch,
    sign_feedback,
    sign_request,
)
from sjelden_protocol.keys import b64decode, ed25519_public_from_raw, raw_public, save_public_key
from sjelden_protocol.manifest import ManifestKey, sign_manifest

from tests.helpers.cli import ROOT


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class InboxProcess:
    data_dir: Path
    port: int = field(default_factory=free_port)
    certfile: Path | None = None
    keyfile: Path | None = None
    rate_limit_per_minute: float = 1_000_000.0
    # ``--recipient-key-id``: the register key ids batches must be sealed to (empty: any).
    recipient_key_ids: tuple[str, ...] = ()
    # ``--max-envelope-mb``: the largest upload the inbox takes (None: its default)
    max_envelope_mb: float | None = None
    # further ``serve`` options, e.g. ("--batch-retention-days", "0")
    extra_args: tuple[str, ...] = ()
    # addresses clients reach it at besides its own (a fault proxy in front): --public-url
    also_at: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = None

    @property
    def scheme(self) -> str:
        return "https" if self.certfile else "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def admin(self, *args: str) -> None:
        """Run a real ``sjelden-inbox`` administrative command against this data dir."""
        with contextlib.redirect_stdout(io.StringIO()):
            code = inbox_cli.main([*args, "--data-dir", str(self.data_dir)])
        assert code == 0, args

    def start(self, ca_bundle: Path | None = None) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "sjelden_inbox",
            "serve",
            "--data-dir",
            str(self.data_dir),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--rate-limit-per-minute",
            str(self.rate_limit_per_minute),
            "--log-level",
            "warning",
        ]
        if self.certfile and self.keyfile:
            command += ["--ssl-certfile", str(self.certfile), "--ssl-keyfile", str(self.keyfile)]
        for recipient in self.recipient_key_ids:
            command += ["--recipient-key-id", recipient]
        if self.max_envelope_mb is not None:
            command += ["--max-envelope-mb", repr(self.max_envelope_mb)]
        command += list(self.extra_args)
        if self.also_at:  # signed requests name the address the client used (their audience)
            for url in (self.url, *self.also_at):
                command += ["--public-url", url]
        log = open(self.data_dir / "server.log", "ab")  # noqa: SIM115
        try:
            self.process = subprocess.Popen(
                command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        finally:
            log.close()
        deadline = time.monotonic() + 30
        verify: bool | str = str(ca_bundle) if ca_bundle else True
        while True:
            if self.process.poll() is not None:
                raise RuntimeError("inbox exited: " + (self.data_dir / "server.log").read_text())
            try:
                with requests.Session() as session:
                    if session.get(self.url + "/v1/health", timeout=1, verify=verify).ok:
                        return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("inbox did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        """Hard kill: no graceful shutdown, like a crash or a pulled power cable."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=20)
            self.process = None

    def reached_through(self, url: str, ca_bundle: Path | None = None) -> None:
        """Clients now reach this inbox at ``url`` too (a proxy in front of it): restart it
        so signed requests made for that address are taken."""
        self.also_at = (*self.also_at, url)
        if self.process is not None:
            self.stop()
            self.start(ca_bundle)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
            self.process = None


class Staff:
    """The register side: staff key, register key, and the staff API of the inbox."""

    def __init__(
        self, server: InboxProcess, tmp: Path, verify: bool | str = True, *, publish: bool = True
    ) -> None:
        self.server = server
        self.key = Ed25519PrivateKey.generate()
        pub = tmp / f"staff-{uuid.uuid4().hex[:8]}.pub"
        save_public_key(self.key.public_key(), pub)
        self.public_key_file = pub
        self.tmp = tmp
        # Every register key still held (the import opens batches with any of them).
        self.register_keys: dict[str, X25519PrivateKey] = {}
        self.rotate_register_key()
        server.admin("staff", "add", str(pub), "--label", "test staff")
        self.trusted: dict[str, Ed25519PublicKey] = {}
        self.http = requests.Session()
        self.http.verify = verify
        # The register root key a clinic pins from its letter, and the manifests it signed.
        self.root = Ed25519PrivateKey.generate()
        self.root_public_file = tmp / f"root-{uuid.uuid4().hex[:8]}.pub"
        save_public_key(self.root.public_key(), self.root_public_file)
        self.manifest_sequence = 0
        self.manifests: list[dict[str, Any]] = []
        if publish:
            self.publish_manifest()

    def close(self) -> None:
        self.http.close()

    def rotate_register_key(self) -> Path:
        """A new register encryption key, as the register publishes when it rotates; the old
        private keys are kept (until no batch sealed to them is outstanding)."""
        self.register_key = X25519PrivateKey.generate()
        self.register_keys[key_id(self.register_key.public_key())] = self.register_key
        self.register_public_file = self.tmp / f"register-{uuid.uuid4().hex[:8]}.pub"
        save_public_key(self.register_key.public_key(), self.register_public_file)
        return self.register_public_file

    def manifest_keys(self) -> list[ManifestKey]:
        """Every register key held (the newest recipient last), this staff key and the
        inbox's receipt key, valid from a minute ago."""
        since = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=1)
        served = self.http.get(
            self.server.url + "/v1/server-key", timeout=30, verify=self.http.verify
        ).json()
        receipt = b64decode(served["public_key"], what="server key", length=32)
        keys = [
            ManifestKey("recipient", raw_public(k.public_key()), since + dt.timedelta(seconds=n))
            for n, k in enumerate(self.register_keys.values())
        ]
        return [
            *keys,
            ManifestKey("staff", raw_public(self.key.public_key()), since),
            ManifestKey("receipt", receipt, since),
        ]

    def sign_manifest(
        self,
        keys: list[ManifestKey] | None = None,
        *,
        root: Ed25519PrivateKey | None = None,
        previous_root: Ed25519PrivateKey | None = None,
    ) -> dict[str, Any]:
        """The next manifest, signed by the root (not published)."""
        self.manifest_sequence += 1
        return sign_manifest(
            sequence=self.manifest_sequence,
            issued_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            keys=self.manifest_keys() if keys is None else keys,
            root=root or self.root,
            previous_root=previous_root,
        ).to_json()

    def put_manifest(self, document: dict[str, Any]) -> requests.Response:
        return self.call("PUT", "/v1/staff/manifest", document)

    def publish_manifest(self, keys: list[ManifestKey] | None = None) -> dict[str, Any]:
        """Sign the next manifest and upload it as staff do (``PUT /v1/staff/manifest``)."""
        document = self.sign_manifest(keys)
        response = self.put_manifest(document)
        assert response.status_code == 201, response.text
        self.manifests.append(document)
        return document

    def call(self, method: str, target: str, body: Any = None) -> requests.Response:
        content = b"" if body is None else json.dumps(body).encode()
        headers = sign_request(
            self.key, method, target, content, now=dt.datetime.now(dt.UTC), audience=self.server.url
        )
        if body is not None:
            headers["Content-Type"] = "application/json"
        return self.http.request(
            method,
            self.server.url + target,
            data=content or None,
            headers=headers,
            timeout=30,
            verify=self.http.verify,
        )

    def enrollment_code(self) -> str:
        response = self.call("POST", "/v1/staff/enrollment-codes")
        assert response.status_code == 201, response.text
        return str(response.json()["code"])

    def approve(self, installation_key_id: str) -> None:
        response = self.call("POST", f"/v1/staff/installations/{installation_key_id}/approve")
        assert response.status_code == 200, response.text

    def installations(self) -> list[dict[str, Any]]:
        return list(self.call("GET", "/v1/staff/installations").json())

    def batches(self, state: str = "all") -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        after = 0
        while True:
            page = self.call("GET", f"/v1/staff/batches?after={after}&limit=1000&state={state}")
            assert page.status_code == 200, page.text
            body = page.json()
            items += body["items"]
            if not body["items"]:
                return items
            after = body["next_after"]

    def open(self, batch_id: str) -> list[dict[str, Any]]:
        """Fetch and decrypt one batch as the register's import does."""
        response = self.call("GET", f"/v1/staff/batches/{batch_id}")
        assert response.status_code == 200, response.text
        opened = open_batch(response.content, self.register_keys, self.trusted)
        return list(opened.records)

    def trust(self, installation: Ed25519PublicKey) -> None:
        """What staff do after comparing the installation's fingerprint."""
        self.trusted[key_id(installation)] = installation

    def installation_key(self, installation_key_id: str) -> Ed25519PublicKey:
        """The key reasons are sealed to: the trusted one, else the inbox's (a test helper)."""
        if installation_key_id in self.trusted:
            return self.trusted[installation_key_id]
        for entry in self.installations():
            if entry["key_id"] == installation_key_id:
                raw = b64decode(entry["public_key"], what="public_key", length=32)
                return ed25519_public_from_raw(raw)
        raise AssertionError(f"no installation {installation_key_id} at the inbox")

    def decide(
        self,
        installation_key_id: str,
        decisions: Iterable[RecordDecision],
        batch_id: str | None = None,
    ) -> dict[str, Any]:
        feedback = sign_feedback(
            feedback_id=str(uuid.uuid4()),
            installation_key_id=installation_key_id,
            batch_id=batch_id,
            decisions=list(decisions),
            issued_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            key=self.key,
            installation=self.installation_key(installation_key_id),
        )
        document = feedback.to_json()
        response = self.call("POST", "/v1/staff/feedback", document)
        assert response.status_code in (200, 201), response.text
        return document
