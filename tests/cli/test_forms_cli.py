"""``sjelden validate | schema | demo-data`` through the real entry point, in a subprocess
where the exit code and the streams matter, in-process (``main``) elsewhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from desktop.cli import main
from tests.forms.conftest import valid_record
from tests.helpers.cli import run_cli as run

TODAY = "2025-06-15"


def write(tmp_path: Path, payload: Any, name: str = "record.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def test_valid_record_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, valid_record())
    assert main(["validate", str(path), "--json", "--today", TODAY]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_invalid_record_exits_1_with_json_issues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = valid_record()
    record["patient"]["national_id"] = "12345678901"
    del record["reporter"]["hpr_number"]
    path = write(tmp_path, record)
    assert main(["validate", str(path), "--json", "--lang", "en", "--today", TODAY]) == 1
    issues = json.loads(capsys.readouterr().out)
    assert {(i["field"], i["code"]) for i in issues} == {
        ("patient.national_id", "national_id.checksum"),
        ("reporter.hpr_number", "field.required"),
    }
    for issue in issues:
        assert set(issue) == {"field", "code", "severity", "message"}
        assert issue["severity"] == "error"
        assert "12345678901" not in issue["message"]


def test_human_output_names_field_and_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = valid_record()
    record["patient"]["sex"] = "mann"  # a warning only: still valid
    assert main(["validate", str(write(tmp_path, record)), "--today", TODAY]) == 0
    out = capsys.readouterr().out
    assert "ADVARSEL patient.sex (sex.differs_from_national_id)" in out
    assert "1 av 1 registreringer er gyldige." in out


def test_json_lines_and_stdin(tmp_path: Path) -> None:
    bad = valid_record()
    bad["diagnoses"] = []
    lines = "\n".join(json.dumps(r) for r in (valid_record(), bad)) + "\n"
    result = run("validate", "-", "--json", "--today", TODAY, stdin=lines)
    assert result.returncode == 1, result.stderr
    assert [(i["record"], i["code"]) for i in json.loads(result.stdout)] == [(1, "repeat.too_few")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "File not found"),
        (b"{not json", "is not valid JSON (line 1)"),
        (b"", "is empty"),
        (b"\xff\xfe\x00", "is not UTF-8"),
    ],
)
def test_unreadable_input_exits_2_without_traceback(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "input.json"
    if content is not None:
        path.write_bytes(content)
    result = run("--language", "en", "validate", str(path), "--json")
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert "er en mappe, ikke en fil" in capsys.readouterr().err


def test_schema_prints_valid_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert jsonschema_rs.meta.is_valid(schema)
    assert jsonschema_rs.validator_for(schema).is_valid(valid_record())


def test_demo_data_is_valid_json_lines(tmp_path: Path) -> None:
    result = run("demo-data", "--count", "25", "--seed", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 25
    path = tmp_path / "demo.jsonl"
    path.write_text(result.stdout, encoding="utf-8")
    check = run("validate", str(path), "--json")
    assert check.returncode == 0, check.stdout
    assert json.loads(check.stdout) == []


def test_demo_data_refuses_a_bad_count() -> None:
    result = run("demo-data", "--count", "0")
    assert result.returncode == 2 and "must be 1 or more" in result.stderr


def test_letter_refuses_an_unknown_variant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["letter", "--record", str(write(tmp_path, valid_record())), "--html", "x.html"]
    with pytest.raises(SystemExit) as caught:
        main([*args, "--variant", "tenåringer"])
    assert caught.value.code == 2
    assert "barn_7_11" in capsys.readouterr().err


def test_letter_reads_its_record_like_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "letter.html"
    assert main(["letter", "--record", str(tmp_path), "--html", str(out)]) == 2
    assert "er en mappe, ikke en fil" in capsys.readouterr().err
    lines = write(tmp_path, [valid_record(), valid_record()])
    assert main(["letter", "--record", str(lines), "--html", str(out)]) == 2
    assert "må inneholde én registrering" in capsys.readouterr().err
    single_line = tmp_path / "one.jsonl"
    single_line.write_text(json.dumps(valid_record()) + "\n", encoding="utf-8")
    assert main(["letter", "--record", str(single_line), "--html", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
