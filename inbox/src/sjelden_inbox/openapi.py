"""The OpenAPI document, independent of any data dir, and its checked-in copy's path."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

CHECKED_IN = Path(__file__).with_name("openapi.json")


def openapi_document() -> dict[str, Any]:
    from .app import create_app
    from .settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(data_dir=Path(tmp)))
        try:
            return app.openapi()
        finally:
            app.state.inbox.store.close()
