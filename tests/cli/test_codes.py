import argparse
import json

import pytest

from desktop.cli import codes


def _run(argv):
    parser = argparse.ArgumentParser(prog="sjelden")
    codes.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_search_prints_ranked_hits(capsys):
    assert _run(["codes", "search", "cystic", "fibrossis", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ORPHA:586")
    assert "Cystisk fibrose" in lines[0]
    assert len(lines) == 3


def test_search_json_and_list_filter(capsys):
    assert _run(["codes", "search", "E84", "--list", "icd10", "--json", "--lang", "en"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "list": "icd10",
        "code": "E84",
        "label": "Cystic fibrosis",
        "matched": "Cystic fibrosis",
        "match": "exact_code",
    }
    assert {r["list"] for r in rows} == {"icd10"}


def test_no_match_exits_1_with_a_message(capsys):
    assert _run(["codes", "search", "qqqqqqq"]) == 1
    assert "Ingen treff" in capsys.readouterr().err


def test_bad_limit_is_a_usage_error(capsys):
    from desktop.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["--language", "nb", "codes", "search", "x", "--limit", "0"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "feil: argument --limit: må være et positivt heltall, ikke '0'" in err
    with pytest.raises(SystemExit):
        main(["--language", "en", "codes", "search", "x", "--limit", "0"])
    assert "error: argument --limit: must be a positive whole number" in capsys.readouterr().err


def test_lists_shows_versions_sources_and_licences(capsys):
    assert _run(["codes", "lists", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["kommuner"]["count"] == 357
    assert rows["kommuner"]["valid_from"] == "2026-01-01"
    assert rows["orpha"]["count"] >= 4300
    assert "CC BY 4.0" in rows["orpha"]["licence"]
    assert set(rows) == {"fylker", "hgnc", "icd10", "kommuner", "omim", "orpha", "postnummer"}


def test_search_finds_every_official_municipality_name_form(capsys):
    assert _run(["codes", "search", "Kautokeino", "--list", "kommuner"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split() == [
        "5612",
        "Kautokeino",
        "(Guovdageaidnu),",
        "Finnmark",
    ]
    assert _run(["codes", "search", "Guovdageaidnu", "--on", "2023-05-02"]) == 0
    assert capsys.readouterr().out.startswith("5430 ")
    assert _run(["codes", "search", "Lillestrøm", "--on", "2023-05-02", "--list", "kommuner"]) == 0
    assert capsys.readouterr().out.splitlines() == ["3030           Lillestrøm, Viken"]


def test_search_finds_orpha_codes_of_the_newest_hpo_release(capsys):
    assert _run(["codes", "search", "ORPHA:24", "--limit", "1"]) == 0
    assert capsys.readouterr().out.split()[:3] == ["ORPHA:24", "Fumaric", "aciduria"]
    assert _run(["codes", "search", "CHILD", "syndrome", "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("ORPHA:139 ")
