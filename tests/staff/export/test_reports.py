"""Counts for the staff overview: by diagnosis, institution, month and county; report CSV
without personal data."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest

from desktop.staff.export import ExportError
from desktop.staff.export.reports import DIMENSIONS, ReportRow, count_by, write_report_csv
from desktop.staff.model import RegisterRecord
from tests.staff.export.conftest import read_csv
from tests.staff.export.synthetic import (
    REPORTER_ORGNR,
    assert_valid,
    golden_payload,
    identifiers,
    register_records,
    wrap,
)


def variant(record_id: str, **changes: str) -> RegisterRecord:
    """The golden record under another id, with reporter/patient fields changed."""
    payload = copy.deepcopy(golden_payload())
    payload["record_id"] = record_id
    for path, value in changes.items():
        section, key = path.split("__")
        if value == "":
            payload[section].pop(key, None)
        else:
            payload[section][key] = value
    return wrap(assert_valid(payload))


@pytest.fixture
def records() -> list[RegisterRecord]:
    return [
        variant("00000000-0000-4000-8000-000000000001"),
        variant(
            "00000000-0000-4000-8000-000000000002",
            reporter__registration_date="2024-11-20",
            patient__municipality="4601",
        ),
        variant(
            "00000000-0000-4000-8000-000000000003",
            reporter__orgnr="",
            reporter__workplace="Fiktiv barneklinikk",
            reporter__registration_date="2024-10-31",
            patient__municipality="4601",
        ),
    ]


def test_by_diagnosis_counts_records_per_orpha_code(records: list[RegisterRecord]) -> None:
    single = copy.deepcopy(golden_payload())
    single["record_id"] = "00000000-0000-4000-8000-000000000004"
    single["diagnoses"] = single["diagnoses"][:1]
    single["modules"] = {}
    rows = count_by([*records, wrap(assert_valid(single))], "diagnosis")
    assert rows == [
        ReportRow("ORPHA:558", "Marfans syndrom", 4),
        ReportRow("ORPHA:47", rows[1].label, 3),
    ]
    assert rows[1].label and rows[1].label != "ORPHA:47"


def test_by_institution_keys_on_orgnr_else_name(records: list[RegisterRecord]) -> None:
    assert count_by(records, "institution") == [
        ReportRow(REPORTER_ORGNR, "Testsykehuset HF", 2),
        ReportRow("Fiktiv barneklinikk", "Fiktiv barneklinikk", 1),
    ]


def test_by_month_in_time_order(records: list[RegisterRecord]) -> None:
    assert count_by(records, "month") == [
        ReportRow("2024-10", "2024-10", 2),
        ReportRow("2024-11", "2024-11", 1),
    ]


def test_by_county_from_the_municipality(records: list[RegisterRecord]) -> None:
    assert count_by(records, "county") == [
        ReportRow("03", "Oslo", 1),
        ReportRow("46", "Vestland", 2),
    ]


def test_only_current_revisions_count(records: list[RegisterRecord]) -> None:
    older = copy.deepcopy(records[0].payload)
    older["revision"] = 1
    older["reporter"]["registration_date"] = "2024-09-01"
    rows = count_by([wrap(older), *records], "month")
    assert [row.key for row in rows] == ["2024-10", "2024-11"]


def test_demo_totals_add_up() -> None:
    demo = register_records(150)
    assert sum(row.count for row in count_by(demo, "month")) == 150
    assert sum(row.count for row in count_by(demo, "county")) == 150
    assert sum(row.count for row in count_by(demo, "institution")) == 150
    expected = Counter(
        code for r in demo for code in {d["orpha_code"] for d in r.payload["diagnoses"]}
    )
    assert {row.key: row.count for row in count_by(demo, "diagnosis")} == dict(expected)
    assert set(DIMENSIONS) == {"diagnosis", "institution", "month", "county"}


def test_unknown_dimension_is_refused(records: list[RegisterRecord]) -> None:
    with pytest.raises(ExportError, match="Unknown report dimension 'ward'"):
        count_by(records, "ward")


def test_report_csv_has_no_personal_data(tmp_path: Path) -> None:
    demo = register_records(100)
    folder = tmp_path / "chosen"
    folder.mkdir()
    for dimension in DIMENSIONS:
        path = write_report_csv(count_by(demo, dimension), dimension, folder / f"{dimension}.csv")
        text = path.read_text(encoding="utf-8-sig")
        header, rows = read_csv(path)
        assert header[2] == "records"
        assert sum(int(row["records"]) for row in rows) >= 100
        found = identifiers(demo)
        for value in found["text"]:
            assert value not in text
        cells = {*header, *(cell for row in rows for cell in row.values())}
        assert not found["token"] & cells
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{d}.csv" for d in DIMENSIONS)


def test_report_csv_neutralises_formula_cells(tmp_path: Path) -> None:
    record = variant(
        "00000000-0000-4000-8000-000000000009",
        reporter__orgnr="",
        reporter__workplace='=HYPERLINK("http://x/","Klikk")',
    )
    rows = count_by([record], "institution")
    path = write_report_csv(rows, "institution", tmp_path / "institution.csv")
    _, (row,) = read_csv(path)
    assert row["institution"] == row["institution_name"] == '\'=HYPERLINK("http://x/","Klikk")'
    assert row["records"] == "1"


@pytest.mark.parametrize("dimension", ["month", "county"])
def test_a_damaged_registration_date_is_reported_by_record(dimension: str) -> None:
    payload = copy.deepcopy(golden_payload())
    payload["reporter"]["registration_date"] = "20241001"  # not the validator's YYYY-MM-DD
    record = wrap(payload)
    with pytest.raises(ExportError, match="no valid registration date") as failure:
        count_by([record], dimension)
    assert record.record_id in str(failure.value)


def test_county_is_the_county_of_the_registration_date(records: list[RegisterRecord]) -> None:
    payload = copy.deepcopy(records[0].payload)
    payload["record_id"] = "6b1f4e0a-3c2d-4e5f-8a9b-0c1d2e3f4a5b"
    payload["patient"]["municipality"] = "3030"  # Lillestrøm, in Viken until 2023
    payload["reporter"]["registration_date"] = "2023-05-02"
    assert count_by([wrap(payload)], "county") == [ReportRow("30", "Viken", 1)]
