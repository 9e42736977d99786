"""Exports and reports of the register, each leaving one signed audit entry.

An export takes personal data out of the register, so the CLI and the window both export
through ``export_register``: it refuses a bulk export without the registrar's reason
(``export_reason_missing``), writes the files (``desktop.staff.export``, atomically), then
writes the audit entry ``export:<format>`` with a detail naming the format, the record
count, the columns, the destination's file *name* (never its path: a path can name a
person's folder), how many files, their SHA-256 and the reason. If the entry cannot be
written, the files are removed again: an export nobody can see in the audit does not exist.

The SHA-256 of one file is the file's own; of several (a research extract with its
reports, a phenopacket folder) it is the SHA-256 of the ``sha256sum``-style listing
``<hex>  <name>\\n`` sorted by name, which anyone can recompute from the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import quote

from desktop.staff.errors import StaffError

if TYPE_CHECKING:
    from desktop.staff.export.research import ResearchRequest
    from desktop.staff.export.result import ExportResult
    from desktop.staff.register import Register

T = TypeVar("T")

#: Formats that hold one row or file per person: a reason is required.
BULK_FORMATS = frozenset({"csv", "fhir", "phenopacket", "research"})
REASON_MAX = 200
_CHUNK = 1 << 20


def detail(values: Mapping[str, object]) -> str:
    """``key=value;key=value``, values percent-quoted so ``;`` and ``=`` stay separators."""
    return ";".join(f"{key}={quote(str(value), safe=',:.-_ ')}" for key, value in values.items())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def files_sha256(files: tuple[Path, ...]) -> str:
    """One file's SHA-256, or that of the sorted ``sha256sum`` listing of several."""
    if len(files) == 1:
        return file_sha256(files[0])
    listing = "".join(f"{file_sha256(p)}  {p.name}\n" for p in sorted(files, key=lambda p: p.name))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def checked_reason(fmt: str, reason: str | None) -> str:
    """The reason as it is kept, or ``StaffError`` for a bulk export without one."""
    text = " ".join((reason or "").split())
    if not text and fmt in BULK_FORMATS:
        raise StaffError("export_reason_missing")
    if len(text) > REASON_MAX:
        raise StaffError("export_reason_too_long")
    return text


def columns_of(fmt: str, research: ResearchRequest | None) -> str:
    """What the export's columns are, as names or the name of the fixed column set."""
    if fmt == "csv":
        from desktop.staff.export import registry_csv

        return f"registry_csv:{len(registry_csv.COLUMNS)}"
    if fmt == "research":
        from desktop.staff.export.research import ResearchRequest, columns_for

        return ",".join(columns_for(research or ResearchRequest()))
    return {
        "fhir": "fhir_bundle",
        "phenopacket": "phenopacket_v2",
        "aggregate": "orpha,county,year,sex",
    }.get(fmt, fmt)


def _remove(destination: Path, result: ExportResult) -> None:
    if destination.is_dir():
        shutil.rmtree(destination, ignore_errors=True)
    for path in result.files:
        path.unlink(missing_ok=True)


def export_register(
    register: Register,
    fmt: str,
    destination: Path,
    *,
    reason: str | None,
    research: ResearchRequest | None = None,
    today: dt.date | None = None,
) -> ExportResult:
    """Export every current record as ``fmt`` to ``destination``, audited (see the module)."""
    from desktop.staff.export import export

    kept_reason = checked_reason(fmt, reason)
    result = export(fmt, register.iter_current(), destination, today=today, research=research)
    try:
        values: dict[str, object] = {
            "format": fmt,
            "records": result.count,
            "columns": columns_of(fmt, research),
            "file": destination.name,
            "files": len(result.files),
            "sha256": files_sha256(result.files),
        }
        if kept_reason:
            values["reason"] = kept_reason
        register.access(f"export:{fmt}", detail=detail(values))
    except BaseException:
        _remove(destination, result)
        raise
    return result


def audited_report(register: Register, name: str, build: Callable[[], list[T]]) -> list[T]:
    """A report over the register's records (counts only), with its audit entry."""
    rows = build()
    register.access(f"report:{name}", detail=detail({"rows": len(rows)}))
    return rows
