"""The one exception an export raises for anything the user or a bug can cause."""

from __future__ import annotations


class ExportError(Exception):
    """Why an export was refused or failed; nothing was written. Messages name the problem
    and the fix, and never carry field values (names, national ids, ...)."""
