"""The served OpenAPI document is the checked-in one, and schemathesis finds no 5xx and no
undocumented status, content type or body against a live server."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sjelden_inbox.openapi import CHECKED_IN

from .conftest import Inbox, make_inbox

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_checked_in_openapi_matches_the_served_document(tmp_path: Path) -> None:
    for inbox in make_inbox(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}"):
        served = inbox.http.get("/openapi.json").json()
    assert served == json.loads(CHECKED_IN.read_text(encoding="utf-8")), (
        "the checked-in openapi.json is stale; run: .venv-test/bin/sjelden-inbox openapi --out "
        "inbox/src/sjelden_inbox/openapi.json"
    )


@pytest.fixture(scope="module")
def live_inbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Inbox]:
    tmp = tmp_path_factory.mktemp("schemathesis")
    yield from make_inbox(tmp, f"sqlite:///{tmp / 'db.sqlite3'}", rate_limit_burst=10**6)


@pytest.mark.slow
def test_api_conforms_and_never_fails(live_inbox: Inbox) -> None:
    """Driven operation by operation (schemathesis' pytest fixture loader does not support
    pytest 9 yet), with hypothesis generating the cases from the served document."""
    schema = schemathesis.openapi.from_url(f"{live_inbox.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    calls: list[int] = []
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    for operation, mode in itertools.product(operations, modes):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            response = case.call_and_validate(checks=CHECKS)
            calls.append(response.status_code)

        try:
            check()
        except Unsatisfiable:
            # Nothing to make invalid (no parameters or body): only positive cases exist.
            assert mode is schemathesis.GenerationMode.NEGATIVE
    assert len(calls) > 10 * len(operations)
    assert {200, 400, 401, 422} <= set(calls)
