"""Two real ``sjelden-inbox serve`` processes on one PostgreSQL database, as behind a load
balancer: one configured by the environment, one by a config file, both with the same
receipt key and public address. Uploads, receipts, pulls, acknowledgements, feedback and
nonces are exactly once across them."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_inbox.codes import canonical_code, new_code
from sjelden_inbox.storage import InstallationStatus, Store, open_database
from sjelden_protocol import (
    RecordDecision,
    build_batch,
    key_id,
    sign_feedback,
    sign_request,
    verify_receipt,
)
from sjelden_protocol.keys import raw_public, save_private_key
from sjelden_protocol.manifest import ManifestKey, sign_manifest

from tests.helpers.cli import ROOT
from tests.sync.inbox_process import free_port
from tests.sync.protocol.conftest import fake_record

from .conftest import postgres_schema_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

#: the one address clients know (the load balancer's); both processes answer for it
PUBLIC_URL = "https://innboks.sjelden.test"


@dataclass
class Deployment:
    """Two inbox processes, the shared database (for assertions), staff and register keys."""

    database: str
    key_file: Path
    urls: list[str]
    store: Store
    server_key: Ed25519PrivateKey
    staff_key: Ed25519PrivateKey
    register_key: X25519PrivateKey
    logs: list[Path]

    def signed(
        self, which: int, key: Ed25519PrivateKey, method: str, target: str, body: Any = None
    ) -> httpx.Response:
        content = b"" if body is None else json.dumps(body).encode()
        headers = sign_request(
            key, method, target, content, now=datetime.now(UTC), audience=PUBLIC_URL
        )
        if body is not None:
            headers["Content-Type"] = "application/json"
        return httpx.request(
            method, self.urls[which] + target, content=content, headers=headers, timeout=60
        )

    def staff(self, which: int, method: str, target: str, body: Any = None) -> httpx.Response:
        return self.signed(which, self.staff_key, method, target, body)

    def installation(self) -> Ed25519PrivateKey:
        """Enrolled and approved in the shared database (no rate budget spent)."""
        key = Ed25519PrivateKey.generate()
        code = canonical_code(new_code())
        assert code is not None
        kid = key_id(key.public_key())
        self.store.add_enrollment_code(code, now=0, expires_at=2**40)
        self.store.enroll(code, kid, raw_public(key.public_key()), "Fiktiv klinikk", now=0)
        self.store.set_status(kid, InstallationStatus.APPROVED, now=0)
        return key

    def batch(self, key: Ed25519PrivateKey, records: int = 5) -> tuple[str, bytes]:
        batch_id = str(uuid.uuid4())
        data = build_batch(
            [fake_record() for _ in range(records)],
            batch_id=batch_id,
            signer=key,
            recipient=self.register_key.public_key(),
        )
        return batch_id, data


def _private(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def _wait_healthy(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError("inbox exited: " + log.read_text())
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("inbox did not start: " + log.read_text())
        time.sleep(0.05)


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[Deployment]:
    server_key = Ed25519PrivateKey.generate()
    key_file = tmp_path / "secrets" / "server-signing-key.pem"
    save_private_key(server_key, key_file)
    with postgres_schema_url() as database:
        base_env = {k: v for k, v in os.environ.items() if not k.startswith("SJELDEN_INBOX_")}
        ports = [free_port(), free_port()]
        # process 0: everything from the environment, as a container or systemd unit sets it
        env0 = {
            **base_env,
            "SJELDEN_INBOX_DATA_DIR": str(tmp_path / "node0"),
            "SJELDEN_INBOX_DATABASE_URL": database,
            "SJELDEN_INBOX_SERVER_KEY_FILE": str(key_file),
            "SJELDEN_INBOX_PUBLIC_URLS": PUBLIC_URL,
            "SJELDEN_INBOX_PORT": str(ports[0]),
            "SJELDEN_INBOX_DB_POOL_SIZE": "4",
            "SJELDEN_INBOX_RATE_LIMIT_PER_MINUTE": "1000000",
            "SJELDEN_INBOX_LOG_LEVEL": "warning",
        }
        # process 1: a config file, the port on the command line
        config = _private(
            tmp_path / "node1.toml",
            f"""
