"""The register's central inbox server: it stores signed, encrypted batches it cannot read,
answers with signed receipts and relays the register's feedback.

A distribution of its own (``sjelden-inbox``) so a server installs FastAPI, uvicorn, psycopg
and the batch protocol, and nothing of the desktop app (no Qt, no SQLCipher, no export
libraries). It imports only ``sjelden_protocol`` of this repository; an import-linter
contract in the root ``pyproject.toml`` keeps it so.
"""

#: the one place the version is written: pyproject.toml reads it (setuptools' dynamic
#: version), so asking for it at start-up costs no importlib.metadata scan
__version__ = "0.2.0"

__all__ = ["__version__"]
