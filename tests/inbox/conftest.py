"""Real servers for inbox tests: uvicorn on a free 127.0.0.1 port, SQLite in tmp_path or a
fresh schema in the PostgreSQL at SJELDEN_TEST_PG_URL."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import psycopg
import pytest
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from fastapi import FastAPI
from sjelden_inbox.app import build_context, create_app
from sjelden_inbox.codes import canonical_code, new_code
from sjelden_inbox.context import InboxContext
from sjelden_inbox.settings import Settings
from sjelden_inbox.storage import InstallationStatus
from sjelden_protocol import build_batch, key_id, sign_request
from sjelden_protocol.enrollment import build_enrollment
from sjelden_protocol.keys import raw_public

from tests.sync.protocol.conftest import fake_record

PG_URL_ENV = "SJELDEN_TEST_PG_URL"


@contextmanager
def postgres_schema_url() -> Iterator[str]:
    """A fresh schema per test, selected through the connection's search_path."""
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.skip(f"{PG_URL_ENV} is not set; start one with scripts/start-test-postgres.sh")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'inbox.sqlite3'}"
    else:
        with postgres_schema_url() as url:
            yield url


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with a real uvicorn on a free port; yield its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@dataclass
class Inbox:
    """A live inbox plus the keys and helpers tests use to talk to it."""

    url: str
    ctx: InboxContext
    http: httpx.Client
    staff_key: Ed25519PrivateKey
    register_key: X25519PrivateKey
    audience: str | None = None  # the origin requests are signed for (its public_urls)

    def signed(
        self,
        key: Ed25519PrivateKey,
        method: str,
        target: str,
        *,
        json_body: Any = None,
        content: bytes = b"",
        now: datetime | None = None,
        nonce: str | None = None,
    ) -> httpx.Response:
        if json_body is not None:
            import json

            content = json.dumps(json_body).encode()
        headers = sign_request(
            key,
            method,
            target,
            content,
            now=now or datetime.now(UTC),
            nonce=nonce,
            audience=self.audience,
        )
        if json_body is not None:
            headers["Content-Type"] = "application/json"
        return self.http.request(method, target, content=content, headers=headers)

    def staff(self, method: str, target: str, **kwargs: Any) -> httpx.Response:
        return self.signed(self.staff_key, method, target, **kwargs)

    def enroll(self, *, approve: bool = True, label: str = "Testklinikk PC 1") -> Ed25519PrivateKey:
        """Enroll through the real endpoints: staff code, installation post, staff approval."""
        key = Ed25519PrivateKey.generate()
        code = self.staff("POST", "/v1/staff/enrollment-codes").json()["code"]
        response = self.http.post("/v1/enrollments", json=build_enrollment(key, code, label))
        assert response.status_code == 201, response.text
        if approve:
            kid = key_id(key.public_key())
            answer = self.staff("POST", f"/v1/staff/installations/{kid}/approve")
            assert answer.json()["status"] == "approved"
        return key

    def enroll_direct(self) -> Ed25519PrivateKey:
        """Enroll and approve through the store (for tests that must not spend rate budget)."""
        key = Ed25519PrivateKey.generate()
        code = canonical_code(new_code())
        assert code is not None
        store, kid = self.ctx.store, key_id(key.public_key())
        store.add_enrollment_code(code, now=0, expires_at=2**40)
        store.enroll(code, kid, raw_public(key.public_key()), "direct", now=0)
        store.set_status(kid, InstallationStatus.APPROVED, now=0)
        return key

    def batch(
        self, key: Ed25519PrivateKey, records: int = 3, batch_id: str | None = None
    ) -> tuple[str, bytes]:
        batch_id = batch_id or str(uuid.uuid4())
        data = build_batch(
            [fake_record() for _ in range(records)],
            batch_id=batch_id,
            signer=key,
            recipient=self.register_key.public_key(),
        )
        return batch_id, data

    def upload(self, batch_id: str, data: bytes) -> httpx.Response:
        return self.http.put(
            f"/v1/batches/{batch_id}",
            content=data,
            headers={"Content-Type": "application/octet-stream"},
        )


def make_inbox(tmp_path: Path, url: str, **overrides: Any) -> Iterator[Inbox]:
    settings = Settings(data_dir=tmp_path / "data", database_url=url, **overrides)
    ctx = build_context(settings)
    staff_key = Ed25519PrivateKey.generate()
    ctx.store.add_staff_key(
        key_id(staff_key.public_key()), raw_public(staff_key.public_key()), "test staff", now=0
    )
    try:
        with (
            running(create_app(context=ctx)) as base,
            httpx.Client(base_url=base, timeout=30) as http,
        ):
            audience = min(settings.public_urls) if settings.public_urls else None
            yield Inbox(base, ctx, http, staff_key, X25519PrivateKey.generate(), audience)
    finally:
        ctx.store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def inbox(backend: str, tmp_path: Path) -> Iterator[Inbox]:
    with database_url(backend, tmp_path) as url:
        yield from make_inbox(tmp_path, url)


__all__ = [
    "Inbox",
    "InstallationStatus",
    "canonical_code",
    "database_url",
    "fake_record",
    "make_inbox",
    "new_code",
    "running",
]
