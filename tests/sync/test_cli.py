"""``sjelden enroll / sync / sync-status / export-batch / import-receipt / demo`` as real
subprocesses against the real inbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sjelden_protocol import RecordDecision
from sjelden_protocol.keys import fingerprint

from tests.helpers.cli import ROOT, run_cli
from tests.sync.inbox_process import InboxProcess, Staff

PASS = "riktig hest batteri stift"


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={"SJELDEN_PASSPHRASE": PASS, "SJELDEN_LANG": "en"}, timeout=timeout)


def test_enroll_sync_export_import(
    inbox_server: InboxProcess, staff: Staff, tmp_path: Path
) -> None:
    assert run("init", "--key-file", "--language", "en").returncode == 0
    # Not enrolled yet: a clear message, exit 1.
    result = run("sync")
    assert result.returncode == 1 and "not enrolled" in result.stderr

    result = run(
        "enroll",
        "--server",
        inbox_server.url,
        "--code",
        staff.enrollment_code(),
        "--root-key",
        str(staff.root_public_file),
        "--root-fingerprint",
        fingerprint(staff.root.public_key()),
        "--label",
        "CLI test PC",
    )
    assert result.returncode == 0, result.stderr
    assert "Read this PC's fingerprint" in result.stdout
    line = next(x for x in result.stdout.splitlines() if "PC / installation" in x)
    key_id = line.split("key id ")[1].rstrip(")")
    installation = next(i for i in staff.installations() if i["key_id"] == key_id)
    assert installation["fingerprint"] in line  # what is read out matches the server's view
    staff.approve(key_id)

    demo = run("demo-data", "--count", "3", "--seed", "1")
    assert demo.returncode == 0, demo.stderr
    records = [json.loads(x) for x in demo.stdout.splitlines()]
    _import_completed(records)

    # File transport first: export, the register uploads, the receipt comes back as a file.
    out = tmp_path / "usb"
    result = run("export-batch", str(out))
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.sjbt"))
    assert len(files) == 1
    batch_id = files[0].name.removeprefix("sjelden-").removesuffix(".sjbt")
    answer = staff.http.put(
        f"{inbox_server.url}/v1/batches/{batch_id}",
        data=files[0].read_bytes(),
        headers={"Content-Type": "application/octet-stream"},
        timeout=30,
    )
    receipt = tmp_path / "receipt.json"
    receipt.write_text(answer.text)
    result = run("import-receipt", str(receipt))
    assert result.returncode == 0 and "Receipts: 1" in result.stdout, result.stderr

    staff.decide(key_id, [RecordDecision(r["record_id"], 1, "accepted") for r in records])
    result = run("sync")
    assert result.returncode == 0, result.stderr
    assert "3 accepted" in result.stdout
    result = run("sync-status")
    assert "Accepted: 3" in result.stdout and "Last error" not in result.stdout


def _import_completed(records: list[dict[str, object]]) -> None:
    """Completed records in the CLI's profile (the form's completion is not a CLI command)."""
    code = (
        "import json, sys\n"
        "from desktop.storage.profile import Profile\n"
        "from desktop.storage import records as stored\n"
        "from desktop.storage.records import RecordStatus\n"
        "records = json.loads(sys.stdin.read())\n"
        "items = [(r['record_id'], r, RecordStatus.COMPLETED) for r in records]\n"
        "with Profile.named('default').unlock(sys.argv[1]) as store:\n"
        "    store.call(lambda c: stored.import_many(c, items, form_id='sjeldenregisteret',\n"
        "                                            form_version=1, author=store.actor))\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, PASS],
        input=json.dumps(records),
        text=True,
        check=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=60,
    )


def test_demo_once_runs_the_whole_tour() -> None:
    result = run("demo", "--no-gui", "--once", "--records", "8", timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Local inbox running on http://127.0.0.1:" in result.stdout
    assert "Passphrase (demo only)" in result.stdout
    assert "Accepted: " in result.stdout
    folder = next(x for x in result.stdout.splitlines() if x.startswith("Demo folder"))
    assert not Path(folder.split(": ", 1)[1].split(" ")[0]).exists()  # cleaned up
