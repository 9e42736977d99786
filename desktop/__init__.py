"""Sjeldenregisteret desktop registration client.

The package is split into a GUI-free core (``desktop.storage``, ``desktop.forms``,
``desktop.sync``, ``desktop.paths``) and a thin Qt layer (``desktop.ui``). The core never
imports Qt; an import-linter contract in ``pyproject.toml`` enforces that.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sjelden")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
