"""What every request handler needs, built once per app by ``create_app``."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .errors import ApiError
from .ratelimit import RateLimiter
from .settings import Settings
from .storage import Store


@dataclass
class InboxContext:
    settings: Settings
    store: Store
    server_key: Ed25519PrivateKey
    limiter: RateLimiter

    def now(self) -> int:
        return int(self.settings.clock().timestamp())

    def rate_limit(self, key: str) -> None:
        wait = self.limiter.take(key)
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            raise ApiError(
                429,
                "rate_limited",
                f"too many requests from this key; retry in {seconds} s",
                headers={"Retry-After": str(seconds)},
            )