data_dir = "{tmp_path / "node1"}"
database_url = "{database}"
server_key_file = "{key_file}"
public_urls = ["{PUBLIC_URL}"]
db_pool_size = 4
rate_limit_per_minute = 1000000
log_level = "warning"
""",
        )
        commands = [
            ([sys.executable, "-m", "sjelden_inbox", "serve"], env0),
            (
                [
                    sys.executable,
                    "-m",
                    "sjelden_inbox",
                    "serve",
                    "--config",
                    str(config),
                    "--port",
                    str(ports[1]),
                ],
                base_env,
            ),
        ]
        processes: list[subprocess.Popen[bytes]] = []
        logs = [tmp_path / "node0.log", tmp_path / "node1.log"]
        store = None
        try:
            for (command, env), log in zip(commands, logs, strict=True):
                with log.open("ab") as out:  # both start at once: migrations race too
                    processes.append(
                        subprocess.Popen(
                            command,
                            cwd=ROOT,
                            env=env,
                            stdout=out,
                            stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL,
                        )
                    )
            urls = [f"http://127.0.0.1:{port}" for port in ports]
            for process, url, log in zip(processes, urls, logs, strict=True):
                _wait_healthy(process, url, log)
            store = Store(open_database(database, pool_size=2))
            staff_key = Ed25519PrivateKey.generate()
            store.add_staff_key(
                key_id(staff_key.public_key()), raw_public(staff_key.public_key()), "staff", now=0
            )
            yield Deployment(
                database,
                key_file,
                urls,
                store,
                server_key,
                staff_key,
                X25519PrivateKey.generate(),
                logs,
            )
            for log in logs:  # no request ended in an unhandled error
                assert "Traceback" not in log.read_text()
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=20)
            if store is not None:
                store.close()


def _at_once(*calls: Any) -> list[Any]:
    """Run the calls in threads released together; their results in order."""
    results: list[Any] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index: int) -> None:
        start.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _upload(url: str, batch_id: str, data: bytes) -> httpx.Response:
    return httpx.put(f"{url}/v1/batches/{batch_id}", content=data, timeout=60)


def test_the_same_batch_through_both_at_once_is_stored_once_with_one_receipt(
    deployment: Deployment,
) -> None:
    key = deployment.installation()
    receipt_keys = {key_id(deployment.server_key.public_key()): deployment.server_key.public_key()}
    rounds = 12
    for _ in range(rounds):
        batch_id, data = deployment.batch(key)
        answers = _at_once(
            *(
                (lambda url=url: _upload(url, batch_id, data))
                for url in deployment.urls + deployment.urls  # two clients per process
            )
        )
        assert sorted(a.status_code for a in answers) == [200, 200, 200, 201], [
            a.text for a in answers
        ]
        assert len({a.content for a in answers}) == 1  # the same signed receipt, byte for byte
        verify_receipt(answers[0].json(), receipt_keys, envelope=data)
        # and the installation can read it back through either process, again the same
        for which in (0, 1):
            status = deployment.signed(which, key, "GET", f"/v1/batches/{batch_id}")
            assert status.status_code == 200, status.text
            assert status.json()["receipt"] == answers[0].json()
    assert deployment.store.count_batches() == rounds


def test_a_pull_through_both_sees_every_batch_once_while_uploads_go_on(
    deployment: Deployment,
) -> None:
    clinics = [deployment.installation() for _ in range(4)]
    work = [[deployment.batch(key, records=2) for _ in range(8)] for key in clinics]
    uploaded = {batch_id: data for batches in work for batch_id, data in batches}
    uploads_done = threading.Event()

    def clinic(index: int, batches: list[tuple[str, bytes]]) -> None:
        for n, (batch_id, data) in enumerate(batches):
            answer = _upload(deployment.urls[(index + n) % 2], batch_id, data)
            assert answer.status_code == 201, answer.text

    def uploads() -> None:
        threads = [
            threading.Thread(target=clinic, args=(i, batches)) for i, batches in enumerate(work)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        uploads_done.set()

    uploader = threading.Thread(target=uploads)
    uploader.start()
    fetched: Counter[str] = Counter()
    balancer = itertools.cycle((0, 1))  # every request to the next process, round robin
    try:
        while True:
            finished = uploads_done.is_set()
            after, seen = 0, 0
            while True:  # one pull: page through the unacknowledged list, as staff pull does
                page = deployment.staff(
                    next(balancer), "GET", f"/v1/staff/batches?after={after}&limit=5"
                )
                assert page.status_code == 200, page.text
                body = page.json()
                for item in body["items"]:
                    batch_id, sender = item["batch_id"], item["sender_key_id"]
                    envelope = deployment.staff(
                        next(balancer), "GET", f"/v1/staff/batches/{batch_id}?sender={sender}"
                    )
                    assert envelope.content == uploaded[batch_id]
                    fetched[batch_id] += 1
                    ack = deployment.staff(
                        next(balancer), "POST", f"/v1/staff/batches/{batch_id}/ack?sender={sender}"
                    )
                    assert ack.status_code == 200 and ack.json()["acknowledged_at"] is not None
                seen += len(body["items"])
                if len(body["items"]) < 5:
                    break
                assert body["next_after"] > after
                after = body["next_after"]
            if finished and seen == 0:
                break
    finally:
        uploader.join()
    assert fetched == Counter(dict.fromkeys(uploaded, 1))
    assert deployment.store.count_batches() == len(uploaded)
    for which in (0, 1):
        rest = deployment.staff(which, "GET", "/v1/staff/batches")
        assert rest.json()["items"] == []


def test_an_acknowledgement_through_one_is_what_the_other_sees(deployment: Deployment) -> None:
    key = deployment.installation()
    batch_id, data = deployment.batch(key)
    assert _upload(deployment.urls[0], batch_id, data).status_code == 201
    sender = key_id(key.public_key())
    listed = deployment.staff(1, "GET", "/v1/staff/batches").json()["items"]
    assert [item["batch_id"] for item in listed] == [batch_id]

    first = deployment.staff(0, "POST", f"/v1/staff/batches/{batch_id}/ack?sender={sender}")
    assert first.status_code == 200
    acknowledged_at = first.json()["acknowledged_at"]
    assert acknowledged_at is not None
    assert deployment.staff(1, "GET", "/v1/staff/batches").json()["items"] == []
    status = deployment.signed(1, key, "GET", f"/v1/batches/{batch_id}")
    assert status.json()["state"] == "imported"
    time.sleep(1.1)  # a later acknowledgement would carry a later second
    # conditional: acknowledging again, through the other process, changes nothing
    again = deployment.staff(1, "POST", f"/v1/staff/batches/{batch_id}/ack?sender={sender}")
    assert again.status_code == 200 and again.json()["acknowledged_at"] == acknowledged_at
    # and two acknowledgements at once through both leave one time too
    other_id, other = deployment.batch(key)
    assert _upload(deployment.urls[1], other_id, other).status_code == 201
    both = _at_once(
        *(
            (
                lambda which=which: deployment.staff(
                    which, "POST", f"/v1/staff/batches/{other_id}/ack?sender={sender}"
                )
            )
            for which in (0, 1)
        )
    )
    assert [a.status_code for a in both] == [200, 200]
    assert len({a.json()["acknowledged_at"] for a in both}) == 1


def test_feedback_through_one_reaches_the_installation_through_the_other_once(
    deployment: Deployment,
) -> None:
    key = deployment.installation()
    kid = key_id(key.public_key())

    def post(which: int) -> httpx.Response:
        feedback = sign_feedback(
            feedback_id=str(uuid.uuid4()),
            installation_key_id=kid,
            batch_id=None,
            decisions=[RecordDecision(str(uuid.uuid4()), 1, "accepted")],
            issued_at=datetime.now(UTC).replace(microsecond=0),
            key=deployment.staff_key,
            installation=key.public_key(),
        )
        return deployment.staff(which, "POST", "/v1/staff/feedback", feedback.to_json())

    posted = _at_once(*((lambda which=which % 2: post(which)) for which in range(10)))
    assert [p.status_code for p in posted] == [201] * 10
    ids: list[str] = []
    after = 0
    for which in itertools.cycle((1, 0)):  # the installation pages through both
        page = deployment.signed(which, key, "GET", f"/v1/feedback?after={after}&limit=3").json()
        ids += [item["document"]["feedback"]["feedback_id"] for item in page["items"]]
        if not page["items"]:
            break
        after = page["next_after"]
    assert sorted(ids) == sorted(p.json()["feedback_id"] for p in posted)


def test_a_request_replayed_to_the_other_process_is_refused(deployment: Deployment) -> None:
    key = deployment.installation()
    headers = sign_request(
        key, "GET", "/v1/installations/me", b"", now=datetime.now(UTC), audience=PUBLIC_URL
    )
    first = httpx.get(deployment.urls[0] + "/v1/installations/me", headers=headers, timeout=60)
    assert first.status_code == 200
    replayed = httpx.get(deployment.urls[1] + "/v1/installations/me", headers=headers, timeout=60)
    assert replayed.status_code == 401 and replayed.json()["code"] == "replayed_nonce"


def test_the_same_manifest_through_both_at_once_is_held_once(deployment: Deployment) -> None:
    root = Ed25519PrivateKey.generate()
    since = datetime.now(UTC).replace(microsecond=0)
    for sequence in range(1, 6):
        document = sign_manifest(
            sequence=sequence,
            issued_at=since,
            keys=[
                ManifestKey("recipient", raw_public(deployment.register_key.public_key()), since),
                ManifestKey("staff", raw_public(deployment.staff_key.public_key()), since),
                ManifestKey("receipt", raw_public(deployment.server_key.public_key()), since),
            ],
            root=root,
        ).to_json()
        answers = _at_once(
            *(
                (lambda which=which: deployment.staff(which, "PUT", "/v1/staff/manifest", document))
                for which in (0, 1, 0, 1)
            )
        )
        assert sorted(a.status_code for a in answers) == [200, 200, 200, 201], [
            a.text for a in answers
        ]
    for which in (0, 1):
        served = httpx.get(deployment.urls[which] + "/v1/manifest", timeout=60).json()
        assert served == document  # the newest, sequence 5


def test_a_third_process_with_a_receipt_key_of_its_own_is_told_at_start(
    deployment: Deployment, tmp_path: Path
) -> None:
    root = Ed25519PrivateKey.generate()
    since = datetime.now(UTC).replace(microsecond=0)
    manifest = sign_manifest(
        sequence=1,
        issued_at=since,
        keys=[
            ManifestKey("recipient", raw_public(deployment.register_key.public_key()), since),
            ManifestKey("receipt", raw_public(deployment.server_key.public_key()), since),
        ],
        root=root,
    ).to_json()
    assert deployment.staff(0, "PUT", "/v1/staff/manifest", manifest).status_code == 201

    def start(name: str, *extra: str) -> str:
        port = free_port()
        log = tmp_path / f"{name}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SJELDEN_INBOX_")}
        env["SJELDEN_INBOX_DATABASE_URL"] = deployment.database
        with log.open("ab") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "sjelden_inbox", "serve", "--port", str(port), *extra],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:
            _wait_healthy(process, f"http://127.0.0.1:{port}", log)
        finally:
            process.terminate()
            process.wait(timeout=20)
        return log.read_text()

    own_key = start("stray", "--data-dir", str(tmp_path / "stray"))
    assert "warning receipt_key_unlisted" in own_key
    assert key_id(deployment.server_key.public_key()) in own_key  # names the listed key
    shared = start(
        "third",
        "--data-dir",
        str(tmp_path / "third"),
        "--server-key-file",
        str(deployment.key_file),
    )
    assert "receipt_key_unlisted" not in shared
