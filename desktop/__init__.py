"""Sjeldenregisteret desktop registration client.

The package is split into a GUI-free core (``desktop.storage``, ``desktop.forms``,
``desktop.sync``, ``desktop.paths``) and a thin Qt layer (``desktop.ui``). The core never
imports Qt; an import-linter contract in ``pyproject.toml`` enforces that.
"""

#: the one place the version is written: pyproject.toml reads it (setuptools' dynamic
#: version), so asking for it at start-up costs no importlib.metadata scan
__version__ = "0.2.0"

__all__ = ["__version__"]
