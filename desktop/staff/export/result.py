"""What an export reports back: how many records went out, and which files hold them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ExportResult:
    count: int  # records exported (current revisions; one record may give several rows)
    files: tuple[Path, ...]  # every file written, in the order written
