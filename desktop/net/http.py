"""One HTTP client for everything sync says to the inbox: timeouts, retries, TLS, proxy.

* ``https://`` for every server but this machine's loopback (``check_server_url``).
* With TLS pins from the key manifest, each connection's server key must be one of them
  (``desktop.net.pinning``; ``tls_pin_mismatch``).
* Certificate verification is always on: ``verify`` is either ``True`` (the system CAs,
  through certifi) or the path of the health network's CA bundle, never ``False``.
* Connect and read timeouts bound each wait for the peer, and a total deadline bounds each
  whole exchange (connect, send, receive): a peer that trickles a byte just inside the read
  timeout cannot hold a sync forever. The exchange runs in a short-lived daemon thread that
  the caller waits on with that deadline, watching the cancel event, so a cancelled sync
  stops at once; a thread given up on ends at its next read timeout and its answer is
  dropped (re-sending is always safe: batches have stable ids).
* Retries use exponential back-off with full jitter, and honour ``Retry-After`` (429, 503).
  Only failures that may succeed later are retried (connection errors, timeouts, 5xx, 429,
  a replayed nonce); a refusal (4xx with a reason code) is reported at once, unless the
  caller names its code in ``resend_on`` (an upload whose bytes may have been damaged on
  the way: the same bytes again, under the same policy).
* Only an answer in JSON with a ``code`` is the inbox's: an error page without one (HTML from
  a proxy, a firewall, a gateway) is reported as such (``proxy_refused`` for 4xx,
  ``gateway_error`` for 5xx), never as the register refusing.
* Signed requests are signed again for each attempt (fresh timestamp and nonce).

Nothing here logs request or response bodies.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import logging
import random
import threading
import time
import urllib.parse
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import sign_request

from desktop.net.errors import Cancelled, SyncError
from desktop.net.pinning import PinnedAdapter, pin_failure

log = logging.getLogger(__name__)

# Codes the server returns that a later attempt may cure by itself.
_RETRYABLE_CODES = frozenset({"replayed_nonce", "rate_limited", "storage_unavailable"})
_MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    #: the most one exchange (connect + send + receive) may take, whatever the peer does
    exchange_timeout: float = 180.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(max, base * 2**attempt)]."""
        return rng.uniform(0.0, min(self.max_delay, self.base_delay * (2**attempt)))


@dataclass
class Answer:
    status: int
    body: bytes
    headers: Mapping[str, str]  # case-insensitive (requests' own)

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SyncError("server_busy", "response is not JSON", retryable=True) from exc


def _inbox_code(answer: Answer) -> str | None:
    """The reason code of an answer the inbox gave, or ``None`` for a page from something
    else on the way: the inbox answers every error in JSON with a string ``code``."""
    content_type = answer.headers.get("Content-Type", "")
    if content_type.split(";")[0].strip().lower() != "application/json":
        return None
    try:
        value = json.loads(answer.body)
    except (ValueError, UnicodeDecodeError):
        return None
    code = value.get("code") if isinstance(value, dict) else None
    return code if isinstance(code, str) and code else None


def _loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """``url`` if it may be used: ``https://`` for every server, plain ``http://`` only on
    this machine's loopback (the embedded demo inbox, tests), where nothing crosses a wire.

    Refused with ``https_required`` (plain http to another host: anyone on the way could
    read and change what is said) or ``bad_server_url`` (not a web address at all)."""
    parts = urllib.parse.urlsplit(url.strip())
    try:
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a port that is no number raises here
    except ValueError:
        host = ""
    if parts.scheme not in ("https", "http") or not host:
        raise SyncError("bad_server_url")
    if parts.scheme == "http" and not _loopback(host):
        raise SyncError("https_required", host)
    return url.strip()


