import pytest

from desktop.forms.codelists import normalize_icd10, normalize_kommunenummer, normalize_orpha


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ORPHA:586", "ORPHA:586"),
        ("orpha:586", "ORPHA:586"),
        ("Orpha 586", "ORPHA:586"),
        ("ORPHA586", "ORPHA:586"),
        ("orphacode 586", "ORPHA:586"),
        (" 586 ", "ORPHA:586"),
        ("0586", "ORPHA:586"),
        ("616874", "ORPHA:616874"),
        ("ORPHA:", None),
        ("ORPHA:0", None),
        ("OMIM:219700", None),
        ("586a", None),
        ("", None),
    ],
)
def test_normalize_orpha(text, expected):
    assert normalize_orpha(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E84", "E84"),
        ("e84.0", "E84.0"),
        ("E840", "E84.0"),
        ("E84 .0", "E84.0"),
        ("Q87.40", "Q87.40"),
        ("E8", None),
        ("84.0", None),
        ("E84.000", None),
        ("EE84", None),
    ],
)
def test_normalize_icd10(text, expected):
    assert normalize_icd10(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("0301", "0301"), (" 3301 ", "3301"), ("301", None), ("03011", None)]
)
def test_normalize_kommunenummer(text, expected):
    assert normalize_kommunenummer(text) == expected
