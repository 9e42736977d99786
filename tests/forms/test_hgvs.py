from __future__ import annotations

import pytest

from desktop.forms import hgvs

VALID = [
    ("NM_000492.4:c.1521_1523del", "c", "del"),
    ("NM_000492.4:c.1521+1G>A", "c", "sub"),
    ("NM_000492.4:c.-14A>G", "c", "sub"),
    ("NM_000492.4:c.*5del", "c", "del"),
    ("NM_000492.4:c.3718-2477C>T", "c", "sub"),
    ("NM_000492.4:c.100dup", "c", "dup"),
    ("NM_000492.4:c.100_101insATG", "c", "ins"),
    ("NM_000492.4:c.100_102delinsTT", "c", "delins"),
    ("NM_000492.4:c.100_200inv", "c", "inv"),
    ("NM_000492.4:c.-20_-10del", "c", "del"),
    ("NM_000492.4:c.1521delCTT", "c", "del"),
    ("NM_000492.4:r.1521a>g", "r", "sub"),
    ("NC_000007.14:g.117559593_117559595del", "g", "del"),
    ("NG_016465.4:g.98809T>C", "g", "sub"),
    ("NC_012920.1:m.3243A>G", "m", "sub"),
    ("NR_002196.2:n.5A>G", "n", "sub"),
    ("NR_002196.2:n.100+2T>C", "n", "sub"),
    ("ENST00000003084.11:c.1521_1523del", "c", "del"),
    ("LRG_663t1:c.1521_1523del", "c", "del"),
    ("LRG_663:g.5000A>G", "g", "sub"),
    ("NP_000483.3:p.(Arg117His)", "p", "sub"),
    ("NP_000483.3:p.Phe508del", "p", "del"),
    ("NP_000483.3:p.Gly542Ter", "p", "sub"),
    ("NP_000483.3:p.Gly542*", "p", "sub"),
    ("NP_000483.3:p.(Gly542*)", "p", "sub"),
    ("NP_000483.3:p.Arg117HisfsTer5", "p", "fs"),
    ("NP_000483.3:p.(Glu5Valfs*5)", "p", "fs"),
    ("NP_000483.3:p.Ile507_Phe508del", "p", "del"),
    ("NP_000483.3:p.Lys2_Met3insGlnSerLys", "p", "ins"),
    ("NP_000483.3:p.Cys28delinsTrpVal", "p", "delins"),
    ("NP_000483.3:p.Gly4_Gln6dup", "p", "dup"),
]

INVALID = [
    ("c.1521_1523del", "hgvs.reference"),
    ("NM_000492.4 c.1521_1523del", "hgvs.reference"),
    ("XM_000492.4:c.1A>G", "hgvs.reference"),
    ("NM_000492:c.1521_1523del", "hgvs.reference_version"),
    ("ENST00000003084:c.1A>G", "hgvs.reference_version"),
    ("NM_000492.4:g.1521A>G", "hgvs.type_mismatch"),
    ("NP_000483.3:c.1521A>G", "hgvs.type_mismatch"),
    ("NC_000007.14:c.1A>G", "hgvs.type_mismatch"),
    ("NM_000492.4:p.Arg117His", "hgvs.type_mismatch"),
    ("NM_000492.4:c.1521A>A", "hgvs.unchanged"),
    ("NM_000492.4:c.1521A>", "hgvs.syntax"),
    ("NM_000492.4:c.1521X>A", "hgvs.syntax"),
    ("NM_000492.4:c.1521delins", "hgvs.syntax"),
    ("NM_000492.4:c.1521ins", "hgvs.syntax"),
    ("NM_000492.4:c.1521insA", "hgvs.insertion_flanks"),
    ("NM_000492.4:c.0A>G", "hgvs.syntax"),
    ("NM_000492.4:c.1521_1523del ", "hgvs.syntax"),
    ("NM_000492.4:c.1523_1521del", "hgvs.range_order"),
    ("NM_000492.4:c.1521a>g", "hgvs.nucleotide_case"),
    ("NG_016465.4:g.98809+1T>C", "hgvs.syntax"),
    ("NP_000483.3:p.Arg117Xyz", "hgvs.syntax"),
    ("NP_000483.3:p.Phe510_Ile507del", "hgvs.range_order"),
    ("NP_000483.3:p.Arg117", "hgvs.syntax"),
    ("NM_000492.4:x.1A>G", "hgvs.syntax"),
    ("NM_000492.4:", "hgvs.syntax"),
    ("", "hgvs.reference"),
]


@pytest.mark.parametrize(("text", "coordinate", "edit"), VALID)
def test_accepted(text: str, coordinate: str, edit: str) -> None:
    parsed = hgvs.parse(text)
    assert (parsed.coordinate, parsed.edit) == (coordinate, edit)


@pytest.mark.parametrize(("text", "code"), INVALID)
def test_refused_with_reason(text: str, code: str) -> None:
    with pytest.raises(hgvs.HgvsError) as caught:
        hgvs.parse(text)
    assert caught.value.code == code
    assert not hgvs.is_valid(text)


