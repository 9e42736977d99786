"""The regeneration script, on small inputs written here (the real sources are large wheels)."""

import csv
import importlib.util
import io
import sys
from pathlib import Path

import pytest

from desktop.forms.codelists import default_store

TOOL = Path(__file__).resolve().parents[3] / "tools" / "codelists" / "build.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("codelists_build", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["codelists_build"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules["codelists_build"]


HPOA = (
    "#description: test\n"
    "database_id\tdisease_name\tqualifier\thpo_id\n"
    "OMIM:1\tSomething\t\tHP:1\n"
    "ORPHA:586\tCystic fibrosis\t\tHP:1\n"
    "ORPHA:586\tCystic fibrosis\t\tHP:2\n"
    "ORPHA:70\tProximal spinal muscular atrophy\t\tHP:1\n"
)


DATA = Path(__file__).resolve().parent / "data"
ICD10_XML = b"""<icd_10_v2019>
<item type="chapter"><name>IV</name><description>Endocrine</description>
<item type="block"><name>E70-E90</name><description>Metabolic</description>
<item type="category"><name>E84</name><description>Cystic  fibrosis</description>
<item type="subcategory"><name>E84.0</name><description>With lungs</description></item>
<item type="subcategory"><name>E84.1</name><description>With intestine</description></item>
<item type="subcategory"><name>E84.8</name><description>Other</description></item>
<item type="subcategory"><name>E84.9</name><description>Unspecified</description></item>
</item></item></item>
<item type="chapter"><name>XXII</name><description>Special</description>
<item type="block"><name>U00-U49</name><description>Provisional</description>
<item type="category"><name>U07</name><description>Emergency use of U07</description>
<item type="subcategory"><name>U07.1</name>
<description>COVID-19, virus identified</description></item>
<item type="subcategory"><name>U07.3</name><description>Emergency use of U07.3</description></item>
</item></item></item></icd_10_v2019>"""


def _nb(build):
    """The shipped bokmål supplement's header and its cystic fibrosis line."""
    lines = build.SUPPLEMENT_NB.read_text("utf-8").splitlines()
    return "\n".join([lines[0], *[line for line in lines if line.startswith("ORPHA:586,")]])


def test_orpha_rows_merge_bokmal_names_and_add_the_undiagnosed_code(build):
    supplement = (
        "code,expected_name_en,label_nb,synonyms\n"
        "ORPHA:586,Cystic fibrosis,Cystisk fibrose,CF | Mukoviskidose\n"
    )
    rows = build.hpo_rows(build.parse_hpoa(HPOA), {})
    rows = build.build_orpha(build.resolve_alignments(rows, []), supplement)
    assert [r["code"] for r in rows] == ["ORPHA:70", "ORPHA:586", "ORPHA:616874"]
    assert rows[1]["label_nb"] == "Cystisk fibrose"
    assert rows[1]["synonyms"] == "CF | Mukoviskidose"
    assert rows[2]["label_nb"].startswith("Sjelden tilstand")


def test_hpo_codes_only_in_the_previous_release_are_kept_and_flagged(build):
    newest = {"ORPHA:24": "Fumaric aciduria", "ORPHA:586": "Cystic fibrosis"}
    previous = {"ORPHA:586": "Cystic fibrosis", "ORPHA:1572": "Old disorder"}
    rows = {r["code"]: r for r in build.hpo_rows(newest, previous)}
    assert rows["ORPHA:24"]["status"] == ""
    assert rows["ORPHA:1572"]["status"] == "dropped"


def test_a_bokmal_name_for_the_wrong_code_stops_the_build(build):
    supplement = (
        "code,expected_name_en,label_nb,synonyms\nORPHA:70,Cystic fibrosis,Cystisk fibrose,\n"
    )
    rows = build.resolve_alignments(build.hpo_rows(build.parse_hpoa(HPOA), {}), [])
    with pytest.raises(build.BuildError, match="ORPHA:70 is named"):
        build.build_orpha(rows, supplement)


def test_two_names_for_one_code_stop_the_build(build):
    with pytest.raises(build.BuildError, match="two different names"):
        build.parse_hpoa(HPOA + "ORPHA:586\tMucoviscidosis\t\tHP:3\n")


