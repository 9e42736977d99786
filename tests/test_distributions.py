"""The three distributions of this repository are released together: each pin between them
names the version the other package declares, and each package's version is written once."""

from __future__ import annotations

import tomllib
from pathlib import Path

import sjelden_inbox
import sjelden_protocol

import desktop

ROOT = Path(__file__).resolve().parent.parent


def _dependencies(pyproject: Path) -> list[str]:
    with pyproject.open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert project["dynamic"] == ["version"]  # read from the package, never written twice
    return list(project["dependencies"])


def test_the_pins_between_our_distributions_match_their_versions() -> None:
    assert desktop.__version__ == sjelden_inbox.__version__ == sjelden_protocol.__version__
    app = _dependencies(ROOT / "pyproject.toml")
    inbox = _dependencies(ROOT / "inbox" / "pyproject.toml")
    _dependencies(ROOT / "protocol" / "pyproject.toml")
    assert f"sjelden-protocol=={sjelden_protocol.__version__}" in app
    assert f"sjelden-inbox=={sjelden_inbox.__version__}" in app
    assert f"sjelden-protocol=={sjelden_protocol.__version__}" in inbox


def test_the_protocol_needs_cryptography_with_hpke_and_nothing_else() -> None:
    assert _dependencies(ROOT / "protocol" / "pyproject.toml") == ["cryptography>=47"]
