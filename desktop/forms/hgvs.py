"""The HGVS variant nomenclature (https://hgvs-nomenclature.org, "varnomen") as the form checks it.

``parse(description)`` accepts a description that varnomen accepts and raises ``HgvsError``
(a stable ``code``, and where one exists a ``suggestion``: the nearest valid form of this very
description) for one it refuses. It covers DNA (``c.``, ``g.``, ``m.``, ``n.``, ``o.``), RNA
(``r.``) and protein (``p.``) descriptions: substitutions, deletions, duplications,
insertions (of a sequence, a length ``insN[12]``/``ins(12)``, a range of the same reference
or of another one ``ins[NC_000002.12:g.30000_30010]``, and lists of these), deletion-
insertions, inversions, repeated sequences (unique and mixed, with ranges of copies
``[(20_30)]``), uncertain positions and breakpoints (``c.(4071+1_4072-1)_(5154+1_5155-1)del``,
``c.(?_-1)_(*1_?)del``), alleles in cis, in trans and of unknown phase, ``=``/``?``/``0``
and ``r.spl``, predicted consequences in parentheses, protein extensions and frame shifts,
nested reference sequences (``NG_012232.1(NM_004006.2):c.93+1G>T``) and RefSeq, Ensembl and
LRG accessions. One-letter amino-acid codes are accepted with a warning (``warnings`` of the
result) whose ``suggestion`` is the three-letter form.

Refused as varnomen refuses them, each with its own code: insertions whose flanks are not
neighbours (``c.76_78insG``, ``c.76insG``), a "change" to the same residue (``c.76A>A``,
``p.Arg117Arg``: written ``c.76=``, ``p.Arg117=``), substitutions of more than one residue
(delins), ``con`` (no longer used: delins), the old ``delAinsG`` form, ranges written
backwards or from a position to itself, ``+?``/``-?`` offsets (the exon-based format is
``(649+1_650-1)``), repeat descriptions on ``c.`` that are not a multiple of three in the
coding sequence, nonsense written as a frame shift, substitutions of ``Met1``, no-stop
changes not written as extensions, parentheses outside allele brackets, upper-case RNA and
lower-case DNA, and references that are predicted (``XM_``), lack their version or do not
fit the coordinate type. Rules that need the reference sequence itself (the 3' rule, whether
``dup`` should have been used, the nucleotide really at a position) are not checked. Not
covered (refused as syntax errors): mosaic/chimeric ``=/``, the ``^`` "or", methylation
``|gom``, fusion transcripts ``::`` and ISCN-style ``pter``/``qter`` positions.

Why not a library at run time. Biocommons ``hgvs`` installs psycopg2, pysam, IPython and a
sequence-repository client (unreasonable on a clinician's PC for a syntax check) and its
grammar lacks alleles, repeats, uncertain breakpoints, ``r.?``/``r.0``/``c.=`` and nested
references. ``mutalyzer-hgvs-parser`` is light (lark) and parses more, but it parses syntax
only: it accepts ``c.76_78insG``, ``c.76A>A``, ``p.Arg117Arg`` and ``con``, has no trans
alleles (``c.[76A>C];[83G>C]``), ``(;)`` or ``r.spl``, and a parse costs about a
millisecond (the validator must keep more than 12,000 records/s). Both serve as test oracles
(``tests/forms/test_hgvs_corpus.py``, with every disagreement and its reason listed).

Why this shape. Each single variant is one compiled regular expression per coordinate type
(varnomen's syntax for one variant is regular: the nesting it allows, an inserted range of
another reference inside ``ins[...]``, has a fixed depth). What a regular expression cannot
do is check each variant of an allele list (a repeated group keeps only its last match) and
point at the variant that is wrong, so the allele layer (``[...];[...]``, ``(;)``, ``,``) is
a small hand-written splitter that hands each variant to its expression, and the checks that
compare numbers (adjacent insertion flanks, range order) are code on the matched groups.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# --- amino acids -----------------------------------------------------------------------

_AA3_NAMES = [
    *("Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile", "Leu"),
    *("Lys", "Met", "Phe", "Pro", "Ser", "Thr", "Trp", "Tyr", "Val", "Sec", "Pyl"),
]
_AA1_TO_3 = dict(zip("ARNDCQEGHILKMFPSTWYVUO", _AA3_NAMES, strict=True))
_AA3 = "|".join(_AA3_NAMES)


class HgvsError(ValueError):
    """Why a description is not accepted: ``code`` is stable (``hgvs.reference`` etc.);
    ``suggestion`` is the nearest valid form of the description, when there is one."""

    def __init__(self, code: str, suggestion: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.suggestion = suggestion


@dataclass(frozen=True)
class HgvsVariant:
    reference: str
    coordinate: str  # c, g, m, n, o, r or p
    # sub, del, dup, ins, delins, inv, repeat, fs, ext, unchanged (=), unknown (?),
    # absent (0), splicing (r.spl) or allele (a description in allele brackets or with (;))
    edit: str
    warnings: tuple[str, ...] = ()  # codes of accepted-but-discouraged forms
    suggestion: str | None = None  # the preferred form when there are warnings


class _Refusal(Exception):
    """Raised inside a variant: ``fix`` replaces the variant's text in the suggestion."""

    def __init__(self, code: str, fix: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.fix = fix


# --- references --------------------------------------------------------------------------

_ACCESSION = re.compile(
    r"""(?:
        (?P<refseq>N[CGTWMRP])_\d+(?P<refver>\.\d+)?
      | (?P<ens>ENS[GTP])\d{11}(?P<ensver>\.\d+)?
      | LRG_\d+(?P<lrgsub>[tp]\d+)?
    )""",
    re.VERBOSE,
)
_NESTED = re.compile(r"(?P<outer>[^()]+)\((?P<inner>[^()]+)\)")
# Which coordinate types fit which kind of reference (https://hgvs-nomenclature.org/stable/
# background/refseq/): o. is a circular genomic sequence, m. the mitochondrial one (NC_).
_TYPES_FOR = {
    "NC": "gmo",
    "NG": "g",
    "NT": "g",
    "NW": "g",
    "ENSG": "g",
    "LRG": "g",
    "NM": "cr",
    "NR": "nr",
    "ENST": "cnr",
    "LRGt": "cnr",
    "NP": "p",
    "ENSP": "p",
    "LRGp": "p",
}
_GENOMIC = frozenset({"NC", "NG", "NT", "NW", "ENSG", "LRG"})


def _accession_kind(text: str) -> str:
    match = _ACCESSION.fullmatch(text)
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


def _reference_kind(reference: str) -> str:
    """The kind of reference that decides the coordinate type: for a nested reference
    ``NG_012232.1(NM_004006.2)`` the transcript (or protein) in parentheses."""
    if "(" not in reference:
        return _accession_kind(reference)
    nested = _NESTED.fullmatch(reference)
    if nested is None:
        raise HgvsError("hgvs.reference")
    outer, inner = _accession_kind(nested["outer"]), _accession_kind(nested["inner"])
    if outer not in _GENOMIC or inner in _GENOMIC:
        raise HgvsError("hgvs.reference")  # a genomic sequence with a transcript/protein in it
    return inner


# --- nucleotide grammars -------------------------------------------------------------------

_NUM = r"[1-9]\d*"
_COUNT = r"(?:\d+|\?|\((?:\d+|\?)_(?:\d+|\?)\))"  # copies: 12, ?, (20_30), (60_?)
_FOREIGN_ACC = r"(?:[A-Z]{1,2}_?\d+\.\d+|ENS[GT]\d{11}\.\d+|LRG_\d+(?:t\d+)?)"


def _nucleotide_grammar(types: str) -> re.Pattern[str]:
    # c.-14, c.*5, c.93+1, c.94-1; "?" an unknown position (+?/-? are refused later);
    # g., m. and o. number plainly
    transcript = rf"(?:[-*]?{_NUM}(?:[+-](?:{_NUM}|\?))?|\?)"
    pos = transcript if types in "cnr" else rf"(?:{_NUM}|\?)"
    if types == "r":
        nuc, any_nuc = "[acgubdhkmnrsvwy]", "n"
    else:
        nuc, any_nuc = "[ACGTBDHKMNRSVWY]", "N"
    seq = f"{nuc}+"
    point = rf"(?:{pos}|\({pos}_{pos}\))"
    loc = rf"{point}(?:_{point})?"
    length = rf"(?:{any_nuc}\[{_COUNT}\]|\({_NUM}(?:_{_NUM})?\))"
    foreign = rf"{_FOREIGN_ACC}(?:\({_FOREIGN_ACC}\))?:(?:[cgmnor]\.)?{loc}(?:inv)?"
    item = rf"(?:{seq}(?:\[{_COUNT}\])?|{length}|{loc}(?:inv)?|{foreign})"
    inserted = rf"(?:{item}|\[{item}(?:;{item})*\])"
    return re.compile(
        rf"""(?P<loc>{loc})(?:
            (?P<sref>{seq})>(?P<salt>{seq})
          | (?P<eqref>{nuc})?(?P<eq>=)
          | delins(?P<delins>{inserted})
          | del(?P<oldseq>{seq})ins(?P<oldins>{inserted})
          | (?P<del>del)(?:{seq}|{length})?
          | (?P<dup>dup)(?:{seq}|{length})?
          | ins(?P<ins>{inserted})
          | (?P<inv>inv)
          | con(?P<con>.+)
          | (?P<rpt>(?:{seq}\[{_COUNT}\])+|\[{_COUNT}\])
        )""",
        re.VERBOSE,
    )


_GRAMMARS = {t: _nucleotide_grammar(t) for t in "cgmnor"}
_POINT_SPLIT = re.compile(r"\(([^()]*)\)|([^_()]+)")
_POSITION = re.compile(r"([-*]?)(\d+)(?:([+-])(\d+))?")
_REGION = {"-": 0, "": 1, "*": 2}
_UNKNOWN_OFFSET = re.compile(r"[+-]\?")
_CDS_UNIT = re.compile(r"([A-Z]+)\[")
Key = tuple[int, int, int]


def _key(pos: str) -> Key | None:
    """Order of a position (region 5'UTR/CDS/3'UTR, base, offset); None when unknown."""
    if pos.isdigit():
        return (1, int(pos), 0)
    match = _POSITION.fullmatch(pos)
    if match is None:
        return None  # "?"
    base = int(match[2]) * (-1 if match[1] == "-" else 1)
    offset = int(match[4]) * (-1 if match[3] == "-" else 1) if match[3] else 0
    return (_REGION[match[1]], base, offset)


def _points(loc: str) -> list[list[str]]:
    """``(a_b)_(c_d)`` -> [[a, b], [c, d]]; ``a_b`` -> [[a], [b]]; ``(a_b)`` -> [[a, b]]."""
    return [inner.split("_") if inner else [plain] for inner, plain in _POINT_SPLIT.findall(loc)]


def _format(key: Key) -> str:
    region, base, offset = key
    text = {0: "-", 1: "", 2: "*"}[region] + str(abs(base))
    if offset:
        text += f"{offset:+d}"
    return text


def _next(key: Key) -> Key:
    """The position right after ``key`` when that follows from the numbers alone."""
    region, base, offset = key
    if offset:
        return (region, base, offset + 1)
    if region == 0:
        return (1, 1, 0) if base == -1 else (0, base + 1, 0)
    return (region, base + 1, 0)


def _adjacent(first: Key, second: Key) -> bool | None:
    """Whether two positions are neighbours; None when the numbers cannot tell (the
    length of an intron, the end of the coding sequence)."""
    if first[:2] == second[:2]:
        return second[2] - first[2] == 1
    if first[2] == 0 and second[2] == 0:
        if first[0] == second[0]:
            return second[1] - first[1] == 1
        if (first[0], second[0]) == (0, 1):
            return first[1] == -1 and second[1] == 1
    return None


def _check_order(coordinate: str, loc: str, edit: str) -> None:
    groups = _points(loc)
    if coordinate in "mo":
        return  # circular: a range may run across the origin, listed 3' to 5'
    keys = [_key(p) for group in groups for p in group]
    known = [k for k in keys if k is not None]
    for before, after in itertools.pairwise(known):
        if before == after:
            if len(groups) == 2 and all(len(g) == 1 for g in groups) and edit != "ins":
                raise _Refusal("hgvs.range_same", groups[0][0])  # 123_123del -> 123del
            raise _Refusal("hgvs.range_order")
        if before > after:
            if len(groups) == 2 and all(len(g) == 1 for g in groups):
                raise _Refusal("hgvs.range_order", f"{groups[1][0]}_{groups[0][0]}")
            raise _Refusal("hgvs.range_order")


def _unknown_offset_fix(loc: str) -> str | None:
    """``650-?_1331+?`` -> ``(649+1_650-1)_(1331+1_1332-1)`` (SVD-WG003, exon-based)."""
    parts = loc.split("_")
    fixed = []
    for part in parts:
        match = re.fullmatch(r"(\d+)([+-])\?", part)
        if match is None:
            if "?" in part.lstrip("?"):
                return None
            fixed.append(part)
            continue
        n = int(match[1])
        if match[2] == "-":
            if n < 2:
                return None
            fixed.append(f"({n - 1}+1_{n}-1)")
        else:
            fixed.append(f"({n}+1_{n + 1}-1)")
    return "_".join(fixed)


def _predicted(check: Callable[..., str], *args: Any) -> str:
    """A predicted variant in parentheses (``c.(76A>G)``): a fix keeps the parentheses."""
    try:
        return check(*args)
    except _Refusal as refusal:
        if refusal.fix is not None:
            refusal.fix = f"({refusal.fix})"
        raise


def _nucleotide_variant(coordinate: str, text: str) -> str:
    """Check one DNA/RNA variant (no allele brackets); its edit, or ``_Refusal``."""
    match = _GRAMMARS[coordinate].fullmatch(text)
    if match is None:
        if text.startswith("(") and text.endswith(")"):
            return _predicted(_nucleotide_variant, coordinate, text[1:-1])  # c.(76A>G)
        fixed = _case_fix(coordinate, text)
        if fixed != text and _GRAMMARS[coordinate].fullmatch(fixed):
            raise _Refusal("hgvs.nucleotide_case")  # c.76a>g, r.76A>G
        raise _Refusal("hgvs.syntax")
    loc = match["loc"]
    if coordinate in "cnr" and _UNKNOWN_OFFSET.search(loc):
        fix = _unknown_offset_fix(loc)
        raise _Refusal("hgvs.unknown_offset", fix and fix + text[len(loc) :])
    groups = _points(loc)
    single = len(groups) == 1
    if match["sref"] is not None:
        ref, alt = match["sref"], match["salt"]
        if not single or len(ref) != 1 or len(alt) != 1:
            # https://hgvs-nomenclature.org/stable/recommendations/DNA/substitution/: one
            # nucleotide by one other; more is a deletion-insertion
            raise _Refusal("hgvs.substitution_range", f"{loc}delins{alt}")
        if ref == alt:
            raise _Refusal("hgvs.unchanged", f"{loc}=")  # "c.123C>C is not allowed"
        edit = "sub"
    elif match["eq"]:
        if match["eqref"] and coordinate != "r":
            raise _Refusal("hgvs.syntax", f"{loc}=")  # r.109u= is RNA's form only
        edit = "unchanged"
    elif match["con"] is not None:
        # https://hgvs-nomenclature.org/stable/recommendations/DNA/conversion/: "con" is no
        # longer used (SVD-WG009); a conversion is a deletion-insertion
        rest = match["con"]
        inserted = f"[{rest}]" if ":" in rest and not rest.startswith("[") else rest
        raise _Refusal("hgvs.conversion", f"{loc}delins{inserted}")
    elif match["oldseq"] is not None:
        raise _Refusal("hgvs.delins_form", f"{loc}delins{match['oldins']}")
    elif match["rpt"] is not None:
        edit = "repeat"
        _check_repeat(coordinate, groups, match["rpt"], text)
    else:
        edit = next(
            name for name in ("delins", "del", "dup", "ins", "inv") if match[name] is not None
        )
    if edit == "ins":
        _check_insertion_flanks(coordinate, groups, text, loc)
    elif edit == "inv" and (single and len(groups[0]) == 1):
        raise _Refusal("hgvs.syntax")  # an inversion covers a range of nucleotides
    try:
        _check_order(coordinate, loc, edit)
    except _Refusal as refusal:
        if refusal.fix is not None:
            refusal.fix += text[len(loc) :]
        raise
    return edit


def _check_repeat(coordinate: str, groups: list[list[str]], units: str, text: str) -> None:
    if units.startswith("[") and (len(groups) != 2):
        raise _Refusal("hgvs.syntax")  # a repeat given by position needs its range
    if coordinate != "c":
        return
    # https://hgvs-nomenclature.org/stable/recommendations/DNA/repeated/: on c. a repeat
    # description is used only for units of a multiple of three nucleotides (in the
    # coding sequence: outside it, e.g. c.1210-33_1210-6GT[11]T[6], the frame is not hit)
    keys = [_key(p) for group in groups for p in group]
    in_cds = all(k is not None and k[0] == 1 and k[2] == 0 for k in keys)
    if in_cds and any(len(unit) % 3 for unit in _CDS_UNIT.findall(units)):
        raise _Refusal("hgvs.repeat_frame")


def _check_insertion_flanks(coordinate: str, groups: list[list[str]], text: str, loc: str) -> None:
    # https://hgvs-nomenclature.org/stable/recommendations/DNA/insertion/: "positions
    # flanking should contain two flanking nucleotides, e.g. 123_124, not 123_125"; an
    # uncertain site is written (123_456) and an unknown one ?_?.
    if len(groups) == 1 and len(groups[0]) == 2:
        return  # c.(222_226)insG
    if len(groups) == 1:
        key = _key(groups[0][0])
        fix = None if key is None else f"{loc}_{_format(_next(key))}{text[len(loc) :]}"
        raise _Refusal("hgvs.insertion_flanks", fix)
    if any(len(g) != 1 for g in groups):
        return  # uncertain flanks
    first, second = _key(groups[0][0]), _key(groups[1][0])
    if first is None or second is None or first >= second:
        return  # unknown, or reported by the order check
    if coordinate in "mo" or _adjacent(first, second) is not False:
        return
    fix = f"{groups[0][0]}_{_format(_next(first))}{text[len(loc) :]}"
    raise _Refusal("hgvs.insertion_flanks", fix)


_KEYWORDS_UPPER = re.compile(r"DELINS|DEL|INS|DUP|INV|CON")


def _upper_nucleotides(text: str) -> str:
    return _KEYWORDS_UPPER.sub(lambda m: m[0].lower(), text.upper())


def _case_fix(coordinate: str, text: str) -> str:
    return text.lower() if coordinate == "r" else _upper_nucleotides(text)


# --- protein grammar -------------------------------------------------------------------


def _protein_grammar(aa: str, ter: str, any_aa: str) -> re.Pattern[str]:
    aa, ter, any_aa = f"(?:{aa})", f"(?:{ter})", f"(?:{any_aa})"
    ref = rf"(?:{aa}|{ter})"
    pos = rf"{ref}{_NUM}"
    new_seq = rf"(?:(?:{aa}|{any_aa})+(?:{ter})?|{ter})"
    inserted = rf"(?:{new_seq}|(?:{any_aa})\[{_COUNT}\]|(?:{ter}){_NUM}|{pos}_{pos}|\({_NUM}\))"
    return re.compile(
        rf"""(?:
            (?P<eq_start>{pos})(?:_(?P<eq_end>{pos}))?=
          | (?P<start>{pos})(?:_(?P<end>{pos}))?(?:
                delins(?P<delins>{new_seq})
              | (?P<del>del)
              | (?P<dup>dup)
              | ins(?P<ins>{inserted})
              | (?P<rpt>\[{_COUNT}\])
            )
          | (?P<fs>{pos})(?P<fs_new>{aa}|{any_aa}|{ter})?fs(?:(?:{ter})(?P<fs_len>{_NUM}|\?))?
          | (?P<ext_n>{aa}1)ext-(?:{_NUM}|\?)
          | (?P<ext_c>(?:{ter}){_NUM})(?P<ext_new>{aa}|{any_aa})ext(?:{ter})(?:{_NUM}|\?)
          | (?P<sub>{pos})(?P<sub_new>{aa}|{any_aa}|{ter}|\?)
        )""",
        re.VERBOSE,
    )


_PROTEIN3 = _protein_grammar(_AA3, r"Ter|\*", "Xaa|X")
_PROTEIN1 = _protein_grammar("[ARNDCQEGHILKMFPSTWYVUO]", r"\*", "X")
_PREDICTED_REPEAT3 = re.compile(rf"\((?:{_AA3})[1-9]\d*\)\[{_COUNT}\]")  # p.(Gln18)[(70_80)]
_PREDICTED_REPEAT1 = re.compile(rf"\([ARNDCQEGHILKMFPSTWYVUO][1-9]\d*\)\[{_COUNT}\]")
_PPOS = re.compile(r"(\D+)(\d+)")
_ONE_LETTER_TOKEN = re.compile(r"[ARNDCQEGHILKMFPSTWYVUOX*]")


def _protein_variant(text: str, one_letter: bool) -> str:
    """Check one protein variant; its edit, or ``_Refusal``."""
    grammar = _PROTEIN1 if one_letter else _PROTEIN3
    match = grammar.fullmatch(text)
    if match is None:
        predicted = _PREDICTED_REPEAT1 if one_letter else _PREDICTED_REPEAT3
        if predicted.fullmatch(text):
            return "repeat"
        if text.startswith("(") and text.endswith(")"):
            return _predicted(_protein_variant, text[1:-1], one_letter)  # p.(Arg117His)
        raise _Refusal("hgvs.syntax")
    stop = "*" if one_letter else "Ter"
    if match["eq_start"]:
        _check_protein_range(match["eq_start"], match["eq_end"], "unchanged")
        return "unchanged"
    if match["start"]:
        edit = next(
            name for name in ("delins", "del", "dup", "ins", "rpt") if match[name] is not None
        )
        start, end = match["start"], match["end"]
        if edit == "ins":
            # https://hgvs-nomenclature.org/stable/recommendations/protein/insertion/: two
            # flanking residues, "an insertion can not be described using one position"
            if end is None or _residue(end)[1] - _residue(start)[1] != 1:
                if end is not None and _residue(end)[1] <= _residue(start)[1]:
                    raise _Refusal("hgvs.range_order")
                raise _Refusal("hgvs.insertion_flanks")
        else:
            try:
                _check_protein_range(start, end, edit)
            except _Refusal as refusal:
                if refusal.fix is not None:
                    refusal.fix += text[len(start) + 1 + len(end or "") :]
                raise
        return "repeat" if edit == "rpt" else edit
    if match["fs"]:
        # https://hgvs-nomenclature.org/stable/recommendations/protein/substitution/: "not
        # p.Tyr4TerfsTer1 but p.Tyr4Ter"
        if _is_stop(match["fs_new"]) or match["fs_len"] == "1":
            raise _Refusal("hgvs.frameshift_nonsense", f"{match['fs']}{stop}")
        return "fs"
    if match["ext_n"]:
        if _residue(match["ext_n"])[0] not in ("Met", "M"):
            raise _Refusal("hgvs.syntax")  # an N-terminal extension starts at Met1
        return "ext"
    if match["ext_c"]:
        return "ext"
    position, new = match["sub"], match["sub_new"]
    residue, number = _residue(position)
    if _is_stop(residue):
        # a no-stop change is an extension: p.Ter110GlnextTer17 (extension page)
        raise _Refusal("hgvs.protein_extension", f"{position}{new}ext{stop}?")
    if new == "?":
        if (residue, number) not in (("Met", 1), ("M", 1)):
            raise _Refusal("hgvs.syntax")  # only Met1? (start codon, consequence unknown)
        return "unknown"
    if new == residue:
        raise _Refusal("hgvs.unchanged", f"{position}=")  # p.Arg117Arg -> p.Arg117=
    if number == 1 and residue in ("Met", "M"):
        # "Do not use descriptions like p.Met1Thr" (protein substitution page)
        raise _Refusal("hgvs.protein_start", f"{position}?")
    return "sub"


def _residue(position: str) -> tuple[str, int]:
    match = _PPOS.fullmatch(position)
    assert match is not None
    return match[1], int(match[2])


def _is_stop(residue: str | None) -> bool:
    return residue in ("Ter", "*")


def _check_protein_range(start: str, end: str | None, edit: str) -> None:
    if end is None:
        return
    a, b = _residue(start)[1], _residue(end)[1]
    if a == b:
        raise _Refusal("hgvs.range_same", start if edit != "rpt" else None)
    if a > b:
        raise _Refusal("hgvs.range_order", f"{end}_{start}")


def _three_letter(text: str) -> str:
    """p.R117H -> p.Arg117His (``*`` -> Ter, ``X`` -> Xaa)."""

    def name(match: re.Match[str]) -> str:
        letter = match[0]
        return {"*": "Ter", "X": "Xaa"}.get(letter) or _AA1_TO_3[letter]

    return _ONE_LETTER_TOKEN.sub(name, text)


# --- the allele layer ------------------------------------------------------------------

# Whole descriptions of their own: c.= (no change in what was analysed), c.? (unknown),
# r.0 / p.0 (no RNA / protein), p.0? (predicted), r.spl (splicing affected, RNA not
# analysed), and the predicted forms in parentheses.
_WHOLE = {
    "=": "unchanged",
    "(=)": "unchanged",
    "?": "unknown",
    "(?)": "unknown",
}
_WHOLE_FOR = {
    "r": {"0": "absent", "spl": "splicing"},
    "p": {"0": "absent", "0?": "absent"},
}
_ALLELE_CONTENT = {"=": "unchanged", "?": "unknown", "0": "absent"}


def _split(body: str, separators: tuple[str, ...]) -> list[tuple[str, int, str]]:
    """Split at depth 0: [(element, offset, separator before it)]."""
    parts: list[tuple[str, int, str]] = []
    depth = 0
    start = 0
    before = ""
    i = 0
    while i < len(body):
        char = body[i]
        if depth == 0:
            sep = next((s for s in separators if body.startswith(s, i)), None)
            if sep is not None:
                parts.append((body[start:i], start, before))
                before = sep
                i += len(sep)
                start = i
                continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                raise _Refusal("hgvs.syntax")
        i += 1
    if depth != 0:
        raise _Refusal("hgvs.syntax")
    parts.append((body[start:], start, before))
    return parts


class _Body:
    """Checks the part after ``c.``: one variant, or alleles of variants."""

    def __init__(self, coordinate: str, body: str) -> None:
        self.coordinate = coordinate
        self.body = body
        self.one_letter = False
        self.count = 0

    def variant(self, text: str, offset: int) -> str:
        self.count += 1
        try:
            if self.coordinate != "p":
                return _nucleotide_variant(self.coordinate, text)
            return self.protein(text)
        except _Refusal as refusal:
            if refusal.code == "hgvs.nucleotide_case" and refusal.fix is None:
                refusal.fix = _case_fix(self.coordinate, text)
            if refusal.fix is not None:
                refusal.fix = self.body[:offset] + refusal.fix + self.body[offset + len(text) :]
            raise

    def protein(self, text: str) -> str:
        try:
            return _protein_variant(text, False)
        except _Refusal as refusal:
            if refusal.code != "hgvs.syntax":
                raise
            try:
                edit = _protein_variant(text, True)  # p.R117H: accepted with a warning
            except _Refusal as one_letter:
                if one_letter.code == "hgvs.syntax":
                    raise refusal from None
                raise
            self.one_letter = True
            return edit

    def parse(self) -> str:
        body, coordinate = self.body, self.coordinate
        whole = _WHOLE.get(body) or _WHOLE_FOR.get(coordinate, {}).get(body)
        if whole is not None:
            return whole
        if body.startswith("([") and body.endswith("])"):
            # https://hgvs-nomenclature.org/stable/recommendations/protein/alleles/: "the
            # parentheses are placed inside of the allele brackets": p.[(Ser68Arg;Asn594del)]
            fix = "[(" + body[2:-2].replace("];[", ")];[(") + ")]"
            raise _Refusal("hgvs.allele_parentheses", fix)
        if ";" not in body and not body.startswith("["):
            return self.variant(body, 0)
        elements = _split(body, ("(;)", ";"))
        if len(elements) == 1 and not _bracketed(body):
            return self.variant(body, 0)  # a ";" inside: c.419_420ins[T;401_419]
        for index, (element, offset, before) in enumerate(elements):
            if _COORDINATE.match(element):
                raise _Refusal("hgvs.syntax")  # c.[76A>C];g.[10091C>G]: one reference type
            if before == ";":
                previous = elements[index - 1][0]
                if coordinate == "p" and _is_count(element) and not _bracketed(previous):
                    continue  # p.Ala2[10];[11]: the copies on the second allele
                if not (_bracketed(element) and _bracketed(previous)):
                    # https://hgvs-nomenclature.org/stable/recommendations/DNA/alleles/:
                    # variants in cis inside one pair of brackets, c.[76A>C;83G>C], in
                    # trans each allele in its own, c.[76A>C];[83G>C]
                    cis = "[" not in body and "(;)" not in body
                    raise _Refusal("hgvs.allele_brackets", f"[{body}]" if cis else None)
            if _bracketed(element):
                self.allele(element[1:-1], offset + 1)
            elif not element:
                raise _Refusal("hgvs.syntax")
            else:
                self.variant(element, offset)
        return "allele"

    def allele(self, content: str, offset: int) -> None:
        if content in _ALLELE_CONTENT:
            return  # c.[76A>C];[=], [?], [0] (no second X chromosome)
        if not content:
            raise _Refusal("hgvs.syntax")  # c.[76A>C];[] (varnomen: write c.[76A>C];[76=])
        separators = ("(;)", ";", ",") if self.coordinate in "rp" else ("(;)", ";")
        if content.startswith("(") and content.endswith(")"):
            inner = _split(content[1:-1], separators)
            if len(inner) > 1:  # p.[(Ser73Arg;Asn103del)]: all of them predicted
                for element, inner_offset, _ in inner:
                    self.allele_item(element, offset + 1 + inner_offset)
                return
        for element, inner_offset, _ in _split(content, separators):
            self.allele_item(element, offset + inner_offset)

    def allele_item(self, element: str, offset: int) -> None:
        if element in ("=", "?"):
            return  # r.[=,73_88del]: a normal transcript beside a changed one
        if not element or element.startswith("["):
            raise _Refusal("hgvs.syntax")
        self.variant(element, offset)


def _bracketed(element: str) -> bool:
    return element.startswith("[") and element.endswith("]")


_COUNT_ONLY = re.compile(rf"\[{_COUNT}\]")


def _is_count(text: str) -> bool:
    return _COUNT_ONLY.fullmatch(text) is not None


# --- the entry point -------------------------------------------------------------------

_COORDINATE = re.compile(r"([a-z])\.")


# The most common shape on the form (a RefSeq accession, exact positions, one simple edit),
# checked by one expression and a few comparisons; anything else, or anything this finds
# wrong, takes the general path (which then gives the reason). Validation speed is a
# requirement (packing and the registry import validate every record).
_FAST = re.compile(
    r"""(?P<kind>N[MRCG])_\d+\.\d+:(?P<type>[cgn])\.
    (?P<a>[-*]?[1-9]\d*(?:[+-][1-9]\d*)?)(?:_(?P<b>[-*]?[1-9]\d*(?:[+-][1-9]\d*)?))?
    (?:(?P<ref>[ACGT])>(?P<alt>[ACGT])|(?P<edit>del|dup)[ACGT]*|(?P<inv>inv)|(?P<ins>ins|delins)[ACGT]+)""",
    re.VERBOSE,
)


def _fast(description: str) -> HgvsVariant | None:
    """The common case, or None (then the general path decides)."""
    match = _FAST.fullmatch(description)
    if match is None or match["type"] not in _TYPES_FOR[match["kind"]]:
        return None
    a, b = match["a"], match["b"]
    if match["type"] == "g" and not (a.isdigit() and (b is None or b.isdigit())):
        return None
    edit = match["edit"] or match["inv"] or match["ins"]
    if edit is None:
        if b is not None or match["ref"] == match["alt"]:
            return None
        edit = "sub"
    elif b is None:
        if edit in ("ins", "inv"):
            return None
    else:
        first, second = _key(a), _key(b)
        if first is None or second is None or first >= second:
            return None
        if edit == "ins" and _adjacent(first, second) is False:
            return None
    return HgvsVariant(description[: description.index(":")], match["type"], edit)


def parse(description: str) -> HgvsVariant:
    """Check ``description`` against the nomenclature; raise ``HgvsError`` if it is refused.
    Accepted one-letter amino-acid codes come back with a warning and the three-letter form
    as ``suggestion``."""
    return _fast(description) or _parse(description)


def _parse(description: str) -> HgvsVariant:
    """The general path (``parse`` without the shortcut for the common case)."""
    reference, sep, rest = description.partition(":")
    if not sep:
        raise HgvsError("hgvs.reference")
    kind = _reference_kind(reference)
    match = _COORDINATE.match(rest)
    if match is None:
        raise HgvsError("hgvs.syntax")
    coordinate = match[1]
    if coordinate not in "cgmnorp":
        raise HgvsError("hgvs.syntax")
    if coordinate not in _TYPES_FOR[kind]:
        raise HgvsError("hgvs.type_mismatch")
    body = rest[2:]
    head = description[: len(reference) + 3]
    checker = _Body(coordinate, body)
    try:
        edit = checker.parse()
    except _Refusal as refusal:
        suggestion = None if refusal.fix is None else head + refusal.fix
        raise HgvsError(refusal.code, suggestion) from None
    if checker.one_letter:
        return HgvsVariant(
            reference,
            coordinate,
            edit,
            warnings=("hgvs.protein_one_letter",),
            suggestion=head + _three_letter(body),
        )
    return HgvsVariant(reference, coordinate, edit)


def is_valid(description: str) -> bool:
    """Accepted (possibly with warnings)."""
    try:
        parse(description)
    except HgvsError:
        return False
    return True
