"""The inbox's TLS key, pinned from the register's key manifest.

Certificate authorities vouch for names, not for the register: a CA that issues a
certificate for the inbox's name to someone else (or a health-network proxy that re-signs
traffic) would otherwise see every request. So when the manifest lists ``tls`` pins (the
SHA-256 of the inbox certificate's SubjectPublicKeyInfo, DER), each new TLS connection is
checked right after its handshake: a peer whose certificate carries another public key is
dropped before a byte of the request is sent, and the request fails with
``tls_pin_mismatch``. The CA check still happens first (verification is never off); the pin
is an extra condition, checked per connection (so a kept-alive connection was checked when
it was made). Pinning the public key, not the certificate, lets the inbox renew its
certificate under the same key; a new key is listed in a manifest before it is used.

``requests`` offers no hook after the handshake, so the transport mounts ``PinnedAdapter``:
its pools make ``urllib3`` connections whose ``connect`` checks the peer.
"""

from __future__ import annotations

import hashlib
import ssl
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager


class TlsPinMismatch(ssl.SSLError):
    """The server's TLS key is not one the register's manifest names."""


def spki_sha256(certificate_der: bytes) -> bytes:
    """SHA-256 of a certificate's SubjectPublicKeyInfo (DER): the value a ``tls`` pin holds."""
    spki = (
        x509.load_der_x509_certificate(certificate_der)
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return hashlib.sha256(spki).digest()


def _pool_class(pins: frozenset[bytes]) -> type[HTTPSConnectionPool]:
    class PinnedConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            sock: Any = self.sock
            der = sock.getpeercert(binary_form=True) if sock is not None else None
            if not der or spki_sha256(der) not in pins:
                self.close()
                raise TlsPinMismatch("the server's TLS key is not pinned in the key manifest")

    class PinnedPool(HTTPSConnectionPool):
        ConnectionCls = PinnedConnection

    return PinnedPool


class PinnedAdapter(HTTPAdapter):
    """An adapter whose HTTPS connections (direct or through a proxy) check the pins."""

    def __init__(self, pins: frozenset[bytes]) -> None:
        self._classes: dict[str, type[HTTPConnectionPool]] = {
            "http": HTTPConnectionPool,
            "https": _pool_class(pins),
        }
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._classes

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> PoolManager:
        manager: PoolManager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = self._classes
        return manager


def pin_failure(exc: BaseException) -> bool:
    """Whether a failed request failed on the pin (``requests`` wraps the cause deeply)."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if id(item) in seen or not isinstance(item, BaseException):
            continue
        seen.add(id(item))
        if isinstance(item, TlsPinMismatch):
            return True
        todo.extend([item.__cause__, item.__context__, *item.args])
        todo.append(getattr(item, "reason", None))
    return False
