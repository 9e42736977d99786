"""A strict syntax check for the HGVS variant descriptions the form accepts.

Why not the ``hgvs`` package (biocommons): it installs psycopg2 (built from source),
pysam, IPython and a sequence-repository client, which is unreasonable on a clinician's
Windows PC for a syntax check. It serves as a test-only oracle instead (see
``tests/forms/test_hgvs_oracle.py``): everything accepted here is accepted by its parser.

This grammar is deliberately stricter than HGVS as a whole, to catch what is most often
wrong on forms: the reference sequence must carry its version (``NM_000492.4``), the
coordinate type must fit the reference (``c.`` on a transcript, ``p.`` on a protein),
proteins use three-letter amino-acid codes (``p.(Arg117His)``; ``*`` is allowed for Ter),
and ranges run from low to high. It covers substitutions, del, dup, ins, delins, inv,
intronic and UTR offsets (``c.1521+1G>A``, ``c.-14A>G``, ``c.*5del``) and frameshifts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

_AA3 = "Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Sec|Pyl"
_AA = f"(?:{_AA3}|Ter)"

_REFERENCE = re.compile(
    r"""^(?:
        (?P<refseq>N[MRCGP])_(?P<refnum>\d+)(?P<refver>\.\d+)?
      | (?P<ens>ENS[TP])\d{11}(?P<ensver>\.\d+)?
      | LRG_\d+(?P<lrgsub>[tp]\d+)?
    )$""",
    re.VERBOSE,
)

# Which coordinate types fit which reference kind.
_TYPES_FOR = {
    "NM": "cr",
    "NR": "nr",
    "NC": "gm",
    "NG": "g",
    "NP": "p",
    "ENST": "cr",
    "ENSP": "p",
    "LRG": "g",
    "LRGt": "cr",
    "LRGp": "p",
}


def _nucleotide_grammar(pos: str, nuc: str) -> re.Pattern[str]:
    loc = f"(?P<start>{pos})(?:_(?P<end>{pos}))?"
    seq = f"{nuc}+"
    return re.compile(
        rf"""^(?:
            (?P<sub_pos>{pos})(?P<ref>{nuc})>(?P<alt>{nuc})
          | {loc}(?:
                (?P<delins>delins){seq}
              | (?P<del>del)(?:{seq})?
              | (?P<dup>dup)(?:{seq})?
              | (?P<ins>ins){seq}
              | (?P<inv>inv)
            )
        )$""",
        re.VERBOSE,
    )


_NUM = r"[1-9]\d*"
_OFFSET = rf"(?:[+-]{_NUM})?"
_GRAMMARS = {
    "c": _nucleotide_grammar(rf"(?:[-*]?{_NUM}){_OFFSET}", "[ACGT]"),
    "r": _nucleotide_grammar(rf"(?:[-*]?{_NUM}){_OFFSET}", "[acgu]"),
    "n": _nucleotide_grammar(rf"{_NUM}{_OFFSET}", "[ACGT]"),
    "g": _nucleotide_grammar(_NUM, "[ACGT]"),
    "m": _nucleotide_grammar(_NUM, "[ACGT]"),
}

_PPOS = rf"{_AA}{_NUM}"
_PROTEIN = re.compile(
    rf"""^(?:
        (?P<sub>{_PPOS})(?:{_AA}|\*)
      | (?P<fs>{_PPOS}){_AA}?fs(?:(?:Ter|\*)(?:{_NUM}|\?))?
      | (?P<start>{_PPOS})(?:_(?P<end>{_PPOS}))?(?:del|dup|delins(?:{_AA}|\*)+)
      | (?P<istart>{_PPOS})_(?P<iend>{_PPOS})ins(?:{_AA}|\*)+
    )$""",
    re.VERBOSE,
)
_ONE_LETTER = re.compile(r"^\(?[ACDEFGHIKLMNPQRSTVWY]\d+[ACDEFGHIKLMNPQRSTVWY*]\)?$")


class HgvsError(ValueError):
    """Why a description is not accepted; ``code`` is stable (``hgvs.reference`` etc.)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class HgvsVariant:
    reference: str
    coordinate: str  # c, g, m, n, r or p
    edit: str  # sub, del, dup, ins, delins, inv or fs