# The nearest valid form of the description itself (``HgvsError.suggestion``; the messages
# show a fixed example instead, since they never carry the value typed).
SUGGESTED = [
    ("NP_000483.3:p.Arg117Arg", "hgvs.unchanged", "NP_000483.3:p.Arg117="),
    ("NP_000483.3:p.(Arg117Arg)", "hgvs.unchanged", "NP_000483.3:p.(Arg117=)"),
    ("NM_004006.2:c.76A>A", "hgvs.unchanged", "NM_004006.2:c.76="),
    ("NM_004006.2:c.76_78insG", "hgvs.insertion_flanks", "NM_004006.2:c.76_77insG"),
    ("NM_004006.2:c.76insG", "hgvs.insertion_flanks", "NM_004006.2:c.76_77insG"),
    ("NM_004006.2:c.-1insG", "hgvs.insertion_flanks", "NM_004006.2:c.-1_1insG"),
    ("NM_004006.2:c.93+1insG", "hgvs.insertion_flanks", "NM_004006.2:c.93+1_93+2insG"),
    (
        "NM_004006.2:c.[76_78insG;83G>C]",
        "hgvs.insertion_flanks",
        "NM_004006.2:c.[76_77insG;83G>C]",
    ),
    ("NM_004006.2:c.76_77AA>TT", "hgvs.substitution_range", "NM_004006.2:c.76_77delinsTT"),
    ("NM_004006.2:c.76a>g", "hgvs.nucleotide_case", "NM_004006.2:c.76A>G"),
    ("NM_004006.2:r.76A>G", "hgvs.nucleotide_case", "NM_004006.2:r.76a>g"),
    ("NM_000797.3:c.812_829con908_925", "hgvs.conversion", "NM_000797.3:c.812_829delins908_925"),
    ("NM_004006.2:c.76_77delTTinsG", "hgvs.delins_form", "NM_004006.2:c.76_77delinsG"),
    (
        "NM_004006.2:c.650-?_1331+?del",
        "hgvs.unknown_offset",
        "NM_004006.2:c.(649+1_650-1)_(1331+1_1332-1)del",
    ),
    ("NP_003997.1:p.Tyr4TerfsTer1", "hgvs.frameshift_nonsense", "NP_003997.1:p.Tyr4Ter"),
    ("NP_003997.1:p.Met1Thr", "hgvs.protein_start", "NP_003997.1:p.Met1?"),
    ("NP_003997.1:p.Ter110Gln", "hgvs.protein_extension", "NP_003997.1:p.Ter110GlnextTer?"),
    (
        "NP_003997.1:p.([Ser68Arg;Cys690Trp])",
        "hgvs.allele_parentheses",
        "NP_003997.1:p.[(Ser68Arg;Cys690Trp)]",
    ),
    ("NM_004006.2:c.76A>C;83G>C", "hgvs.allele_brackets", "NM_004006.2:c.[76A>C;83G>C]"),
    ("NM_004006.2:c.123_123del", "hgvs.range_same", "NM_004006.2:c.123del"),
    ("NM_004006.2:c.200_100del", "hgvs.range_order", "NM_004006.2:c.100_200del"),
    ("NP_003997.1:p.Glu79_Cys76del", "hgvs.range_order", "NP_003997.1:p.Cys76_Glu79del"),
]


@pytest.mark.parametrize(("text", "code", "suggestion"), SUGGESTED)
def test_refusal_suggests_the_nearest_valid_form(text: str, code: str, suggestion: str) -> None:
    with pytest.raises(hgvs.HgvsError) as caught:
        hgvs.parse(text)
    assert (caught.value.code, caught.value.suggestion) == (code, suggestion)
    assert hgvs.is_valid(suggestion), "the suggestion itself must be accepted"


ONE_LETTER = [
    ("NP_000483.3:p.R117H", "NP_000483.3:p.Arg117His"),
    ("NP_000483.3:p.(R117H)", "NP_000483.3:p.(Arg117His)"),
    ("NP_003997.1:p.W24*", "NP_003997.1:p.Trp24Ter"),
    ("NP_003997.1:p.R97Pfs*23", "NP_003997.1:p.Arg97ProfsTer23"),
    ("NP_003997.1:p.*110Qext*17", "NP_003997.1:p.Ter110GlnextTer17"),
    ("NP_003997.1:p.K2_G3insQSK", "NP_003997.1:p.Lys2_Gly3insGlnSerLys"),
    ("NP_003997.1:p.[S68R;N594del]", "NP_003997.1:p.[Ser68Arg;Asn594del]"),
]


@pytest.mark.parametrize(("text", "three_letter"), ONE_LETTER)
def test_one_letter_accepted_with_a_warning(text: str, three_letter: str) -> None:
    parsed = hgvs.parse(text)
    assert parsed.warnings == ("hgvs.protein_one_letter",)
    assert parsed.suggestion == three_letter
    assert hgvs.parse(three_letter).warnings == ()


def test_one_letter_is_checked_like_three_letter() -> None:
    with pytest.raises(hgvs.HgvsError) as caught:
        hgvs.parse("NP_000483.3:p.R117R")
    assert caught.value.code == "hgvs.unchanged"
    assert not hgvs.is_valid("NP_000483.3:p.Arg117H")  # mixed codes


def test_exports_read_the_coordinate_of_every_kind() -> None:
    """desktop/staff/export/records.py maps ``parse(...).coordinate`` through COORDINATES."""
    from desktop.staff.export.records import COORDINATES

    for text in (
        "NM_004006.2:c.[76A>C];[83G>C]",
        "NC_012920.1:m.3243A>G",
        "NM_004006.2:r.spl",
        "NP_003997.1:p.(Met1?)",
        "NR_002196.2:n.5A>G",
        "NG_012232.1(NM_004006.2):c.93+1G>T",
    ):
        assert hgvs.parse(text).coordinate in COORDINATES
