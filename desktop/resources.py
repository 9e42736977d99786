"""Where the shipped resources (form definitions, code lists, translations, letters) are.

In a source checkout they are the top-level ``resources/`` directory (the layout of the
design card); an installed wheel carries the same directory as the package
``sjelden_resources`` (mapped in ``pyproject.toml``). One function hides the difference so
no module guesses paths of its own.
"""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources
from pathlib import Path


@functools.cache
def resource_root() -> Path:
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    return Path(str(importlib_resources.files("sjelden_resources")))


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
