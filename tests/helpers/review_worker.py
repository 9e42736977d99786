"""A second staff member on the same PostgreSQL register, as an OS process of its own.

The concurrent-review tests and ``benchmarks/bench_concurrent_review.py`` start this module
(``python -m tests.helpers.review_worker``) twice or more: each process opens its own
connection to the register (``PgBackend``) with the register's keys and its own actor, says
``ready``, waits for ``go`` on stdin so all of them start at once, does its work and prints
one JSON line of what happened. The keys travel on the stdin pipe (never the command line,
which other users can read); they are a test profile's synthetic keys.

Jobs (the first stdin line, JSON):

* ``{"mode": "decide", "items": [[batch_id, record_id, revision, choice], ...]}``: decide each
  item in turn; every refusal is counted by its code, a win lists the record id.
* ``{"mode": "accept_clean", "items": [[batch_id, record_id], ...]}``: one bulk acceptance
  held to those items.
* ``{"mode": "reserve", "national_ids": [...]}``: a reservation for each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.keys import raw_private

from desktop.staff import decisions, reservations
from desktop.staff.crypto import RegisterCipher
from desktop.staff.dialect import PgBackend
from desktop.staff.errors import AlreadyDecided, StaffError
from desktop.staff.register import Register
from desktop.staff.session import StaffSession
from desktop.storage import audit

ROOT = Path(__file__).resolve().parents[2]


def register_secrets(staff: StaffSession) -> tuple[str, str]:
    """The data key and keyed-hash secret of a test profile, hex (what a member's wrap holds)."""

    def read(conn: Any) -> dict[str, bytes]:
        rows = conn.execute(
            "SELECT role, secret FROM staff_keys WHERE role IN ('data', 'hmac') "
            "ORDER BY created_at, rowid"
        ).fetchall()
        return {str(role): bytes(secret) for role, secret in rows}  # the newest wins

    secrets = staff.store.call(read, "test: register secrets")
    return secrets["data"].hex(), secrets["hmac"].hex()


@dataclass
class Outcome:
    actor: str
    won: list[str] = field(default_factory=list)  # record ids this process decided
    refused: dict[str, int] = field(default_factory=dict)  # refusal code -> count
    decided_by: list[str] = field(default_factory=list)  # whom already_decided named
    latencies: list[float] = field(default_factory=list)  # seconds per decision call
    accepted: int = 0  # accept_clean
    left: int = 0
    decided_elsewhere: int = 0
    reserved: int = 0
    seconds: float = 0.0  # from "go" to done


def _run(job: dict[str, Any], register: Register) -> Outcome:
    outcome = Outcome(register.actor)
    start = time.perf_counter()
    if job["mode"] == "decide":
        for batch_id, record_id, revision, choice in job["items"]:
            t0 = time.perf_counter()
            try:
                decisions.decide(
                    register,
                    record_id,
                    choice,
                    revision=revision,
                    batch_id=batch_id,
                    reason_code="annet" if choice == "reject" else None,
                )
                outcome.won.append(record_id)
            except StaffError as exc:
                outcome.refused[exc.code] = outcome.refused.get(exc.code, 0) + 1
                if isinstance(exc, AlreadyDecided):
                    outcome.decided_by.append(exc.decided_by)
            outcome.latencies.append(time.perf_counter() - t0)
    elif job["mode"] == "accept_clean":
        result = decisions.accept_clean(register, only=[tuple(pair) for pair in job["items"]])
        outcome.accepted, outcome.left = result.accepted, result.left
        outcome.decided_elsewhere = result.decided_elsewhere
    elif job["mode"] == "reserve":
        for number in job["national_ids"]:
            t0 = time.perf_counter()
            reservations.reserve(register, number)
            outcome.reserved += 1
            outcome.latencies.append(time.perf_counter() - t0)
    else:
        raise ValueError(job["mode"])
    outcome.seconds = time.perf_counter() - start
    return outcome


def main() -> int:
    job = json.loads(sys.stdin.readline())
    cipher = RegisterCipher(bytes.fromhex(job["data_key"]), bytes.fromhex(job["hmac_key"]))
    # Each reviewer process is a member of its own: its entries keyed and signed by its key
    # (a member's, when the job names one: else ``audit verify`` names its entries).
    given = job.get("signing_key")
    signing = (
        Ed25519PrivateKey.generate()
        if given is None
        else Ed25519PrivateKey.from_private_bytes(bytes.fromhex(given))
    )
    signer = audit.Signer(cipher.audit_key(), signing)
    register = Register(PgBackend(job["url"]), cipher, actor=job["actor"], signer=signer)
    try:
        register.counts()  # connected before "ready": the start line is fair
        print("ready", flush=True)
        if sys.stdin.readline().strip() != "go":
            return 2
        print(json.dumps(asdict(_run(job, register))), flush=True)
    finally:
        register.close()
    return 0


class Workers:
    """Started worker processes, released together; ``results`` waits for their answers."""

    def __init__(self, jobs: list[dict[str, Any]], *, timeout: float = 600) -> None:
        self.timeout = timeout
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.processes = [
            subprocess.Popen(
                [sys.executable, "-m", "tests.helpers.review_worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env=env,
            )
            for _ in jobs
        ]
        for process, job in zip(self.processes, jobs, strict=True):
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(json.dumps(job) + "\n")
            process.stdin.flush()
        for process in self.processes:
            assert process.stdout is not None
            line = process.stdout.readline().strip()
            if line != "ready":
                self.kill()
                raise RuntimeError(f"a review worker did not start (said {line!r})")

    def go(self) -> list[Outcome]:
        for process in self.processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        outcomes = []
        try:
            for process in self.processes:
                out, _ = process.communicate(timeout=self.timeout)
                if process.returncode != 0:
                    raise RuntimeError(f"a review worker failed (exit {process.returncode})")
                outcomes.append(Outcome(**json.loads(out.strip().splitlines()[-1])))
        finally:
            self.kill()
        return outcomes

    def kill(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def job(
    url: str,
    keys: tuple[str, str],
    actor: str,
    mode: str,
    *,
    signing_key: Ed25519PrivateKey | None = None,
    **work: Any,
) -> dict[str, Any]:
    """One worker's job: where the register is, its keys, who works and what to do; the
    signing key of the member it is (``tests.staff.conftest.add_member``), if any."""
    base = {"url": url, "data_key": keys[0], "hmac_key": keys[1], "actor": actor, "mode": mode}
    if signing_key is not None:
        base["signing_key"] = raw_private(signing_key).hex()
    return {**base, **work}


if __name__ == "__main__":
    sys.exit(main())
