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
        _refuse_after(self.failures.wait(address), "failed authentications from this address")

    def failed_authentication(self, address: str) -> None:
        self.failures.take(address)

    def rate_limit(self, key: str) -> None:
        _refuse_after(self.limiter.take(key), "requests from this key")


def _refuse_after(wait: float, what: str) -> None:
    """``429 rate_limited`` with ``Retry-After`` when a bucket says to wait."""
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        raise ApiError(
            429,
            "rate_limited",
            f"too many {what}; retry in {seconds} s",
            headers={"Retry-After": str(seconds)},
        )
