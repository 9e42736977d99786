"""A total deadline per HTTP exchange (issue 14, F3): a peer that sends one byte just inside
the read timeout, forever, cannot hold a sync; neither can one that trickles its headers.
Cancelling stops the wait at once. Real sockets on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from desktop.net.errors import Cancelled, SyncError
from desktop.net.http import RetryPolicy, Transport

ONE_ATTEMPT = RetryPolicy(attempts=1, connect_timeout=2.0, read_timeout=1.0, exchange_timeout=2.5)


class Trickler:
    """Accepts connections and answers one byte every ``gap`` seconds, never finishing."""

    def __init__(self, gap: float, *, headers_first: bool) -> None:
        self.gap = gap
        self.headers_first = headers_first
        self.stop = threading.Event()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            if self.headers_first:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
            prefix = b"" if self.headers_first else b"HTTP/1.1 200 OK\r\nX-Slow: "
            for index in range(10_000):
                if self.stop.wait(self.gap):
                    return
                try:
                    conn.sendall(prefix[index : index + 1] if index < len(prefix) else b"a")
                except OSError:
                    return

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        self.server.close()


@pytest.fixture(params=[True, False], ids=["slow-body", "slow-headers"])
def trickler(request: pytest.FixtureRequest) -> Iterator[Trickler]:
    server = Trickler(0.5, headers_first=request.param)  # each gap inside the read timeout
    yield server
    server.close()


def test_a_trickling_peer_is_cut_off_at_the_exchange_deadline(trickler: Trickler) -> None:
    with Transport(f"http://127.0.0.1:{trickler.port}", policy=ONE_ATTEMPT) as transport:
        started = time.monotonic()
        with pytest.raises(SyncError) as caught:
            transport.request("GET", "/v1/health")
        took = time.monotonic() - started
    assert caught.value.code == "offline" and caught.value.retryable
    assert 2.0 <= took < 4.0, took  # the deadline, not the peer, ended it


def test_cancel_stops_a_stalled_exchange_at_once(trickler: Trickler) -> None:
    policy = RetryPolicy(attempts=1, read_timeout=1.0, exchange_timeout=60.0)
    cancel = threading.Event()
    with Transport(f"http://127.0.0.1:{trickler.port}", policy=policy, cancel=cancel) as t:
        threading.Timer(0.5, cancel.set).start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            t.request("GET", "/v1/health")
    assert time.monotonic() - started < 2.0
