"""Refuse oversize request bodies while they stream in, before they are buffered.

A pure ASGI middleware, because by the time a FastAPI handler runs the body is already in
memory. Envelope uploads get the envelope limit; every other route the JSON limit.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, envelope_bytes: int, json_bytes: int) -> None:
        self.app = app
        self.envelope_bytes = envelope_bytes
        self.json_bytes = json_bytes

    def _limit(self, scope: Scope) -> int:
        upload = scope["method"] == "PUT" and str(scope["path"]).startswith("/v1/batches/")
        return self.envelope_bytes if upload else self.json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _too_large(send, limit)
                return
        received = 0
        refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await _too_large(send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not refused:
                raise


async def _too_large(send: Send, limit: int) -> None:
    body: dict[str, Any] = {
        "code": "too_large",
        "message": f"request body exceeds {limit} bytes; split the batch into smaller ones",
    }
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})
