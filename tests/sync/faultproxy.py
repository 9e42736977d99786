"""A small HTTP-aware TCP proxy on loopback that injects network faults.

It serves one request per client connection (reading the request head and its
``Content-Length`` body), picks a fault for it, and closes the connection afterwards. Faults:

* ``pass``: forward the request and relay the response;
* ``delay``: wait before forwarding (sometimes longer than the client's read timeout);
* ``drop_upload``: forward part of the request, then cut both connections (a cable pulled
  mid-upload: the server sees a truncated body);
* ``error_503``: answer ``503`` without contacting the server;
* ``error_after``: forward, let the server process it, then answer ``502`` (a gateway that
  failed after the server committed);
* ``lose_response``: forward, read the server's answer, and close without relaying it;
* ``duplicate``: send the request to the server twice, relay the first answer;
* ``kill``: forward the request, then call ``on_kill`` (the test SIGKILLs and restarts the
  server) before any answer can be relayed, and close;
* ``flip_upload``: flip bits of one byte of an upload's body (``PUT``; as ``flip_at`` says,
  else one bit at random) and forward it: the damage a faulty middlebox does on plain HTTP;
* ``forge_413``: answer an upload with the inbox's own ``413 too_large`` without forwarding
  it; ``forge_413_after``: forward it (the inbox stores the batch), then answer that ``413``;
* ``html_403`` / ``html_502``: answer with an HTML error page, as a proxy or firewall does.

The upload modes (``flip_upload``, ``forge_413*``) pass every other request unchanged.
``next_uploads`` queues modes for the next uploads, before the random choice applies again.
``rewrite`` (for tamper tests) may change a response body on its way to the client;
``statuses`` counts the HTTP status of every answer relayed to the client, ``refusals`` the
reason code of every 4xx among them.
"""

from __future__ import annotations

import contextlib
import json
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable

MODES = (
    "pass",
    "delay",
    "drop_upload",
    "error_503",
    "error_after",
    "lose_response",
    "duplicate",
    "kill",
    "flip_upload",
    "forge_413",
    "forge_413_after",
    "html_403",
    "html_502",
)
UPLOAD_MODES = frozenset({"flip_upload", "forge_413", "forge_413_after"})