def _reference_kind(reference: str) -> str:
    match = _REFERENCE.match(reference)
    if match is None:
        raise HgvsError("hgvs.reference")
    if match["refseq"]:
        if match["refver"] is None:
            raise HgvsError("hgvs.reference_version")
        return match["refseq"]
    if match["ens"]:
        if match["ensver"] is None:
            raise HgvsError("hgvs.reference_version")
        return match["ens"]
    sub = match["lrgsub"]
    return "LRG" + (sub[0] if sub else "")


_POSITION = re.compile(r"([-*]?)(\d+)(?:([+-])(\d+))?")
_REGION = {"-": 0, "": 1, "*": 2}
_NOT_DIGIT = re.compile(r"\D")


def _position_key(pos: str) -> tuple[int, int, int] | None:
    """Order of a c./n. position; None when positions are not comparable by number alone."""
    if pos.isdigit():  # the common case, a plain position (the grammar allows only \d here)
        return (1, int(pos), 0)
    match = _POSITION.fullmatch(pos)
    if match is None:
        return None
    region = _REGION[match[1]]
    base = int(match[2]) * (-1 if match[1] == "-" else 1)
    offset = int(match[4]) * (-1 if match[3] == "-" else 1) if match[3] else 0
    return (region, base, offset)


def parse(description: str) -> HgvsVariant:
    """Check ``description`` against the accepted grammar; raise ``HgvsError`` if not."""
    reference, sep, rest = description.partition(":")
    if not sep:
        raise HgvsError("hgvs.reference")
    kind = _reference_kind(reference)
    coordinate, dot, change = rest.partition(".")
    if not dot or coordinate not in "cgmnrp" or len(coordinate) != 1:
        raise HgvsError("hgvs.syntax")
    if coordinate not in _TYPES_FOR[kind]:
        raise HgvsError("hgvs.type_mismatch")
    if coordinate == "p":
        return HgvsVariant(reference, "p", _parse_protein(change))
    match = _GRAMMARS[coordinate].match(change)
    if match is None:
        raise HgvsError("hgvs.syntax")
    if match["sub_pos"]:
        if match["ref"] == match["alt"]:
            raise HgvsError("hgvs.syntax")
        return HgvsVariant(reference, coordinate, "sub")
    # The edit's named group closes last (the edits are alternatives after the location).
    edit = cast(str, match.lastgroup)
    if match["end"] is None:
        if edit in ("ins", "inv"):
            raise HgvsError("hgvs.syntax")  # both need a range of two positions
    else:
        start, end = _position_key(match["start"]), _position_key(match["end"])
        if start is not None and end is not None and start >= end:
            raise HgvsError("hgvs.range_order")
    return HgvsVariant(reference, coordinate, edit)


def _parse_protein(change: str) -> str:
    inner = change
    if change.startswith("(") and change.endswith(")"):
        inner = change[1:-1]
    match = _PROTEIN.match(inner)
    if match is None:
        if _ONE_LETTER.match(change):
            raise HgvsError("hgvs.protein_one_letter")
        raise HgvsError("hgvs.syntax")
    if match["sub"]:
        return "sub"
    if match["fs"]:
        return "fs"
    start, end = (
        (match["start"], match["end"]) if match["start"] else (match["istart"], match["iend"])
    )
    if end is not None and int(_NOT_DIGIT.sub("", start)) >= int(_NOT_DIGIT.sub("", end)):
        raise HgvsError("hgvs.range_order")
    if match["istart"]:
        return "ins"
    for edit in ("delins", "del", "dup"):
        if inner.endswith(edit) or edit in inner:
            return edit
    raise AssertionError("unreachable")  # pragma: no cover


def is_valid(description: str) -> bool:
    try:
        parse(description)
    except HgvsError:
        return False
    return True