class Transport:
    """A ``requests.Session`` bound to one server, with the retry rules above.

    The server's address must pass ``check_server_url`` (so every command and window that
    talks to a server refuses plain http to another host in one place)."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str | None = None,
        proxy: str | None = None,
        policy: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        tls_pins: frozenset[bytes] = frozenset(),
    ) -> None:
        self.base_url = check_server_url(base_url).rstrip("/")
        self.policy = policy or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self._rng = random.Random()  # noqa: S311 - jitter, not secrets
        self.session = requests.Session()
        # Always verify; a custom bundle only changes which CAs are trusted. Passed with each
        # request too, because requests lets REQUESTS_CA_BUNDLE override a session's setting.
        self.verify: str | bool = ca_bundle if ca_bundle else True
        self.session.verify = self.verify
        if proxy:
            self.session.proxies = {"http": proxy, "https": proxy}
        self.session.headers["User-Agent"] = "sjelden-desktop-sync"
        if tls_pins:
            # The inbox's TLS key from the key manifest (desktop.net.pinning).
            self.session.mount("https://", PinnedAdapter(tls_pins))

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ------------------------------------------------------------------------------

    def _wait(self, seconds: float) -> None:
        if self.cancel.wait(seconds):
            raise Cancelled()

    def check_cancelled(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    def _within_deadline(self, exchange: Callable[[], Answer]) -> Answer:
        """``exchange()`` within ``exchange_timeout``; cancel stops the wait at once."""
        outcome: list[Answer | BaseException] = []
        done = threading.Event()

        def run() -> None:
            try:
                outcome.append(exchange())
            except BaseException as exc:  # handed to the waiting caller
                outcome.append(exc)
            finally:
                done.set()

        worker = threading.Thread(target=run, name="sjelden-http", daemon=True)
        worker.start()
        deadline = time.monotonic() + self.policy.exchange_timeout
        while not done.wait(min(0.2, max(0.0, deadline - time.monotonic()))):
            self.check_cancelled()
            if time.monotonic() >= deadline:
                raise SyncError(
                    "offline",
                    f"no complete answer within {self.policy.exchange_timeout:g} s",
                    retryable=True,
                )
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def _exchange(
        self,
        method: str,
        target: str,
        body: bytes,
        signer: Ed25519PrivateKey | None,
        content_type: str | None,
    ) -> Answer:
        headers: dict[str, str] = {}
        if content_type:
            headers["Content-Type"] = content_type
        if signer is not None:
            headers.update(
                sign_request(
                    signer,
                    method,
                    target,
                    body,
                    now=dt.datetime.now(dt.UTC),
                    audience=self.base_url,  # the server this client means: no replay elsewhere
                )
            )
        try:
            response = self.session.request(
                method,
                self.base_url + target,
                data=body if body else None,
                headers=headers,
                timeout=(self.policy.connect_timeout, self.policy.read_timeout),
                verify=self.verify,
                allow_redirects=False,
            )
            content = response.content
        except requests.exceptions.SSLError as exc:
            if pin_failure(exc):
                raise SyncError("tls_pin_mismatch", self.base_url) from exc
            raise SyncError("tls_untrusted", type(exc).__name__) from exc
        except requests.exceptions.ProxyError as exc:
            raise SyncError("offline", "proxy: " + type(exc).__name__, retryable=True) from exc
        except requests.exceptions.RequestException as exc:
            # Connection refused/reset, timeouts, a response cut short.
            raise SyncError("offline", type(exc).__name__, retryable=True) from exc
        return Answer(response.status_code, content, response.headers)

    def _classify(self, answer: Answer) -> SyncError:
        code = _inbox_code(answer)
        if answer.status == 429:
            return SyncError("rate_limited", code or "", retryable=True)
        if code is None:
            # Not the inbox speaking: something on the way answered with its own page.
            if answer.status >= 500:
                return SyncError("gateway_error", f"HTTP {answer.status}", retryable=True)
            return SyncError("proxy_refused", f"HTTP {answer.status}")
        if answer.status >= 500:
            return SyncError("server_busy", f"HTTP {answer.status} {code}", retryable=True)
        if code in _RETRYABLE_CODES:
            return SyncError(
                "server_busy" if code != "rate_limited" else code, code, retryable=True
            )
        return SyncError(code, f"HTTP {answer.status}")

    def _retry_after(self, answer: Answer | None) -> float | None:
        if answer is None:
            return None
        value = answer.headers.get("Retry-After")
        try:
            return min(_MAX_RETRY_AFTER, max(0.0, float(value))) if value else None
        except ValueError:
            return None

    # -- the one entry point -------------------------------------------------------------------

    def request(
        self,
        method: str,
        target: str,
        *,
        body: bytes = b"",
        signer: Ed25519PrivateKey | None = None,
        content_type: str | None = None,
        ok: Collection[int] = (200, 201),
        resend_on: Collection[str] = (),
    ) -> Answer:
        """Send until an answer in ``ok`` arrives, a refusal does, or attempts run out.

        A refusal whose code is in ``resend_on`` is retried like a lost connection; when the
        attempts run out, the last such refusal is raised as it came.
        """
        last: SyncError | None = None
        for attempt in range(self.policy.attempts):
            self.check_cancelled()
            answer: Answer | None = None
            try:
                answer = self._within_deadline(
                    lambda: self._exchange(method, target, body, signer, content_type)
                )
                if answer.status in ok:
                    return answer
                error = self._classify(answer)
            except SyncError as exc:
                error = exc
            if not error.retryable and error.code not in resend_on:
                raise error
            last = error
            log.info("sync %s %s attempt %d failed: %s", method, target, attempt + 1, error.code)
            if attempt + 1 < self.policy.attempts:
                delay = self.policy.delay(attempt, self._rng)
                hinted = self._retry_after(answer)
                self._wait(max(delay, hinted) if hinted is not None else delay)
        assert last is not None
        raise last
