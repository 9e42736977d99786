"""The regeneration script, on small inputs written here (the real sources are large wheels)."""

import csv
import importlib.util
import io
from pathlib import Path

import pytest

from desktop.forms.codelists import default_store

TOOL = Path(__file__).resolve().parents[3] / "tools" / "codelists" / "build.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("codelists_build", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HPOA = (
    "#description: test\n"
    "database_id\tdisease_name\tqualifier\thpo_id\n"
    "OMIM:1\tSomething\t\tHP:1\n"
    "ORPHA:586\tCystic fibrosis\t\tHP:1\n"
    "ORPHA:586\tCystic fibrosis\t\tHP:2\n"
    "ORPHA:70\tProximal spinal muscular atrophy\t\tHP:1\n"
)


def test_orpha_rows_merge_bokmal_names_and_add_the_undiagnosed_code(build):
    supplement = (
        "code,expected_name_en,label_nb,synonyms\n"
        "ORPHA:586,Cystic fibrosis,Cystisk fibrose,CF | Mukoviskidose\n"
    )
    rows = build.build_orpha(build.parse_hpoa(HPOA), supplement)
    assert [r["code"] for r in rows] == ["ORPHA:70", "ORPHA:586", "ORPHA:616874"]
    assert rows[1] == {
        "code": "ORPHA:586",
        "label_en": "Cystic fibrosis",
        "label_nb": "Cystisk fibrose",
        "synonyms": "CF | Mukoviskidose",
    }
    assert rows[2]["label_nb"].startswith("Sjelden tilstand")


def test_a_bokmal_name_for_the_wrong_code_stops_the_build(build):
    supplement = (
        "code,expected_name_en,label_nb,synonyms\nORPHA:70,Cystic fibrosis,Cystisk fibrose,\n"
    )
    with pytest.raises(build.BuildError, match="ORPHA:70 is named"):
        build.build_orpha(build.parse_hpoa(HPOA), supplement)


def test_two_names_for_one_code_stop_the_build(build):
    with pytest.raises(build.BuildError, match="two different names"):
        build.parse_hpoa(HPOA + "ORPHA:586\tMucoviscidosis\t\tHP:3\n")


def test_icd10_keeps_categories_and_subcategories_with_their_block(build):
    xml = b"""<icd_10_v2019><item type="chapter"><name>IV</name><description>Endocrine</description>
    <item type="block"><name>E70-E90</name><description>Metabolic</description>
    <item type="category"><name>E84</name><description>Cystic  fibrosis</description>
    <item type="subcategory"><name>E84.0</name><description>With lungs</description></item>
    </item></item></item></icd_10_v2019>"""
    rows = build.parse_icd10_xml(xml)
    assert rows == [
        {
            "code": "E84",
            "label_en": "Cystic fibrosis",
            "kind": "category",
            "chapter": "IV",
            "block": "E70-E90",
        },
        {
            "code": "E84.0",
            "label_en": "With lungs",
            "kind": "subcategory",
            "chapter": "IV",
            "block": "E70-E90",
        },
    ]


def test_municipalities_are_checked_against_their_county(build):
    good = 'kommunenummer,kommunenavn,fylkesnummer,fylkesnavn\n0301,"Oslo",03,"Oslo"\n'
    assert build.build_kommuner(good) == [
        {"code": "0301", "label_nb": "Oslo", "fylkesnummer": "03", "fylkesnavn": "Oslo"}
    ]
    with pytest.raises(build.BuildError, match="fylkesnummer"):
        build.build_kommuner(good.replace(",03,", ",11,"))
    with pytest.raises(build.BuildError, match="twice"):
        build.build_kommuner(good + '0301,"Oslo",03,"Oslo"\n')


def test_counties_come_from_the_municipalities_and_must_agree(build):
    kommuner = [
        {"code": "3301", "label_nb": "Drammen", "fylkesnummer": "33", "fylkesnavn": "Buskerud"},
        {"code": "0301", "label_nb": "Oslo", "fylkesnummer": "03", "fylkesnavn": "Oslo"},
    ]
    assert build.build_fylker(kommuner) == [
        {"code": "03", "label_nb": "Oslo"},
        {"code": "33", "label_nb": "Buskerud"},
    ]
    kommuner.append({"code": "3303", "label_nb": "X", "fylkesnummer": "33", "fylkesnavn": "Viken"})
    with pytest.raises(build.BuildError, match="two names"):
        build.build_fylker(kommuner)


def test_the_shipped_orpha_list_carries_every_bokmal_name_of_the_supplement(build):
    orpha = default_store().get("orpha")
    for row in csv.DictReader(io.StringIO(build.SUPPLEMENT_NB.read_text("utf-8"))):
        concept = orpha.get(row["code"])
        assert concept.labels["nb"] == row["label_nb"]
        assert concept.labels["en"] == row["expected_name_en"]


def test_the_shipped_index_is_what_the_script_writes(build):
    import json

    shipped = json.loads((build.OUT_DIR / "index.json").read_text("utf-8"))
    assert shipped == json.loads(json.dumps(build.manifest()))
