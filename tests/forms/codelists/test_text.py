from hypothesis import given
from hypothesis import strategies as st

from desktop.forms.codelists.text import fold, words


def test_fold_ignores_case_accents_and_norwegian_letters():
    assert fold("Sjögren") == fold("SJØGREN") == fold("sjogren") == "sjogren"
    assert fold("Behçet") == "behcet"
    assert fold("Ærlig Åse") == "aerlig ase"
    assert words("Prader-Willi syndrome [PWS]") == ["prader", "willi", "syndrome", "pws"]


@given(st.text())
def test_fold_is_idempotent_and_ascii(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert all(ch == " " or (ch.isascii() and ch.isalnum()) for ch in folded)
