"""ISCN karyotypes (desktop/forms/iscn.py) against a labelled list, and against the
``iscn-authenticator`` package as a test oracle where it is installed; where the oracle
departs from ISCN the reason is listed and the test follows ISCN."""

from __future__ import annotations

import pytest

from desktop.forms import iscn

# (karyotype, None if valid else the code)
LABELLED = [
    ("46,XX", None),
    ("46,XY", None),
    ("47,XY,+21", None),
    ("47,XX,+21", None),
    ("47,XX,+18", None),
    ("45,X", None),
    ("47,XXY", None),
    ("48,XXXY", None),
    ("46,XY,del(5)(p15.2)", None),
    ("46,XX,t(9;22)(q34;q11.2)", None),
    ("46,XY,t(11;22)(q23;q11.2)", None),
    ("46,XY,inv(9)(p12q13)", None),
    ("46,XX,der(4)t(4;11)(q21;q23)", None),
    ("46,XX,der(22)t(9;22)(q34;q11.2)", None),
    ("47,XX,+der(22)t(11;22)(q23;q11.2)", None),
    ("45,XX,rob(13;14)(q10;q10)", None),
    ("46,XX,dup(1)(q21q32)", None),
    ("46,X,i(X)(q10)", None),
    ("46,X,t(X;18)(p11.2;q11.2)", None),
    ("47,XY,+mar", None),
    ("46,XX,r(18)(p11.3q23)", None),
    ("46,XY,ins(2)(p13q21q31)", None),
    ("46,XX,add(19)(p13.3)", None),
    ("45,X[15]/46,XX[5]", None),
    ("mos 45,X[15]/46,XX[5]", None),
    ("chi 46,XX[20]/46,XY[10]", None),
    ("45~48,XY", None),
    ("arr[GRCh38] 22q11.21(18912231_21465672)x1", None),
    ("arr[GRCh37] 15q11.2q13.1(22770421_28823722)x3", None),
    ("arr(1-22,X)x2", None),
    ("46,XY,+21", "iscn.count"),
    ("45,X,-7", "iscn.count"),
    ("46,XXY", "iscn.count"),
    ("46,XX,del(5)(p15", "iscn.syntax"),
    ("46,XY,t(9;22)(q34q11.2)", "iscn.syntax"),
    ("46,XY,t(9;22)", "iscn.syntax"),
    ("46,XX,t(9)(q34)", "iscn.syntax"),
    ("47,XY,21+", "iscn.syntax"),
    ("46XY", "iscn.syntax"),
    ("46,YX", "iscn.syntax"),
    ("46,XZ", "iscn.syntax"),
    ("46;XY", "iscn.syntax"),
    ("46,XY,del(23)(p11)", "iscn.syntax"),
    ("mos 45,X/46,XX", "iscn.syntax"),
    ("45,X[15]/46,XX", "iscn.syntax"),
    ("arr 22q11.21(18912231_21465672)", "iscn.syntax"),
    ("", "iscn.syntax"),
]

# Where iscn-authenticator departs from ISCN (the test follows ISCN).
ORACLE_WRONG = {
    "mos 45,X[15]/46,XX[5]": "it has no mos/chi prefix",
    "chi 46,XX[20]/46,XY[10]": "it has no mos/chi prefix",
    "arr[GRCh38] 22q11.21(18912231_21465672)x1": "it has no microarray (arr) results",
    "arr[GRCh37] 15q11.2q13.1(22770421_28823722)x3": "it has no microarray (arr) results",
    "arr(1-22,X)x2": "it has no microarray (arr) results",
    "46,XY,+21": "no check that the count follows from the changes",
    "45,X,-7": "no check that the count follows from the changes",
    "47,XY,21+": "reads 21+ as a gain (ISCN writes +21)",
    "46,YX": "accepts Y before X",
    "46,XY,del(23)(p11)": "accepts chromosome 23 (human autosomes are 1-22)",
    "46,XX,t(9)(q34)": "accepts a translocation of one chromosome",
    "45,X[15]/46,XX": "accepts a cell line without its count",
}


@pytest.mark.parametrize(("karyotype", "code"), LABELLED)
def test_labelled(karyotype: str, code: str | None) -> None:
    if code is None:
        iscn.parse(karyotype)
        return
    with pytest.raises(iscn.IscnError) as caught:
        iscn.parse(karyotype)
    assert caught.value.code == code


def test_oracle_departures_are_the_listed_ones() -> None:
    oracle = pytest.importorskip("iscn_authenticator")
    disagreements = {
        text
        for text, code in LABELLED
        if text and bool(oracle.is_valid_karyotype(text)) != (code is None)
    }
    assert disagreements == set(ORACLE_WRONG)
