"""Posten's postal codes as a shipped code list, and the poststed look-up the form uses."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

from desktop.forms.codelists import CodeListStore, default_store
from desktop.forms.codelists.postal import postal_place

TOOL = Path(__file__).resolve().parents[3] / "tools" / "codelists" / "build.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("codelists_build_postal", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["codelists_build_postal"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["codelists_build_postal"]


def test_the_shipped_register_knows_the_towns_of_norway():
    codes = default_store().get("postnummer")
    assert len(codes) > 5000
    assert codes.source.startswith("Posten Norge's Postnummerregister")
    assert "free to use" in codes.licence
    for code, town in {
        "0150": "OSLO",
        "5003": "BERGEN",
        "7010": "TRONDHEIM",
        "9170": "LONGYEARBYEN",
        "9990": "BÅTSFJORD",
    }.items():
        assert postal_place(code) == town


@pytest.mark.parametrize("code", [None, "", "015", "01500", "O150", " 0150", "0000", 150])
def test_anything_but_a_known_four_digit_code_gives_no_town(code):
    assert postal_place(code) is None


def test_a_missing_list_gives_no_town_instead_of_an_error(tmp_path):
    (tmp_path / "index.json").write_text(json.dumps({"format": 1, "lists": []}), "utf-8")
    assert postal_place("0150", CodeListStore(tmp_path)) is None


def test_the_build_reads_the_packages_data_file(build):
    rows = build.parse_postal_js('module.exports={"7010":"TRONDHEIM","0150":"OSLO"}')
    assert rows == [
        {"code": "0150", "label_nb": "OSLO"},
        {"code": "7010", "label_nb": "TRONDHEIM"},
    ]
    for bad in ('{"0150":"OSLO"}', 'module.exports={"150":"OSLO"}', 'module.exports={"0150":""}'):
        with pytest.raises(build.BuildError):
            build.parse_postal_js(bad)


def test_a_tarball_that_is_not_the_pinned_one_stops_the_build(build, tmp_path):
    data = b'module.exports={"0150":"OSLO"}'
    path = tmp_path / "norway-postal-codes-3.3.0.tgz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(build.POSTAL_MEMBER)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    with pytest.raises(build.BuildError, match="sha256"):
        build.read_postal_tarball(path)
