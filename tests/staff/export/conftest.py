"""Fixtures for the export tests: synthetic accepted records and an export folder."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from desktop.staff.model import RegisterRecord
from tests.staff.export.synthetic import assert_valid, golden_payload, register_records, wrap


@pytest.fixture(scope="session")
def demo_register() -> list[RegisterRecord]:
    """200 varied demo records (fnr and D-numbers, deceased, HGVS, karyotypes, PID)."""
    return register_records(200)


@pytest.fixture
def golden() -> RegisterRecord:
    return wrap(assert_valid(golden_payload()))


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder the "user" chose (not the temp dir the suite redirects TMPDIR to)."""
    folder = tmp_path / "chosen"
    folder.mkdir()
    return folder


def leftovers(folder: Path) -> list[str]:
    """Everything in ``folder``, hidden temporary files included."""
    return sorted(p.name for p in folder.iterdir())


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A staff CSV (UTF-8 with BOM, ";"): its header and its rows as column -> cell."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel nb-NO"
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";")
    header, *body = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in body]