def _read_message(sock: socket.socket, limit: int = 64 * 1024 * 1024) -> bytes:
    """One HTTP/1.1 message with a Content-Length body (all our traffic has one)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the head ended")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length > limit:
        raise ConnectionError("message too large for the proxy")
    while len(rest) < length:
        chunk = sock.recv(min(65536, length - len(rest)))
        if not chunk:
            raise ConnectionError("closed inside the body")
        rest += chunk
    return head + b"\r\n\r\n" + rest


class FaultProxy:
    def __init__(
        self,
        upstream: tuple[str, int],
        *,
        seed: int = 0,
        on_kill: Callable[[], None] | None = None,
        max_delay: float = 0.3,
    ) -> None:
        self.upstream = upstream
        self.rng = random.Random(seed)
        self.weights: dict[str, float] = {"pass": 1.0}
        self.on_kill = on_kill
        self.max_delay = max_delay
        self.rewrite: Callable[[bytes], bytes] | None = None
        # where and which bits ``flip_upload`` flips, given the body (default: one random bit)
        self.flip_at: Callable[[bytes], tuple[int, int]] | None = None
        self.counts: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.refusals: Counter[str] = Counter()  # the JSON ``code`` of each 4xx relayed
        self._queued: list[str] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_faults(self, **weights: float) -> None:
        unknown = set(weights) - set(MODES)
        assert not unknown, unknown
        with self._lock:
            self.weights = dict(weights) or {"pass": 1.0}

    def next_uploads(self, *modes: str) -> None:
        """Apply ``modes`` to the next uploads, one each, before the random choice."""
        unknown = set(modes) - set(MODES)
        assert not unknown, unknown
        with self._lock:
            self._queued += modes

    def _pick(self, upload: bool) -> str:
        with self._lock:
            if upload and self._queued:
                return self._queued.pop(0)
            modes = list(self.weights)
            mode = self.rng.choices(modes, [self.weights[m] for m in modes])[0]
        return "pass" if mode in UPLOAD_MODES and not upload else mode

    def close(self) -> None:
        self._stop.set()
        self._acceptor.join(timeout=10)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=30)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()

    def _upstream_exchange(self, request: bytes, *, read: bool = True) -> bytes | None:
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(request)
            if not read:
                return None
            return _read_message(up)

    def _serve(self, client: socket.socket) -> None:
        with client:
            client.settimeout(30)
            try:
                request = _read_message(client)
            except (ConnectionError, OSError):
                return
            mode = self._pick(request.startswith(b"PUT /v1/batches/"))
            with self._lock:
                self.counts[mode] += 1
            with contextlib.suppress(ConnectionError, OSError):
                self._act(mode, client, request)

    def _relay(self, client: socket.socket, response: bytes) -> None:
        status = response.split(b" ", 2)[1] if response.startswith(b"HTTP/") else b""
        number = int(status) if status.isdigit() else 0
        code = ""
        if 400 <= number < 500:
            with contextlib.suppress(ValueError):
                value = json.loads(response.partition(b"\r\n\r\n")[2])
                code = str(value.get("code", "")) if isinstance(value, dict) else ""
        with self._lock:
            self.statuses[number] += 1
            if code:
                self.refusals[code] += 1
        client.sendall(response)

    def _flip(self, request: bytes) -> bytes:
        head, _, body = request.partition(b"\r\n\r\n")
        if not body:
            return request
        with self._lock:
            if self.flip_at is not None:
                at, bits = self.flip_at(body)
            else:
                at, bits = self.rng.randrange(len(body)), 1 << self.rng.randrange(8)
        damaged = bytearray(body)
        damaged[at] ^= bits
        return head + b"\r\n\r\n" + bytes(damaged)

    def _act(self, mode: str, client: socket.socket, request: bytes) -> None:
        if mode == "delay":
            time.sleep(self.rng.uniform(0, self.max_delay))
            mode = "pass"
        if mode == "flip_upload":
            request = self._flip(request)
            mode = "pass"
        if mode == "pass":
            response = self._upstream_exchange(request)
            assert response is not None
            if self.rewrite is not None:
                response = _rewrite(response, self.rewrite)
            self._relay(client, response)
        elif mode in ("forge_413", "forge_413_after"):
            if mode == "forge_413_after":
                self._upstream_exchange(request)
            self._relay(client, _too_large())
        elif mode in ("html_403", "html_502"):
            self._relay(client, _html(int(mode[-3:])))
        elif mode == "drop_upload":
            cut = self.rng.randint(1, max(1, len(request) - 1))
            with socket.create_connection(self.upstream, timeout=30) as up:
                up.sendall(request[:cut])
            client.shutdown(socket.SHUT_RDWR)
        elif mode == "error_503":
            self._relay(client, _plain(503, "Service Unavailable"))
        elif mode == "error_after":
            self._upstream_exchange(request)
            self._relay(client, _plain(502, "Bad Gateway"))
        elif mode == "lose_response":
            self._upstream_exchange(request)
            client.shutdown(socket.SHUT_RDWR)
        elif mode == "duplicate":
            first = self._upstream_exchange(request)
            self._upstream_exchange(request)
            assert first is not None
            self._relay(client, first)
        elif mode == "kill":
            with socket.create_connection(self.upstream, timeout=30) as up:
                up.sendall(request)
                time.sleep(self.rng.uniform(0, 0.02))
                if self.on_kill is not None:
                    self.on_kill()
            client.shutdown(socket.SHUT_RDWR)


def _plain(status: int, reason: str) -> bytes:
    body = b'{"code":"proxy_error","message":"injected fault"}'
    return (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def _too_large() -> bytes:
    """The inbox's own 413 answer, byte for byte what its body limit sends."""
    body = (
        b'{"code": "too_large", "message": "request body exceeds 1000 bytes; split the batch '
        b'into smaller ones"}'
    )
    return (
        "HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


_REASONS = {403: "Forbidden", 502: "Bad Gateway"}


def _html(status: int) -> bytes:
    """An error page of the kind a corporate proxy or firewall serves."""
    body = (
        f"<!DOCTYPE html><html><head><title>{status} {_REASONS[status]}</title></head>"
        f"<body><h1>{_REASONS[status]}</h1><p>The proxy server could not handle the request."
        "</p><hr><address>squid</address></body></html>"
    ).encode()
    return (
        f"HTTP/1.1 {status} {_REASONS[status]}\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def _rewrite(response: bytes, change: Callable[[bytes], bytes]) -> bytes:
    head, _, body = response.partition(b"\r\n\r\n")
    body = change(body)
    lines = [
        line for line in head.split(b"\r\n") if not line.lower().startswith(b"content-length:")
    ]
    lines.append(b"Content-Length: " + str(len(body)).encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
