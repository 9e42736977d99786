from datetime import date

import pytest

from desktop.forms.codelists import get_codelist, municipality_valid_on


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("orpha", "ORPHA:586", "ORPHA:586"),
        ("orpha", "orpha 586", "ORPHA:586"),
        ("orpha", "ORPHA:616874", "ORPHA:616874"),
        ("orpha", "ORPHA:999999", None),  # well-formed, not in the nomenclature
        ("orpha", "cystic fibrosis", None),
        ("icd10", "E84.0", "E84.0"),
        ("icd10", "e840", "E84.0"),
        ("icd10", "E84.7", None),
        ("kommuner", "0301", "0301"),
        ("kommuner", "0302", None),
        ("kommuner", "301", None),
        ("fylker", "33", "33"),
        ("fylker", "30", "30"),  # Viken, a county until 2023
        ("fylker", "29", None),
    ],
)
def test_normalize_says_whether_a_value_names_a_code(name, value, expected):
    assert get_codelist(name).normalize(value) == expected


def test_labels_come_from_the_newest_version_holding_the_code():
    assert get_codelist("kommuner").label("0301") == "Oslo"
    assert get_codelist("orpha").label("ORPHA:586", "en") == "Cystic fibrosis"
    assert get_codelist("orpha").label("ORPHA:1") == "ORPHA:1"


def test_municipality_valid_on_the_registration_date():
    assert municipality_valid_on("3301", date(2026, 3, 1))  # Drammen from 2024
    assert not municipality_valid_on("3005", date(2026, 3, 1))  # Drammen until 2023
    assert not municipality_valid_on("9999", date(2026, 3, 1))
    # Each day is judged by the list in force then (SSB classification 131).
    assert municipality_valid_on("3030", date(2023, 6, 1))  # Lillestrøm 2020-2023
    assert not municipality_valid_on("3205", date(2023, 6, 1))  # Lillestrøm from 2024
    assert municipality_valid_on("3205", date(2024, 1, 1))
    assert not municipality_valid_on("3030", date(2024, 1, 1))
    assert municipality_valid_on("3030", date(2023, 12, 31))
    # Before the first shipped list (2020), the earliest list answers.
    assert municipality_valid_on("3030", date(2019, 6, 1))
    assert not municipality_valid_on("3205", date(2019, 6, 1))
