"""The research extract: k-anonymous over the requested quasi-identifiers, k measured again
on the written file (by our own count and by pycanon where it is installed), a report with
no field value, refusals with stable codes, and no direct identifier anywhere."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from desktop.messages import LANGUAGES
from desktop.staff.export import AnonymityRefused, export, policy
from desktop.staff.export.research import ResearchRequest, columns_for, report_paths
from desktop.staff.model import RegisterRecord
from tests.staff.export.conftest import leftovers, read_csv
from tests.staff.export.synthetic import TODAY, identifiers, register_records

# What each documented column set is exported with here. The wide sets need more than the
# default budget on synthetic data (every value drawn uniformly, so a rare-disease register
# at its sparsest); test_a_wide_set_is_refused_at_the_default_budget shows the refusal.
REQUESTS = {
    "standard": {},
    "institution": {},
    "genetics": {"k": 3, "max_suppression_percent": 50},
    "all": {"k": 3, "max_suppression_percent": 50},
}


@pytest.fixture(scope="module")
def register() -> list[RegisterRecord]:
    """3,000 synthetic records: the default request (k = 5, 10 %) can just be met."""
    return register_records(3000, seed=7)


def classes_in(rows: list[dict[str, str]], columns: tuple[str, ...]) -> Counter[tuple[str, ...]]:
    return Counter(tuple(row[c] for c in columns) for row in rows)


def test_the_policy_sets_are_documented() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "staff-exports.md").read_text("utf-8")
    for name, columns in policy.COLUMN_SETS.items():
        assert f"`{name}`: {', '.join(columns)}" in docs
    assert set(REQUESTS) == set(policy.COLUMN_SETS)


@pytest.mark.parametrize("column_set", list(policy.COLUMN_SETS))
def test_k_holds_over_the_written_extract(
    column_set: str, register: list[RegisterRecord], out_dir: Path
) -> None:
    request = ResearchRequest.build(columns=column_set, **REQUESTS[column_set])
    path = out_dir / "research.csv"
    result = export("research", register, path, today=TODAY, research=request)
    header, rows = read_csv(path)
    assert tuple(header) == columns_for(request)
    qis = request.columns
    smallest = min(classes_in(rows, qis).values())
    assert smallest >= request.k
    report = json.loads(report_paths(path)[0].read_text("utf-8"))
    assert request.k <= report["k_reached"] <= smallest  # persons; rows can only be more
    assert report["rows"]["released"] == len(rows)
    assert report["rows"]["suppressed"] <= request.max_suppression * report["rows"]["total"]
    assert report["records"]["register"] == len(register) == result.count
    assert set(report["columns"]) == set(qis)
    for column, chosen in report["columns"].items():
        assert chosen["level"] in policy.HIERARCHIES[column]
        assert chosen["level"] != "suppressed"
    assert leftovers(out_dir) == sorted(
        ["research.csv", "research.report.json", "research.report.txt"]
    )

    pd = pytest.importorskip("pandas")
    anonymity = pytest.importorskip("pycanon.anonymity")
    frame = pd.DataFrame(rows, columns=header)
    assert anonymity.k_anonymity(frame, list(qis)) == smallest


def test_a_wide_set_is_refused_at_the_default_budget(
    register: list[RegisterRecord], out_dir: Path
) -> None:
    request = ResearchRequest.build(columns="genetics")
    with pytest.raises(AnonymityRefused) as caught:
        export("research", register, out_dir / "r.csv", today=TODAY, research=request)
    assert caught.value.code == "export.k_not_met"
    assert "10 per cent" in str(caught.value)
    assert "10 prosent" in caught.value.user_message("nb")
    assert leftovers(out_dir) == []  # neither the extract nor a report


def test_requests_are_checked_before_any_work() -> None:
    cases = [
        ({"k": 2}, "export.k_too_small"),
        ({"columns": "age,postcode"}, "export.unknown_column"),
        ({"columns": "everything"}, "export.unknown_column"),
        ({"max_suppression_percent": 150}, "export.bad_suppression"),
    ]
    for arguments, code in cases:
        with pytest.raises(AnonymityRefused) as caught:
            ResearchRequest.build(**arguments)  # type: ignore[arg-type]
        assert caught.value.code == code
        for lang in LANGUAGES:
            assert caught.value.user_message(lang)
    request = ResearchRequest.build(columns="sex, age")
    assert request.columns == ("age", "sex") and request.column_set is None
    assert ResearchRequest.build(columns=policy.COLUMN_SETS["genetics"]).column_set == "genetics"
    assert ResearchRequest() == ResearchRequest.build()


def test_too_few_people_are_refused(register: list[RegisterRecord], out_dir: Path) -> None:
    with pytest.raises(AnonymityRefused, match=r"export\.k_not_met"):
        export("research", register[:4], out_dir / "r.csv", today=TODAY)
    assert leftovers(out_dir) == []


def test_no_direct_identifier_and_no_value_in_the_report(
    register: list[RegisterRecord], out_dir: Path
) -> None:
    path = out_dir / "research.csv"
    export("research", register, path, today=TODAY)
    text = path.read_text(encoding="utf-8-sig")
    found = identifiers(register)
    assert len(found["text"]) > 2 * len(register)  # the scan covers real values
    for value in found["text"]:
        assert value not in text
    _, rows = read_csv(path)
    cells = {cell for row in rows for cell in row.values()}
    tokens = {token for cell in cells for token in re.split(r"[\s|;,:()]+", cell) if token}
    for value in found["token"]:
        assert value not in cells and value not in tokens
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # no dates
    assert "Syntetisk demoregistrering" not in text and "Familieanamnese" not in text
    # The reports name policy levels and counts, never a value of the register.
    json_path, text_path = report_paths(path)
    reports = json_path.read_text("utf-8") + text_path.read_text("utf-8")
    values = {r.payload["patient"]["municipality"] for r in register} | {
        d["orpha_code"] for r in register for d in r.payload["diagnoses"]
    }
    assert not any(value in reports for value in values)
    assert "Report on the research extract research.csv" in reports
    assert "Rapport for forskningsuttrekket research.csv" in reports
    assert json_path.stat().st_mode & 0o777 == 0o600


def test_generalised_values_follow_the_hierarchies(
    register: list[RegisterRecord], out_dir: Path
) -> None:
    path = out_dir / "research.csv"
    export("research", register, path, today=TODAY)
    _, rows = read_csv(path)
    report = json.loads(report_paths(path)[0].read_text("utf-8"))
    assert report["columns"]["age"]["level"] == "band20"  # on this data
    ages = {row["age"] for row in rows}
    assert ages <= {"0-19", "20-39", "40-59", "60-79", "80+", "*"}
    regions = {"Helse Nord", "Helse Midt-Norge", "Helse Vest", "Helse Sør-Øst"}
    assert {row["geography"] for row in rows} <= regions | {"*", policy.UNKNOWN_REGION}
    # common ORPHA codes stay; the long tail becomes "other" (no groups in the shipped list)
    diagnoses = Counter(row["diagnosis"] for row in rows)
    assert diagnoses["ORPHA:586"] > 100 and diagnoses[policy.OTHER] > 1000
    named = {row["diagnosis_name"] for row in rows if row["diagnosis"] == "ORPHA:558"}
    assert named == {"Marfans syndrom"}
