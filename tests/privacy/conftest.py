"""Fixtures of the privacy tests: the staff register on SQLCipher or PostgreSQL, clinic
profiles, the real inbox in a subprocess."""

from tests.staff.conftest import backend, register_db
from tests.sync.conftest import inbox_server

__all__ = ["backend", "inbox_server", "register_db"]