def test_orphanet_product1_gives_levels_inactive_entities_and_icd10_alignments(build):
    icd10 = [r["code"] for r in build.parse_icd10_xml(ICD10_XML)] + ["Q87.2"]
    rows = build.parse_product1((DATA / "en_product1.xml").read_bytes())
    rows = {
        r["code"]: r for r in build.build_orpha(build.resolve_alignments(rows, icd10), _nb(build))
    }
    cf = rows["ORPHA:586"]
    assert (cf["label_en"], cf["label_nb"], cf["level"], cf["typology"]) == (
        "Cystic fibrosis",
        "Cystisk fibrose",
        "disorder",
        "Disease",
    )
    # Orphanet's synonym follows the bokmål ones; the range became its codes; "W" is dropped.
    assert cf["synonyms"] == "CF | Mukoviskidose | Mucoviscidosis"
    assert cf["icd10"] == "E84.0:NTBT E84.1:NTBT E84.8:NTBT E84.9:NTBT"
    assert cf["status"] == ""
    assert rows["ORPHA:68367"]["level"] == "group"
    assert rows["ORPHA:93552"]["level"] == "subtype"
    moved = rows["ORPHA:2950"]
    assert (moved["status"], moved["successor"], moved["successor_relation"]) == (
        "deprecated",
        "ORPHA:988",
        "moved_to",
    )
    # The entity others were moved to is active and names no successor.
    assert (rows["ORPHA:988"]["status"], rows["ORPHA:988"]["successor"]) == ("", "")
    assert rows["ORPHA:988"]["icd10"] == "Q87.2:NTBT"
    assert (rows["ORPHA:93552"]["status"], rows["ORPHA:93552"]["successor"]) == ("obsolete", "")


def test_product1_with_an_unknown_mapping_relation_or_missing_successor_stops(build):
    xml = (DATA / "en_product1.xml").read_text("iso-8859-1")
    bad = xml.replace("NTBT (ORPHA code's Narrower", "XX (ORPHA code's Narrower", 1)
    with pytest.raises(build.BuildError, match="unknown DisorderMappingRelation 'XX'"):
        build.parse_product1(bad.encode("iso-8859-1"))
    orphan = xml.replace("<OrphaCode>988</OrphaCode>", "<OrphaCode>989</OrphaCode>", 1)
    orphan = orphan.replace("<OrphaCode>988</OrphaCode>", "<OrphaCode>987</OrphaCode>")
    with pytest.raises(build.BuildError, match="moved to ORPHA:989"):
        build.parse_product1(orphan.encode("iso-8859-1"))


def test_an_alignment_outside_the_icd10_list_stops_the_build(build):
    rows = build.parse_product1((DATA / "en_product1.xml").read_bytes())
    with pytest.raises(build.BuildError, match=r"Q87\.2, which is not in the ICD-10 list"):
        build.resolve_alignments(rows, [r["code"] for r in build.parse_icd10_xml(ICD10_XML)])


def test_the_icd10_supplement_is_checked_against_the_source_names(build):
    rows = build.hpo_rows({"ORPHA:586": "Cystic fibrosis"}, {})
    build.add_icd10_supplement(
        rows,
        build.SUPPLEMENT_ICD10.read_text("utf-8").split("\n")[0]
        + "\nORPHA:586,Cystic fibrosis,E84.0 E84.9,\n",
    )
    assert rows[0]["_icd10"] == [("E84.0", ""), ("E84.9", "")]
    with pytest.raises(build.BuildError, match="ORPHA:586 is named"):
        build.add_icd10_supplement(
            rows, "code,expected_name_en,icd10,relation\nORPHA:586,Cholera,A00.0,\n"
        )


def test_icd10_keeps_categories_and_subcategories_with_their_block(build):
    rows = build.parse_icd10_xml(ICD10_XML)
    assert rows[0] == {
        "code": "E84",
        "label_en": "Cystic fibrosis",
        "label_nb": "",
        "kind": "category",
        "chapter": "IV",
        "block": "E70-E90",
    }
    # WHO's unassigned placeholders are not codes.
    assert "U07.3" not in {r["code"] for r in rows}


