"""The real inbox subprocess of the sync tests, for the CLI's file-input tests."""

from tests.sync.conftest import inbox_server, staff  # noqa: F401
