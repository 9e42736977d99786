"""``sjelden staff join-request`` and ``sjelden staff member ...`` as real subprocesses on a real
PostgreSQL register: a join, a refused fingerprint, a reviewer refused an export by role, and a
removal after which the member's profile opens nothing."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.inbox.conftest import postgres_schema_url
from tests.staff.conftest import PASSPHRASE

ENV = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}
FINGERPRINT = re.compile(r"(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}")


def staff(profile: str, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = run_cli("--profile", profile, "staff", *args, env=ENV)
    if ok:
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    else:
        assert result.returncode != 0, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    return result


@pytest.mark.postgres
def test_join_add_refuse_by_role_and_remove(tmp_path: Path) -> None:
    with postgres_schema_url() as url:
        staff("admin", "init", "--key-file", "--out", str(tmp_path / "letter"),
              "--register-db", url)  # fmt: skip
        request = tmp_path / "vera.json"
        joined = staff("vera", "join-request", "--key-file", "--label", "Vera Vurder",
                       "--out", str(request), "--register-db", url)  # fmt: skip
        found = FINGERPRINT.search(joined.stdout)
        assert found is not None and request.exists()
        refused = staff("vera", "status", ok=False)
        assert "not a member" in refused.stderr + refused.stdout

        wrong = staff("admin", "member", "add", str(request), "--fingerprint", "AAAA " * 8,
                      "--role", "reviewer", ok=False)  # fmt: skip
        assert "fingerprint does not match" in wrong.stderr + wrong.stdout
        staff("admin", "member", "add", str(request), "--fingerprint", found.group(0),
              "--role", "reviewer")  # fmt: skip

        staff("vera", "status")
        listed = staff("vera", "member", "list").stdout
        assert "Vera Vurder" in listed and "administrator" in listed
        vera_id = next(line.split()[0] for line in listed.splitlines() if "Vera" in line)
        out = tmp_path / "export.csv"
        export = staff("vera", "export", "csv", "--out", str(out), ok=False)
        assert "needs the role registrar" in export.stderr + export.stdout
        assert not out.exists()
        adding = staff("vera", "member", "remove", vera_id, ok=False)
        assert "needs the role administrator" in adding.stderr + adding.stdout

        manifest = tmp_path / "manifest.json"
        removed = staff("admin", "member", "remove", vera_id, "--out", str(manifest))
        assert vera_id in removed.stdout and manifest.exists()
        gone = staff("vera", "status", ok=False)
        assert "was removed from the register" in gone.stderr + gone.stdout
        assert "removed" in staff("admin", "member", "list").stdout
