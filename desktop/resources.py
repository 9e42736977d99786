"""Where the shipped resources (form definitions, code lists, translations, letters, icons) are.

The design card keeps them in the top-level ``resources/`` directory. It is a regular package
(it has an ``__init__.py``) that the wheel installs as ``sjelden_resources``, so
``importlib.resources.files`` finds it the same way in an editable install, an installed
wheel and a frozen bundle (PyInstaller's importer implements the same API). Only a checkout
that was never installed has no ``sjelden_resources`` to import; then the directory beside
the ``desktop`` package is used.

Callers get a ``Traversable`` and use only its methods (``/``, ``iterdir``, ``read_text``,
``open``, ``is_file``), never a path string: a resource is not guaranteed to be a file on
disk. Where a library needs a real file (Qt's translator, the window icon), ``as_file``
gives one for as long as it is needed, extracting it to a temporary file only when the
resource does not already live on disk.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "sjelden_resources"

__all__ = ["PACKAGE", "Traversable", "as_file", "resource_path", "resource_root"]


@functools.cache
def resource_root() -> Traversable:
    try:
        return importlib_resources.files(PACKAGE)
    except ModuleNotFoundError:  # a source checkout run without installing it
        return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Traversable:
    return resource_root().joinpath(*parts)


@contextlib.contextmanager
def as_file(resource: Traversable) -> Iterator[Path]:
    """A real file for ``resource`` while the block runs (the file itself when on disk)."""
    with importlib_resources.as_file(resource) as path:
        yield Path(path)
