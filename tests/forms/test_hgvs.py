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
    ("NM_000492.4:c.1521A>A", "hgvs.syntax"),
    ("NM_000492.4:c.1521A>", "hgvs.syntax"),
    ("NM_000492.4:c.1521X>A", "hgvs.syntax"),
    ("NM_000492.4:c.1521delins", "hgvs.syntax"),
    ("NM_000492.4:c.1521ins", "hgvs.syntax"),
    ("NM_000492.4:c.1521insA", "hgvs.syntax"),
    ("NM_000492.4:c.0A>G", "hgvs.syntax"),
    ("NM_000492.4:c.1521_1523del ", "hgvs.syntax"),
    ("NM_000492.4:c.1523_1521del", "hgvs.range_order"),
    ("NM_000492.4:c.1521a>g", "hgvs.syntax"),
    ("NG_016465.4:g.98809+1T>C", "hgvs.syntax"),
    ("NP_000483.3:p.R117H", "hgvs.protein_one_letter"),
    ("NP_000483.3:p.(R117H)", "hgvs.protein_one_letter"),
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
