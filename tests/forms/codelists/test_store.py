import json
from datetime import date
from pathlib import Path

import pytest

from desktop.forms.codelists import (
    CodeListError,
    CodeListStore,
    NoVersionInForceError,
    UnknownCodeListError,
    default_store,
)
from desktop.forms.codelists.store import default_root
from desktop.forms.rules.diagnosis import UNDIAGNOSED_ORPHA


def test_shipped_orpha_list_is_large_and_holds_the_undiagnosed_code():
    orpha = default_store().get("orpha")
    assert len(orpha) >= 4000
    undiagnosed = orpha.get(UNDIAGNOSED_ORPHA)
    assert undiagnosed is not None
    assert undiagnosed.label("en") == (
        "Rare disorder without a determined diagnosis after full investigation"
    )
    assert orpha.get("ORPHA:586").label("nb") == "Cystisk fibrose"
    assert orpha.get("ORPHA:586").label("en") == "Cystic fibrosis"
    assert "CC BY 4.0" in orpha.licence


def test_label_falls_back_to_english_when_bokmal_is_missing():
    orpha = default_store().get("orpha")
    assert orpha.label("ORPHA:558", "nb") == "Marfans syndrom"
    assert orpha.label("ORPHA:166", "nb") == orpha.label("ORPHA:166", "en")
    assert orpha.label("ORPHA:999999999", "nb") == "ORPHA:999999999"


def test_shipped_icd10_list_has_categories_and_subcategories():
    icd10 = default_store().get("icd10")
    assert len(icd10) > 12000
    assert icd10.get("E84").label() == "Cystic fibrosis"
    assert icd10.get("E84.0").attributes["kind"] == "subcategory"
    assert icd10.get("E84.0").attributes["block"] == "E70-E90"
    assert "A00-A09" not in icd10  # blocks are not codes one records


def test_shipped_municipalities_have_one_version_per_period_since_2020():
    store = default_store()
    versions = store.versions("kommuner")
    assert [
        (v.valid_from.isoformat(), v.valid_to and v.valid_to.isoformat()) for v in versions
    ] == [
        ("2020-01-01", "2022-01-01"),
        ("2022-01-01", "2023-01-01"),
        ("2023-01-01", "2024-01-01"),
        ("2024-01-01", "2026-01-01"),
        ("2026-01-01", None),
    ]
    assert [len(v) for v in versions] == [356, 356, 356, 357, 357]
    in_2023 = store.get("kommuner", on=date(2023, 5, 2))
    assert in_2023.get("3030").label() == "Lillestrøm"
    assert in_2023.get("3030").attributes["fylkesnavn"] == "Viken"
    assert "3205" not in in_2023
    # Every official name form is kept: Norwegian as the label, Sami and Kven as synonyms.
    assert in_2023.get("5430").label() == "Kautokeino"
    assert in_2023.get("5430").synonyms == ("Guovdageaidnu",)
    assert store.get("kommuner", on=date(2026, 3, 1)).get("0301").synonyms == ("Oslove",)
    assert store.get("kommuner", on=date(2025, 3, 1)).get("0301").synonyms == ()
    fylker_2023 = store.get("fylker", on=date(2023, 5, 2))
    assert fylker_2023.label("30") == "Viken" and len(fylker_2023) == 11


def test_shipped_municipalities_are_the_2024_list():
    store = default_store()
    kommuner = store.get("kommuner", on=date(2025, 6, 1))
    assert len(kommuner) == 357
    assert kommuner.get("0301").label() == "Oslo"
    assert kommuner.get("0301").attributes["fylkesnavn"] == "Oslo"
    assert "3301" in kommuner  # Drammen after the 2024 reform
    assert "3005" not in kommuner  # Drammen's 2020-2023 number
    assert kommuner.system == "urn:oid:2.16.578.1.12.4.1.1.3402"
    fylker = store.get("fylker", on=date(2025, 6, 1))
    assert len(fylker) == 15
    assert fylker.label("33") == "Buskerud"
    assert all(k.attributes["fylkesnummer"] in fylker for k in kommuner)
    with pytest.raises(NoVersionInForceError) as caught:
        store.get("kommuner", on=date(2019, 12, 31))  # before the first shipped list
    assert "2019-12-31" in str(caught.value)


def test_every_shipped_list_names_its_source_and_licence():
    store = default_store()
    for list_id in store.ids():
        for codelist in store.versions(list_id):
            assert codelist.source.strip(), list_id
            assert codelist.licence.strip(), list_id
    assert (default_root() / "README.md").is_file()


def _write_versioned_store(root: Path, second_from: str = "2026-01-01") -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "k-old.csv").write_text("code,label_nb\n1111,Gamleby\n2222,Fjellby\n", "utf-8")
    (root / "k-new.csv").write_text("code,label_nb\n1111,Gamleby\n3333,Nyby\n", "utf-8")
    common = {"id": "kommune", "title": {}, "source": "test", "licence": "test"}
    index = {
        "format": 1,
        "lists": [
            # Listed newest first on purpose: order in the index must not matter.
            {**common, "version": "new", "file": "k-new.csv", "valid_from": second_from},
            {
                **common,
                "version": "old",
                "file": "k-old.csv",
                "valid_from": "2020-01-01",
                "valid_to": "2026-01-01",
            },
        ],
    }
    (root / "index.json").write_text(json.dumps(index), "utf-8")


def test_the_version_in_force_on_a_day_is_chosen(tmp_path):
    _write_versioned_store(tmp_path)
    store = CodeListStore(tmp_path)
    assert "2222" in store.get("kommune", on=date(2025, 12, 31))
    assert "2222" not in store.get("kommune", on=date(2026, 1, 1))
    assert "3333" in store.get("kommune", on=date(2026, 1, 1))
    assert store.get("kommune").version == "new"
    assert [v.version for v in store.versions("kommune")] == ["old", "new"]
    assert store.get("kommune", on=date(2025, 1, 1)).in_force_on(date(2025, 1, 1))
    assert not store.get("kommune").in_force_on(date(2025, 1, 1))
    with pytest.raises(NoVersionInForceError):
        store.get("kommune", on=date(2019, 12, 31))
    assert store.ids() == ["kommune"]


def test_overlapping_versions_are_refused(tmp_path):
    _write_versioned_store(tmp_path, second_from="2025-06-01")
    with pytest.raises(CodeListError, match="overlap"):
        CodeListStore(tmp_path)


def test_unknown_list_names_the_known_ones(tmp_path):
    _write_versioned_store(tmp_path)
    with pytest.raises(UnknownCodeListError, match="known lists: kommune"):
        CodeListStore(tmp_path).get("kommuner")


def test_a_missing_index_says_how_to_fix_it(tmp_path):
    with pytest.raises(CodeListError, match="Reinstall the application"):
        CodeListStore(tmp_path)


def test_a_repeated_code_is_refused(tmp_path):
    _write_versioned_store(tmp_path)
    (tmp_path / "k-new.csv").write_text("code,label_nb\n1111,A\n1111,B\n", "utf-8")
    with pytest.raises(CodeListError, match="repeats a code"):
        CodeListStore(tmp_path).get("kommune")
