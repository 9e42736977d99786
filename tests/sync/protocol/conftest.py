from __future__ import annotations

import uuid
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import ProtocolError


def fake_record(revision: int = 1, **fields: Any) -> dict[str, Any]:
    """A synthetic record: random ids, made-up values, no real person."""
    return {
        "record_id": str(uuid.uuid4()),
        "revision": revision,
        "form": {"id": "sjelden.registration", "version": "1.0"},
        "fields": {"diagnosis_code": "Q87.1", "birth_year": 2001, **fields},
    }


def code_of(call) -> str:  # type: ignore[no-untyped-def]
    """The reason code of the ``ProtocolError`` that ``call()`` raises."""
    with pytest.raises(ProtocolError) as caught:
        call()
    return caught.value.code


@pytest.fixture
def signer() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def register_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()
