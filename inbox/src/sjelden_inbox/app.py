"""The FastAPI application factory."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sjelden_inbox import __version__

from .bodylimit import BodyLimitMiddleware
from .context import InboxContext
from .errors import ApiError
from .ratelimit import RateLimiter
from .routes import installation, public, staff
from .server_key import load_or_create_server_key
from .settings import Settings
from .storage import PoolTimeout, Store, open_database

log = logging.getLogger("inbox")


def _error(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"code": code, "message": message},
        status_code=status,
        headers=dict(headers) if headers else None,
    )


def _describe(errors: Any) -> str:
    """Name each bad field and why, without echoing the submitted values."""
    parts = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts[:10]) or "invalid request"


def _storage_errors() -> tuple[type[Exception], ...]:
    errors: list[type[Exception]] = [sqlite3.OperationalError, PoolTimeout]
    try:
        import psycopg

        errors.append(psycopg.OperationalError)
    except ImportError:  # pragma: no cover - the server extra always installs it
        pass
    return tuple(errors)


def build_context(settings: Settings) -> InboxContext:
    settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    store = Store(
        open_database(
            settings.resolved_database_url, settings.db_pool_size, settings.database_password
        ),
        settings.retention,
    )
    store.migrate()
    store.purge_expired(now=int(settings.clock().timestamp()))
    return InboxContext(
        settings=settings,
        store=store,
        server_key=load_or_create_server_key(settings.server_key_path),
        limiter=RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst),
        failures=RateLimiter(settings.failed_auth_per_minute, settings.failed_auth_burst),
    )


def create_app(settings: Settings | None = None, *, context: InboxContext | None = None) -> FastAPI:
    settings = settings or (context.settings if context else Settings())
    ctx = context or build_context(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if context is None:
            ctx.store.close()

    app = FastAPI(
        title="Sjelden inbox",
        version=__version__,
        description=(
            "Central inbox of the Register for Rare Diagnoses. Stores signed, encrypted "
            "batches it cannot read, returns signed receipts, relays staff-signed feedback. "
            "Contract: docs/protocol.md."
        ),
        lifespan=lifespan,
        docs_url="/docs" if settings.api_docs else None,
        redoc_url="/redoc" if settings.api_docs else None,
    )
    app.state.inbox = ctx
    app.include_router(public.router)
    app.include_router(installation.router)
    app.include_router(staff.router)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _describe(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail), exc.headers)

    for error_type in _storage_errors():

        @app.exception_handler(error_type)
        async def storage_error(request: Request, exc: Exception) -> JSONResponse:
            log.warning("storage unavailable: %s", type(exc).__name__)
            return _error(
                503,
                "storage_unavailable",
                "the inbox database is busy or down; retry later",
                {"Retry-After": "5"},
            )

    app.add_middleware(
        BodyLimitMiddleware,
        envelope_bytes=settings.max_envelope_bytes,
        json_bytes=settings.max_json_bytes,
    )
    return app
