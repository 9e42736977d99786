from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.forms.codelists import CodeList, Concept, DiagnosisSearch, MatchKind, default_search


def _list(list_id, rows):
    concepts = {}
    for code, en, nb, synonyms in rows:
        labels = {"en": en, **({"nb": nb} if nb else {})}
        concepts[code] = Concept(code, labels, tuple(synonyms))
    return CodeList(list_id, "test", {}, "test", "test", concepts)


SMALL = DiagnosisSearch(
    [
        _list(
            "orpha",
            [
                ("ORPHA:586", "Cystic fibrosis", "Cystisk fibrose", ["CF", "Mucoviscidosis"]),
                ("ORPHA:48", "Cystic fibrosis-gastritis syndrome", "", []),
                ("ORPHA:587", "Fibrosis of the cystic duct", "", []),
                ("ORPHA:5860", "Pulmonary fibrosis", "", []),
                ("ORPHA:816", "Sjögren-Larsson syndrome", "", []),
            ],
        ),
        _list(
            "icd10",
            [
                ("E84", "Cystic fibrosis", "", []),
                ("E84.0", "Cystic fibrosis with pulmonary manifestations", "", []),
                ("E85", "Amyloidosis", "", []),
            ],
        ),
    ]
)


def _codes(hits):
    return [h.code for h in hits]


def test_exact_code_beats_code_prefix():
    hits = SMALL.search("586")
    assert hits[0].code == "ORPHA:586"
    assert hits[0].kind is MatchKind.EXACT_CODE
    assert hits[1].code == "ORPHA:5860"
    assert hits[1].kind is MatchKind.CODE_PREFIX


def test_icd10_codes_in_any_spelling():
    assert _codes(SMALL.search("e840")) == ["E84.0"]
    hits = SMALL.search("E84")
    assert _codes(hits) == ["E84", "E84.0"]
    assert [h.kind for h in hits] == [MatchKind.EXACT_CODE, MatchKind.CODE_PREFIX]
    assert _codes(SMALL.search("E8"))[:3] == ["E84", "E85", "E84.0"]


def test_name_prefix_beats_word_match_and_fuzzy_comes_last():
    hits = SMALL.search("cystic fib")
    kinds = {h.code: h.kind for h in hits}
    assert _codes(hits)[:3] == ["ORPHA:586", "E84", "ORPHA:48"]
    assert kinds["ORPHA:586"] is MatchKind.NAME_PREFIX
    assert kinds["E84.0"] is MatchKind.NAME_PREFIX
    assert kinds["ORPHA:587"] is MatchKind.WORD  # both words, other order
    assert "ORPHA:5860" not in kinds  # "cystic" is not among its words


def test_a_typo_still_finds_cystic_fibrosis_first():
    hits = default_search().search("cystic fibrossis")
    assert hits[0].code == "ORPHA:586"
    assert hits[0].kind is MatchKind.FUZZY
    hits = SMALL.search("cystc fibrossis")
    assert hits[0].code == "ORPHA:586"
    assert {h.kind for h in hits} == {MatchKind.FUZZY}


def test_whole_words_rank_before_word_prefixes():
    hits = SMALL.search("fibrosis")
    word_hits = [h.code for h in hits if h.kind is MatchKind.WORD]
    # "fibrosis" is a whole word in all of them; a shorter name ranks first.
    assert word_hits[0] == "ORPHA:586"


def test_synonyms_and_bokmal_names_are_searched_and_reported():
    hit = SMALL.search("mucovisc")[0]
    assert (hit.code, hit.matched, hit.label) == ("ORPHA:586", "Mucoviscidosis", "Cystisk fibrose")
    assert SMALL.search("cystisk")[0].code == "ORPHA:586"
    assert SMALL.search("CF", lang="en")[0].label == "Cystic fibrosis"


def test_one_hit_per_concept_even_when_several_names_match():
    hits = SMALL.search("c")
    assert len(_codes(hits)) == len(set(_codes(hits)))


def test_accents_and_case_do_not_matter():
    assert SMALL.search("SJOGREN")[0].code == "ORPHA:816"
    assert SMALL.search("sjøgren larsson")[0].code == "ORPHA:816"


def test_limit_and_empty_queries():
    assert SMALL.search("") == []
    assert SMALL.search("   ") == []
    assert SMALL.search("--") == []
    assert SMALL.search("cystic", limit=0) == []
    assert len(SMALL.search("cystic", limit=2)) == 2
    assert SMALL.search("xylophone") == []


def test_the_shipped_search_covers_both_lists():
    search = default_search()
    assert len(search) > 16000
    assert _codes(search.search("ORPHA:616874")) == ["ORPHA:616874"]
    lists = {h.list_id for h in search.search("cystic fibrosis", limit=20)}
    assert lists == {"orpha", "icd10"}
    only_orpha = default_search(("orpha",))
    assert {h.list_id for h in only_orpha.search("cystic fibrosis")} == {"orpha"}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.integers(min_value=0, max_value=30))
def test_search_never_raises_and_respects_the_limit(query, limit):
    hits = default_search().search(query, limit=limit)
    assert len(hits) <= limit
    assert len({(h.list_id, h.code) for h in hits}) == len(hits)
    assert [h.kind for h in hits] == sorted(h.kind for h in hits)


def test_a_word_being_typed_gets_no_typo_tolerance():
    # "mand" starts "mandibular"; one edit from "and", it must not pull in every name with "and".
    hits = default_search().search("mand", limit=50)
    assert hits
    assert all(h.kind is not MatchKind.FUZZY for h in hits)
    assert all("mand" in h.matched.lower() for h in hits)
