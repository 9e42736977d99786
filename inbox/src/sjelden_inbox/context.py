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
    failures: RateLimiter

    def now(self) -> int:
        return int(self.settings.clock().timestamp())

    def refuse_if_failing(self, address: str) -> None:
        """Refuse an address that spent its budget of failed authentications."""
        wait = self.failures.wait(address)
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            raise ApiError(
                429,
                "rate_limited",
                f"too many failed authentications from this address; retry in {seconds} s",
                headers={"Retry-After": str(seconds)},
            )

    def failed_authentication(self, address: str) -> None:
        self.failures.take(address)

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