def test_who_updates_add_the_covid_u_codes(build):
    rows = build.add_who_updates(
        build.parse_icd10_xml(ICD10_XML), build.WHO_UPDATES.read_text("utf-8")
    )
    by_code = {r["code"]: r for r in rows}
    for code in ("U07", "U07.1", "U08.9", "U09.9", "U10.9", "U11.9", "U12.9"):
        assert code in by_code
    assert by_code["U10.9"]["label_en"].startswith("Multisystem inflammatory syndrome")
    assert by_code["U10"]["kind"] == "category"


def test_the_norwegian_icd10_file_is_read_in_its_own_format(build):
    who = build.add_who_updates(
        build.parse_icd10_xml(ICD10_XML), build.WHO_UPDATES.read_text("utf-8")
    )
    rows = {r["code"]: r for r in build.parse_icd10_no((DATA / "icd10-no.csv").read_bytes(), who)}
    assert sorted(rows) == ["E84", "E84.0", "E84.9", "U07", "U07.1", "U10", "U10.9"]
    assert rows["E84.9"]["label_nb"] == "Cystisk fibrose, uspesifisert"
    assert rows["E84.9"]["label_en"] == "Unspecified"
    assert rows["U07.1"]["label_nb"] == "Covid-19, virus påvist"  # Windows-1252 read
    assert (rows["U10.9"]["chapter"], rows["U10.9"]["block"]) == ("XXII", "U00-U49")
    # R99's "Gyldig til" 2019-12-31 lies before the pinned day: no longer in force.
    assert "R99" not in rows
    with pytest.raises(build.BuildError, match="Kode and Tekst"):
        build.parse_icd10_no(b"Code;Text\nE84;x\n", who)


KOMMUNER = (
    "code,name,name_variants,fylkesnummer,fylke,valid_from,valid_to\n"
    "3030,Lillestrøm,,30,Viken,2020-01-01,2023-12-31\n"
    "3205,Lillestrøm,,32,Akershus,2024-01-01,\n"
    "5430,Kautokeino,Guovdageaidnu,54,Troms og Finnmark,2020-01-01,2023-12-31\n"
    "5612,Kautokeino,Guovdageaidnu,56,Finnmark,2024-01-01,\n"
    "0301,Oslo,,03,Oslo,2020-01-01,2025-12-31\n"
    "0301,Oslo,Oslove,03,Oslo,2026-01-01,\n"
)


def test_municipalities_become_one_version_per_period(build):
    versions = build.kommune_versions(build.parse_kommuner_periods(KOMMUNER))
    assert [
        (v["valid_from"].isoformat(), v["valid_to"] and v["valid_to"].isoformat()) for v in versions
    ] == [
        ("2020-01-01", "2024-01-01"),
        ("2024-01-01", "2026-01-01"),
        ("2026-01-01", None),
    ]
    assert [r["code"] for r in versions[0]["rows"]] == ["0301", "3030", "5430"]
    assert versions[0]["rows"][2] == {
        "code": "5430",
        "label_nb": "Kautokeino",
        "synonyms": "Guovdageaidnu",
        "fylkesnummer": "54",
        "fylkesnavn": "Troms og Finnmark",
    }
    assert versions[2]["rows"][0]["synonyms"] == "Oslove"
    fylker = build.fylke_versions(versions)
    assert [len(f["rows"]) for f in fylker] == [3, 3]  # 2024 and 2026 counties agree
    with pytest.raises(build.BuildError, match="fylkesnummer"):
        build.parse_kommuner_periods(KOMMUNER.replace("3030,Lillestrøm,,30", "3030,Lillestrøm,,32"))
    with pytest.raises(build.BuildError, match="two rows in force"):
        build.kommune_versions(
            build.parse_kommuner_periods(KOMMUNER + "3030,Lillestrøm,,30,Viken,2023-01-01,\n")
        )


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


def test_hgnc_symbols_map_to_their_ids(build):
    tsv = "hgnc_id\tsymbol\tname\tstatus\nHGNC:1884\tCFTR\tCF regulator\tApproved\n"
    assert build.parse_hgnc(tsv) == [{"code": "CFTR", "hgnc_id": "HGNC:1884"}]
    with pytest.raises(build.BuildError, match="malformed"):
        build.parse_hgnc(tsv.replace("HGNC:1884", "1884"))


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
    files = {entry["file"] for entry in shipped["lists"]}
    assert files == {p.name for p in build.OUT_DIR.glob("*.csv")}
