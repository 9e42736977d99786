"""The frozen bundle holds the app and nothing of the tests: no test package, no test tool,
no synthetic test person, no translation sources."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.synthetic import MARKER_FAMILY_NAME
from tests.shipped.conftest import shipped

TEST_TOOLS = ("pytest", "_pytest", "hypothesis", "pytestqt", "schemathesis", "hgvs", "mypy")


def test_the_bundle_holds_no_test_data() -> None:
    app = shipped("SJELDEN_SHIPPED_APP")
    if os.environ.get("SJELDEN_SHIPPED_KIND") != "bundle":
        pytest.skip("only the frozen bundle is checked for test data this way")
    root = app.parent
    names = {path.name for path in root.rglob("*")}
    assert "tests" not in names
    for tool in TEST_TOOLS:
        assert tool not in names, f"{tool} is inside the bundle"
    assert not [path for path in root.rglob("*.ts")], "translation sources are not shipped"
    marker = MARKER_FAMILY_NAME.encode()
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".csv", ".txt", ".html", ".md"):
            assert marker not in path.read_bytes(), f"test data in {path.relative_to(root)}"


def test_the_bundle_has_its_resources() -> None:
    app = shipped("SJELDEN_SHIPPED_APP")
    if os.environ.get("SJELDEN_SHIPPED_KIND") != "bundle":
        pytest.skip("only the frozen bundle is checked for test data this way")
    resources = next(app.parent.rglob("sjelden_resources"))
    for part in ("forms", "codelists", "i18n", "letters", "icons"):
        assert (Path(resources) / part).is_dir(), part
