"""The in-memory token buckets: limits hold, and idle buckets do not pile up."""

from __future__ import annotations

from sjelden_inbox.ratelimit import SWEEP_EVERY, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(60, 3, clock=clock)
    assert [limiter.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.take("a")
    assert 0.9 < wait <= 1.0
    assert limiter.take("b") == 0.0  # other keys are not affected
    clock.now += 1.0
    assert limiter.take("a") == 0.0


def test_refilled_buckets_are_swept_but_busy_ones_kept() -> None:
    clock = Clock()
    limiter = RateLimiter(60, 5, clock=clock)
    for n in range(SWEEP_EVERY - 10):
        limiter.take(f"address-{n}")
    busy = "busy"
    for _ in range(5):
        limiter.take(busy)
    assert len(limiter) == SWEEP_EVERY - 9
    clock.now += 2.0  # every one-request bucket has refilled (4 + 2); "busy" has not (0 + 2)
    for _ in range(5):  # the fifth is call number SWEEP_EVERY
        limiter.take("late")
    # The sweep ran at call SWEEP_EVERY: only the busy bucket and the newest survive.
    assert len(limiter) == 2
    assert busy in limiter._buckets
    assert [limiter.take(busy) == 0.0 for _ in range(3)] == [True, True, False]
