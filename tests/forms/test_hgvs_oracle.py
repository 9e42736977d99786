"""Generated variants of the nomenclature's commonest forms: ours accepts them, as do both
oracles (biocommons ``hgvs`` and ``mutalyzer-hgvs-parser``, test-only). And the shortcut in
``desktop.forms.hgvs.parse`` for the common case decides exactly as the general path.
Syntax only: no network, no UTA. The labelled corpus is in ``test_hgvs_corpus.py``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.forms import hgvs
from tests.forms.hgvs_corpus import biocommons_accepts, mutalyzer_accepts

pytestmark = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

NUC = st.sampled_from("ACGT")
AA = st.sampled_from(
    [
        *("Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile"),
        *("Leu", "Lys", "Met", "Phe", "Pro", "Ser", "Thr", "Trp", "Tyr", "Val"),
    ]
)
POS = st.integers(2, 99999)


@st.composite
def c_position(draw: st.DrawFn) -> tuple[str, int]:
    base = draw(POS)
    offset = draw(
        st.sampled_from(["", f"+{draw(st.integers(1, 500))}", f"-{draw(st.integers(1, 500))}"])
    )
    return f"{base}{offset}", base


@st.composite
def nucleotide_variant(draw: st.DrawFn) -> str:
    ref = draw(st.sampled_from(["NM_000492.4", "ENST00000003084.11", "LRG_663t1"]))
    (pos, base) = draw(c_position())
    kind = draw(st.sampled_from(["sub", "del", "dup", "ins", "delins", "inv"]))
    if kind == "sub":
        a = draw(NUC)
        b = draw(NUC.filter(lambda n: n != a))
        return f"{ref}:c.{pos}{a}>{b}"
    end = base + draw(st.integers(1, 50))
    seq = "".join(draw(st.lists(NUC, min_size=1, max_size=6)))
    if kind in ("del", "dup"):
        single = draw(st.booleans())
        return f"{ref}:c.{pos}{kind}" if single else f"{ref}:c.{base}_{end}{kind}"
    if kind == "inv":
        return f"{ref}:c.{base}_{end}inv"
    if kind == "ins":
        return f"{ref}:c.{base}_{base + 1}ins{seq}"
    return f"{ref}:c.{base}_{end}delins{seq}"


@st.composite
def protein_variant(draw: st.DrawFn) -> str:
    a = draw(AA)
    b = draw(AA.filter(lambda aa: aa != a))  # p.Arg117Arg is written p.Arg117=
    pos = draw(POS)
    kind = draw(st.sampled_from(["sub", "ter", "del", "fs", "eq"]))
    change = {
        "sub": f"{a}{pos}{b}",
        "ter": f"{a}{pos}Ter",
        "del": f"{a}{pos}_{b}{pos + draw(st.integers(1, 9))}del",
        "fs": f"{a}{pos}{b}fsTer{draw(st.integers(2, 99))}",
        "eq": f"{a}{pos}=",
    }[kind]
    if draw(st.booleans()):
        change = f"({change})"
    return f"NP_000483.3:p.{change}"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(nucleotide_variant(), protein_variant()))
def test_generated_variants_accepted_by_all(text: str) -> None:
    pytest.importorskip("hgvs.parser")
    pytest.importorskip("mutalyzer_hgvs_parser")
    assert hgvs.is_valid(text)
    assert biocommons_accepts(text)
    assert mutalyzer_accepts(text)


def _outcome(parse: object, text: str) -> object:
    try:
        return parse(text)  # type: ignore[operator]
    except hgvs.HgvsError as exc:
        return exc.code


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(nucleotide_variant(), protein_variant()),
    st.integers(0, 60),
    st.text(alphabet="ACGTacgu0123456789_+-*>.:()[];delinsdupTerfs", max_size=4),
)
def test_shortcut_decides_as_the_general_path(text: str, at: int, noise: str) -> None:
    mutated = text[:at] + noise + text[at + len(noise) // 2 :]
    shortcut = hgvs._fast(mutated)
    if shortcut is not None:
        assert shortcut == hgvs._parse(mutated)
    assert _outcome(hgvs.parse, mutated) == _outcome(hgvs._parse, mutated)
