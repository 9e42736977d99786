"""The inbox from its own install (the protocol and inbox wheels only) answers its health
check, and that environment holds no Qt, no SQLCipher and none of the desktop app."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.shipped.conftest import run, shipped


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_inbox_install_has_no_desktop_parts(tmp_path: Path) -> None:
    inbox = shipped("SJELDEN_SHIPPED_INBOX")
    python = inbox.with_name("python")
    for module in ("PySide6", "sqlcipher3", "desktop", "fhir", "phenopackets", "keyring"):
        result = run(python, "-c", f"import {module}", home=tmp_path)
        assert result.returncode != 0, f"{module} is importable in the inbox's environment"
        assert "ModuleNotFoundError" in result.stderr


def test_inbox_serves_its_health_check(tmp_path: Path) -> None:
    inbox = shipped("SJELDEN_SHIPPED_INBOX")
    port = _free_port()
    server = subprocess.Popen(
        [str(inbox), "serve", "--data-dir", str(tmp_path / "data"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=5) as r:
                    health = json.load(r)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stdout.read() if server.stdout else "") from None
                time.sleep(0.3)
        assert health["status"] == "ok"
        assert health["version"] == "0.2.0"
    finally:
        server.terminate()
        server.communicate(timeout=30)  # reads and closes the pipe
